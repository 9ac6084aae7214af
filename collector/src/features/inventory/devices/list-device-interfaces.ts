import type { ReadContext } from '../../../context.ts';
import { deviceOrNotFound } from '../lookups.ts';
import { selectInterfaces } from './queries.ts';
import type { Interface } from './schema.ts';

export async function listDeviceInterfaces({
  db,
  input,
}: ReadContext<{ id: number }>): Promise<Interface[]> {
  await deviceOrNotFound(db, input.id);
  return selectInterfaces(db, input.id);
}
