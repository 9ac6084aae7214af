import { inTransaction } from '../../db/tx.ts';
import type { ErrorDetail } from '../../errors.ts';
import { validationError } from '../../errors.ts';
import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import type { SchoolRefRow } from './queries-codes.ts';
import { insertEnrollmentCode, selectSchoolsByIds } from './queries-codes.ts';
import type { CreateEnrollmentCodeInput, CreatedEnrollmentCode } from './schema.ts';
import { generateEnrollmentCode, hashEnrollmentCode } from './secrets.ts';
import { enrollmentCodeViews } from './views.ts';

const HOUR_MS = 3_600_000;

/** Issues a one-time code for an agent of the given schools; the code is returned only here. */
export async function createEnrollmentCode({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<
  CreateEnrollmentCodeInput & { countyId: number }
>): Promise<CreatedEnrollmentCode> {
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const schoolIds = [...new Set(input.schoolIds)];
    assertSchoolsOfCounty(input, await selectSchoolsByIds(tx, schoolIds));
    const code = generateEnrollmentCode();
    const now = clock();
    const row = await insertEnrollmentCode(tx, {
      countyId: input.countyId,
      label: input.label,
      codeHash: hashEnrollmentCode(code),
      createdBy: actor,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + input.expiresInHours * HOUR_MS).toISOString(),
      schoolIds,
    });
    await writeAudit(tx, {
      at: now.toISOString(),
      actor,
      action: 'enrollment-code.create',
      entity: 'enrollment_code',
      entityId: row.id,
      detail: { label: input.label, schoolIds, expiresAt: row.expires_at },
    });
    const [view] = await enrollmentCodeViews(tx, [row], now.toISOString());
    if (view === undefined) throw new Error('enrollment code vanished inside its transaction');
    return { ...view, code };
  });
}

function assertSchoolsOfCounty(
  input: { countyId: number; schoolIds: readonly number[] },
  found: readonly SchoolRefRow[],
): void {
  const byId = new Map(found.map((s) => [s.id, s]));
  const details: ErrorDetail[] = [];
  input.schoolIds.forEach((id, i) => {
    const school = byId.get(id);
    const path = `schoolIds.${i}`;
    if (school === undefined) details.push({ path, key: 'api.notFound.school', params: { id } });
    else if (school.county_id !== input.countyId) {
      details.push({
        path,
        key: 'ingest.enroll.schoolOtherCounty',
        params: { id, countyId: input.countyId },
      });
    }
  });
  if (details.length > 0) throw validationError(details);
}
