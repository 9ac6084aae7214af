import type { Report } from '@xiaowang/shared';
import { setTimeout as sleep } from 'node:timers/promises';
import { queuedReport } from '../../../agent/src/runtime/report-queue.ts';
import { sendReport } from '../../../agent/src/runtime/reporter.ts';
import { FIVE_MINUTES, schoolReport } from './reports.ts';

/*
 * Agents as the collector sees them: each keeps its reports until the collector acknowledges
 * them (as the spool does) and resends with the agent's own reporter, so a report is never
 * dropped on the agent's side and every loss or duplicate found later is the collector's.
 */

export interface ReportAgentStats {
  /** Reports made (each a new id). */
  generated: number;
  /** POSTs attempted, resends included. */
  attempts: number;
  acked: number;
  /** Acknowledged as already stored: the first answer was lost (killed after commit). */
  ackedAsDuplicate: number;
  /** Requests that got no answer: refused, reset, timed out. */
  connectionErrors: number;
  /** Answers by status class, e.g. {"200": 812, "503": 3}. */
  statuses: Record<string, number>;
  /** 4xx answers other than 429 (would set a report aside: a loss). */
  refusals: string[];
}

export function newStats(): ReportAgentStats {
  return {
    generated: 0,
    attempts: 0,
    acked: 0,
    ackedAsDuplicate: 0,
    connectionErrors: 0,
    statuses: {},
    refusals: [],
  };
}

export interface ReportAgentOptions {
  readonly token: string;
  readonly url: () => string;
  readonly stats: ReportAgentStats;
  /** Every report made, by id, and whether the collector has acknowledged it. */
  readonly ledger: Map<string, { acked: boolean; agent: number }>;
  readonly agentNo: number;
  readonly firstPollAt: number;
  /** Keep making reports while this says so; then deliver what is held and stop. */
  readonly keepGoing: () => boolean;
  readonly pauseMs?: () => number;
  readonly timeoutMs?: number;
  /** Cap on honouring Retry-After, so a test need not wait out the collector's 60 s. */
  readonly maxRetryWaitMs?: number;
}

/** Sends reports one after the other until told to stop, then drains; never drops one. */
export async function runReportAgent(o: ReportAgentOptions): Promise<void> {
  let slot = 0;
  let pending: Report | undefined;
  const countStatus = (status: number): void => {
    const key = String(status);
    o.stats.statuses[key] = (o.stats.statuses[key] ?? 0) + 1;
  };
  for (;;) {
    if (pending === undefined) {
      if (!o.keepGoing()) return;
      pending = schoolReport(o.firstPollAt + slot * FIVE_MINUTES, `gw-${o.agentNo}`);
      slot++;
      o.stats.generated++;
      o.ledger.set(pending.reportId, { acked: false, agent: o.agentNo });
    }
    o.stats.attempts++;
    const outcome = await sendReport(queuedReport(pending), {
      collectorUrl: o.url(),
      token: o.token,
      timeoutMs: o.timeoutMs ?? 10_000,
      onStatus: countStatus,
    });
    if (outcome.kind === 'acked') {
      o.stats.acked++;
      if (outcome.duplicate) o.stats.ackedAsDuplicate++;
      o.ledger.set(pending.reportId, { acked: true, agent: o.agentNo });
      pending = undefined;
      continue;
    }
    if (outcome.kind === 'rejected' || outcome.kind === 'unauthorised') {
      o.stats.refusals.push(outcome.reason);
      pending = undefined;
      continue;
    }
    if (!/^\d{3}/.test(outcome.reason)) o.stats.connectionErrors++;
    const wait = outcome.retryAfterMs ?? o.pauseMs?.() ?? 20;
    await sleep(Math.min(wait, o.maxRetryWaitMs ?? 500));
  }
}
