import type { ReadContext } from '../../../context.ts';
import { deviceOrNotFound } from '../lookups.ts';
import { selectHistory } from './queries.ts';
import type { DeviceHistoryEntry } from './schema.ts';

/** Changes of model, serial, firmware and identity the polls saw, newest first. */
export async function getDeviceHistory({
  db,
  input,
}: ReadContext<{ id: number }>): Promise<DeviceHistoryEntry[]> {
  await deviceOrNotFound(db, input.id);
  return selectHistory(db, input.id);
}
