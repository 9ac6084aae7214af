import type { DeviceResult, PollPart } from '@xiaowang/shared';

/**
 * What the agent reads of a device's result once its report is packed: whether it answered,
 * how many values it gave, which parts failed or were skipped (the inventory schedule) and
 * the management addresses its LLDP neighbours gave (discovery). A DeviceResult is one too.
 */
export type DeviceOutline =
  | {
      readonly outcome: 'ok';
      readonly target: DeviceResult['target'];
      readonly meta: Pick<DeviceResult['meta'], 'varbinds'>;
      readonly snapshot: {
        readonly lldpNeighbors: readonly { readonly remoteManagementAddress?: string | null }[];
      };
      readonly partErrors: readonly { readonly part: PollPart }[];
      readonly skipped?: readonly PollPart[];
    }
  | {
      readonly outcome: 'error';
      readonly target: DeviceResult['target'];
      readonly meta: Pick<DeviceResult['meta'], 'varbinds'>;
    };

export function outlineOf(result: DeviceResult): DeviceOutline {
  const meta = { varbinds: result.meta.varbinds };
  if (result.outcome !== 'ok') return { outcome: 'error', target: result.target, meta };
  const lldpNeighbors = [];
  for (const n of result.snapshot.lldpNeighbors) {
    const address = n.remoteManagementAddress ?? null;
    if (address !== null) lldpNeighbors.push({ remoteManagementAddress: address });
  }
  return {
    outcome: 'ok',
    target: result.target,
    meta,
    snapshot: { lldpNeighbors },
    partErrors: result.partErrors.map((e) => ({ part: e.part })),
    ...(result.skipped === undefined ? {} : { skipped: result.skipped }),
  };
}
