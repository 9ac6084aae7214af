import type { DeviceResult, HostProbes, PartError, PollPart } from '@xiaowang/shared';
import { compileAccepts, deviceResultSchema, hostProbesSchema } from '@xiaowang/shared';
import type { z } from 'zod';

/*
 * A device may send text longer than the report contract carries (a 10 KB sysDescr, a
 * 300-byte ifPhysAddress) or more rows than it allows. That must cost the value, never the
 * report: the agent would otherwise fail to build any report while that device lies. Text
 * and lists over a cap are cut to it and the cut is said in a part error; anything else the
 * contract refuses turns that one device into an error result that names the field.
 */

const SNAPSHOT_PARTS: Readonly<Record<string, PollPart>> = {
  interfaces: 'interfaces',
  ipv6: 'ipv6',
  ipv6Forwarding: 'routes',
  ipv6DefaultRoutes: 'routes',
  lldpNeighbors: 'lldp',
  entity: 'entity',
  apCount: 'wireless',
  apsOnline: 'wireless',
  apSource: 'wireless',
  aps: 'wireless',
};
const MAX_PART_ERRORS = 100;
const MAX_MESSAGE = 2048;

type Issue = z.core.$ZodIssue;

interface Cut {
  readonly part: PollPart;
  readonly path: string;
  readonly from: number;
  readonly to: number;
}

function partOf(path: readonly PropertyKey[]): PollPart {
  if (path[0] === 'snapshot') return SNAPSHOT_PARTS[String(path[1])] ?? 'system';
  if (path[0] === 'rates') return 'interfaces';
  return 'system';
}

function isCuttable(issue: Issue): boolean {
  return issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array');
}

/** Cuts the value at `path` to `max`; returns its length before, or undefined if not cut. */
function cutAt(root: unknown, path: readonly PropertyKey[], max: number): number | undefined {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return undefined;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = path.at(-1);
  if (typeof parent !== 'object' || parent === null || last === undefined) return undefined;
  const holder = parent as Record<PropertyKey, unknown>;
  const value = holder[last];
  if (typeof value !== 'string' && !Array.isArray(value)) return undefined;
  holder[last] = value.slice(0, max);
  return value.length;
}

function describeCuts(part: PollPart, cuts: readonly Cut[]): PartError {
  const list = cuts.map((c) => `${c.path} (${c.from} → ${c.to})`).join(', ');
  const message =
    `the device sent ${cuts.length} value(s) longer than a report may carry; ` +
    `kept the first characters or rows of each: ${list}`;
  return { part, code: 'PROTOCOL', retryable: false, message: message.slice(0, MAX_MESSAGE) };
}

function withCuts(result: DeviceResult, cuts: readonly Cut[]): DeviceResult {
  if (cuts.length === 0 || result.outcome !== 'ok') return result;
  const parts = [...new Set(cuts.map((c) => c.part))];
  const room = Math.max(0, MAX_PART_ERRORS - result.partErrors.length);
  const added = parts.slice(0, room).map((part) =>
    describeCuts(
      part,
      cuts.filter((c) => c.part === part),
    ),
  );
  return { ...result, partErrors: [...result.partErrors, ...added] };
}

function refused(result: DeviceResult, issues: readonly Issue[]): DeviceResult {
  const first = issues[0];
  const where = first === undefined ? '' : `${first.path.map(String).join('.')}: ${first.message}`;
  return deviceError(
    result,
    `the device sent values the report cannot carry (${where}); nothing from it was reported this cycle`,
  );
}

/** The device's result replaced by a PROTOCOL error saying `message`: nothing else of it is sent. */
export function deviceError(result: DeviceResult, message: string): DeviceResult {
  return {
    outcome: 'error',
    target: result.target,
    meta: result.meta,
    error: {
      code: 'PROTOCOL',
      retryable: false,
      message: message.slice(0, MAX_MESSAGE),
    },
  };
}

/**
 * Host probes as the contract accepts them: what a probe tried is free text built from this
 * host's interfaces and resolvers (a gateway with many Docker bridges lists them all), so
 * over-long lines are cut; null when even that does not fit.
 */
export function fitHostProbes(host: HostProbes | null): HostProbes | null {
  if (host === null || hostProbesSchema.safeParse(host).success) return host;
  const copy = structuredClone(host);
  for (let pass = 0; pass < 3; pass++) {
    const parsed = hostProbesSchema.safeParse(copy);
    if (parsed.success) return parsed.data;
    if (!parsed.error.issues.every(isCuttable)) return null;
    for (const issue of parsed.error.issues) {
      if (issue.code === 'too_big') cutAt(copy, issue.path, Number(issue.maximum));
    }
  }
  return null;
}

const acceptsDeviceResult = compileAccepts(deviceResultSchema);

/** The result as the contract accepts it: over-long values cut and said, else an error. */
export function fitToContract(result: DeviceResult): DeviceResult {
  // Nearly every result passes: proved without zod's copy; zod itself says what is wrong.
  if (acceptsDeviceResult(result)) return result;
  const first = deviceResultSchema.safeParse(result);
  if (first.success) return result;
  const copy = structuredClone(result);
  const cuts: Cut[] = [];
  let issues = first.error.issues;
  for (let pass = 0; pass < 3 && issues.every(isCuttable); pass++) {
    for (const issue of issues) {
      if (issue.code !== 'too_big') continue;
      const to = Number(issue.maximum);
      const from = cutAt(copy, issue.path, to);
      if (from !== undefined) {
        cuts.push({ part: partOf(issue.path), path: issue.path.map(String).join('.'), from, to });
      }
    }
    const again = deviceResultSchema.safeParse(withCuts(copy, cuts));
    if (again.success) return again.data;
    issues = again.error.issues;
  }
  return refused(result, issues);
}
