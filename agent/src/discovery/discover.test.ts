import { describe, expect, it } from 'vitest';
import { discoverDevices, targetKey } from './discover.ts';
import { config, fakeProbe, input, LLDP, seed } from './discover-test-kit.ts';

describe('discoverDevices', () => {
  it('follows LLDP addresses inside the subnets only, and says why others were skipped', async () => {
    const { calls, probe } = fakeProbe({ '10.20.0.2': 'school-community' }, { t: 0 });
    const out = await discoverDevices(
      input({
        config: config(LLDP),
        probe,
        seeds: [
          seed(['10.20.0.2', '10.30.0.1', null, 'not an ip', '10.20.0.1']),
          seed(['10.20.0.9'], 'error'),
        ],
      }),
    );
    expect(
      out.found.map((f) => [f.name, f.host, f.port, f.credentialName, f.via, f.school]),
    ).toEqual([['sw-10.20.0.2', '10.20.0.2', 161, 'school', 'lldp', 'hxcx']]);
    expect(out.skipped).toEqual([
      { address: '10.30.0.1', reason: 'outside-subnets' },
      { address: 'not an ip', reason: 'not-an-address' },
      { address: '10.20.0.1', reason: 'already-known' },
    ]);
    expect(calls.map((c) => c.host)).not.toContain('10.30.0.1');
    expect(calls.map((c) => c.host)).not.toContain('10.20.0.9');
  });

  it('tries the credentials in their configured order and stops at the first answer', async () => {
    const { calls, probe } = fakeProbe(
      { '10.20.0.2': 'school-community', '10.20.0.3': 'old-community' },
      { t: 0 },
    );
    const out = await discoverDevices(
      input({ config: config(LLDP), probe, seeds: [seed(['10.20.0.2', '10.20.0.3'])] }),
    );
    expect(calls.map((c) => `${c.host} ${c.community}`)).toEqual([
      '10.20.0.2 old-community',
      '10.20.0.2 school-community',
      '10.20.0.3 old-community',
    ]);
    expect(out.found.map((f) => f.credentialName)).toEqual(['school', 'old']);
    expect(out.probes).toBe(3);
  });

  it('finds nothing through LLDP when lldp is off or no subnet is configured', async () => {
    const { calls, probe } = fakeProbe({ '10.20.0.2': 'old-community' }, { t: 0 });
    const off = await discoverDevices(
      input({ config: config({ ...LLDP, lldp: false }), probe, seeds: [seed(['10.20.0.2'])] }),
    );
    expect(off).toEqual({ found: [], skipped: [], probes: 0 });
    const none = await discoverDevices(
      input({ config: config({ ...LLDP, subnets: [] }), probe, seeds: [seed(['10.20.0.2'])] }),
    );
    expect(none.skipped).toEqual([{ address: '10.20.0.2', reason: 'outside-subnets' }]);
    expect(calls).toEqual([]);
  });

  it('stops at maxDevices, counting devices discovered before', async () => {
    const answers = Object.fromEntries([2, 3, 4, 5].map((n) => [`10.20.0.${n}`, 'old-community']));
    const { probe } = fakeProbe(answers, { t: 0 });
    const seeds = [seed(['10.20.0.2', '10.20.0.3', '10.20.0.4', '10.20.0.5'])];
    const out = await discoverDevices(
      input({
        config: config({ ...LLDP, maxDevices: 3 }),
        probe,
        seeds,
        alreadyDiscovered: 1,
        concurrency: 4,
      }),
    );
    expect(out.found.map((f) => f.host)).toEqual(['10.20.0.2', '10.20.0.3']);
    expect(out.skipped.filter((s) => s.reason === 'limit-reached')).toHaveLength(2);
  });

  it('never probes a known address again', async () => {
    const { calls, probe } = fakeProbe({ '10.20.0.2': 'old-community' }, { t: 0 });
    const known = new Set([targetKey('10.20.0.1', 161), targetKey('10.20.0.2', 161)]);
    const out = await discoverDevices(
      input({ config: config(LLDP), probe, known, seeds: [seed(['10.20.0.2'])] }),
    );
    expect(out.skipped).toEqual([{ address: '10.20.0.2', reason: 'already-known' }]);
    expect(calls).toEqual([]);
  });

  it('sweeps up to maxAddresses, after LLDP candidates and without repeating them', async () => {
    const { calls, probe } = fakeProbe({ '10.20.0.6': 'old-community' }, { t: 0 });
    const sweep = {
      subnets: ['10.20.0.0/29', '10.99.0.0/24', '2001:db8::/64', '10.20.0/24'],
      maxAddresses: 5,
    };
    const out = await discoverDevices(
      input({
        config: config({ ...LLDP, credentials: ['old'], sweep }),
        probe,
        seeds: [seed(['10.20.0.6'])],
      }),
    );
    expect(calls.map((c) => c.host)).toEqual([
      '10.20.0.6',
      '10.20.0.2',
      '10.20.0.3',
      '10.20.0.4',
      '10.20.0.5',
    ]);
    expect(out.found.map((f) => [f.host, f.via])).toEqual([['10.20.0.6', 'lldp']]);
    expect(out.skipped).toContainEqual({ address: '10.20.0.1', reason: 'already-known' });
    expect(out.skipped).toContainEqual({
      address: '2001:db8::/64',
      reason: 'ipv6-sweep-unsupported',
    });
    expect(out.skipped).toContainEqual({ address: '10.20.0/24', reason: 'bad-subnet' });
    const skipped = await discoverDevices(
      input({ config: config({ ...LLDP, sweep }), probe, sweep: false }),
    );
    expect(skipped.probes).toBe(0);
  });

  it('uses the port portFor gives', async () => {
    const { calls, probe } = fakeProbe({ '10.20.0.2': 'old-community' }, { t: 0 });
    const out = await discoverDevices(
      input({ config: config(LLDP), probe, seeds: [seed(['10.20.0.2'])], portFor: () => 1161 }),
    );
    expect(calls[0]?.port).toBe(1161);
    expect(out.found[0]?.port).toBe(1161);
  });

  it('counts a probe that throws as no answer', async () => {
    const out = await discoverDevices(
      input({
        config: config(LLDP),
        probe: () => Promise.reject(new Error('socket')),
        seeds: [seed(['10.20.0.2'])],
      }),
    );
    expect(out.skipped).toEqual([{ address: '10.20.0.2', reason: 'no-answer' }]);
  });
});
