import type { SnmpError } from './errors.ts';
import type { PackedVarbinds } from './packed-varbinds.ts';
import type { Varbind } from './varbind.ts';

/** What a walk brought back. A walk cut short keeps the rows it got and says why it stopped. */
export interface WalkResult {
  readonly varbinds: readonly Varbind[];
  readonly error?: SnmpError | undefined;
  /** The same values still packed in their datagrams, when the client read them so. */
  readonly packed?: PackedVarbinds;
}

export interface GetResult {
  /** One entry per requested OID; undefined where the agent said noSuchObject/noSuchInstance. */
  readonly varbinds: readonly (Varbind | undefined)[];
  readonly error?: SnmpError;
}

/** How the exchange went, for the report's `meta`. */
export interface SnmpStats {
  requests: number;
  retries: number;
  timeouts: number;
  varbinds: number;
}

export interface WalkOptions {
  /** Stop after this many varbinds (protects against a table that never ends). */
  readonly maxRows?: number;
}

/** What `readPlan` brings back: each scalar (undefined when absent) and each walk. */
export interface PlanReadResult {
  readonly scalars: ReadonlyMap<string, Varbind | undefined>;
  readonly scalarErrors: ReadonlyMap<string, SnmpError>;
  readonly walks: ReadonlyMap<string, WalkResult>;
}

/**
 * The narrow interface every check talks to. `net-snmp-client.ts` implements it over UDP;
 * tests can use any object of this shape.
 */
export interface SnmpClient {
  get(oids: readonly string[]): Promise<GetResult>;
  walk(subtree: string, options?: WalkOptions): Promise<WalkResult>;
  /**
   * Reads a poll's scalars and subtrees together, sharing requests between them. Optional:
   * without it the poller GETs the scalars and walks one subtree at a time.
   */
  readPlan?(
    scalars: readonly string[],
    subtrees: readonly string[],
    options?: WalkOptions,
  ): Promise<PlanReadResult>;
  readonly stats: SnmpStats;
  close(): void;
}

export function newStats(): SnmpStats {
  return { requests: 0, retries: 0, timeouts: 0, varbinds: 0 };
}
