import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { int, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.ts';
import type { AgentConfigInput } from '../config/schema.ts';
import { startAgentLoop } from '../runtime/agent-loop.ts';
import { createBackoff } from '../runtime/backoff.ts';
import { discoverDevices, targetKey } from './discover.ts';
import { discoveredFile } from './discovered-file.ts';
import { createDiscovery } from './discovery-state.ts';
import type { Probe } from './probe-snmp.ts';
import { snmpProbe } from './probe-snmp.ts';
import { parseQueued } from '../testing/queued-report.ts';

/**
 * Two simulated switches on 127.0.0.1, each on its own port (the responder picks a device
 * by community, so a shared port would make the second device look already known). The
 * seed's LLDP table names 127.0.0.1 as its neighbour's management address.
 */
const MAN_ADDR_IF_SUBTYPE = '1.0.8802.1.1.2.1.4.2.1.3';
const ACCESS_PORTS = 4;
const UPLINK_PORT_NUM = ACCESS_PORTS + 1;

let seedSim: SnmpResponder;
let secondSim: SnmpResponder;
let dir: string;

beforeAll(async () => {
  const seedWalk = [
    ...schoolSwitchWalk({ school: '河西村小', code: 'hxcx', seed: 5, accessPorts: ACCESS_PORTS }),
    // timeMark 0, the uplink's neighbour (remIndex 1): IPv4 (1), 4 octets, ifSubtype ifIndex (2).
    int(`${MAN_ADDR_IF_SUBTYPE}.0.${UPLINK_PORT_NUM}.1.1.4.127.0.0.1`, 2),
    int(`${MAN_ADDR_IF_SUBTYPE}.0.${UPLINK_PORT_NUM}.1.2.16.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1`, 2),
  ];
  seedSim = await startSnmpResponder({ devices: { 'seed-secret': seedWalk } });
  secondSim = await startSnmpResponder({
    devices: {
      'second-secret': schoolSwitchWalk({
        school: '河西村小',
        code: 'hxjx',
        seed: 6,
        accessPorts: 2,
      }),
    },
  });
  dir = mkdtempSync(path.join(tmpdir(), 'xw-discovery-e2e-'));
});
afterAll(async () => {
  await seedSim.close();
  await secondSim.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(discovery: AgentConfigInput['discovery']) {
  return parseConfig('agent.json', {
    collector: { url: 'http://127.0.0.1:1/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
    schedule: { jitterSeconds: 0, requestTimeoutMs: 300, retries: 0 },
    credentials: {
      'seed-v2': { version: '2c', community: 'seed-secret' },
      'wrong-v2': { version: '2c', community: 'nobody-here' },
      'second-v2': { version: '2c', community: 'second-secret' },
    },
    devices: [
      { name: 'school-core', host: '127.0.0.1', port: seedSim.port, credentials: 'seed-v2' },
    ],
    spool: { dir: path.join(dir, 'spool') },
    discovery,
  });
}

/** Real SNMP to 127.0.0.1 only; any other candidate is recorded and never sent a packet. */
function loopbackProbe(tried: string[]): Probe {
  const real = snmpProbe({ timeoutMs: 300, retries: 0 });
  return (target, credentials) => {
    tried.push(`${target.host}:${target.port}`);
    return target.host === '127.0.0.1' ? real(target, credentials) : Promise.resolve(undefined);
  };
}

describe('discovery over SNMP on loopback', () => {
  it('polls the LLDP neighbour it found on the next cycle, reached with the second credential', async () => {
    const cfg = config({
      lldp: true,
      subnets: ['127.0.0.0/8'],
      credentials: ['wrong-v2', 'second-v2'],
      probesPerSecond: 50,
    });
    const tried: string[] = [];
    const file = discoveredFile(cfg.config.spool.dir);
    const discovery = createDiscovery({
      file,
      probe: loopbackProbe(tried),
      portFor: () => secondSim.port,
    });
    const reports: Report[] = [];
    let clock = Date.UTC(2026, 2, 2, 8);
    const loop = startAgentLoop({
      config: cfg,
      reloadConfig: () => cfg,
      queue: {
        append: (r) => Promise.resolve(void reports.push(parseQueued(r))),
        peek: () => Promise.resolve([]),
        ack: () => Promise.resolve(),
        setAside: () => Promise.resolve(),
        count: () => Promise.resolve(0),
      },
      send: () => Promise.resolve({ kind: 'acked', duplicate: false }),
      backoff: createBackoff(1000, 2000),
      log: () => undefined,
      saveState: () => undefined,
      discovery,
      now: () => clock,
      random: () => 0,
      sleep: (ms) => Promise.resolve(void (clock += ms)),
      maxCycles: 2,
    });
    await loop.done;

    const [first, second] = reports;
    const seed = first?.devices[0];
    const neighbours = seed?.outcome === 'ok' ? seed.snapshot.lldpNeighbors : [];
    expect(neighbours.map((n) => n.remoteManagementAddress)).toEqual(['127.0.0.1']);
    expect(first?.devices).toHaveLength(1);
    expect(tried).toEqual([`127.0.0.1:${secondSim.port}`, `127.0.0.1:${secondSim.port}`]);
    // In the order they finished polling.
    const polled = second?.devices.map((d) => [d.target.name, d.target.port, d.outcome]);
    expect(polled?.sort()).toEqual([
      ['hxjx-core', secondSim.port, 'ok'],
      ['school-core', seedSim.port, 'ok'],
    ]);
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain('secret');
    expect(JSON.parse(saved)).toMatchObject({
      devices: [
        { name: 'hxjx-core', host: '127.0.0.1', port: secondSim.port, credentials: 'second-v2' },
      ],
    });
  });

  it('sweeps tiny subnets up to maxAddresses', async () => {
    const cfg = config({
      credentials: ['wrong-v2', 'second-v2'],
      probesPerSecond: 50,
      sweep: { subnets: ['127.0.0.0/30', '127.0.1.0/24'], maxAddresses: 2 },
    });
    const tried: string[] = [];
    const out = await discoverDevices({
      seeds: [],
      config: cfg,
      known: new Set([targetKey('127.0.0.1', seedSim.port)]),
      alreadyDiscovered: 0,
      probe: loopbackProbe(tried),
      portFor: () => secondSim.port,
      concurrency: 1,
    });
    const port = secondSim.port;
    expect(tried).toEqual([
      `127.0.0.1:${port}`,
      `127.0.0.1:${port}`,
      `127.0.0.2:${port}`,
      `127.0.0.2:${port}`,
    ]);
    expect(out.found.map((f) => [f.name, f.host, f.port, f.credentialName, f.via])).toEqual([
      ['hxjx-core', '127.0.0.1', port, 'second-v2', 'sweep'],
    ]);
    expect(out.skipped).toEqual([{ address: '127.0.0.2', reason: 'no-answer' }]);
    expect(out.probes).toBe(4);
  });
});
