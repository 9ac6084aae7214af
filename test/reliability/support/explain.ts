import type { DeviceResult, DeviceSnapshot, PollPart } from '@xiaowang/shared';

/*
 * "Always says what it skipped": compares what a lying device gave with what the same device
 * gave when it told the truth, part by part, and lists every part that came back with less
 * and carries no part error (and was not skipped on purpose) to say so.
 */

const nonNull = (values: readonly unknown[]): number =>
  values.filter((v) => v !== null && v !== undefined).length;

/** How much of each part a snapshot holds: rows plus filled cells. */
export function partSizes(s: DeviceSnapshot): Record<PollPart, number> {
  return {
    system: nonNull([s.sysObjectID, s.sysDescr, s.sysName, s.sysUpTime, s.sysLocation]),
    interfaces: s.interfaces.reduce(
      (n, row) =>
        n +
        1 +
        nonNull([
          row.ifName,
          row.ifDescr,
          row.ifAlias,
          row.ifSpeed,
          row.ifHighSpeed,
          row.ifOperStatus,
          row.inOctets,
          row.outOctets,
        ]),
      0,
    ),
    ipv6: s.ipv6.length,
    routes: (s.ipv6DefaultRoutes?.length ?? 0) + nonNull([s.ipv6Forwarding]),
    lldp: s.lldpNeighbors.length,
    entity: s.entity === null ? 0 : 1 + nonNull([s.entity.model, s.entity.serial]),
    wireless: (s.apCount ?? 0) + (s.aps?.length ?? 0),
  };
}

/** Parts with less than the reference and nothing in the result that says why. */
export function unexplainedLosses(reference: DeviceResult, got: DeviceResult): string[] {
  if (got.outcome === 'error') {
    return got.error.message.length > 0 ? [] : [`error ${got.error.code} without a message`];
  }
  if (reference.outcome !== 'ok') return [];
  const want = partSizes(reference.snapshot);
  const have = partSizes(got.snapshot);
  const said = new Set<string>([...got.partErrors.map((e) => e.part), ...(got.skipped ?? [])]);
  const out: string[] = [];
  for (const part of Object.keys(want) as PollPart[]) {
    if (have[part] < want[part] && !said.has(part)) {
      out.push(`${part}: ${have[part]} of ${want[part]} values and no part error`);
    }
  }
  return out;
}

/** Parts the result admits to not having read fully. */
export function partsSkipped(got: DeviceResult): string[] {
  if (got.outcome === 'error') return [`device (${got.error.code})`];
  return [
    ...new Set([
      ...got.partErrors.map((e) => `${e.part} (${e.code})`),
      ...(got.skipped ?? []).map((p) => `${p} (skipped)`),
    ]),
  ];
}
