// What serve-fleet.ts and serve-fast-fleet.ts leave in --dir for polling their fleet by
// hand: the references' manifest and an agent config for every device.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freeTcpPort } from './free-tcp-port.ts';
import type { DevicePlan } from './plan.ts';

/**
 * What the reference pollers (naive, exporter, snmpbulkwalk) read: every device's plan,
 * and how they walk. 20 repetitions is net-snmp's default for session.subtree, what the
 * poller a user would write asks for.
 */
export function writeManifest(
  file: string,
  plans: readonly DevicePlan[],
  { maxRepetitions = 20, timeoutMs = 30_000 } = {},
): void {
  writeFileSync(file, JSON.stringify({ maxRepetitions, timeoutMs, devices: plans }));
}

/** Writes manifest.json and agent.json into `dir`; returns the values the plans expect. */
export async function writeFleetFiles(dir: string, plans: readonly DevicePlan[]): Promise<number> {
  writeManifest(path.join(dir, 'manifest.json'), plans);
  const agentConfig = {
    collector: {
      // Nothing listens there unless a sink is started on it: delivery is the caller's choice.
      url: `http://127.0.0.1:${await freeTcpPort()}/`,
      token: 'xw_abcdefghijklmnopqrstuvwxyz012345',
    },
    schedule: { jitterSeconds: 0, pollIntervalSeconds: 86_400 },
    ipv6: { enabled: false },
    spool: { dir: path.join(dir, 'spool') },
    credentials: { county: { version: '2c', community: plans[0]?.community ?? 'public' } },
    devices: plans.map((p) => ({
      name: p.name,
      host: p.host,
      port: p.port,
      credentials: 'county',
    })),
  };
  writeFileSync(path.join(dir, 'agent.json'), JSON.stringify(agentConfig));
  return plans.reduce((n, p) => n + p.expected, 0);
}
