import type { ReadContext } from '../../../context.ts';
import { deviceOrNotFound } from '../lookups.ts';
import { selectInterfaces, selectIpv6Addresses, selectLldpNeighbors, toDevice } from './queries.ts';
import type { DeviceDetail } from './schema.ts';

export async function getDevice({ db, input }: ReadContext<{ id: number }>): Promise<DeviceDetail> {
  const row = await deviceOrNotFound(db, input.id);
  return {
    ...toDevice(row),
    sysUpTime: row.sys_up_time,
    ipv6Forwarding: row.ipv6_forwarding === null ? null : row.ipv6_forwarding === 1,
    ipv6DefaultRoutes: row.ipv6_default_routes,
    interfaces: await selectInterfaces(db, row.id),
    ipv6Addresses: await selectIpv6Addresses(db, row.id),
    lldpNeighbors: await selectLldpNeighbors(db, row.id),
  };
}
