import { schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config.ts';
import { collectPieces, parseQueued } from '../testing/queued-report.ts';
import { runCycle } from './cycle.ts';
import { RateState } from './rate-state.ts';

// Two responders: the agent takes host:port as a device's identity.
let a: SnmpResponder;
let b: SnmpResponder;
beforeAll(async () => {
  a = await startSnmpResponder({
    devices: { a: schoolSwitchWalk({ school: '河西村小', code: 'hxcx', seed: 5, accessPorts: 4 }) },
  });
  b = await startSnmpResponder({
    devices: { b: schoolSwitchWalk({ school: '东湖中学', code: 'dhzx', seed: 6, accessPorts: 4 }) },
  });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const loaded = () =>
  parseConfig('agent.json', {
    collector: { url: 'http://127.0.0.1:1/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
    schedule: { requestTimeoutMs: 500, retries: 0 },
    credentials: {
      a: { version: '2c', community: 'a' },
      b: { version: '2c', community: 'b' },
    },
    devices: [
      { name: 'core-a', host: '127.0.0.1', port: a.port, credentials: 'a' },
      { name: 'core-b', host: '127.0.0.1', port: b.port, credentials: 'b' },
    ],
  });

describe('runCycle', () => {
  it('packs a report the contract accepts, with rates from the previous cycle', async () => {
    const rates = new RateState();
    await runCycle(loaded(), { rates, out: collectPieces() });
    const out = collectPieces();
    const packed = await runCycle(loaded(), { rates, out });
    const report = parseQueued(out);
    expect(report.reportId).toBe(packed.reportId);
    // Devices are written in the order they finish.
    const byName = [...report.devices].sort((x, y) => x.target.name.localeCompare(y.target.name));
    expect(byName.map((d) => [d.target.name, d.outcome])).toEqual([
      ['core-a', 'ok'],
      ['core-b', 'ok'],
    ]);
    const [first] = byName;
    expect(first?.outcome === 'ok' && first.rates?.some((r) => r.dropped !== 'first-sample')).toBe(
      true,
    );
    expect(packed.devices.map((d) => [d.target.name, d.meta.varbinds]).sort()).toEqual(
      report.devices.map((d) => [d.target.name, d.meta.varbinds]).sort(),
    );
  });

  it('turns a failure of ours on one device into that device’s error, not the cycle’s', async () => {
    const rates = new RateState();
    const apply = rates.apply.bind(rates);
    rates.apply = (result, readAt) => {
      if (result.target.name === 'core-b') throw new Error('rate bug');
      return apply(result, readAt);
    };
    const out = collectPieces();
    await runCycle(loaded(), { rates, out });
    const report = parseQueued(out);
    const [ok, failed] = [...report.devices].sort((x, y) =>
      x.target.name.localeCompare(y.target.name),
    );
    expect(ok?.outcome).toBe('ok');
    expect(failed).toMatchObject({
      outcome: 'error',
      target: { name: 'core-b' },
      error: { code: 'PROTOCOL', message: expect.stringContaining('rate bug') as string },
    });
  });
});
