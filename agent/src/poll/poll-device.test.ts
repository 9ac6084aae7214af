import { deviceResultSchema } from '@xiaowang/shared';
import type { DeviceResult, DeviceSnapshot } from '@xiaowang/shared';
import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '@xiaowang/shared';
import { pollDevice } from './poll-device.ts';
import type { DeviceTarget } from './poll-device.ts';

const SCHOOL = { school: '城关小学', code: 'cgxx', seed: 42, ipv6: true, aps: 12 };
const FAST = { timeoutMs: 300, retries: 0 };

let responder: SnmpResponder;

beforeAll(async () => {
  responder = await startSnmpResponder({
    devices: {
      switch: schoolSwitchWalk(SCHOOL),
      ac: schoolAcWalk(SCHOOL),
    },
  });
});

afterAll(async () => {
  await responder.close();
});

beforeEach(() => {
  responder.device('switch')?.setFaults({});
  responder.device('ac')?.setFaults({});
});

function target(community: string): DeviceTarget {
  return {
    name: 'core switch',
    host: responder.host,
    port: responder.port,
    credentials: { version: '2c', community: new Secret(community) },
  };
}

function snapshotOf(result: DeviceResult): DeviceSnapshot {
  if (result.outcome !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.snapshot;
}

describe('pollDevice over UDP against the simulated school', () => {
  it('reads the core switch: uplink, IPv6, LLDP, inventory, exact Counter64', async () => {
    const result = await pollDevice(target('switch'), { timing: FAST });
    expect(deviceResultSchema.parse(result)).toEqual(result);
    const s = snapshotOf(result);
    expect(result.outcome === 'ok' && result.partErrors).toEqual([]);
    expect(s.vendor).toBe('Huawei');
    expect(s.role).toBe('switch');
    expect(s.sysLocation).toBe('城关小学 网络机房');
    const uplink = s.interfaces.find((i) => i.ifName === 'XGigabitEthernet0/0/1');
    expect(uplink).toMatchObject({
      ifAlias: '上联-县教育城域网',
      ifSpeedMbps: 1000,
      ifOperStatus: 'up',
    });
    const served = responder.device('switch')?.get(`1.3.6.1.2.1.31.1.1.1.6.${uplink?.ifIndex}`);
    expect(served?.type).toBe('Counter64');
    expect(uplink?.inOctets).toBe(String(served?.value));
    expect(s.ipv6).toHaveLength(1);
    expect(s.ipv6[0]).toMatchObject({ type: 'global', prefixLength: 64, ifIndex: uplink?.ifIndex });
    expect(s.lldpNeighbors[0]).toMatchObject({
      localIfIndex: uplink?.ifIndex,
      remoteSysName: 'county-metro-core',
    });
    expect(s.entity?.serial).toMatch(/^2102351931P0K/);
    expect(s.apCount).toBeNull();
    expect(result.meta.requests).toBeGreaterThan(3);
    expect(result.meta.varbinds).toBeGreaterThan(100);
  });

  it('reads the AC: one AP per MAC, online kept apart from configured', async () => {
    const s = snapshotOf(await pollDevice(target('ac'), { timing: FAST }));
    expect(s.role).toBe('wlc');
    expect(s.apCount).toBe(12);
    expect(s.aps).toHaveLength(12);
    const online = s.aps?.filter((ap) => ap.online === true).length;
    expect(s.apsOnline).toBe(online);
    expect(s.aps?.[0]?.name).toMatch(/^城关小学-1F-10\d$/);
    expect(s.aps?.[0]?.apGroup).toBe('cgxx');
  });

  it('keeps what it read when the device goes silent half-way, and says what it skipped', async () => {
    responder.device('switch')?.setFaults({ silentAfterRequests: 4 });
    const started = Date.now();
    const result = await pollDevice(target('switch'), { timing: FAST });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(result.outcome).toBe('ok');
    if (result.outcome !== 'ok') return;
    expect(result.snapshot.sysName).toBe('cgxx-core');
    const codes = new Set(result.partErrors.map((e) => e.code));
    expect(codes.has('TIMEOUT')).toBe(true);
    expect(result.partErrors.some((e) => e.message.includes('stopped answering'))).toBe(true);
    expect(result.meta.timeouts).toBeGreaterThan(0);
  });

  it('stops a walk that loops instead of spinning, and keeps the other parts', async () => {
    // From this OID on the simulator answers every GETNEXT with it, so later subtrees read
    // as empty; LLDP (1.0.8802…) sorts before it and must still be read.
    responder.device('switch')?.setFaults({ loopAt: '1.3.6.1.2.1.2.2.1.8.10' });
    const result = await pollDevice(target('switch'), { timing: FAST });
    expect(result.outcome).toBe('ok');
    if (result.outcome !== 'ok') return;
    const loop = result.partErrors.find((e) => e.code === 'WALK_LOOP');
    expect(loop?.part).toBe('interfaces');
    expect(result.snapshot.lldpNeighbors).toHaveLength(1);
    expect(result.snapshot.sysName).toBe('cgxx-core');
    expect(result.meta.requests).toBeLessThan(200);
  });

  it('shrinks GETBULK on tooBig and on silently dropped large replies', async () => {
    responder.device('switch')?.setFaults({ tooBigOverVarbinds: 3 });
    const tooBig = await pollDevice(target('switch'), { timing: FAST });
    expect(tooBig.outcome === 'ok' && tooBig.partErrors).toEqual([]);
    expect(snapshotOf(tooBig).interfaces.length).toBeGreaterThan(20);

    responder.device('switch')?.setFaults({ maxResponseBytes: 400 });
    const dropped = await pollDevice(target('switch'), { timing: FAST });
    expect(dropped.outcome === 'ok' && dropped.partErrors).toEqual([]);
    expect(snapshotOf(dropped).interfaces).toEqual(snapshotOf(tooBig).interfaces);
    expect(dropped.meta.retries).toBeGreaterThan(0);
  });

  it('reports a device that answers garbage or nothing as an error, without throwing', async () => {
    responder.device('switch')?.setFaults({ garbageReply: true });
    const garbage = await pollDevice(target('switch'), { timing: FAST });
    expect(garbage.outcome).toBe('error');
    if (garbage.outcome === 'error') {
      expect(garbage.error.code).toBe('TIMEOUT');
      expect(garbage.error.retryable).toBe(true);
      expect(garbage.error.message).toMatch(/not valid SNMP/);
      // It begins as an SNMP message (a garbled one): a defect, not another service on the
      // port, so no setting is blamed (ber.test.ts and the CLI tests cover the other case).
      expect(garbage.error.setting).toBeUndefined();
    }
    const silent = await pollDevice(target('no-such-community'), { timing: FAST });
    expect(silent).toMatchObject({ outcome: 'error', error: { code: 'TIMEOUT' } });
  });

  it('stops at the device deadline and keeps what it had', async () => {
    responder.device('switch')?.setFaults({ delayMs: 40 });
    const result = await pollDevice(target('switch'), {
      timing: { ...FAST, maxRepetitions: 2 },
      deadlineMs: 400,
    });
    expect(result.outcome).toBe('ok');
    if (result.outcome !== 'ok') return;
    expect(result.partErrors.some((e) => e.code === 'DEADLINE')).toBe(true);
    expect(result.meta.durationMs).toBeLessThan(2000);
  });

  it('never puts the community into what it returns', async () => {
    const community = 'switch';
    const results = [
      await pollDevice(target(community), { timing: FAST }),
      await pollDevice(target('wrong-community-s3cret'), { timing: FAST }),
    ];
    for (const r of results) {
      expect(JSON.stringify(r)).not.toContain('s3cret');
      expect(Object.keys(r.target)).toEqual(['name', 'address', 'port']);
    }
  });
});
