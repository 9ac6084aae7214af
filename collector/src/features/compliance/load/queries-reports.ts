import type { Db } from '../../../db/schema.ts';

/* Agents and their reports: who speaks for which school, and each agent's latest poll. */

export const selectCountyAgentSchools = (db: Db, countyId: number) =>
  db
    .selectFrom('agent_schools')
    .innerJoin('agents', 'agents.id', 'agent_schools.agent_id')
    .select(['agent_schools.agent_id', 'agent_schools.school_id'])
    .where('agents.county_id', '=', countyId)
    .execute();

/**
 * Each county agent's latest report polled at or before `until` (and from `from`, when
 * given, with host probes when asked). One correlated lookup per agent, served by the
 * (agent_id, poll_started_at) index, instead of reading every agent's history.
 */
export function selectLatestReports(
  db: Db,
  v: { countyId: number; until: string; from?: string; withProbes?: boolean },
) {
  return db
    .selectFrom('reports')
    .select(['id', 'agent_id', 'poll_started_at', 'received_at', 'host_probes'])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('agents as a')
        .where('a.county_id', '=', v.countyId)
        .select((sub) => {
          let latest = sub
            .selectFrom('reports as r')
            .select('r.id')
            .whereRef('r.agent_id', '=', 'a.id')
            .where('r.poll_started_at', '<=', v.until);
          if (v.from !== undefined) latest = latest.where('r.poll_started_at', '>=', v.from);
          if (v.withProbes === true) latest = latest.where('r.host_probes', 'is not', null);
          return latest.orderBy('r.poll_started_at', 'desc').limit(1).as('latest_id');
        }),
    )
    .execute();
}

export type LatestReportRow = Awaited<ReturnType<typeof selectLatestReports>>[number];

export const selectReportsById = async (db: Db, ids: readonly number[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('reports')
        .select(['id', 'agent_id', 'poll_started_at', 'received_at'])
        .where('id', 'in', ids)
        .orderBy('poll_started_at')
        .execute();
