import type { HostProbes } from '@xiaowang/shared';
import { hostProbesSchema } from '@xiaowang/shared';
import type { Db } from '../../../db/schema.ts';
import type { LatestReportRow } from './queries-reports.ts';
import { selectCountyAgentSchools, selectLatestReports } from './queries-reports.ts';

export interface ReportRef {
  readonly id: number;
  readonly agentId: number;
  readonly polledAt: string;
  readonly receivedAt: string;
}

export interface SchoolReports {
  /** The latest poll of any agent that speaks for the school, at or before the evaluation. */
  readonly lastReport: ReportRef | undefined;
  /** The latest report of the day with host probes, from an agent of this school alone. */
  readonly probeReport: (ReportRef & { readonly probes: HostProbes }) | undefined;
}

/**
 * Freshness and host probes per school from four bulk queries. Probes count only from an
 * agent serving this one school: an agent speaking for several sits at the county centre
 * (or is shared), so its host's IPv6 says nothing about a school's own network.
 */
export async function loadSchoolReports(
  db: Db,
  v: { countyId: number; dayStart: string; until: string },
): Promise<(schoolId: number) => SchoolReports> {
  const links = await selectCountyAgentSchools(db, v.countyId);
  const latest = await selectLatestReports(db, { countyId: v.countyId, until: v.until });
  const probed = await selectLatestReports(db, { ...v, from: v.dayStart, withProbes: true });
  const latestByAgent = new Map(latest.map((r) => [r.agent_id, toRef(r)]));
  const probesByAgent = new Map(probed.flatMap((r) => withProbes(r)));
  const agentsOf = new Map<number, number[]>();
  const schoolsOf = new Map<number, number>();
  for (const l of links) {
    agentsOf.set(l.school_id, [...(agentsOf.get(l.school_id) ?? []), l.agent_id]);
    schoolsOf.set(l.agent_id, (schoolsOf.get(l.agent_id) ?? 0) + 1);
  }
  return (schoolId) => {
    const agents = agentsOf.get(schoolId) ?? [];
    const own = agents.filter((a) => schoolsOf.get(a) === 1);
    return {
      lastReport: latestOf(agents.map((a) => latestByAgent.get(a))),
      probeReport: latestOf(own.map((a) => probesByAgent.get(a))),
    };
  };
}

const toRef = (r: LatestReportRow): ReportRef => ({
  id: r.id,
  agentId: r.agent_id,
  polledAt: r.poll_started_at,
  receivedAt: r.received_at,
});

/** A stored probe blob that no longer parses is treated as absent, never guessed at. */
function withProbes(r: LatestReportRow): [number, ReportRef & { probes: HostProbes }][] {
  if (r.host_probes === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.host_probes);
  } catch {
    return [];
  }
  const probes = hostProbesSchema.safeParse(parsed);
  return probes.success ? [[r.agent_id, { ...toRef(r), probes: probes.data }]] : [];
}

function latestOf<T extends ReportRef>(refs: readonly (T | undefined)[]): T | undefined {
  let best: T | undefined;
  for (const r of refs)
    if (r !== undefined && (best === undefined || r.polledAt > best.polledAt)) best = r;
  return best;
}
