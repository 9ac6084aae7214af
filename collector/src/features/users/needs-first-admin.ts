import type { ReadContext } from '../../context.ts';
import { anyCountyAdminExists } from './queries.ts';

/** Whether the first-run page may create the first administrator: only while none exists. */
export async function needsFirstAdmin({ db }: ReadContext<unknown>): Promise<boolean> {
  return !(await anyCountyAdminExists(db));
}
