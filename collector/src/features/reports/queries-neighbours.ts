import type { Insertable } from 'kysely';
import type {
  Db,
  DeviceIpv6AddressesTable,
  DeviceIpv6DefaultRoutesTable,
  LldpNeighborsTable,
} from '../../db/schema.ts';
import { runBulk, runKeyed } from './bulk.ts';

/* What a device sees right now: its IPv6 addresses and LLDP neighbours, replaced per poll. */

export async function replaceIpv6Addresses(
  db: Db,
  deviceId: number,
  rows: readonly Insertable<DeviceIpv6AddressesTable>[],
): Promise<void> {
  await runKeyed(db, 'delete-device_ipv6_addresses', { deviceId }, (p) =>
    db.deleteFrom('device_ipv6_addresses').where('device_id', '=', p.deviceId),
  );
  await runBulk(db, 'device-ipv6', rows, (chunk) =>
    db
      .insertInto('device_ipv6_addresses')
      .values(chunk)
      .onConflict((oc) => oc.doNothing()),
  );
}

export async function replaceLldpNeighbors(
  db: Db,
  deviceId: number,
  rows: readonly Insertable<LldpNeighborsTable>[],
): Promise<void> {
  await runKeyed(db, 'delete-lldp_neighbors', { deviceId }, (p) =>
    db.deleteFrom('lldp_neighbors').where('device_id', '=', p.deviceId),
  );
  await runBulk(db, 'lldp', rows, (chunk) => db.insertInto('lldp_neighbors').values(chunk));
}

export async function replaceIpv6DefaultRoutes(
  db: Db,
  deviceId: number,
  rows: readonly Insertable<DeviceIpv6DefaultRoutesTable>[],
): Promise<void> {
  await runKeyed(db, 'delete-device_ipv6_default_routes', { deviceId }, (p) =>
    db.deleteFrom('device_ipv6_default_routes').where('device_id', '=', p.deviceId),
  );
  await runBulk(db, 'ipv6-default-routes', rows, (chunk) =>
    db.insertInto('device_ipv6_default_routes').values(chunk),
  );
}
