import type { ReadContext } from '../../context.ts';
import { selectOldestFreshReport, selectStaleAgents } from './queries.ts';
import type { Agent } from './schema.ts';
import { agentViews } from './views.ts';

export interface StaleAgents {
  readonly agents: Agent[];
  /**
   * The first instant at which the list would be longer with no row changed: when the
   * oldest report of an agent not on it falls out of the window. Null when no agent can
   * turn stale by time alone. A caller that keeps the list may keep it until then.
   */
  readonly changesAt: Date | null;
}

/**
 * A county's agents that are not revoked and have not reported within `windowMs` before
 * `now` (or never), with their schools: the county page lists only these, so the rest are
 * not loaded.
 */
export async function listStaleAgents({
  db,
  input,
}: ReadContext<{ countyId: number; now: Date; windowMs: number }>): Promise<StaleAgents> {
  const before = new Date(input.now.getTime() - input.windowMs).toISOString();
  const rows = await selectStaleAgents(db, input.countyId, before);
  const oldest = await selectOldestFreshReport(db, input.countyId, before);
  return { agents: await agentViews(db, rows), changesAt: changesAt(oldest, input.windowMs) };
}

/*
 * An agent is stale once its report is older than the window's start (compared as text,
 * which for `toISOString()` instants is comparing times): for a report at r, from the first
 * millisecond after r + window. An instant that does not parse gives "now", so a caller
 * keeps nothing rather than something that might turn wrong.
 */
function changesAt(oldest: string | null, windowMs: number): Date | null {
  if (oldest === null) return null;
  const at = Date.parse(oldest);
  return new Date(Number.isNaN(at) ? 0 : at + windowMs + 1);
}
