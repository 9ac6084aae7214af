import type { Db } from '../../db/schema.ts';
import { findSettingsRow } from './queries-settings.ts';
import type { DigestSettings } from './schema.ts';
import { DIGEST_DEFAULTS } from './schema.ts';

/** What the scheduler needs of a county's settings. */
export interface SendSettings {
  readonly sendTime: string;
  readonly enabled: boolean;
  /** Days due before this instant are not caught up; null: on since the start. */
  readonly enabledSince: string | null;
}

export function sendSettingsOf(row: {
  send_time: string | null;
  enabled: number | null;
  enabled_since: string | null;
}): SendSettings {
  return {
    sendTime: row.send_time ?? DIGEST_DEFAULTS.sendTime,
    enabled: row.enabled === null ? DIGEST_DEFAULTS.enabled : row.enabled === 1,
    enabledSince: row.enabled_since,
  };
}

export async function findDigestSettings(db: Db, countyId: number): Promise<DigestSettings> {
  const row = await findSettingsRow(db, countyId);
  if (row === undefined) {
    return { countyId, ...DIGEST_DEFAULTS, isDefault: true, updatedBy: null, updatedAt: null };
  }
  return {
    countyId,
    sendTime: row.send_time,
    enabled: row.enabled === 1,
    isDefault: false,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
