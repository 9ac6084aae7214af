import { countyAcSchools } from '../county/generate-county.ts';
import type { DemoCounty } from '../county/types.ts';
import type { DemoAgent } from '../agents/demo-agents.ts';
import { runEnroll } from '../wiring/agent.ts';
import type { AdminApi } from './admin-api.ts';
import type { SeededCounty } from './seed-county.ts';

function schoolIdsFor(agent: DemoAgent, county: DemoCounty, seeded: SeededCounty): number[] {
  const codes =
    agent.school === null ? countyAcSchools(county).map((s) => s.code) : [agent.school.code];
  return codes.map((code) => {
    const id = seeded.schoolIds.get(code);
    if (id === undefined) throw new Error(`school ${code} is missing from the collector`);
    return id;
  });
}

/**
 * Enrolls every agent the way a technician does: the county issues a one-time code for
 * the agent's schools (one school, or the county AC's schools for the centre's agent), and
 * the agent's own `enroll` command exchanges it over HTTP and writes the token into its
 * config file.
 */
export async function enrollAgents(v: {
  api: AdminApi;
  county: DemoCounty;
  seeded: SeededCounty;
  agents: readonly DemoAgent[];
  collectorUrl: string;
  log: (line: string) => void;
}): Promise<void> {
  for (const agent of v.agents) {
    const issued = await v.api.request<{ code: string }>(
      'POST',
      `/api/v1/counties/${v.seeded.countyId}/enrollment-codes`,
      { label: agent.name, schoolIds: schoolIdsFor(agent, v.county, v.seeded), expiresInHours: 24 },
    );
    let said = '';
    const io = {
      stdout: (text: string) => v.log(text),
      stderr: (text: string) => {
        said += text;
      },
    };
    const args = {
      collector: v.collectorUrl,
      code: issued.code,
      config: agent.configFile,
      name: agent.name,
    };
    const exit = await runEnroll(args, 'en', io);
    if (exit !== 0) throw new Error(`agent ${agent.code} could not enroll: ${said}`);
  }
}
