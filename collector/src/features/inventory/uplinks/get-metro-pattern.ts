import type { ReadContext } from '../../../context.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { DEFAULT_METRO_PATTERN } from '../../uplinks/infer-uplinks.ts';
import type { Db } from '../../../db/schema.ts';
import { findMetroPattern } from './queries.ts';
import type { MetroPattern } from './schema.ts';

export async function getMetroPattern({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<MetroPattern> {
  await countyOrNotFound(db, input.countyId);
  return loadMetroPattern(db, input.countyId);
}

export async function loadMetroPattern(db: Db, countyId: number): Promise<MetroPattern> {
  const pattern = await findMetroPattern(db, countyId);
  return { countyId, pattern, effectivePattern: pattern ?? DEFAULT_METRO_PATTERN.source };
}
