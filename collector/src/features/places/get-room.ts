import type { ReadContext } from '../../context.ts';
import { roomOrNotFound } from './lookups.ts';
import type { Room } from './schema.ts';

export function getRoom({ db, input }: ReadContext<{ id: number }>): Promise<Room> {
  return roomOrNotFound(db, input.id);
}
