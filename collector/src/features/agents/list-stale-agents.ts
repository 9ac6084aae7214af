import type { ReadContext } from '../../context.ts';
import { selectStaleAgents } from './queries.ts';
import type { Agent } from './schema.ts';
import { agentViews } from './views.ts';

/**
 * A county's agents that are not revoked and have not reported since `before` (or never),
 * with their schools: the county page lists only these, so the rest are not loaded.
 */
export async function listStaleAgents({
  db,
  input,
}: ReadContext<{ countyId: number; before: Date }>): Promise<Agent[]> {
  const rows = await selectStaleAgents(db, input.countyId, input.before.toISOString());
  return agentViews(db, rows);
}
