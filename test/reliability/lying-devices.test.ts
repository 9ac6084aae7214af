import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollTestAgent } from '../../collector/src/testing/agent-factory.ts';
import type { TestApp } from '../../collector/src/testing/test-app.ts';
import { createTestApp } from '../../collector/src/testing/test-app.ts';
import { partsSkipped, unexplainedLosses } from './support/explain.ts';
import { printFigures, scaled } from './support/figures.ts';
import type { Clock } from './support/lying-devices.ts';
import { RADIO_AC_APS, REBOOT_BPS, UPLINK, WRAP_BPS } from './support/lying-devices.ts';
import type { Run, Served } from './support/lying-run.ts';
import { INTERVAL_MS, pollTruth, runLyingAgent, serveLyingDevices } from './support/lying-run.ts';

/*
 * Devices that lie, each on its own responder on 127.0.0.1, polled by the real agent loop
 * (poller, rates, report contract, delivery) for several five-minute cycles of simulated time,
 * and delivered to a real collector app. The agent must not crash, must not report a rate
 * faster than the device really moved, and must say what it could not read.
 */

const CYCLES = scaled(5, 5);
const clock: Clock = { now: Date.UTC(2026, 10, 27, 1, 0, 0) };
let served: Served[] = [];
let api: TestApp | undefined;

let run: Run;

beforeAll(async () => {
  served = await serveLyingDevices(clock);
  await pollTruth(served, clock);
  const app = await createTestApp();
  api = app;
  const agent = await enrollTestAgent(app);
  run = await runLyingAgent({
    served,
    clock,
    cycles: CYCLES,
    deliver: (report) =>
      app.request('POST', '/api/v1/reports', { token: agent.token, json: report }),
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(served.map((s) => s.responder.close()));
  await api?.close();
});

const byName = (name: string, report = run.reports.at(-1)) =>
  report?.devices.find((d) => d.target.name === name);

function servedAs(name: string): Served {
  const s = served.find((x) => x.spec.name === name);
  if (s === undefined) throw new Error(`no device ${name}`);
  return s;
}

function losses(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const report of run.reports) {
    for (const name of names) {
      const s = servedAs(name);
      const got = byName(name, report);
      if (s.reference === undefined || got === undefined) continue;
      for (const loss of unexplainedLosses(s.reference, got)) out.push(`${name}: ${loss}`);
    }
  }
  return [...new Set(out)];
}

function uplinkRates(name: string) {
  return run.reports.map((r) => {
    const d = byName(name, r);
    return d?.outcome === 'ok' ? d.rates?.find((x) => x.ifIndex === UPLINK) : undefined;
  });
}

describe('devices that lie', () => {
  it('never crash the agent: every cycle makes a report the collector accepts', () => {
    let rates = 0;
    let dropped = 0;
    const spikes: string[] = [];
    for (const report of run.reports) {
      // Devices are in the order they finished polling, not the config's.
      report.devices.forEach((result) => {
        const s = served.find((x) => x.spec.name === result.target.name);
        if (s === undefined || result.outcome !== 'ok') return;
        for (const rate of result.rates ?? []) {
          if (rate.dropped !== null) dropped++;
          if (rate.inBps === null || rate.outBps === null) continue;
          rates++;
          const fastest = Math.max(rate.inBps, rate.outBps);
          if (fastest > s.spec.maxTrueBps * 1.05 + 1)
            spikes.push(`${s.spec.name} if ${rate.ifIndex}: ${Math.round(fastest)} bit/s`);
        }
      });
    }
    const all = served.map((s) => s.spec.name);
    printFigures('lying-devices', {
      devices: served.length,
      cycles: CYCLES,
      simulatedMinutes: (CYCLES * INTERVAL_MS) / 60_000,
      reportsDelivered: run.reports.length - run.refusals.length,
      reportsRefused: run.refusals.length,
      deviceResults: run.reports.length * served.length,
      ratesReported: rates,
      ratesDroppedWithReason: dropped,
      spikes: spikes.length,
      unexplainedGaps: losses(all).length,
      crashes: run.crashed === null ? 0 : 1,
    });
    for (const s of served) {
      const last = byName(s.spec.name);
      const said = last === undefined ? '?' : partsSkipped(last).join(', ') || 'complete';
      const requests = run.reports.map((r) => byName(s.spec.name, r)?.meta.requests ?? 0);
      console.log(
        `[reliability] lying-devices ${s.spec.name} (${s.spec.lie}): ${said}; requests ${requests.join('/')} (truthful ${s.requests})`,
      );
    }
    expect(run.crashed).toBeNull();
    expect(run.errorsLogged).toEqual([]);
    expect(run.refusals).toEqual([]);
    expect(run.reports).toHaveLength(CYCLES);
    expect(spikes).toEqual([]);
  });

  it('say what they did not read: every part with less than the truth has a part error', () => {
    expect(losses(served.map((s) => s.spec.name))).toEqual([]);
  });

  it('name each lie: loops, steps back, garbage, wrong ids and silence', () => {
    const codes = (name: string) =>
      run.reports.flatMap((r) => {
        const d = byName(name, r);
        if (d === undefined) return [];
        return d.outcome === 'error' ? [d.error.code] : d.partErrors.map((e) => e.code);
      });
    expect(codes('walk-loops')).toContain('WALK_LOOP');
    expect(codes('walk-goes-backwards')).toContain('WALK_LOOP');
    expect(codes('garbage-datagrams')).toHaveLength(CYCLES);
    expect(codes('wrong-request-id')).toHaveLength(CYCLES);
    expect(codes('too-slow')).toContain('TIMEOUT');
    expect(new Set(codes('silent-half-way'))).not.toEqual(new Set());
  });

  it('lose nothing to tooBig or to large answers that never arrive, only round trips', () => {
    for (const name of ['too-big', 'drops-large-datagrams']) {
      const got = byName(name);
      const ref = servedAs(name).reference;
      expect(got?.outcome, name).toBe('ok');
      if (got?.outcome !== 'ok' || ref?.outcome !== 'ok') continue;
      expect(got.snapshot.interfaces, name).toEqual(ref.snapshot.interfaces);
      expect(got.partErrors, name).toEqual([]);
      expect(got.meta.requests, name).toBeGreaterThan(ref.meta.requests);
    }
  });

  it('give the true rate across a 32-bit counter wrap, when one wrap is all that can fit', () => {
    const rates = uplinkRates('counter32-wraps').slice(1);
    expect(rates).toHaveLength(CYCLES - 1);
    for (const rate of rates) expect(rate?.inBps).toBeCloseTo(WRAP_BPS, -4);
    // On its 1000M ports a 32-bit counter can wrap several times in five minutes: unknowable.
    const gigabit = byName('counter32-wraps');
    const access = gigabit?.outcome === 'ok' ? gigabit.rates?.find((x) => x.ifIndex === 6) : null;
    expect(access?.dropped).toBe('interval-too-long-for-32bit');
  });

  it('drop the rate with its reason after a reboot or a counter cleared by hand', () => {
    expect(uplinkRates('reboots')[2]?.dropped).toBe('device-restarted');
    expect(uplinkRates('counter64-jumps-back')[2]?.dropped).toBe('counter-reset');
    expect(uplinkRates('reboots')[3]?.inBps).toBeCloseTo(REBOOT_BPS, -4);
  });

  it('flag ifHighSpeed sent in bit/s, so the collector does not count it as a speed', () => {
    const bits = byName('ifHighSpeed-in-bits');
    expect(bits?.outcome).toBe('ok');
    if (bits?.outcome !== 'ok') return;
    const suspect = bits.snapshot.interfaces.filter((x) => x.speedSuspect !== null);
    expect(suspect.map((x) => x.ifIndex).sort((a, b) => a - b)).toEqual([6, UPLINK]);
  });

  it('carry garbage strings as text: GB18030 decoded, over-long ones cut and said', () => {
    const garbage = byName('garbage-strings');
    expect(garbage?.outcome).toBe('ok');
    if (garbage?.outcome !== 'ok') return;
    expect(garbage.snapshot.sysName).toBe('学校交换机');
    expect(garbage.snapshot.sysDescr).toHaveLength(4096);
    const port = (i: number) => garbage.snapshot.interfaces.find((x) => x.ifIndex === i);
    expect(port(10)?.ifDescr).toBe('千兆上联口');
    expect(port(6)?.ifAlias).toContain('<script>');
    expect(port(7)?.ifAlias).toHaveLength(4096);
    expect(garbage.partErrors.map((e) => e.part)).toEqual(['system', 'interfaces']);
  });

  it('count APs, not radios, on a controller that lists one row per radio', () => {
    const ac = byName('ac-row-per-radio');
    expect(ac?.outcome).toBe('ok');
    if (ac?.outcome !== 'ok') return;
    expect(ac.snapshot.apCount).toBe(RADIO_AC_APS);
    expect(ac.snapshot.apSource?.kind).toBe('radioTable');
  });
});
