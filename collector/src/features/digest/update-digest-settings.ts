import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { dropUnsentDeliveries } from './queries-deliveries.ts';
import { findSettingsRow, saveSettingsRow } from './queries-settings.ts';
import type { DigestSettings, DigestSettingsInput } from './schema.ts';
import { findDigestSettings } from './settings.ts';

/**
 * Replaces the county's digest settings (audit-logged). Switching the mail off drops its mails
 * not yet sent; switching it back on does not send the days it was off for.
 */
export async function updateDigestSettings({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{
  countyId: number;
  settings: DigestSettingsInput;
}>): Promise<DigestSettings> {
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const before = await findDigestSettings(tx, input.countyId);
    const row = await findSettingsRow(tx, input.countyId);
    const at = clock().toISOString();
    const { sendTime, enabled } = input.settings;
    const switchedOn = enabled && !before.enabled;
    const dropped = !enabled && before.enabled ? await dropUnsentDeliveries(tx, input.countyId) : 0;
    await saveSettingsRow(tx, {
      county_id: input.countyId,
      send_time: sendTime,
      enabled: enabled ? 1 : 0,
      enabled_since: switchedOn ? at : (row?.enabled_since ?? null),
      updated_by: actor,
      updated_at: at,
    });
    await writeAudit(tx, {
      at,
      actor,
      action: 'digest-settings.update',
      entity: 'county',
      entityId: input.countyId,
      detail: {
        before: before.isDefault ? null : { sendTime: before.sendTime, enabled: before.enabled },
        after: input.settings,
        unsentDropped: dropped,
      },
    });
    return findDigestSettings(tx, input.countyId);
  });
}
