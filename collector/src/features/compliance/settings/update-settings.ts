import type { AuditedWriteContext } from '../../../audit/audit.ts';
import { writeAudit } from '../../../audit/audit.ts';
import { inTransaction } from '../../../db/tx.ts';
import type { ErrorDetail } from '../../../errors.ts';
import { validationError } from '../../../errors.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { findSettings, saveSettings } from './queries.ts';
import type { ComplianceSettings, ComplianceSettingsValues } from './schema.ts';

/** Replaces a county's compliance settings (audit-logged); figures change at the next recompute. */
export async function updateComplianceSettings({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{
  countyId: number;
  settings: ComplianceSettingsValues;
}>): Promise<ComplianceSettings> {
  const problems = checkSettings(input.settings);
  if (problems.length > 0) throw validationError(problems);
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const before = await findSettings(tx, input.countyId);
    const at = clock().toISOString();
    await saveSettings(tx, input.countyId, input.settings, { actor, at });
    await writeAudit(tx, {
      at,
      actor,
      action: 'compliance-settings.update',
      entity: 'county',
      entityId: input.countyId,
      detail: { before: before.isDefault ? null : valuesOf(before), after: input.settings },
    });
    return findSettings(tx, input.countyId);
  });
}

function checkSettings(v: ComplianceSettingsValues): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (v.schoolHoursEnd <= v.schoolHoursStart) {
    problems.push({
      path: 'schoolHoursEnd',
      key: 'compliance.validation.schoolHoursOrder',
      params: { start: v.schoolHoursStart, end: v.schoolHoursEnd },
    });
  }
  if (v.staleWindowHours * 60 <= v.lateWindowMinutes) {
    problems.push({
      path: 'staleWindowHours',
      key: 'compliance.validation.staleAfterLate',
      params: { late: v.lateWindowMinutes },
    });
  }
  return problems;
}

function valuesOf(s: ComplianceSettings): ComplianceSettingsValues {
  return {
    coverageWindowDays: s.coverageWindowDays,
    schoolHoursStart: s.schoolHoursStart,
    schoolHoursEnd: s.schoolHoursEnd,
    uplinkRequiredShare: s.uplinkRequiredShare,
    lateWindowMinutes: s.lateWindowMinutes,
    staleWindowHours: s.staleWindowHours,
    ipv6HttpsSuccessesRequired: s.ipv6HttpsSuccessesRequired,
  };
}
