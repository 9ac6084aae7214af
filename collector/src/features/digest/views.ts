import type { RecipientRow } from './queries-recipients.ts';
import type { Recipient } from './schema.ts';

export function toRecipient(r: RecipientRow): Recipient {
  return {
    id: r.id,
    countyId: r.county_id,
    town: r.town_id === null ? null : { id: r.town_id, name: r.town_name ?? '' },
    email: r.email,
    lang: r.lang,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}
