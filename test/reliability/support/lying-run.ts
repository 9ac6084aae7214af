import type { DeviceResult, Report } from '@xiaowang/shared';
import { makeUptimeProvider, startSnmpResponder } from '@xiaowang/seeds';
import type { SimDevice, SnmpResponder } from '@xiaowang/seeds';
import { parseConfig } from '../../../agent/src/config/load-config.ts';
import type { LoadedConfig } from '../../../agent/src/config/load-config.ts';
import { pollDevice } from '../../../agent/src/poll/poll-device.ts';
import { startAgentLoop } from '../../../agent/src/runtime/agent-loop.ts';
import { createBackoff } from '../../../agent/src/runtime/backoff.ts';
import type { QueuedReport, ReportQueue } from '../../../agent/src/runtime/report-queue.ts';
import type { SendOutcome } from '../../../agent/src/runtime/reporter.ts';
import { parseQueued } from '../../../agent/src/testing/queued-report.ts';
import type { Clock, LyingDevice } from './lying-devices.ts';
import { lyingDevices, UPTIME } from './lying-devices.ts';

/*
 * The lying devices served on loopback, polled once while truthful, then by the real agent
 * loop on a simulated clock, each report handed to `send` (the collector app in the test).
 */

const COMMUNITY = 'lying-Secret-42';
export const INTERVAL_MS = 300_000;
export const TIMING = { timeoutMs: 200, retries: 1 };

export interface Served {
  readonly spec: LyingDevice;
  readonly responder: SnmpResponder;
  readonly device: SimDevice;
  reference?: DeviceResult;
  /** Requests a truthful poll of it needs. */
  requests: number;
}

export interface Run {
  readonly reports: Report[];
  readonly refusals: string[];
  readonly errorsLogged: string[];
  readonly crashed: unknown;
}

function memoryQueue(): ReportQueue & { count(): Promise<number> } {
  const queue: QueuedReport[] = [];
  return {
    append: (r) => Promise.resolve(void queue.push(r)),
    peek: (n) => Promise.resolve(queue.slice(0, n)),
    ack: (id) =>
      Promise.resolve(
        void queue.splice(
          queue.findIndex((r) => r.reportId === id),
          1,
        ),
      ),
    setAside: (id) =>
      Promise.resolve(
        void queue.splice(
          queue.findIndex((r) => r.reportId === id),
          1,
        ),
      ),
    count: () => Promise.resolve(queue.length),
  };
}

export function agentConfig(served: readonly Served[]): LoadedConfig {
  return parseConfig('lying.json', {
    collector: { url: 'http://127.0.0.1:9/', token: `xw_${'x'.repeat(40)}` },
    schedule: {
      pollIntervalSeconds: INTERVAL_MS / 1000,
      jitterSeconds: 0,
      requestTimeoutMs: TIMING.timeoutMs,
      retries: TIMING.retries,
      deviceDeadlineSeconds: 5,
    },
    credentials: { campus: { version: '2c', community: COMMUNITY } },
    devices: served.map((s) => ({
      name: s.spec.name,
      host: '127.0.0.1',
      port: s.responder.port,
      credentials: 'campus',
    })),
    spool: { dir: '/nonexistent' },
    ipv6: { enabled: false },
  });
}

/** Every lying device on its own responder, uptime moving with the simulated clock. */
export async function serveLyingDevices(clock: Clock): Promise<Served[]> {
  return Promise.all(
    lyingDevices().map(async (spec) => {
      const responder = await startSnmpResponder({
        devices: { [COMMUNITY]: spec.varbinds },
        clock: () => clock.now,
        ...(spec.maxVarbinds === undefined ? {} : { maxVarbinds: spec.maxVarbinds }),
      });
      const device = responder.device(COMMUNITY);
      if (device === undefined) throw new Error('no device');
      // Uptime moves with the clock unless the lie is about uptime.
      device.set(UPTIME, makeUptimeProvider(clock.now - 86_400_000));
      spec.setup?.(device, clock);
      return { spec, responder, device, requests: 0 };
    }),
  );
}

/** Each device tells the truth once, so what it later withholds can be measured. */
export async function pollTruth(served: readonly Served[], clock: Clock): Promise<void> {
  const config = agentConfig(served);
  await Promise.all(
    served.map(async (s, i) => {
      const target = config.devices[i];
      if (target === undefined) throw new Error('no target');
      const truth = { ...s.device.faults };
      s.device.setFaults({});
      s.reference = await pollDevice(target, { timing: TIMING, deadlineMs: 10_000 });
      s.requests = s.reference.meta.requests;
      s.device.setFaults({ ...truth, ...s.spec.faults });
      s.spec.beforeCycle?.(0, s.device, clock, s.requests);
    }),
  );
}

/** The real agent loop for `cycles` cycles on the simulated clock, each report to `deliver`. */
export async function runLyingAgent(o: {
  readonly served: readonly Served[];
  readonly clock: Clock;
  readonly cycles: number;
  readonly deliver: (report: Report) => Promise<{ status: number; body: unknown }>;
}): Promise<Run> {
  const { served, clock } = o;
  const config = agentConfig(served);
  const reports: Report[] = [];
  const refusals: string[] = [];
  const errorsLogged: string[] = [];
  const start = clock.now;
  let cycle = 0;
  const send = async (queued: QueuedReport): Promise<SendOutcome> => {
    const report = parseQueued(queued);
    reports.push(report);
    const res = await o.deliver(report);
    if (res.status === 200) return { kind: 'acked', duplicate: false };
    refusals.push(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return {
      kind: 'rejected',
      status: res.status,
      reason: 'refused',
      message: { key: 'delivery.rejected', params: { status: res.status, detail: 'refused' } },
    };
  };
  const loop = startAgentLoop({
    config,
    reloadConfig: () => config,
    queue: memoryQueue(),
    send,
    backoff: createBackoff(1000, 60_000, () => 0.5),
    log: (level, event, fields) => {
      if (level === 'error') errorsLogged.push(`${event} ${JSON.stringify(fields)}`);
    },
    saveState: () => undefined,
    now: () => clock.now,
    random: () => 0,
    sleep: (ms) => {
      clock.now += ms;
      const next = Math.floor((clock.now - start) / INTERVAL_MS);
      while (cycle < next) {
        cycle++;
        for (const s of served) s.spec.beforeCycle?.(cycle, s.device, clock, s.requests);
      }
      return Promise.resolve();
    },
    maxCycles: o.cycles,
  });
  let crashed: unknown = null;
  await loop.done.catch((error: unknown) => {
    crashed = error;
  });
  return { reports, refusals, errorsLogged, crashed };
}
