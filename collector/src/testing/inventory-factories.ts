import type { Insertable, Selectable } from 'kysely';
import type { Clock } from '../context.ts';
import type {
  ApsTable,
  Db,
  DevicesTable,
  InterfacesTable,
  LldpNeighborsTable,
} from '../db/schema.ts';
import { uniqueName } from './factories.ts';

/*
 * TEST ONLY. Polled data (agents, devices, interfaces, neighbours, APs) inserted straight
 * through Kysely, standing in for the ingest verb, so inventory reads can be tested on
 * their own. Never import this outside tests.
 */

type DeviceOverrides = Partial<Insertable<DevicesTable>>;
type InterfaceOverrides = Partial<Insertable<InterfacesTable>>;

let macCounter = 0;
const nextMac = (): string =>
  (++macCounter)
    .toString(16)
    .padStart(12, '0')
    .replace(/(..)(?!$)/g, '$1:');

export function inventoryFactory(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  return {
    /** An agent of the county that may speak for `schoolIds`. */
    async agent(countyId: number, schoolIds: readonly number[]): Promise<{ id: number }> {
      const name = uniqueName('agent-');
      const agent = await db
        .insertInto('agents')
        .values({
          county_id: countyId,
          name,
          token_hash: `hash-${name}`,
          token_hint: 'xw_test',
          created_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (schoolIds.length > 0) {
        await db
          .insertInto('agent_schools')
          .values(schoolIds.map((school_id) => ({ agent_id: agent.id, school_id })))
          .execute();
      }
      return agent;
    },

    async device(
      v: { agentId: number; countyId: number; schoolId: number | null },
      o: DeviceOverrides = {},
    ): Promise<Selectable<DevicesTable>> {
      return db
        .insertInto('devices')
        .values({
          county_id: v.countyId,
          school_id: v.schoolId,
          agent_id: v.agentId,
          target_name: uniqueName('switch-'),
          address: `10.0.0.${++macCounter % 250}`,
          port: 161,
          role: 'switch',
          first_seen_at: now(),
          last_seen_at: now(),
          last_ok_at: now(),
          last_outcome: 'ok',
          ...o,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async iface(
      deviceId: number,
      ifIndex: number,
      o: InterfaceOverrides = {},
    ): Promise<Selectable<InterfacesTable>> {
      return db
        .insertInto('interfaces')
        .values({
          device_id: deviceId,
          if_index: ifIndex,
          if_name: `GE0/0/${ifIndex}`,
          if_type: 6,
          speed_mbps: 1000,
          admin_status: 'up',
          oper_status: 'up',
          octets_64bit: 1,
          first_seen_at: now(),
          last_seen_at: now(),
          ...o,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async lldp(deviceId: number, o: Partial<Insertable<LldpNeighborsTable>> = {}): Promise<void> {
      await db
        .insertInto('lldp_neighbors')
        .values({ device_id: deviceId, local_port_num: 1, last_seen_at: now(), ...o })
        .execute();
    },

    /** An AP reported by the controller's agent. */
    async ap(
      controller: { id: number; county_id: number; agent_id: number },
      o: Partial<Insertable<ApsTable>> = {},
    ): Promise<Selectable<ApsTable>> {
      return db
        .insertInto('aps')
        .values({
          county_id: controller.county_id,
          mac: nextMac(),
          controller_device_id: controller.id,
          reported_by_agent_id: controller.agent_id,
          online: 1,
          clients: 0,
          first_seen_at: now(),
          last_seen_at: now(),
          last_online_at: now(),
          ...o,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  };
}

export type InventoryFactory = ReturnType<typeof inventoryFactory>;
