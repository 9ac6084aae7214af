import { inTransaction } from '../../../db/tx.ts';
import { schoolOrNotFound } from '../../places/lookups.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { loadSchoolUplinks } from './load-school-uplinks.ts';
import { replaceDesignations, selectDesignations } from './queries.ts';
import type { SchoolUplinks } from './schema.ts';

/** Removes a school's designations, so its uplinks are inferred again. */
export async function clearUplinks({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ schoolId: number }>): Promise<SchoolUplinks> {
  return inTransaction(db, async (tx) => {
    const school = await schoolOrNotFound(tx, input.schoolId);
    const before = await selectDesignations(tx, school.id);
    if (before.length > 0) {
      const at = clock().toISOString();
      await replaceDesignations(tx, school.id, [], { actor, at });
      await writeAudit(tx, {
        at,
        actor,
        action: 'uplinks.clear',
        entity: 'school',
        entityId: school.id,
        detail: {
          before: before.map(({ deviceId, ifIndex, note }) => ({ deviceId, ifIndex, note })),
        },
      });
    }
    return loadSchoolUplinks(tx, school);
  });
}
