import type { HostProbes, Report } from '@xiaowang/shared';
import type { DemoAgent } from '../agents/demo-agents.ts';
import { probeFor } from '../agents/run-agents.ts';
import { localDay } from '../plan/local-time.ts';
import type { DemoPlan } from '../plan/plan.ts';
import {
  agentRunning,
  historyInstants,
  ipv6Level,
  staleReportBeforeHistory,
} from '../plan/timeline.ts';
import type { DeviceFarm } from '../sim/device-farm.ts';
import type { LoadedConfig } from '../wiring/agent.ts';
import { loadConfig, queuedReport, sendReport } from '../wiring/agent.ts';
import type { HistoryPoint } from './history-report.ts';
import { historyReport } from './history-report.ts';
import type { AgentTemplates } from './templates.ts';

export interface BackfillOptions {
  readonly plan: DemoPlan;
  readonly agents: readonly DemoAgent[];
  readonly farm: DeviceFarm;
  readonly templates: ReadonlyMap<string, AgentTemplates>;
  /** Recomputes a local day once all its reports are in, as the collector's job would have. */
  readonly recompute: (day: string) => Promise<void>;
  readonly progress?: (done: number, days: number, reports: number) => void;
  /** Reports in flight at once. */
  readonly concurrency?: number;
  /** Stops between two poll times (Ctrl+C during a long back-fill). */
  readonly signal?: AbortSignal;
}

interface AgentCursor {
  readonly agent: DemoAgent;
  readonly config: LoadedConfig;
  readonly templates: AgentTemplates;
  previous: number | null;
  inventoryDay: string | null;
  /** The host's probes by IPv6 level: they change only with it, apart from the time. */
  readonly probes: Map<number, HostProbes | null>;
}

async function deliver(cursor: AgentCursor, report: Report): Promise<void> {
  const { collector } = cursor.config.config;
  const outcome = await sendReport(queuedReport(report), {
    collectorUrl: collector.url,
    token: collector.token,
    timeoutMs: 120_000,
  });
  if (outcome.kind !== 'acked') {
    throw new Error(
      `the collector refused ${cursor.agent.code}'s report of ${report.pollStartedAt}: ${outcome.reason}`,
    );
  }
}

async function reportOf(plan: DemoPlan, cursor: AgentCursor, at: number): Promise<Report> {
  const day = localDay(at);
  const point: HistoryPoint = {
    at,
    previous: cursor.previous,
    withInventory: cursor.inventoryDay !== day,
  };
  const level = cursor.agent.school === null ? 4 : ipv6Level(plan, cursor.agent.code, at);
  let probes = cursor.probes.get(level);
  if (probes === undefined) {
    probes = await probeFor(cursor.agent, plan)(cursor.config, at);
    cursor.probes.set(level, probes);
  }
  const host = probes === null ? null : { ...probes, measuredAt: new Date(at).toISOString() };
  cursor.previous = at;
  cursor.inventoryDay = day;
  return historyReport({
    plan,
    hostname: `${cursor.agent.code}-gw`,
    templates: cursor.templates,
    devices: cursor.agent.devices,
    point,
    host,
  });
}

async function inPool(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task !== undefined) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * Replays the plan's past through the collector's real ingest: for every back-filled poll
 * time, each agent that was running sends the report it would have sent, over HTTP with
 * its own token, oldest first; each day is recomputed once its reports are in, so trends
 * and "failing since" read as if the county had been watched all along.
 */
export async function backfill(o: BackfillOptions): Promise<{ reports: number; days: number }> {
  const cursors = new Map(
    o.agents.map((agent): [string, AgentCursor] => {
      const templates = o.templates.get(agent.code);
      if (templates === undefined) throw new Error(`no templates for agent ${agent.code}`);
      return [
        agent.code,
        {
          agent,
          config: loadConfig(agent.configFile),
          templates,
          previous: null,
          inventoryDay: null,
          probes: new Map(),
        },
      ];
    }),
  );
  let reports = 0;
  const staleAt = staleReportBeforeHistory(o.plan);
  const stale = cursors.get(o.plan.stale.school);
  if (staleAt !== null && stale !== undefined) {
    await deliver(stale, await reportOf(o.plan, stale, staleAt));
    reports++;
  }
  const instants = historyInstants(o.plan);
  const days = [...new Set(instants.map(localDay))];
  for (const [index, day] of days.entries()) {
    for (const at of instants.filter((t) => localDay(t) === day)) {
      o.signal?.throwIfAborted();
      const due = [...cursors.values()].filter((c) => agentRunning(o.plan, c.agent.code, at));
      await inPool(
        due.map((cursor) => async () => deliver(cursor, await reportOf(o.plan, cursor, at))),
        o.concurrency ?? 6,
      );
      reports += due.length;
    }
    await o.recompute(day);
    o.progress?.(index + 1, days.length, reports);
  }
  return { reports, days: days.length };
}
