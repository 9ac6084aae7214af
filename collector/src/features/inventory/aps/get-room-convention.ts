import type { ReadContext } from '../../../context.ts';
import { countyOrNotFound } from '../../places/lookups.ts';
import { findRoomConvention } from './queries-rules.ts';
import type { RoomConvention } from './schema.ts';

export async function getRoomConvention({
  db,
  input,
}: ReadContext<{ countyId: number }>): Promise<RoomConvention> {
  await countyOrNotFound(db, input.countyId);
  return findRoomConvention(db, input.countyId);
}
