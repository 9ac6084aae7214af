/*
 * Uplink samples grouped by poll (one report), and each poll judged against a speed:
 * targets.md §5. The school's speed at a poll is the best uplink that is oper up.
 */

export interface UplinkSample {
  readonly reportId: number;
  readonly sampledAt: string;
  readonly deviceId: number;
  readonly ifIndex: number;
  readonly operStatus: string | null;
  /** J2: ifHighSpeed when present (even 0), else ifSpeed ÷ 10⁶. */
  readonly speedMbps: number | null;
  /** Set on the port when its speed cannot be true (ifHighSpeed sent in bit/s, …). */
  readonly speedSuspect: string | null;
  readonly inBps: number | null;
  readonly outBps: number | null;
  readonly rateDropped: string | null;
}

export interface UplinkPoll {
  readonly reportId: number;
  readonly at: string;
  readonly ports: readonly UplinkSample[];
}

export type PollOutcome = 'pass' | 'slow' | 'down' | 'unknown';
export type SpeedProblem = 'speed-missing' | 'speed-suspect';

export interface PollJudgement {
  readonly outcome: PollOutcome;
  /** The best trusted speed among the ports that were up, if any. */
  readonly bestMbps: number | null;
  readonly problem: SpeedProblem | 'status-unknown' | null;
}

// Above 10 Tbit/s the device sent ifHighSpeed in bit/s (the agent flags the same limit).
const MAX_PLAUSIBLE_MBPS = 10_000_000;

export function groupPolls(samples: readonly UplinkSample[]): UplinkPoll[] {
  const byReport = new Map<number, UplinkSample[]>();
  for (const s of samples) {
    const ports = byReport.get(s.reportId);
    if (ports === undefined) byReport.set(s.reportId, [s]);
    else ports.push(s);
  }
  return [...byReport]
    .map(([reportId, ports]) => ({
      reportId,
      at: ports.reduce(
        (min, p) => (p.sampledAt < min ? p.sampledAt : min),
        ports[0]?.sampledAt ?? '',
      ),
      ports,
    }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.reportId - b.reportId));
}

/** A speed we can judge by, or why not: 0 or null while up is unknown, never 0 Mbit/s. */
export function trustedSpeed(s: UplinkSample): number | SpeedProblem {
  if (s.speedSuspect !== null) return 'speed-suspect';
  if (s.speedMbps === null || s.speedMbps <= 0) return 'speed-missing';
  if (s.speedMbps > MAX_PLAUSIBLE_MBPS) return 'speed-suspect';
  return s.speedMbps;
}

export function judgePoll(poll: UplinkPoll, thresholdMbps: number): PollJudgement {
  // Plain loops: this runs for every poll of every school, twice.
  let best: number | null = null;
  let problem: SpeedProblem | null = null;
  let up = false;
  let statusUnknown = false;
  for (const p of poll.ports) {
    if (p.operStatus === null) statusUnknown = true;
    if (p.operStatus !== 'up') continue;
    up = true;
    const speed = trustedSpeed(p);
    if (typeof speed === 'string') problem ??= speed;
    else if (best === null || speed > best) best = speed;
  }
  if (best !== null && best >= thresholdMbps)
    return { outcome: 'pass', bestMbps: best, problem: null };
  // A port we cannot read might be the fast one: that poll is unknown, not a failure.
  if (problem !== null) return { outcome: 'unknown', bestMbps: best, problem };
  if (statusUnknown) return { outcome: 'unknown', bestMbps: best, problem: 'status-unknown' };
  if (up) return { outcome: 'slow', bestMbps: best, problem: null };
  return { outcome: 'down', bestMbps: null, problem: null };
}
