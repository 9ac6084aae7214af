import { randomUUID } from 'node:crypto';
import type { HostProbes, Message, SpoolGapReport } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import { ConfigError } from '../config/load-config.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import type { PackedReport } from '../report/build-report.ts';
import type { DeviceOutline } from '../report/device-outline.ts';
import type { AgentState } from './agent-state.ts';
import type { Backoff } from './backoff.ts';
import { runCycle } from './cycle.ts';
import { deliverQueued } from './deliver.ts';
import type { Log } from './log.ts';
import { InventorySchedule } from './inventory-schedule.ts';
import { RateState } from './rate-state.ts';
import { memoryDraft } from './report-queue.ts';
import type { QueuedReport, ReportDraft, ReportQueue } from './report-queue.ts';
import type { SendOutcome } from './reporter.ts';

export interface AgentLoopDeps {
  readonly config: LoadedConfig;
  readonly reloadConfig: () => LoadedConfig;
  readonly queue: ReportQueue & { count(): Promise<number> };
  readonly send: (report: QueuedReport, config: LoadedConfig) => Promise<SendOutcome>;
  readonly backoff: Backoff;
  readonly log: Log;
  readonly saveState: (state: AgentState) => void;
  readonly probeHost?: (config: LoadedConfig) => Promise<HostProbes | null>;
  /** The spool's unreported gaps, and how to forget them once they ride in a spooled report. */
  readonly gaps?: {
    pending(): readonly SpoolGapReport[];
    clear(ids: readonly string[]): Promise<void>;
  };
  /** Adds discovered devices to each cycle, and looks for more after it. */
  readonly discovery?: {
    devicesFor(config: LoadedConfig): readonly DeviceTarget[];
    afterCycle(
      cycle: { readonly devices: readonly DeviceOutline[] },
      config: LoadedConfig,
    ): Promise<void>;
  };
  readonly now?: () => number;
  readonly random?: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Stop after this many cycles (tests); runs until stopped otherwise. */
  readonly maxCycles?: number;
}

export interface AgentLoop {
  /** Resolves when the loop has stopped: after the cycle in progress, never in the middle. */
  readonly done: Promise<void>;
  stop(): void;
  /** Re-reads the config; a bad one is logged and the old one kept. */
  reload(): void;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    // The listener goes when the sleep ends, or a long-running loop gathers one per cycle.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The agent's life: wait a random jitter, poll, spool the report durably, deliver what is
 * queued, sleep until the next interval. While the collector is away, reports pile up in
 * the spool and go out oldest first when it returns.
 */
export function startAgentLoop(deps: AgentLoopDeps): AgentLoop {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? abortableSleep;
  const stopper = new AbortController();
  let config = deps.config;
  const rates = new RateState();
  const inventory = new InventorySchedule(config.config.schedule.inventoryIntervalHours);
  let lastDeliveryAt: string | null = null;
  let lastDeliveryError: string | null = null;
  let lastDeliveryFailure: Message | null = null;

  async function deliver(): Promise<number | undefined> {
    const result = await deliverQueued({
      queue: deps.queue,
      send: (r) => deps.send(r, config),
      backoff: deps.backoff,
      onEvent: (event, fields) => deps.log('warn', event, fields),
    });
    if (result.delivered > 0) lastDeliveryAt = new Date(now()).toISOString();
    lastDeliveryError = result.stoppedBy?.reason ?? null;
    lastDeliveryFailure = result.stoppedBy?.message ?? null;
    if (result.delivered > 0 || result.setAside > 0) {
      deps.log('info', 'delivery.done', { delivered: result.delivered, setAside: result.setAside });
    }
    return result.waitMs;
  }

  /** The state file is for `status`; a full disk must cost it, not the agent. */
  function saveState(state: AgentState): void {
    try {
      deps.saveState(state);
    } catch (error) {
      deps.log('warn', 'state.write_failed', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * One cycle, its report written into the queue as devices finish and queued at the end. A
   * failure of ours is logged and costs this cycle (its draft is thrown away), not the agent.
   */
  async function pollAndSpool(): Promise<PackedReport | undefined> {
    const reportId = randomUUID();
    const draft: ReportDraft = deps.queue.draft?.(reportId) ?? memoryDraft(deps.queue, reportId);
    let packed: PackedReport;
    try {
      packed = await runCycle(config, {
        rates,
        now,
        reportId,
        out: draft,
        devices: inventory.plan(deps.discovery?.devicesFor(config) ?? config.devices, now()),
        ...(deps.gaps === undefined ? {} : { spoolGaps: () => deps.gaps?.pending() ?? [] }),
        ...(deps.probeHost === undefined
          ? {}
          : { probeHost: () => deps.probeHost?.(config) ?? Promise.resolve(null) }),
      });
    } catch (error) {
      deps.log('error', 'cycle.failed', {
        message: error instanceof Error ? error.message.slice(0, 2000) : String(error),
      });
      await draft.abandon();
      return undefined;
    }
    await draft.commit();
    return packed;
  }

  async function loop(): Promise<void> {
    let cycles = 0;
    await sleep(random() * config.config.schedule.jitterSeconds * 1000, stopper.signal);
    while (!stopper.signal.aborted) {
      const started = now();
      const report = await pollAndSpool();
      const ok = report?.devices.filter((d) => d.outcome === 'ok').length ?? 0;
      if (report !== undefined) {
        inventory.record(report.devices, now());
        const told = report.spoolGapIds;
        if (told.length > 0) await deps.gaps?.clear(told);
        deps.log('info', 'cycle.done', {
          reportId: report.reportId,
          devicesOk: ok,
          devicesError: report.devices.length - ok,
          ms: now() - started,
        });
      }
      let waitMs = await deliver();
      const polled = {
        pid: process.pid,
        lastPollAt: report?.pollFinishedAt ?? new Date(now()).toISOString(),
        lastPollDurationMs: now() - started,
        devicesOk: ok,
        devicesError: (report?.devices.length ?? 0) - ok,
      };
      // Written again after each retry below: `status` must not say delivery is waiting
      // for the rest of the interval once the collector has taken the reports.
      const saveDelivery = async (): Promise<void> =>
        saveState({
          ...polled,
          lastDeliveryAt,
          lastDeliveryError,
          lastDeliveryFailure,
          pendingReports: await deps.queue.count(),
        });
      await saveDelivery();
      if (report !== undefined) await deps.discovery?.afterCycle(report, config);
      cycles++;
      if (deps.maxCycles !== undefined && cycles >= deps.maxCycles) break;
      const nextCycle = started + config.config.schedule.pollIntervalSeconds * 1000;
      // Retry delivery inside the interval when the backoff is shorter than the wait.
      while (!stopper.signal.aborted && waitMs !== undefined && now() + waitMs < nextCycle) {
        await sleep(waitMs, stopper.signal);
        if (stopper.signal.aborted) break;
        waitMs = await deliver();
        await saveDelivery();
      }
      await sleep(Math.max(0, nextCycle - now()), stopper.signal);
    }
    deps.log('info', 'agent.stopped', { cycles });
  }

  return {
    done: loop(),
    stop: () => stopper.abort(),
    reload: () => {
      try {
        config = deps.reloadConfig();
        deps.log('info', 'config.reloaded', { devices: config.devices.length });
      } catch (error) {
        const problems =
          error instanceof ConfigError
            ? error.problems
            : [{ path: '(file)', message: String(error) }];
        deps.log('error', 'config.reload_failed_kept_old', { problems });
      }
    },
  };
}
