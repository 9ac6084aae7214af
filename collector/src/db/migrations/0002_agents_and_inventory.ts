import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/*
 * Agents and what they report: enrollment, tokens (hashed), reports (ids for idempotent
 * ingest), devices with inventory history, interfaces with uplink samples and daily
 * summaries, IPv6, LLDP, APs with attribution kept apart from polled data, uplink
 * designations, and an audit log of who changed what.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_report_at', 'text')
    .addColumn('last_report_uuid', 'text')
    .addColumn('agent_version', 'text')
    .addColumn('hostname', 'text')
    .addUniqueConstraint('agents_token_hash_unique', ['token_hash'])
    .execute();

  await db.schema
    .createTable('agent_schools')
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('agents.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addPrimaryKeyConstraint('agent_schools_pk', ['agent_id', 'school_id'])
    .execute();

  await db.schema
    .createTable('enrollment_codes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('agent_id', 'integer', (c) => c.references('agents.id'))
    .addUniqueConstraint('enrollment_codes_hash_unique', ['code_hash'])
    .execute();

  await db.schema
    .createTable('enrollment_code_schools')
    .addColumn('code_id', 'integer', (c) => c.notNull().references('enrollment_codes.id'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addPrimaryKeyConstraint('enrollment_code_schools_pk', ['code_id', 'school_id'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_uuid', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('agents.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('poll_started_at', 'text', (c) => c.notNull())
    .addColumn('poll_finished_at', 'text', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('devices_ok', 'integer', (c) => c.notNull())
    .addColumn('devices_error', 'integer', (c) => c.notNull())
    .addColumn('host_probes', 'text')
    .addUniqueConstraint('reports_uuid_unique', ['report_uuid'])
    .addCheckConstraint(
      'reports_host_probes_json',
      sql`host_probes is null or json_valid(host_probes)`,
    )
    .execute();
  await db.schema
    .createIndex('reports_agent_received')
    .on('reports')
    .columns(['agent_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    // Null for a county-level device such as the county AC at the network centre.
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('agent_id', 'integer', (c) => c.notNull().references('agents.id'))
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('sys_object_id', 'text')
    .addColumn('sys_name', 'text')
    .addColumn('sys_descr', 'text')
    .addColumn('vendor', 'text')
    .addColumn('role', 'text')
    .addColumn('model', 'text')
    .addColumn('serial', 'text')
    .addColumn('firmware', 'text')
    .addColumn('sys_up_time', 'integer')
    .addColumn('ipv6_forwarding', 'integer')
    .addColumn('ipv6_default_routes', 'integer')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_ok_at', 'text')
    .addColumn('last_outcome', 'text', (c) => c.notNull())
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('last_report_id', 'integer', (c) => c.references('reports.id'))
    .addUniqueConstraint('devices_agent_target_unique', ['agent_id', 'address', 'port'])
    .execute();
  await db.schema.createIndex('devices_school').on('devices').column('school_id').execute();

  await db.schema
    .createTable('device_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer', (c) => c.references('reports.id'))
    .execute();
  await db.schema
    .createIndex('device_history_device')
    .on('device_history')
    .columns(['device_id', 'changed_at'])
    .execute();

  await db.schema
    .createTable('interfaces')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('if_index', 'integer', (c) => c.notNull())
    .addColumn('if_name', 'text')
    .addColumn('if_descr', 'text')
    .addColumn('if_alias', 'text')
    .addColumn('if_type', 'integer')
    .addColumn('speed_mbps', 'real')
    .addColumn('if_speed', 'real')
    .addColumn('if_high_speed', 'real')
    .addColumn('speed_suspect', 'text')
    .addColumn('admin_status', 'text')
    .addColumn('oper_status', 'text')
    .addColumn('phys_address', 'text')
    .addColumn('octets_64bit', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('interfaces_device_if_index_unique', ['device_id', 'if_index'])
    .execute();

  // Every sample of uplink interfaces (designated or inferred at ingest time).
  await db.schema
    .createTable('interface_samples')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('interface_id', 'integer', (c) => c.notNull().references('interfaces.id'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('sampled_at', 'text', (c) => c.notNull())
    .addColumn('oper_status', 'text')
    .addColumn('speed_mbps', 'real')
    .addColumn('in_octets', 'text')
    .addColumn('out_octets', 'text')
    .addColumn('in_bps', 'real')
    .addColumn('out_bps', 'real')
    .addColumn('interval_s', 'real')
    .addColumn('rate_dropped', 'text')
    .execute();
  await db.schema
    .createIndex('interface_samples_interface_time')
    .on('interface_samples')
    .columns(['interface_id', 'sampled_at'])
    .execute();

  // A compact per-day summary of every interface; kept when raw samples are pruned.
  await db.schema
    .createTable('interface_daily')
    .addColumn('interface_id', 'integer', (c) => c.notNull().references('interfaces.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('up_samples', 'integer', (c) => c.notNull())
    .addColumn('min_speed_mbps', 'real')
    .addColumn('max_speed_mbps', 'real')
    .addColumn('max_in_bps', 'real')
    .addColumn('max_out_bps', 'real')
    .addPrimaryKeyConstraint('interface_daily_pk', ['interface_id', 'day'])
    .execute();

  await db.schema
    .createTable('device_ipv6_addresses')
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('if_index', 'integer', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('prefix_length', 'integer')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_ipv6_pk', ['device_id', 'if_index', 'address'])
    .execute();

  await db.schema
    .createTable('lldp_neighbors')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('local_port_num', 'integer', (c) => c.notNull())
    .addColumn('local_if_index', 'integer')
    .addColumn('local_port', 'text')
    .addColumn('remote_chassis_id', 'text')
    .addColumn('remote_sys_name', 'text')
    .addColumn('remote_port_id', 'text')
    .addColumn('remote_port_desc', 'text')
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lldp_neighbors_device')
    .on('lldp_neighbors')
    .column('device_id')
    .execute();

  await db.schema
    .createTable('aps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('serial', 'text')
    .addColumn('name', 'text')
    .addColumn('model', 'text')
    .addColumn('ap_group', 'text')
    .addColumn('controller_device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('reported_by_agent_id', 'integer', (c) => c.notNull().references('agents.id'))
    .addColumn('online', 'integer')
    .addColumn('clients', 'integer')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_online_at', 'text')
    .addUniqueConstraint('aps_county_mac_unique', ['county_id', 'mac'])
    .execute();

  await db.schema
    .createTable('ap_daily')
    .addColumn('ap_id', 'integer', (c) => c.notNull().references('aps.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('online_samples', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ap_daily_pk', ['ap_id', 'day'])
    .execute();

  // Explicit AP → school / room mapping, set by a person; a poll never writes here.
  await db.schema
    .createTable('ap_assignments')
    .addColumn('ap_id', 'integer', (c) => c.primaryKey().references('aps.id'))
    .addColumn('school_id', 'integer', (c) => c.references('schools.id'))
    .addColumn('room_id', 'integer', (c) => c.references('rooms.id'))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ap_attribution_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('county_id', 'integer', (c) => c.notNull().references('counties.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ap_rules_county_kind_pattern_unique', ['county_id', 'kind', 'pattern'])
    .execute();

  // How AP names encode rooms, per county: a regular expression with a named group `room`.
  await db.schema
    .createTable('ap_room_conventions')
    .addColumn('county_id', 'integer', (c) => c.primaryKey().references('counties.id'))
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('uplink_designations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id'))
    .addColumn('device_id', 'integer', (c) => c.notNull().references('devices.id'))
    .addColumn('if_index', 'integer', (c) => c.notNull())
    .addColumn('designated_by', 'text', (c) => c.notNull())
    .addColumn('designated_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addUniqueConstraint('uplink_designations_unique', ['school_id', 'device_id', 'if_index'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('detail', 'text')
    .addCheckConstraint('audit_log_detail_json', sql`detail is null or json_valid(detail)`)
    .execute();

  // Which devices of a county count as metro (城域网) equipment for uplink inference.
  await db.schema.alterTable('counties').addColumn('metro_name_pattern', 'text').execute();
}
