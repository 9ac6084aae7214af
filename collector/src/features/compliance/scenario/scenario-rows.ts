import { hostProbesSchema } from '@xiaowang/shared';
import type { ApSpec, HostProbeResult, SchoolSpec } from './scenario-spec.ts';
import { POLL_TIMES, addDays } from './scenario-time.ts';

/* Small pure helpers the scenario builder uses to shape rows. */

/** The stale agent's last poll: 2026-11-25 08:57 local; it polled the whole of 11-24. */
export const STALE_LAST_DAY = '2026-11-25';
const STALE_LAST_POLL = '08:57';
/** AP history starts here, so APs last online on 11-10 are known but long offline. */
export const HISTORY_FROM = '2026-11-10';
/** Raw polls (reports and samples) are kept from here: the stale agent's last two days on. */
export const RAW_FROM = '2026-11-24';

/** The poll times at which an agent reported on a day. */
export function pollTimes(agent: SchoolSpec['agent'], day: string): readonly string[] {
  if (agent === 'fresh') return POLL_TIMES;
  if (day < STALE_LAST_DAY) return POLL_TIMES;
  if (day === STALE_LAST_DAY) return POLL_TIMES.filter((t) => t <= STALE_LAST_POLL);
  return [];
}

/** Local days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function apOnlineOn(ap: ApSpec, day: string): boolean {
  return ap.online === 'daily' || ap.online.includes(day);
}

/** A MAC unique to (school, AP, radio); radio rows of one AP differ in the last byte only. */
export function apMac(schoolIndex: number, apIndex: number, radio: number): string {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `02:51:${hex(schoolIndex)}:00:${hex(apIndex)}:${hex(radio)}`;
}

const HTTPS_TRIES = 3;

/** The host_probes JSON an agent sends with each report (shared/src/report.ts), or null. */
export function hostProbesJson(result: HostProbeResult, measuredAt: string): string | null {
  if (result === null) return null;
  const dualStack = result !== 'none';
  const aaaa = result === 'aaaa' || result === 'https';
  const probes = hostProbesSchema.parse({
    measuredAt,
    globalIpv6Address: dualStack,
    ipv6DefaultRoute: dualStack,
    aaaaOverIpv6: aaaa,
    httpsOverIpv6: { succeeded: result === 'https' ? HTTPS_TRIES : 0, attempted: HTTPS_TRIES },
    tried: ['https://[2001:db8:51::10]/api/v1/health'],
  });
  return JSON.stringify(probes);
}

/** An IPv6 address of the given kind on school `n`'s uplink. */
export function uplinkAddress(kind: 'global' | 'linklocal' | 'ula', n: number): string {
  if (kind === 'global') return `240e:51:${n.toString(16)}::2`;
  if (kind === 'ula') return `fd51:${n.toString(16)}::2`;
  return 'fe80::1';
}

/** Splits rows into insert batches that stay far below SQLite's bound-parameter limit. */
export function chunks<T>(rows: readonly T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
