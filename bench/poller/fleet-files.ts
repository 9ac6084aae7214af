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

/** The token bench agents present to the collector stand-in (report-sink.ts checks it). */
export const BENCH_TOKEN = 'xw_abcdefghijklmnopqrstuvwxyz012345';

/**
 * An agent config polling `devices` with the fleet's county community, as every poller bench
 * writes it: no jitter, IPv6 probing off, one cycle a day unless told otherwise.
 */
export function agentConfigFor(
  plans: readonly DevicePlan[],
  options: {
    readonly collectorUrl: string;
    readonly spoolDir: string;
    readonly pollIntervalSeconds?: number;
    /** The devices to poll (default: every plan); [] for an agent that only starts. */
    readonly devices?: readonly DevicePlan[];
  },
): object {
  return {
    collector: { url: options.collectorUrl, token: BENCH_TOKEN },
    schedule: { jitterSeconds: 0, pollIntervalSeconds: options.pollIntervalSeconds ?? 86_400 },
    ipv6: { enabled: false },
    spool: { dir: options.spoolDir },
    credentials: { county: { version: '2c', community: plans[0]?.community ?? 'public' } },
    devices: (options.devices ?? plans).map((p) => ({
      name: p.name,
      host: p.host,
      port: p.port,
      credentials: 'county',
    })),
  };
}

/** Writes manifest.json and agent.json into `dir`; returns the values the plans expect. */
export async function writeFleetFiles(dir: string, plans: readonly DevicePlan[]): Promise<number> {
  writeManifest(path.join(dir, 'manifest.json'), plans);
  const agentConfig = agentConfigFor(plans, {
    // Nothing listens there unless a sink is started on it: delivery is the caller's choice.
    collectorUrl: `http://127.0.0.1:${await freeTcpPort()}/`,
    spoolDir: path.join(dir, 'spool'),
  });
  writeFileSync(path.join(dir, 'agent.json'), JSON.stringify(agentConfig));
  return plans.reduce((n, p) => n + p.expected, 0);
}
