import type { Db } from '../../../db/schema.ts';

export function selectPortIds(db: Db, ports: readonly { deviceId: number; ifIndex: number }[]) {
  if (ports.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('interfaces')
    .select(['id', 'device_id', 'if_index'])
    .where((eb) =>
      eb.or(
        ports.map((p) =>
          eb.and([eb('device_id', '=', p.deviceId), eb('if_index', '=', p.ifIndex)]),
        ),
      ),
    )
    .execute();
}

export const selectPortSamples = (db: Db, interfaceId: number, from: string, to: string) =>
  db
    .selectFrom('interface_samples')
    .select(['sampled_at', 'in_bps', 'out_bps'])
    .where('interface_id', '=', interfaceId)
    .where('sampled_at', '>=', from)
    .where('sampled_at', '<', to)
    .orderBy('sampled_at')
    .execute();
