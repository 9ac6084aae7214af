import type { Db } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/tx.ts';
import type { ErrorDetail } from '../../../errors.ts';
import { validationError } from '../../../errors.ts';
import { schoolOrNotFound } from '../../places/lookups.ts';
import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { findDevice } from '../lookups.ts';
import { loadSchoolUplinks } from './load-school-uplinks.ts';
import { findInterface, replaceDesignations, selectDesignations } from './queries.ts';
import type { DesignateUplinksInput, SchoolUplinks } from './schema.ts';

/**
 * Replaces a school's designated uplink ports. Designations live apart from polled data,
 * keyed by device and ifIndex, so no poll can overwrite or drop them.
 */
export async function designateUplinks({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{
  schoolId: number;
  uplinks: DesignateUplinksInput;
}>): Promise<SchoolUplinks> {
  return inTransaction(db, async (tx) => {
    const school = await schoolOrNotFound(tx, input.schoolId);
    await checkPorts(tx, school.id, input.uplinks);
    const before = await selectDesignations(tx, school.id);
    const after = input.uplinks.map((u) => ({
      deviceId: u.deviceId,
      ifIndex: u.ifIndex,
      note: u.note ?? null,
    }));
    const at = clock().toISOString();
    await replaceDesignations(tx, school.id, after, { actor, at });
    await writeAudit(tx, {
      at,
      actor,
      action: 'uplinks.designate',
      entity: 'school',
      entityId: school.id,
      detail: {
        before: before.map(({ deviceId, ifIndex, note }) => ({ deviceId, ifIndex, note })),
        after,
      },
    });
    return loadSchoolUplinks(tx, school);
  });
}

async function checkPorts(db: Db, schoolId: number, uplinks: DesignateUplinksInput): Promise<void> {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const [i, { deviceId, ifIndex }] of uplinks.entries()) {
    const key = `${deviceId}/${ifIndex}`;
    if (seen.has(key)) {
      problems.push({
        path: `${i}`,
        key: 'inventory.validation.uplinkRepeated',
        params: { deviceId, ifIndex },
      });
      continue;
    }
    seen.add(key);
    const device = await findDevice(db, deviceId);
    if (device === undefined) {
      problems.push({
        path: `${i}.deviceId`,
        key: 'inventory.notFound.device',
        params: { id: deviceId },
      });
    } else if (device.school_id !== schoolId) {
      problems.push({
        path: `${i}.deviceId`,
        key: 'inventory.validation.deviceOtherSchool',
        params: { id: deviceId },
      });
    } else if ((await findInterface(db, deviceId, ifIndex)) === undefined) {
      problems.push({
        path: `${i}.ifIndex`,
        key: 'inventory.notFound.interface',
        params: { deviceId, ifIndex },
      });
    }
  }
  if (problems.length > 0) throw validationError(problems);
}
