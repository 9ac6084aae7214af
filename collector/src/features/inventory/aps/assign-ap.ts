import { inTransaction } from '../../../db/tx.ts';
import type { Db } from '../../../db/schema.ts';
import type { ErrorDetail } from '../../../errors.ts';
import { validationError } from '../../../errors.ts';
import { findRoom, findSchool } from '../../places/queries-schools.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import type { ApRow } from '../lookups.ts';
import { apOrNotFound } from '../lookups.ts';
import { viewOfAp } from './get-ap.ts';
import { findAssignment, upsertAssignment } from './queries.ts';
import { attributeByRules } from './resolve-aps.ts';
import type { ApView, AssignApInput } from './schema.ts';

/**
 * Sets an AP's school, room or both by hand; this beats every rule. The room must belong to
 * the school the AP will then have (the given one, else the one rules give it).
 */
export async function assignAp({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<AssignApInput & { apId: number }>): Promise<ApView> {
  return inTransaction(db, async (tx) => {
    const ap = await apOrNotFound(tx, input.apId);
    await checkAssignment(tx, ap, input);
    const before = (await findAssignment(tx, ap.id)) ?? null;
    const after = { schoolId: input.schoolId ?? null, roomId: input.roomId ?? null };
    const at = clock().toISOString();
    await upsertAssignment(tx, { apId: ap.id, ...after, by: actor, at });
    await writeAudit(tx, {
      at,
      actor,
      action: 'ap.assign',
      entity: 'ap',
      entityId: ap.id,
      detail: { mac: ap.mac, before, after },
    });
    return viewOfAp(tx, ap.county_id, ap.id);
  });
}

async function checkAssignment(db: Db, ap: ApRow, input: AssignApInput): Promise<void> {
  const problems: ErrorDetail[] = [];
  if (input.schoolId !== undefined) {
    const school = await findSchool(db, { id: input.schoolId });
    if (school === undefined) {
      problems.push({
        path: 'schoolId',
        key: 'api.notFound.school',
        params: { id: input.schoolId },
      });
    } else if (school.countyId !== ap.county_id) {
      problems.push({
        path: 'schoolId',
        key: 'inventory.validation.schoolOtherCounty',
        params: { id: school.id },
      });
    }
  }
  if (input.roomId !== undefined) {
    const room = await findRoom(db, { id: input.roomId });
    if (room === undefined) {
      problems.push({ path: 'roomId', key: 'api.notFound.room', params: { id: input.roomId } });
    } else if (problems.length === 0) {
      const schoolId = input.schoolId ?? (await attributeByRules(db, ap)).schoolId;
      if (schoolId === null) {
        problems.push({ path: 'roomId', key: 'inventory.validation.apHasNoSchool' });
      } else if (room.schoolId !== schoolId) {
        problems.push({
          path: 'roomId',
          key: 'inventory.validation.roomOtherSchool',
          params: { room: room.name, schoolId },
        });
      }
    }
  }
  if (problems.length > 0) throw validationError(problems);
}
