import { getEventListeners } from 'node:events';
import { schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/load-config.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { abortableSleep, startAgentLoop } from './agent-loop.ts';
import type { AgentState } from './agent-state.ts';
import { createBackoff } from './backoff.ts';
import type { Log } from './log.ts';
import type { QueuedReport } from './report-queue.ts';
import type { SendOutcome } from './reporter.ts';

let responder: SnmpResponder;
beforeAll(async () => {
  responder = await startSnmpResponder({
    devices: {
      core: schoolSwitchWalk({ school: '河西村小', code: 'hxcx', seed: 5, accessPorts: 4 }),
    },
  });
});
afterAll(async () => {
  await responder.close();
});

function config(): LoadedConfig {
  return parseConfig('agent.json', {
    collector: { url: 'http://127.0.0.1:1/', token: 'xw_abcdefghijklmnopqrstuvwxyz012345' },
    schedule: { jitterSeconds: 0, pollIntervalSeconds: 300, requestTimeoutMs: 300, retries: 0 },
    credentials: { c: { version: '2c', community: 'core' } },
    devices: [{ name: 'core', host: '127.0.0.1', port: responder.port, credentials: 'c' }],
  });
}

const refused: SendOutcome = {
  kind: 'retry',
  reason: 'ECONNREFUSED',
  message: { key: 'delivery.refused', params: { address: '127.0.0.1:1' } },
};

function memoryQueue() {
  const items: QueuedReport[] = [];
  return {
    items,
    append: (r: QueuedReport) => Promise.resolve(void items.push(r)),
    peek: (n: number) => Promise.resolve(items.slice(0, n)),
    ack: (id: string) =>
      Promise.resolve(
        void items.splice(
          items.findIndex((r) => r.reportId === id),
          1,
        ),
      ),
    setAside: (id: string) =>
      Promise.resolve(
        void items.splice(
          items.findIndex((r) => r.reportId === id),
          1,
        ),
      ),
    count: () => Promise.resolve(items.length),
  };
}

describe('the agent loop', () => {
  it('keeps reports while the collector is down and delivers each once, in order, when it returns', async () => {
    let clock = Date.UTC(2026, 10, 27, 2);
    const queue = memoryQueue();
    const delivered: string[] = [];
    let collectorUp = false;
    const states: AgentState[] = [];
    const loop = startAgentLoop({
      config: config(),
      reloadConfig: config,
      queue,
      backoff: createBackoff(60_000, 600_000, () => 0.5),
      log: () => undefined,
      saveState: (s) => states.push(s),
      now: () => clock,
      random: () => 0,
      sleep: (ms) => {
        clock += ms;
        // The collector comes back after 20 simulated minutes.
        if (clock > Date.UTC(2026, 10, 27, 2, 20)) collectorUp = true;
        return Promise.resolve();
      },
      send: (r): Promise<SendOutcome> => {
        if (!collectorUp) return Promise.resolve(refused);
        delivered.push(r.reportId);
        return Promise.resolve({ kind: 'acked', duplicate: false });
      },
      maxCycles: 6,
    });
    await loop.done;
    expect(queue.items).toHaveLength(0);
    expect(delivered).toHaveLength(6);
    expect(new Set(delivered).size).toBe(6);
    expect(states.at(-1)).toMatchObject({ devicesOk: 1, devicesError: 0, pendingReports: 0 });
    expect(states.some((s) => s.pendingReports > 1)).toBe(true);
  });

  /** Two cycles on a simulated clock against a collector that refuses until `up()`. */
  async function statesOfTwoCycles(options: {
    readonly up: () => boolean;
    readonly onState?: () => void;
    readonly onSleep?: (ms: number) => void;
  }): Promise<AgentState[]> {
    let clock = Date.UTC(2026, 10, 27, 2);
    const states: AgentState[] = [];
    const loop = startAgentLoop({
      config: config(),
      reloadConfig: config,
      queue: memoryQueue(),
      backoff: createBackoff(60_000, 600_000, () => 0.5),
      log: () => undefined,
      saveState: (s) => {
        states.push(s);
        options.onState?.();
      },
      now: () => clock,
      random: () => 0,
      sleep: (ms) => {
        clock += ms;
        options.onSleep?.(ms);
        return Promise.resolve();
      },
      send: (): Promise<SendOutcome> =>
        Promise.resolve(options.up() ? { kind: 'acked', duplicate: false } : refused),
      maxCycles: 2,
    });
    await loop.done;
    return states;
  }

  it('records why delivery waits, for status to say in words, and clears it once delivered', async () => {
    let up = false;
    // It comes back once the first cycle's state is written.
    const states = await statesOfTwoCycles({ up: () => up, onState: () => (up = true) });
    expect(states[0]).toMatchObject({
      lastDeliveryError: 'ECONNREFUSED',
      lastDeliveryFailure: { key: 'delivery.refused', params: { address: '127.0.0.1:1' } },
    });
    expect(states.at(-1)).toMatchObject({ lastDeliveryError: null, lastDeliveryFailure: null });
  });

  it('says delivery has resumed as soon as a retry inside the interval gets through', async () => {
    let up = false;
    // Back before the first retry, minutes before the next poll (the jitter sleeps 0).
    const states = await statesOfTwoCycles({ up: () => up, onSleep: (ms) => (up ||= ms > 0) });
    const [first, afterRetry] = states;
    expect(first).toMatchObject({ lastDeliveryError: 'ECONNREFUSED', pendingReports: 1 });
    expect(afterRetry).toMatchObject({
      lastPollAt: first?.lastPollAt,
      lastDeliveryError: null,
      lastDeliveryFailure: null,
      pendingReports: 0,
    });
  });

  it('keeps the old config when a reload is bad, and says why', async () => {
    const events: { event: string; fields: unknown }[] = [];
    const log: Log = (_level, event, fields) => events.push({ event, fields });
    const loop = startAgentLoop({
      config: config(),
      reloadConfig: () => {
        throw new ConfigError('agent.json', [
          { path: 'devices.0.credentials', message: 'no credentials named "x"' },
        ]);
      },
      queue: memoryQueue(),
      backoff: createBackoff(1000, 2000),
      log,
      saveState: () => undefined,
      send: () => Promise.resolve({ kind: 'acked', duplicate: false }),
      sleep: () => Promise.resolve(),
      maxCycles: 1,
    });
    loop.reload();
    await loop.done;
    expect(events.find((e) => e.event === 'config.reload_failed_kept_old')?.fields).toMatchObject({
      problems: [{ path: 'devices.0.credentials' }],
    });
    expect(events.some((e) => e.event === 'cycle.done')).toBe(true);
  });

  it('outlives a cycle that fails: logs why, still delivers, polls again next interval', async () => {
    const queue = memoryQueue();
    const events: string[] = [];
    let calls = 0;
    const loop = startAgentLoop({
      config: config(),
      reloadConfig: config,
      queue,
      backoff: createBackoff(1000, 2000),
      log: (_level, event) => events.push(event),
      saveState: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      send: () => Promise.resolve({ kind: 'acked', duplicate: false }),
      // A fault of ours in one cycle (here the host probes) must not stop the agent,
      // nor must a state file that cannot be written (a full disk).
      probeHost: () =>
        ++calls === 2 ? Promise.reject(new Error('probe bug')) : Promise.resolve(null),
      sleep: () => Promise.resolve(),
      maxCycles: 3,
    });
    await loop.done;
    expect(events.filter((e) => e === 'cycle.done')).toHaveLength(2);
    expect(events).toContain('cycle.failed');
    expect(events.filter((e) => e === 'state.write_failed')).toHaveLength(3);
    expect(queue.items).toHaveLength(0);
  });

  it('finishes the cycle in progress when stopped', async () => {
    const queue = memoryQueue();
    const loop = startAgentLoop({
      config: config(),
      reloadConfig: config,
      queue,
      backoff: createBackoff(1000, 2000),
      log: () => undefined,
      saveState: () => undefined,
      send: () => Promise.resolve({ kind: 'acked', duplicate: false }),
    });
    await new Promise((r) => setTimeout(r, 20));
    loop.stop();
    await loop.done;
    // Stopped during the first cycle or the wait after it; never half a report.
    expect(queue.items.length).toBeLessThanOrEqual(1);
  });
});

describe('abortableSleep', () => {
  it('leaves no listener behind on the stop signal, however many cycles it sleeps', async () => {
    const stopper = new AbortController();
    for (let i = 0; i < 20; i++) await abortableSleep(1, stopper.signal);
    expect(getEventListeners(stopper.signal, 'abort')).toHaveLength(0);
    const pending = abortableSleep(60_000, stopper.signal);
    stopper.abort();
    await pending;
  });
});
