import type { DeviceResult, PollPart } from '@xiaowang/shared';

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

const NONE: ReadonlySet<PollPart> = new Set();

/** The parts of a poll that failed or were skipped: what is stored for them stays. */
export function keptParts(result: OkResult): ReadonlySet<PollPart> {
  const skipped = result.skipped ?? [];
  // The usual poll read everything; it needs no set of its own.
  if (result.partErrors.length === 0 && skipped.length === 0) return NONE;
  return new Set([...result.partErrors.map((e) => e.part), ...skipped]);
}
