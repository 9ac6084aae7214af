import type { Kysely } from 'kysely';

/*
 * What reports began to carry after 0002: gaps an agent's spool had to drop (so missing
 * data is explained), the port each IPv6 default route leaves by (uplink inference), and
 * LLDP neighbours' management addresses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_gaps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('agents.id'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('gap_key', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_report_uuid', 'text', (c) => c.notNull())
    .addColumn('last_report_uuid', 'text', (c) => c.notNull())
    .addColumn('first_spooled_at', 'text', (c) => c.notNull())
    .addColumn('last_spooled_at', 'text', (c) => c.notNull())
    .addColumn('dropped_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_gaps_agent_key_unique', ['agent_id', 'gap_key'])
    .execute();

  await db.schema
    .createTable('device_ipv6_default_routes')
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('if_index', 'integer')
    .addColumn('next_hop', 'text')
    .addColumn('route_type', 'text')
    .addColumn('protocol', 'integer')
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('device_ipv6_default_routes_device')
    .on('device_ipv6_default_routes')
    .column('device_id')
    .execute();

  await db.schema
    .alterTable('lldp_neighbors')
    .addColumn('remote_management_address', 'text')
    .execute();
}
