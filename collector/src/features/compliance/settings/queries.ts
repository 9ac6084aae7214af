import type { Db } from '../../../db/schema.ts';
import type { ComplianceSettings, ComplianceSettingsValues } from './schema.ts';
import { SETTINGS_DEFAULTS } from './schema.ts';

/* The compliance_settings row of a county, or the defaults when it has none. */

export async function findSettings(db: Db, countyId: number): Promise<ComplianceSettings> {
  const row = await db
    .selectFrom('compliance_settings')
    .selectAll()
    .where('county_id', '=', countyId)
    .executeTakeFirst();
  if (row === undefined) {
    return { countyId, ...SETTINGS_DEFAULTS, isDefault: true, updatedBy: null, updatedAt: null };
  }
  return {
    countyId,
    coverageWindowDays: row.coverage_window_days,
    schoolHoursStart: row.school_hours_start,
    schoolHoursEnd: row.school_hours_end,
    uplinkRequiredShare: row.uplink_required_share,
    lateWindowMinutes: row.late_window_minutes,
    staleWindowHours: row.stale_window_hours,
    ipv6HttpsSuccessesRequired: row.ipv6_https_successes,
    isDefault: false,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function saveSettings(
  db: Db,
  countyId: number,
  v: ComplianceSettingsValues,
  by: { actor: string; at: string },
): Promise<void> {
  const values = {
    coverage_window_days: v.coverageWindowDays,
    school_hours_start: v.schoolHoursStart,
    school_hours_end: v.schoolHoursEnd,
    uplink_required_share: v.uplinkRequiredShare,
    late_window_minutes: v.lateWindowMinutes,
    stale_window_hours: v.staleWindowHours,
    ipv6_https_successes: v.ipv6HttpsSuccessesRequired,
    updated_by: by.actor,
    updated_at: by.at,
  };
  await db
    .insertInto('compliance_settings')
    .values({ county_id: countyId, ...values })
    .onConflict((oc) => oc.column('county_id').doUpdateSet(values))
    .execute();
}
