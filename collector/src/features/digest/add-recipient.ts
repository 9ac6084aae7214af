import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict, validationError } from '../../errors.ts';
import { countyOrNotFound, referencedTown } from '../places/lookups.ts';
import { findRecipient, findRecipientByEmail, insertRecipient } from './queries-recipients.ts';
import type { AddRecipientInput, Recipient } from './schema.ts';
import { toRecipient } from './views.ts';

/**
 * Adds an address to the county's mail, or to one town's (audit-logged). It receives the
 * days whose send time comes after now, never older ones.
 */
export async function addRecipient({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<AddRecipientInput & { countyId: number }>): Promise<Recipient> {
  return inTransaction(db, async (tx) => {
    const county = await countyOrNotFound(tx, input.countyId);
    if (input.townId !== null) {
      const town = await referencedTown(tx, input.townId, 'townId');
      if (town.countyId !== county.id) {
        const params = { id: input.townId, countyId: county.id };
        throw validationError([
          { path: 'townId', key: 'digest.validation.townOtherCounty', params },
        ]);
      }
    }
    if ((await findRecipientByEmail(tx, county.id, input.email)) !== undefined) {
      throw conflict('email', 'digest.error.recipientExists', { email: input.email });
    }
    const at = clock().toISOString();
    const id = await insertRecipient(tx, {
      county_id: county.id,
      town_id: input.townId,
      email: input.email,
      lang: input.lang,
      created_by: actor,
      created_at: at,
    });
    const { email, townId, lang } = input;
    await writeAudit(tx, {
      at,
      actor,
      action: 'digest-recipient.create',
      entity: 'digest-recipient',
      entityId: id,
      detail: { countyId: county.id, email, townId, lang },
    });
    const row = await findRecipient(tx, county.id, id);
    if (row === undefined) throw new Error(`recipient ${id} vanished`);
    return toRecipient(row);
  });
}
