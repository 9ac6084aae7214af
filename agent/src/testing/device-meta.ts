import type { DeviceResult } from '@xiaowang/shared';

/** The `meta` of a device result that tests build by hand: one request, one value. */
export const testMeta: DeviceResult['meta'] = {
  startedAt: new Date(0).toISOString(),
  durationMs: 1,
  requests: 1,
  retries: 0,
  timeouts: 0,
  varbinds: 1,
};
