import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeviceResult, DeviceSnapshot, Report } from '@xiaowang/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.ts';
import type { AgentConfigInput } from '../config/schema.ts';
import type { SnmpCredentials, SnmpTarget } from '../snmp/credentials.ts';
import { testMeta } from '../testing/device-meta.ts';
import { discoveredFile } from './discovered-file.ts';
import { createDiscovery, FORGET_AFTER_MS } from './discovery-state.ts';

const HOUR = 3600 * 1000;
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'xw-discovery-'));
  file = discoveredFile(path.join(dir, 'spool'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function config(
  discovery: AgentConfigInput['discovery'],
  devices: AgentConfigInput['devices'] = [],
) {
  return parseConfig('agent.json', {
    collector: { url: 'http://127.0.0.1:1/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
    schedule: { inventoryIntervalHours: 24 },
    credentials: { lab: { version: '2c', community: 'very-secret-community' } },
    devices: [{ name: 'core', host: '10.20.0.1', credentials: 'lab' }, ...devices],
    discovery,
  });
}

function result(address: string, neighbours: string[] = [], ok = true): DeviceResult {
  const target = { name: address, address, port: 161 };
  const meta = testMeta;
  if (!ok)
    return {
      outcome: 'error',
      target,
      meta,
      error: { code: 'TIMEOUT', message: 'x', retryable: true },
    };
  const lldpNeighbors = neighbours.map((a) => ({ remoteManagementAddress: a }));
  const snapshot = { lldpNeighbors } as unknown as DeviceSnapshot;
  return { outcome: 'ok', target, meta, snapshot, partErrors: [] };
}

const report = (...devices: DeviceResult[]) => ({ devices }) as unknown as Report;

/** Every address answers, with its own name; calls are recorded. */
function answeringProbe() {
  const calls: string[] = [];
  const probe = (t: SnmpTarget, _c: SnmpCredentials) => {
    calls.push(t.host);
    return Promise.resolve({ sysObjectID: '1.3.6.1.4.1.2011', sysName: `sw-${t.host}` });
  };
  return { calls, probe };
}

const LLDP = { lldp: true, subnets: ['10.20.0.0/16'], credentials: ['lab'], probesPerSecond: 100 };

describe('createDiscovery', () => {
  it('adds discovered devices to the next cycle and keeps them across restarts, without secrets', async () => {
    const { probe } = answeringProbe();
    const cfg = config(LLDP);
    const discovery = createDiscovery({ file, probe });
    expect(discovery.devicesFor(cfg).map((d) => d.host)).toEqual(['10.20.0.1']);
    await discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.7'])), cfg);
    expect(discovery.devicesFor(cfg).map((d) => [d.name, d.host, d.port])).toEqual([
      ['core', '10.20.0.1', 161],
      ['sw-10.20.0.7', '10.20.0.7', 161],
    ]);
    const text = readFileSync(file, 'utf8');
    expect(path.dirname(file)).toBe(dir);
    expect(text).not.toContain('very-secret-community');
    expect(JSON.parse(text)).toMatchObject({
      devices: [{ host: '10.20.0.7', credentials: 'lab', via: 'lldp' }],
    });

    const restarted = createDiscovery({ file, probe });
    const again = restarted.devicesFor(cfg).at(-1);
    expect(again?.host).toBe('10.20.0.7');
    expect(again?.credentials).toBe(cfg.credentials.get('lab'));
  });

  it('sweeps at most once per inventoryIntervalHours', async () => {
    let now = Date.UTC(2026, 2, 1);
    const calls: string[] = [];
    const silent = (t: SnmpTarget) => Promise.resolve(void calls.push(t.host));
    const cfg = config({ ...LLDP, lldp: false, sweep: { subnets: ['10.30.0.0/30'] } });
    const discovery = createDiscovery({ file, probe: silent, now: () => now });
    await discovery.afterCycle(report(), cfg);
    expect(calls).toEqual(['10.30.0.1', '10.30.0.2']);
    now += 23 * HOUR;
    await discovery.afterCycle(report(), cfg);
    expect(calls).toHaveLength(2);
    // The last sweep time survives a restart.
    const restarted = createDiscovery({ file, probe: silent, now: () => now });
    now += 1 * HOUR;
    await restarted.afterCycle(report(), cfg);
    expect(calls).toHaveLength(4);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      lastSweepAt: new Date(now).toISOString(),
    });
  });

  it('does nothing while discovery is off, and polls only the configured devices', async () => {
    const { calls, probe } = answeringProbe();
    const discovery = createDiscovery({ file, probe });
    await discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.7'])), config(LLDP));
    const off = config({ ...LLDP, lldp: false });
    await discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.8'])), off);
    expect(calls).toEqual(['10.20.0.7']);
    expect(discovery.devicesFor(off).map((d) => d.host)).toEqual(['10.20.0.1']);
  });

  it('lets a device listed by hand win over the discovered copy', async () => {
    const { probe } = answeringProbe();
    const discovery = createDiscovery({ file, probe });
    await discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.7'])), config(LLDP));
    const listed = config(LLDP, [{ name: 'printer-sw', host: '10.20.0.7', credentials: 'lab' }]);
    expect(discovery.devicesFor(listed).map((d) => d.name)).toEqual(['core', 'printer-sw']);
  });

  it('forgets a discovered device that has not answered for a week', async () => {
    let now = Date.UTC(2026, 2, 1);
    const { probe } = answeringProbe();
    const cfg = config(LLDP);
    const discovery = createDiscovery({ file, probe, now: () => now });
    await discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.7'])), cfg);
    now += FORGET_AFTER_MS - HOUR;
    await discovery.afterCycle(report(result('10.20.0.7', [], true)), cfg);
    now += FORGET_AFTER_MS - HOUR;
    await discovery.afterCycle(report(result('10.20.0.7', [], false)), cfg);
    expect(discovery.records()).toHaveLength(1);
    now += 2 * HOUR;
    await discovery.afterCycle(report(result('10.20.0.7', [], false)), cfg);
    expect(discovery.records()).toEqual([]);
  });

  it('ignores a damaged file and says so', async () => {
    writeFileSync(file, '{"version":1,"devices":[{"host":');
    const events: string[] = [];
    const discovery = createDiscovery({
      file,
      probe: answeringProbe().probe,
      log: (_l, e) => events.push(e),
    });
    expect(events).toEqual(['discovery.file_ignored']);
    expect(discovery.records()).toEqual([]);
    await discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.7'])), config(LLDP));
    expect(discovery.records()).toHaveLength(1);
  });

  it('logs a failure instead of throwing into the loop', async () => {
    const events: string[] = [];
    const blocked = path.join(dir, 'not-a-dir');
    writeFileSync(blocked, '');
    const discovery = createDiscovery({
      file: path.join(blocked, 'discovered.json'),
      probe: answeringProbe().probe,
      log: (_l, e) => events.push(e),
    });
    await expect(
      discovery.afterCycle(report(result('10.20.0.1', ['10.20.0.7'])), config(LLDP)),
    ).resolves.toBeUndefined();
    expect(events).toContain('discovery.failed');
  });
});
