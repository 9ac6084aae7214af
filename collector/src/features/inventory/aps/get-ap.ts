import type { ReadContext } from '../../../context.ts';
import type { Db } from '../../../db/schema.ts';
import { apOrNotFound } from '../lookups.ts';
import { resolveCountyAps } from './resolve-aps.ts';
import type { ApView } from './schema.ts';

export async function getAp({ db, input }: ReadContext<{ id: number }>): Promise<ApView> {
  const ap = await apOrNotFound(db, input.id);
  return viewOfAp(db, ap.county_id, ap.id);
}

/** One AP as the list endpoints show it; the AP must exist. */
export async function viewOfAp(db: Db, countyId: number, apId: number): Promise<ApView> {
  const [view] = await resolveCountyAps(db, countyId, apId);
  if (view === undefined) throw new Error(`AP ${apId} vanished inside its transaction`);
  return view;
}
