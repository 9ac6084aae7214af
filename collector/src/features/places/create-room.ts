import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { referencedSchool } from './lookups.ts';
import { findRoom, insertRoom } from './queries-schools.ts';
import type { CreateRoomInput, Room } from './schema.ts';

export async function createRoom({
  db,
  clock,
  input,
}: WriteContext<CreateRoomInput>): Promise<Room> {
  return inTransaction(db, async (tx) => {
    await referencedSchool(tx, input.schoolId, 'schoolId');
    if ((await findRoom(tx, input)) !== undefined) {
      throw conflict('name', 'api.conflict.roomName', { name: input.name });
    }
    return insertRoom(tx, { ...input, now: clock().toISOString() });
  });
}
