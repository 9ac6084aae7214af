import type { ReadContext } from '../../context.ts';
import { selectRooms } from './queries-schools.ts';
import type { ListRoomsQuery, Room } from './schema.ts';

export function listRooms({ db, input }: ReadContext<ListRoomsQuery>): Promise<Room[]> {
  return selectRooms(db, input);
}
