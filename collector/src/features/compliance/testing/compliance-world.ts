import type { HostProbes } from '@xiaowang/shared';
import type { Clock } from '../../../context.ts';
import type { Db } from '../../../db/schema.ts';
import type { RoomKind, SchoolKind } from '../../places/kinds.ts';
import { placeFactory } from '../../../testing/factories.ts';
import { inventoryFactory } from '../../../testing/inventory-factories.ts';
import type { SampleSpec } from './compliance-factory.ts';
import { complianceFactory } from './compliance-factory.ts';
import { shanghai } from './fixtures.ts';

/*
 * TEST ONLY. A county in Asia/Shanghai and schools with an agent, a switch and a designated
 * uplink port, so each test adds just the polls, APs and targets it is about.
 */

export type PollShape = Omit<SampleSpec, 'reportId' | 'at'>;

export async function complianceWorld(db: Db, clock: Clock) {
  const places = placeFactory(db, clock);
  const inventory = inventoryFactory(db, clock);
  const c = complianceFactory(db, clock);
  const county = await places.county({ timezone: 'Asia/Shanghai' });
  const town = await places.town(county.id);

  async function school(
    o: {
      townId?: number;
      kind?: SchoolKind;
      rooms?: number;
      roomKind?: RoomKind;
      contractedEgressMbps?: number | null;
    } = {},
  ) {
    const s = await places.school(o.townId ?? town.id, {
      kind: o.kind ?? 'complete_primary',
      contractedEgressMbps: o.contractedEgressMbps ?? null,
    });
    const rooms = [];
    for (let i = 0; i < (o.rooms ?? 0); i++) {
      rooms.push(
        await places.room(s.id, { name: `${101 + i}`, kind: o.roomKind ?? 'ordinary_classroom' }),
      );
    }
    const agent = await inventory.agent(county.id, [s.id]);
    const sw = await inventory.device({ agentId: agent.id, countyId: county.id, schoolId: s.id });
    const port = await inventory.iface(sw.id, 1);
    await c.designate(s.id, sw.id, 1);

    /** One report per local time of `day`, each with a sample of the uplink shaped by `shape`. */
    async function poll(
      day: string,
      times: readonly string[],
      shape: (time: string, i: number) => PollShape = () => ({}),
      probes?: HostProbes,
    ) {
      const ids: number[] = [];
      for (const [i, time] of times.entries()) {
        const at = shanghai(day, time);
        const reportId = await c.report(agent.id, at, { hostProbes: probes ?? null });
        await c.samples(port.id, [{ reportId, at, ...shape(time, i) }]);
        ids.push(reportId);
      }
      return ids;
    }
    return { school: s, rooms, agent, sw, port, poll };
  }

  return { places, inventory, c, county, town, school };
}

export type ComplianceWorld = Awaited<ReturnType<typeof complianceWorld>>;
export type WorldSchool = Awaited<ReturnType<ComplianceWorld['school']>>;
