import type { HostProbes } from '@xiaowang/shared';

/* TEST ONLY. Small fixtures for compliance tests: local times in Shanghai, host probes. */

/** Host probes as an agent reports them; `level` 2–4 sets the steps up to it true. */
export function probesAt(level: 1 | 2 | 3 | 4, measuredAt: string): HostProbes {
  return {
    measuredAt,
    globalIpv6Address: level >= 2,
    ipv6DefaultRoute: level >= 2,
    aaaaOverIpv6: level >= 3,
    httpsOverIpv6: { succeeded: level >= 4 ? 2 : 0, attempted: 2 },
    tried: ['https://collector.example/'],
  };
}

/** Local wall-clock times every `stepMinutes` in [from, to), e.g. 08:02, 08:07 … */
export function pollTimes(from: string, to: string, stepMinutes = 5): string[] {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const out: string[] = [];
  for (let m = minutes(from); m < minutes(to); m += stepMinutes) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
}

/** The UTC instant of a local time in Asia/Shanghai (UTC+8, no daylight saving). */
export const shanghai = (day: string, hhmm: string): string =>
  new Date(`${day}T${hhmm}:00+08:00`).toISOString();
