import type { AuditedWriteContext } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import { inTransaction } from '../../db/tx.ts';
import { notFound } from '../../errors.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { dropUnsentDeliveries } from './queries-deliveries.ts';
import { deleteRecipient, findRecipient } from './queries-recipients.ts';
import type { Recipient } from './schema.ts';
import { toRecipient } from './views.ts';

/**
 * Removes an address (audit-logged) with its mails not yet sent, so nobody removed gets a
 * retry; mails already sent stay in the record. Returns the recipient as it was.
 */
export async function removeRecipient({
  db,
  clock,
  actor,
  input,
}: AuditedWriteContext<{ countyId: number; recipientId: number }>): Promise<Recipient> {
  return inTransaction(db, async (tx) => {
    await countyOrNotFound(tx, input.countyId);
    const row = await findRecipient(tx, input.countyId, input.recipientId);
    if (row === undefined) throw notFound('digest.error.recipientNotFound', input.recipientId);
    await deleteRecipient(tx, row.id);
    const dropped = await dropUnsentDeliveries(tx, input.countyId, row.email);
    const recipient = toRecipient(row);
    await writeAudit(tx, {
      at: clock().toISOString(),
      actor,
      action: 'digest-recipient.delete',
      entity: 'digest-recipient',
      entityId: row.id,
      detail: { before: recipient, unsentDropped: dropped },
    });
    return recipient;
  });
}
