import type { Clock, ReadContext } from '../../context.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { selectCodes } from './queries-codes.ts';
import type { EnrollmentCode } from './schema.ts';
import { enrollmentCodeViews } from './views.ts';

/** A county's codes with their status; the codes themselves are not stored, so never shown. */
export async function listEnrollmentCodes({
  db,
  clock,
  input,
}: ReadContext<{ countyId: number }> & { readonly clock: Clock }): Promise<EnrollmentCode[]> {
  await countyOrNotFound(db, input.countyId);
  return enrollmentCodeViews(db, await selectCodes(db, input.countyId), clock().toISOString());
}
