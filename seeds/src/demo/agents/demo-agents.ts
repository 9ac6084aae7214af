import path from 'node:path';
import type { DemoCounty, DemoSchool } from '../county/types.ts';
import type { DeviceFarm, FarmDevice } from '../sim/device-farm.ts';
import { readConfigJson, writeConfigFile } from '../wiring/agent.ts';

/** One agent of the demo: a school's gateway, or the county network centre's server. */
export interface DemoAgent {
  /** The school code, or `county` for the county centre's agent. */
  readonly code: string;
  readonly name: string;
  readonly school: DemoSchool | null;
  readonly devices: readonly FarmDevice[];
  readonly dir: string;
  readonly configFile: string;
}

export const COUNTY_AGENT = 'county';

/** One agent per school with its own devices, then the county centre's for the county AC. */
export function listDemoAgents(county: DemoCounty, farm: DeviceFarm, dataDir: string): DemoAgent[] {
  const farmDevices = [...farm.devices.values()];
  const agent = (code: string, name: string, school: DemoSchool | null): DemoAgent => {
    const dir = path.join(dataDir, 'agents', code);
    return {
      code,
      name,
      school,
      devices: farmDevices.filter((d) =>
        school === null ? d.device.site === 0 : d.device.site === school.no,
      ),
      dir,
      configFile: path.join(dir, 'agent.json'),
    };
  };
  return [
    ...county.schools.map((s) => agent(s.code, `${s.name}网关`, s)),
    agent(COUNTY_AGENT, '县教育信息中心采集服务器', null),
  ];
}

export interface AgentSettings {
  readonly pollIntervalSeconds: number;
  readonly collectorUrl: string;
}

/**
 * Writes the agent's config as a technician would: its devices and their community, the
 * schedule, the spool in the data directory, and an education site to probe over IPv6.
 * The collector section (URL and token) is kept from an earlier enrollment; the URL is
 * brought up to date when the demo runs on another port.
 */
export function writeAgentConfig(agent: DemoAgent, settings: AgentSettings): void {
  const existing = readConfigJson(agent.configFile);
  const collector =
    typeof existing?.['collector'] === 'object' && existing['collector'] !== null
      ? { ...(existing['collector'] as Record<string, unknown>), url: settings.collectorUrl }
      : undefined;
  const first = agent.devices[0];
  writeConfigFile(agent.configFile, {
    ...(collector === undefined ? {} : { collector }),
    name: agent.name,
    lang: 'zh-CN',
    credentials: { campus: { version: '2c', community: first?.address.community ?? 'public' } },
    devices: agent.devices.map((d) => ({
      name: d.device.name,
      host: d.address.host,
      port: d.address.port,
      credentials: 'campus',
    })),
    schedule: {
      pollIntervalSeconds: settings.pollIntervalSeconds,
      jitterSeconds: 0,
      requestTimeoutMs: 2000,
      retries: 1,
      concurrency: 4,
    },
    spool: { dir: path.join(agent.dir, 'spool'), maxBytes: 64 * 1024 * 1024, maxAgeDays: 45 },
    ipv6: { enabled: true, targets: ['https://www.edu.cn/'], dnsName: 'www.edu.cn' },
  });
}
