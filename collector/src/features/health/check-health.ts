import type { ReadContext } from '../../context.ts';
import { pingDatabase } from './queries.ts';

/** Healthy when the database answers; a failure becomes a 500 through the usual handler. */
export async function checkHealth({ db }: ReadContext<unknown>): Promise<{ status: 'ok' }> {
  await pingDatabase(db);
  return { status: 'ok' };
}
