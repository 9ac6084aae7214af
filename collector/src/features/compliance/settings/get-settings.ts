import type { ReadContext } from '../../../context.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { findSettings } from './queries.ts';
import type { ComplianceSettings } from './schema.ts';

/** A county's compliance settings, the defaults when nobody has set them. */
export async function getComplianceSettings({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<ComplianceSettings> {
  await countyOrNotFound(db, input.countyId);
  return findSettings(db, input.countyId);
}
