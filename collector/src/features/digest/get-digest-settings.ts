import type { ReadContext } from '../../context.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import type { DigestSettings } from './schema.ts';
import { findDigestSettings } from './settings.ts';

/** When the county's nightly mail goes out, and whether it does (the defaults until set). */
export async function getDigestSettings({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<DigestSettings> {
  await countyOrNotFound(db, input.countyId);
  return findDigestSettings(db, input.countyId);
}
