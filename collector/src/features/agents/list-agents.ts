import type { ReadContext } from '../../context.ts';
import { selectAgents } from './queries.ts';
import type { Agent, ListAgentsQuery } from './schema.ts';
import { agentViews } from './views.ts';

/** Agents with their schools and last report; never a token or its hash. */
export async function listAgents({ db, input }: ReadContext<ListAgentsQuery>): Promise<Agent[]> {
  return agentViews(db, await selectAgents(db, input));
}
