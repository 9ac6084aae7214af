import type { ReadContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { selectAgents } from './queries.ts';
import type { Agent } from './schema.ts';
import { agentViews } from './views.ts';

export async function getAgent({ db, input }: ReadContext<{ id: number }>): Promise<Agent> {
  const [agent] = await agentViews(db, await selectAgents(db, { id: input.id }));
  if (agent === undefined) throw notFound('ingest.notFound.agent', input.id);
  return agent;
}
