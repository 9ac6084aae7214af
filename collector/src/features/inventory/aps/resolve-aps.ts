import type { Db } from '../../../db/schema.ts';
import type { ApAttribution } from './attribute-ap.ts';
import { attributeAp } from './attribute-ap.ts';
import { compileRoomConvention, mapApRoom } from './map-ap-room.ts';
import type { CountyApRow } from './queries.ts';
import {
  selectAgentSchools,
  selectCountyAps,
  selectCountyRooms,
  selectSchoolNames,
} from './queries.ts';
import { findRoomConvention, selectRules } from './queries-rules.ts';
import type { ApView } from './schema.ts';

/**
 * A county's APs with their school and room worked out from the stored facts. Attribution is
 * computed on read, never stored, so a new rule or assignment applies at once and a poll can
 * never overwrite what a person set.
 */
const NO_SCHOOLS: ReadonlySet<number> = new Set();

export async function resolveCountyAps(db: Db, countyId: number, apId?: number): Promise<ApView[]> {
  const rows = await selectCountyAps(db, countyId, apId);
  if (rows.length === 0) return [];
  const rules = await selectRules(db, countyId);
  const agentSchools = new Map(
    [...(await selectAgentSchools(db, countyId))].map(([agent, ids]) => [agent, new Set(ids)]),
  );
  const rooms = await selectCountyRooms(db, countyId);
  const schoolNames = await selectSchoolNames(db, countyId);
  const convention = compileRoomConvention((await findRoomConvention(db, countyId)).pattern);

  const roomsById = new Map(rooms.map((r) => [r.id, r]));
  const roomsByName = new Map(rooms.map((r) => [roomKey(r.schoolId, r.name), r]));
  const roomNames = new Map(rooms.map((r) => [r.id, r.name]));

  return rows.map((row) => {
    const attribution = attributeAp(
      { mac: row.mac, name: row.name, apGroup: row.ap_group },
      rules,
      row.assigned_by === null ? undefined : { schoolId: row.assigned_school_id },
      agentSchools.get(row.reported_by_agent_id) ?? NO_SCHOOLS,
    );
    const room = mapApRoom({
      apName: row.name,
      schoolId: attribution.schoolId,
      explicitRoom: row.assigned_room_id === null ? undefined : roomsById.get(row.assigned_room_id),
      convention,
      findRoom: (schoolId, name) => roomsByName.get(roomKey(schoolId, name)),
    });
    return {
      ...toApFields(row),
      school: refTo(attribution.schoolId, schoolNames),
      attribution: toAttributionView(attribution),
      room: refTo(room.roomId, roomNames),
      roomMapping: { how: room.how, matched: room.matched, miss: room.miss },
      assignment: toAssignmentView(row),
    };
  });
}

const roomKey = (schoolId: number, name: string) => `${schoolId}\u0000${name.trim()}`;

function refTo(id: number | null, names: ReadonlyMap<number, string>) {
  const name = id === null ? undefined : names.get(id);
  return id === null || name === undefined ? null : { id, name };
}

function toAttributionView(a: ApAttribution): ApView['attribution'] {
  return { how: a.how, ruleId: a.ruleId, matched: a.matched, refused: [...a.refused] };
}

function toAssignmentView(row: CountyApRow): ApView['assignment'] {
  if (row.assigned_by === null || row.assigned_at === null) return null;
  return {
    schoolId: row.assigned_school_id,
    roomId: row.assigned_room_id,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at,
  };
}

function toApFields(row: CountyApRow) {
  return {
    id: row.id,
    countyId: row.county_id,
    mac: row.mac,
    serial: row.serial,
    name: row.name,
    model: row.model,
    apGroup: row.ap_group,
    controllerDeviceId: row.controller_device_id,
    reportedByAgentId: row.reported_by_agent_id,
    online: row.online === null ? null : row.online === 1,
    clients: row.clients,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    lastOnlineAt: row.last_online_at,
  };
}

/** The school rules and the agent give an AP, ignoring any explicit assignment. */
export async function attributeByRules(
  db: Db,
  ap: {
    county_id: number;
    mac: string;
    name: string | null;
    ap_group: string | null;
    reported_by_agent_id: number;
  },
): Promise<ApAttribution> {
  const rules = await selectRules(db, ap.county_id);
  const agentSchools = await selectAgentSchools(db, ap.county_id);
  const facts = { mac: ap.mac, name: ap.name, apGroup: ap.ap_group };
  return attributeAp(facts, rules, undefined, agentSchools.get(ap.reported_by_agent_id) ?? []);
}
