import type { Tx } from '../../../db/schema.ts';
import { insertTown } from '../queries.ts';
import { insertRoom, insertSchool, updateRoomRow, updateSchoolRow } from '../queries-schools.ts';
import type { School, Town } from '../schema.ts';
import type { ImportPlan } from './diff.ts';

/**
 * Writes a checked plan inside the caller's transaction. Renamed schools first get a
 * placeholder name, so that two schools may swap names without tripping the unique index.
 */
export async function applyPlan(
  tx: Tx,
  plan: ImportPlan,
  county: { id: number; towns: readonly Town[]; schools: readonly School[] },
  now: string,
): Promise<void> {
  const townIds = new Map(county.towns.map((t) => [t.name, t.id]));
  for (const name of plan.townsToCreate) {
    const town = await insertTown(tx, { countyId: county.id, name, now });
    townIds.set(name, town.id);
  }
  const townId = (name: string): number => {
    const id = townIds.get(name);
    if (id === undefined) throw new Error(`import plan names unknown town ${name}`);
    return id;
  };

  for (const { id, renamed } of plan.schoolsToUpdate) {
    // \u0001, not \u0000: PostgreSQL's text cannot hold a NUL character.
    if (renamed) await updateSchoolRow(tx, id, { name: `\u0001import-${id}`, now });
  }
  const schoolIds = new Map(county.schools.map((s) => [s.code, s.id]));
  for (const { id, file } of plan.schoolsToUpdate) {
    await updateSchoolRow(tx, id, {
      townId: townId(file.town),
      name: file.name,
      kind: file.kind,
      ...(file.contractedMbps === null ? {} : { contractedEgressMbps: file.contractedMbps }),
      now,
    });
  }
  for (const file of plan.schoolsToCreate) {
    const school = await insertSchool(tx, {
      countyId: county.id,
      townId: townId(file.town),
      name: file.name,
      code: file.code,
      kind: file.kind,
      contractedEgressMbps: file.contractedMbps,
      now,
    });
    schoolIds.set(file.code, school.id);
  }

  for (const room of plan.roomsToUpdate) await updateRoomRow(tx, room.id, { kind: room.kind, now });
  for (const room of plan.roomsToCreate) {
    const schoolId = schoolIds.get(room.code);
    if (schoolId === undefined) throw new Error(`import plan names unknown school ${room.code}`);
    await insertRoom(tx, { schoolId, name: room.name, kind: room.kind, now });
  }
}
