import type { Insertable } from 'kysely';
import type {
  Db,
  DeviceIpv6AddressesTable,
  DeviceIpv6DefaultRoutesTable,
  LldpNeighborsTable,
} from '../../db/schema.ts';
import { runBulk, runKeyed } from './bulk.ts';

/*
 * What a device sees right now: its IPv6 addresses, default routes and LLDP neighbours,
 * replaced per poll. A switch's lists rarely change from one poll to the next, so when the
 * poll lists what is stored, only last_seen_at is refreshed, in place. That writes one page
 * where a delete and an insert write the table's pages and its index's pages, and pages
 * written are most of what a commit costs. The rows stored end up the same either way.
 */

type Row = Record<string, unknown>;

/** The columns that identify what a row says, without device_id and last_seen_at. */
const ADDRESS_COLUMNS = ['if_index', 'address', 'prefix_length', 'type', 'source'] as const;
const ROUTE_COLUMNS = ['if_index', 'next_hop', 'route_type', 'protocol'] as const;
const LLDP_COLUMNS = [
  'local_port_num',
  'local_if_index',
  'local_port',
  'remote_chassis_id',
  'remote_sys_name',
  'remote_port_id',
  'remote_port_desc',
  'remote_management_address',
] as const;

const fingerprint = (row: Row, columns: readonly string[]): string =>
  JSON.stringify(columns.map((c) => row[c] ?? null));

/**
 * Whether `incoming` says exactly what `stored` says. In order when `ordered` (the rows have
 * an id that readers sort by), else as a multiset (the table has no order of its own).
 */
function sameRows(
  stored: readonly Row[],
  incoming: readonly Row[],
  columns: readonly string[],
  ordered: boolean,
): boolean {
  if (stored.length !== incoming.length) return false;
  // A switch lists one or two of each: compared in place, they need no fingerprints.
  if (ordered || stored.length === 1)
    return stored.every((r, i) => sameRow(r, incoming[i], columns));
  const a = stored.map((r) => fingerprint(r, columns));
  const b = incoming.map((r) => fingerprint(r, columns));
  if (!ordered) {
    a.sort();
    b.sort();
  }
  return a.every((s, i) => s === b[i]);
}

/** Whether two rows say the same in `columns`, as their fingerprints would tell. */
function sameRow(a: Row, b: Row | undefined, columns: readonly string[]): boolean {
  return b !== undefined && columns.every((c) => (a[c] ?? null) === (b[c] ?? null));
}

/** The rows an insert with ON CONFLICT DO NOTHING keeps: the first of each key. */
function firstOfEachKey<R extends Row>(rows: readonly R[], key: readonly string[]): readonly R[] {
  if (rows.length < 2) return rows;
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = fingerprint(r, key);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export async function replaceIpv6Addresses(
  db: Db,
  deviceId: number,
  seenAt: string,
  rows: readonly Insertable<DeviceIpv6AddressesTable>[],
): Promise<void> {
  const { rows: stored } = await runKeyed(db, 'select-device_ipv6_addresses', { deviceId }, (p) =>
    db
      .selectFrom('device_ipv6_addresses')
      .select(ADDRESS_COLUMNS)
      .where('device_id', '=', p.deviceId),
  );
  const kept = firstOfEachKey(rows, ['if_index', 'address']);
  if (sameRows(stored, kept, ADDRESS_COLUMNS, false)) {
    if (stored.length === 0) return;
    await runKeyed(db, 'touch-device_ipv6_addresses', { seenAt, deviceId }, (p) =>
      db
        .updateTable('device_ipv6_addresses')
        .set({ last_seen_at: p.seenAt })
        .where('device_id', '=', p.deviceId),
    );
    return;
  }
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
  seenAt: string,
  rows: readonly Insertable<LldpNeighborsTable>[],
): Promise<void> {
  // In id order: the device page lists neighbours of one port in the order they were stored.
  const { rows: stored } = await runKeyed(db, 'select-lldp_neighbors', { deviceId }, (p) =>
    db
      .selectFrom('lldp_neighbors')
      .select(LLDP_COLUMNS)
      .where('device_id', '=', p.deviceId)
      .orderBy('id'),
  );
  if (sameRows(stored, rows, LLDP_COLUMNS, true)) {
    if (stored.length === 0) return;
    await runKeyed(db, 'touch-lldp_neighbors', { seenAt, deviceId }, (p) =>
      db
        .updateTable('lldp_neighbors')
        .set({ last_seen_at: p.seenAt })
        .where('device_id', '=', p.deviceId),
    );
    return;
  }
  await runKeyed(db, 'delete-lldp_neighbors', { deviceId }, (p) =>
    db.deleteFrom('lldp_neighbors').where('device_id', '=', p.deviceId),
  );
  await runBulk(db, 'lldp', rows, (chunk) => db.insertInto('lldp_neighbors').values(chunk));
}

export async function replaceIpv6DefaultRoutes(
  db: Db,
  deviceId: number,
  seenAt: string,
  rows: readonly Insertable<DeviceIpv6DefaultRoutesTable>[],
): Promise<void> {
  const { rows: stored } = await runKeyed(
    db,
    'select-device_ipv6_default_routes',
    { deviceId },
    (p) =>
      db
        .selectFrom('device_ipv6_default_routes')
        .select(ROUTE_COLUMNS)
        .where('device_id', '=', p.deviceId),
  );
  if (sameRows(stored, rows, ROUTE_COLUMNS, false)) {
    if (stored.length === 0) return;
    await runKeyed(db, 'touch-device_ipv6_default_routes', { seenAt, deviceId }, (p) =>
      db
        .updateTable('device_ipv6_default_routes')
        .set({ last_seen_at: p.seenAt })
        .where('device_id', '=', p.deviceId),
    );
    return;
  }
  await runKeyed(db, 'delete-device_ipv6_default_routes', { deviceId }, (p) =>
    db.deleteFrom('device_ipv6_default_routes').where('device_id', '=', p.deviceId),
  );
  await runBulk(db, 'ipv6-default-routes', rows, (chunk) =>
    db.insertInto('device_ipv6_default_routes').values(chunk),
  );
}
