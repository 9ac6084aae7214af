import type { DeviceSnapshot, PollPart } from '@xiaowang/shared';
import type { WalkSet } from '../snmp/walk-set.ts';

/** What the poller knows before it plans the rest of a poll: the system group. */
export interface PollContext {
  /** Dotted, without a leading dot; null when the device did not say. */
  readonly sysObjectID: string | null;
  /** N from 1.3.6.1.4.1.N.…, or null. */
  readonly enterprise: number | null;
  readonly sysDescr: string | null;
}

export interface WalkPlan {
  /** OIDs fetched with GET (scalars, `.0` instances). */
  readonly scalars: readonly string[];
  /** Subtrees walked with GETBULK; a subtree under another planned one is not walked twice. */
  readonly subtrees: readonly string[];
}

/**
 * A check reads one part of a device. It says what it needs (`plan`) and turns what was
 * read into snapshot fields (`extract`, a pure function). It never talks to the network.
 */
export interface Check<K extends keyof DeviceSnapshot> {
  readonly part: PollPart;
  plan(ctx: PollContext): WalkPlan;
  extract(ws: WalkSet, ctx: PollContext): Pick<DeviceSnapshot, K>;
}
