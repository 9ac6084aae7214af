import type { WriteContext } from '../../context.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import { roomOrNotFound } from './lookups.ts';
import { findRoom, updateRoomRow } from './queries-schools.ts';
import type { Room, UpdateRoomInput } from './schema.ts';

export async function updateRoom({
  db,
  clock,
  input,
}: WriteContext<{ id: number; patch: UpdateRoomInput }>): Promise<Room> {
  const { id, patch } = input;
  return inTransaction(db, async (tx) => {
    const room = await roomOrNotFound(tx, id);
    if (patch.name !== undefined && patch.name !== room.name) {
      if ((await findRoom(tx, { schoolId: room.schoolId, name: patch.name })) !== undefined) {
        throw conflict('name', 'api.conflict.roomName', { name: patch.name });
      }
    }
    return updateRoomRow(tx, id, { ...patch, now: clock().toISOString() });
  });
}
