import type { Clock } from '../../../context.ts';
import type { Db } from '../../../db/schema.ts';
import { placeFactory } from '../../../testing/factories.ts';
import { assignAp } from '../../inventory/aps/assign-ap.ts';
import { createApRule } from '../../inventory/aps/create-ap-rule.ts';
import { setRoomConvention } from '../../inventory/aps/set-room-convention.ts';
import { designateUplinks } from '../../inventory/uplinks/designate-uplinks.ts';
import { insertAps, insertSchoolDevices } from './scenario-devices.ts';
import type { ApHandle, SchoolHandle } from './scenario-devices.ts';
import { writeApDays, writePollDay } from './scenario-day.ts';
import { HISTORY_FROM, RAW_FROM, daysBetween } from './scenario-rows.ts';
import type { SchoolSpec, TownKey } from './scenario-spec.ts';
import { SCHOOLS } from './scenario-schools.ts';
import { ROOM_CONVENTION, TOWNS, UNATTRIBUTED_AP } from './scenario-spec.ts';
import { insertTargets } from './scenario-targets.ts';
import type { TargetStepIds } from './scenario-targets.ts';
import { DAY } from './scenario-time.ts';

/*
 * Builds the scenario county of scenario-spec.ts in a fresh migrated database: places,
 * rules and designations through the verbs the API uses, polled data (agents, devices,
 * APs, reports, samples, AP days) and targets inserted directly, as ingest would leave them.
 */

export interface ScenarioCounty {
  readonly countyId: number;
  readonly townIds: Readonly<Record<TownKey, number>>;
  readonly schools: readonly SchoolHandle[];
  readonly countyAgentId: number;
  readonly countyAcId: number;
  /** APs on the county AC that no rule gives a school. */
  readonly unattributedAps: readonly ApHandle[];
  readonly steps: TargetStepIds;
}

const ACTOR = 'scenario';

export async function buildScenarioCounty(db: Db, clock: Clock): Promise<ScenarioCounty> {
  const places = placeFactory(db, clock);
  const county = await places.county({ name: '青溪县', timezone: 'Asia/Shanghai' });
  const town = async (key: TownKey) => (await places.town(county.id, { name: TOWNS[key] })).id;
  const townIds = { A: await town('A'), B: await town('B'), C: await town('C') };

  const now = clock().toISOString();
  const countyAgentId = await insertAgent(db, county.id, 'QX-county-centre', now);
  const countyAc = await db
    .insertInto('devices')
    .values({
      county_id: county.id,
      school_id: null,
      agent_id: countyAgentId,
      target_name: 'QX-county-ac',
      address: '10.0.0.2',
      port: 161,
      role: 'wlc',
      first_seen_at: now,
      last_seen_at: now,
      last_outcome: 'ok',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const countyAcRef = { id: countyAc.id, agentId: countyAgentId };
  const schools: SchoolHandle[] = [];
  for (const [i, spec] of SCHOOLS.entries()) {
    const townId = townIds[spec.town];
    schools.push(
      await addSchool(
        db,
        places,
        { countyId: county.id, townId, index: i + 1, spec, now },
        countyAcRef,
      ),
    );
  }
  const unattributed = await insertAps(
    db,
    county.id,
    { index: 0xff, code: 'QX', aps: [{ name: UNATTRIBUTED_AP.name, online: 'daily' }] },
    { deviceId: countyAc.id, agentId: countyAgentId, group: UNATTRIBUTED_AP.group },
    now,
  );

  await configure(db, clock, county.id, schools);
  const steps = await insertTargets(db, county.id, now);
  const scenario: ScenarioCounty = {
    countyId: county.id,
    townIds,
    schools,
    countyAgentId,
    countyAcId: countyAc.id,
    unattributedAps: unattributed,
    steps,
  };
  // AP days since 11-10; raw polls (reports, samples) for the last four days, as retention
  // keeps them; the stale agent's polls stop on 11-25 at 08:57.
  await writeApDays(db, scenario, HISTORY_FROM, DAY);
  for (const day of daysBetween(RAW_FROM, DAY)) await writePollDay(db, scenario, day);
  return scenario;
}

/** Adds a further day of polls (reports, samples, AP days) for the next-day checks. */
export async function addScenarioDay(db: Db, scenario: ScenarioCounty, day: string) {
  await writeApDays(db, scenario, day, day);
  await writePollDay(db, scenario, day);
}

/** A school with its rooms, its own agent, its devices and the APs its controller lists. */
async function addSchool(
  db: Db,
  places: ReturnType<typeof placeFactory>,
  v: { countyId: number; townId: number; index: number; spec: SchoolSpec; now: string },
  countyAc: { id: number; agentId: number },
): Promise<SchoolHandle> {
  const { spec, now } = v;
  const school = await places.school(v.townId, {
    name: spec.name,
    code: spec.code,
    kind: spec.kind,
    contractedEgressMbps: spec.contractedEgressMbps ?? null,
  });
  const roomIds = new Map<string, number>();
  for (const [name, kind] of spec.rooms ?? []) {
    roomIds.set(name, (await places.room(school.id, { name, kind })).id);
  }
  const agentId = await insertAgent(db, v.countyId, `${spec.code}-agent`, now);
  const servedBy = [agentId];
  // The county centre's agent must speak for the schools whose APs its AC lists.
  if (spec.apSource.via === 'county-ac') servedBy.push(countyAc.agentId);
  await db
    .insertInto('agent_schools')
    .values(servedBy.map((agent_id) => ({ agent_id, school_id: school.id })))
    .execute();
  const input = { countyId: v.countyId, schoolId: school.id, agentId, index: v.index, spec, now };
  const devices = await insertSchoolDevices(db, input);
  const controller =
    spec.apSource.via === 'county-ac'
      ? { deviceId: countyAc.id, agentId: countyAc.agentId, group: spec.apSource.group }
      : { deviceId: devices.acId ?? countyAc.id, agentId, group: null };
  const aps = await insertAps(db, v.countyId, { index: v.index, ...spec }, controller, now);
  return {
    spec,
    index: v.index,
    id: school.id,
    townId: v.townId,
    agentId,
    roomIds,
    ...devices,
    aps,
  };
}

async function insertAgent(db: Db, countyId: number, name: string, now: string) {
  const row = await db
    .insertInto('agents')
    .values({
      county_id: countyId,
      name,
      token_hash: `scenario-${name}`,
      token_hint: 'xw_scen',
      created_at: now,
      agent_version: '0.1.0',
      hostname: `${name}-gw`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a person set: AP rules, the room naming convention, designations, one assignment. */
async function configure(db: Db, clock: Clock, countyId: number, schools: readonly SchoolHandle[]) {
  const ctx = { db, clock, actor: ACTOR };
  await setRoomConvention({ ...ctx, input: { countyId, pattern: ROOM_CONVENTION } });
  for (const school of schools) {
    const { spec } = school;
    if (spec.apSource.via === 'county-ac') {
      const { kind, pattern } = spec.apSource.rule;
      await createApRule({ ...ctx, input: { countyId, kind, pattern, schoolId: school.id } });
    }
    if (spec.uplink?.how === 'designated' && school.switchId !== null) {
      await designateUplinks({
        ...ctx,
        input: { schoolId: school.id, uplinks: [{ deviceId: school.switchId, ifIndex: 49 }] },
      });
    }
    for (const ap of school.aps) {
      const roomId = ap.spec.room === undefined ? undefined : school.roomIds.get(ap.spec.room);
      if (roomId === undefined) continue;
      for (const apId of ap.ids) {
        await assignAp({ ...ctx, input: { apId, schoolId: school.id, roomId } });
      }
    }
  }
}
