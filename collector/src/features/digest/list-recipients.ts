import type { ReadContext } from '../../context.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { selectRecipients } from './queries-recipients.ts';
import type { Recipient } from './schema.ts';
import { toRecipient } from './views.ts';

/** Who receives the county's nightly mail, county-wide first, then by town. */
export async function listRecipients({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<Recipient[]> {
  await countyOrNotFound(db, input.countyId);
  return (await selectRecipients(db, input.countyId)).map(toRecipient);
}
