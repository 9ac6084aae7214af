import { localDay } from '../plan/local-time.ts';
import { describeFigures, fetchCountyCompliance } from './county-figures.ts';
import { recomputeCountyDay } from './demo-collector.ts';
import type { DemoIo, StartedDemo } from './start-demo.ts';

/** How often the running demo recomputes today, so the dashboard moves between the collector's own runs. */
export const RECOMPUTE_EVERY_MS = 5 * 60_000;

/** Recomputes today and returns the one-line summary. */
export async function recomputeToday(demo: StartedDemo, io: DemoIo): Promise<string> {
  const today = localDay(Date.now());
  await recomputeCountyDay(demo.collector, demo.seeded.countyId, today);
  return describeFigures(
    io.lang,
    await fetchCountyCompliance(demo.api, demo.seeded.countyId, today),
  );
}

/**
 * While the demo runs: today's compliance is recomputed shortly after the first poll round
 * and then every five minutes, with a line of figures each time.
 */
export function startLiveRecompute(
  demo: StartedDemo,
  io: DemoIo,
  firstAfterMs: number,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const figures = await recomputeToday(demo, io);
      const time = new Date().toTimeString().slice(0, 8);
      io.say('demo.live.recomputed', { time, figures });
    } catch (error) {
      demo.writeLog(
        JSON.stringify({
          t: new Date().toISOString(),
          event: 'demo.recompute-failed',
          message: String(error),
        }),
      );
    }
    if (!stopped) timer = setTimeout(() => void tick(), RECOMPUTE_EVERY_MS);
  };
  timer = setTimeout(() => void tick(), firstAfterMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Agents whose latest report the collector received at or after `since`. */
export async function agentsReportedSince(demo: StartedDemo, since: number): Promise<number> {
  const agents = await demo.api.request<{ items: { lastReportAt: string | null }[] }>(
    'GET',
    `/api/v1/agents?countyId=${demo.seeded.countyId}`,
  );
  return agents.items.filter((a) => a.lastReportAt !== null && Date.parse(a.lastReportAt) >= since)
    .length;
}
