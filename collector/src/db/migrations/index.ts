import type { Migration } from 'kysely';
import * as m0001 from './0001_places.ts';
import * as m0002 from './0002_agents_and_inventory.ts';
import * as m0003 from './0003_gaps_routes_mgmt_addresses.ts';
import * as m0004 from './0004_compliance.ts';
import * as m0005 from './0005_compliance_settings.ts';
import * as m0006 from './0006_users_sessions.ts';
import * as m0007 from './0007_digest.ts';
import * as m0008 from './0008_read_indexes.ts';
import * as m0009 from './0009_leases.ts';
import * as m0010 from './0010_postgres_storage.ts';
import * as m0011 from './0011_retention_indexes.ts';
import * as m0012 from './0012_uplink_designations_device.ts';
import * as m0013 from './0013_county_page_indexes.ts';

/**
 * Every migration, in order, listed by hand: no directory scan, so a stray file cannot run
 * and a bundled build still finds them. Names are `NNNN_what_it_does`; never rename or edit
 * one that has shipped; add the next number instead.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_places': m0001,
  '0002_agents_and_inventory': m0002,
  '0003_gaps_routes_mgmt_addresses': m0003,
  '0004_compliance': m0004,
  '0005_compliance_settings': m0005,
  '0006_users_sessions': m0006,
  '0007_digest': m0007,
  '0008_read_indexes': m0008,
  '0009_leases': m0009,
  '0010_postgres_storage': m0010,
  '0011_retention_indexes': m0011,
  '0012_uplink_designations_device': m0012,
  '0013_county_page_indexes': m0013,
};
