import type { DemoAgent } from '../agents/demo-agents.ts';
import { allDevices } from '../county/generate-county.ts';
import type { DemoCounty } from '../county/types.ts';
import type { DemoPlan } from '../plan/plan.ts';
import type { DeviceFarm } from '../sim/device-farm.ts';
import type { RunningCollector } from '../wiring/collector.ts';
import type { AdminApi } from './admin-api.ts';
import { backfill } from './backfill.ts';
import { recomputeCountyDay } from './demo-collector.ts';
import type { DemoState } from './demo-state.ts';
import { writeDemoState } from './demo-state.ts';
import { createDemoUsers } from './demo-users.ts';
import { enrollAgents } from './enroll-agents.ts';
import type { SeededCounty } from './seed-county.ts';
import { seedCounty } from './seed-county.ts';
import type { DemoIo } from './start-demo.ts';
import { pollTemplates } from './templates.ts';

export interface NewCounty {
  readonly state: DemoState;
  readonly seeded: SeededCounty;
  readonly backfill: { readonly days: number; readonly reports: number; readonly seconds: number };
}

/**
 * A new demo county, in the order a county goes live: places and targets through the
 * admin API, the demo's logins, each agent enrolled with its one-time code, then the
 * plan's past replayed through the ingest API, day by day with its compliance.
 */
export async function setUpNewCounty(v: {
  county: DemoCounty;
  plan: DemoPlan;
  api: AdminApi;
  collector: RunningCollector;
  farm: DeviceFarm;
  agents: readonly DemoAgent[];
  dataDir: string;
  state: DemoState;
  io: DemoIo;
  signal: AbortSignal;
  writeLog: (line: string) => void;
}): Promise<NewCounty> {
  const { county, plan, io } = v;
  const seeded = await seedCounty(v.api, county);
  const schools = county.schools;
  io.say('demo.county.created', {
    county: county.name,
    towns: county.towns.length,
    schools: schools.length,
    points: schools.filter((s) => s.kind === 'teaching_point').length,
    kindergartens: schools.filter((s) => s.kind === 'kindergarten').length,
    rooms: schools.reduce((n, s) => n + s.rooms.length, 0),
    aps: allDevices(county).reduce((n, d) => n + d.aps.length, 0),
  });
  const technicianSchoolId = seeded.schoolIds.get(plan.slowUplinks[0] ?? '') ?? 0;
  await createDemoUsers(v.collector, { countyId: seeded.countyId, technicianSchoolId });
  await enrollAgents({
    api: v.api,
    county,
    seeded,
    agents: v.agents,
    collectorUrl: v.collector.url,
    log: (line) =>
      v.writeLog(JSON.stringify({ t: new Date().toISOString(), event: 'agent.enrolled', line })),
  });
  let state: DemoState = { ...v.state, countyId: seeded.countyId };
  writeDemoState(v.dataDir, state);

  const started = Date.now();
  const templates = await pollTemplates(v.agents, v.farm);
  const result = await backfill({
    plan,
    agents: v.agents,
    farm: v.farm,
    templates,
    signal: v.signal,
    recompute: async (day) => {
      await recomputeCountyDay(v.collector, seeded.countyId, day);
    },
    progress: (done, days, reports) => {
      if (done % 5 === 0 && done < days)
        io.progress('demo.backfill.progress', { done, days, reports });
    },
  });
  state = { ...state, historyComplete: true };
  writeDemoState(v.dataDir, state);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  io.say('demo.backfill.done', { days: result.days, reports: result.reports, seconds });
  return { state, seeded, backfill: { ...result, seconds } };
}
