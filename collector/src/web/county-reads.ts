import type { FeatureDeps } from '../context.ts';
import { readChangeKey } from '../db/change-key.ts';
import { listStaleAgents } from '../features/agents/list-stale-agents.ts';
import { getLatestComputedDay } from '../features/compliance/read/get-rollup-trend.ts';
import { getCountyDayVersion } from '../features/compliance/read/get-county-day-version.ts';
import type { ComplianceSettings } from '../features/compliance/settings/schema.ts';
import { getComplianceSettings } from '../features/compliance/settings/get-settings.ts';
import { readDigestStatus } from '../features/digest/get-digest-status.ts';
import { getCounty } from '../features/places/get-county.ts';
import type { County } from '../features/places/schema.ts';
import { FreshCache } from './fresh-cache.ts';
import type { Page } from './page.ts';
import { countyLive } from './pages/county.ts';
import { digestStatusBlock } from './pages/digest.ts';

/*
 * What the county page reads from the database on every request, kept while the database's
 * change key stays the same (db/change-key.ts) and, for what time alone changes, until the
 * instant it would: the next agent to turn stale, the next regular mail, local midnight. The
 * key is read once per request, before anything kept under it, so a report, a delivery, a
 * setting or a write by another process shows on the next request as it did when all of
 * this was read every time. On PostgreSQL there is no key and everything is read each time.
 */

/** The county, its latest computed day and its settings: what the rest depends on. */
export interface CountyHead {
  readonly county: County;
  readonly latestDay: string | null;
  readonly settings: ComplianceSettings;
}

/** Counties × languages kept; a deployment's dashboard shows a few dozen counties. */
const ENTRIES = 256;

export interface CountyReads {
  /** Read once per request, first; passed to the others. */
  changeKey(): Promise<string | undefined>;
  head(countyId: number, change: string | undefined, now: number): Promise<CountyHead>;
  /** getCountyDayVersion: the stamp the figures' cache entries are kept by. */
  version(
    countyId: number,
    day: string,
    trendDays: number,
    change: string | undefined,
    now: number,
  ): Promise<string>;
  /**
   * The stale agents and the nightly mail, rendered. `anyone` must carry no reader (as for
   * the figures), since what is kept here is shown to every reader of the county.
   */
  live(anyone: Page, head: CountyHead, change: string | undefined, now: number): Promise<string>;
}

export function countyReads({ db }: FeatureDeps): CountyReads {
  const heads = new FreshCache<CountyHead>(ENTRIES);
  const versions = new FreshCache<string>(ENTRIES);
  const lives = new FreshCache<string>(ENTRIES);
  return {
    changeKey: () => readChangeKey(db),

    head: (countyId, change, now) =>
      heads.get(String(countyId), change, now, async () => {
        const county = await getCounty({ db, input: { id: countyId } });
        const latestDay = await getLatestComputedDay({ db, input: { countyId } });
        const settings = await getComplianceSettings({ db, input: { countyId } });
        return { value: { county, latestDay, settings }, until: Infinity };
      }),

    version: (countyId, day, trendDays, change, now) =>
      versions.get(`${countyId}|${day}|${trendDays}`, change, now, async () => ({
        value: await getCountyDayVersion({ db, input: { countyId, day, trendDays } }),
        until: Infinity,
      })),

    live: (anyone, head, change, now) => {
      const { county, settings } = head;
      const key = `${county.id}|${anyone.lang}|${county.timezone}`;
      return lives.get(key, change, now, async () => {
        const at = new Date(now);
        const stale = await listStaleAgents({
          db,
          input: { countyId: county.id, now: at, windowMs: settings.staleWindowHours * 3600_000 },
        });
        const digest = await readDigestStatus({
          db,
          clock: () => at,
          input: { countyId: county.id },
        });
        const html = countyLive(anyone, {
          staleAgents: stale.agents,
          extra: digestStatusBlock(anyone, digest.status),
        });
        return {
          value: String(await html),
          until: Math.min(stale.changesAt?.getTime() ?? Infinity, digest.changesAt.getTime()),
        };
      });
    },
  };
}
