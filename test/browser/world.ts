import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createApp } from '../../collector/src/app.ts';
import { migrateToLatest } from '../../collector/src/db/migrate.ts';
import type { OpenedDatabase } from '../../collector/src/db/open.ts';
import { databaseFile, openDatabase } from '../../collector/src/db/open.ts';
import { recomputeDay } from '../../collector/src/features/compliance/recompute-day.ts';
import type { ScenarioCounty } from '../../collector/src/features/compliance/scenario/scenario-county.ts';
import { buildScenarioCounty } from '../../collector/src/features/compliance/scenario/scenario-county.ts';
import { localAt } from '../../collector/src/features/compliance/scenario/scenario-time.ts';
import { createUser } from '../../collector/src/features/users/create-user.ts';
import type { Listening } from '../../collector/src/main.ts';
import { listen } from '../../collector/src/main.ts';
import { makeTempDir } from '../../collector/src/testing/test-db.ts';
import { fixedClock } from '../../collector/src/testing/fixed-clock.ts';
import type { Logger } from '../../collector/src/logger.ts';
import { Secret } from '@xiaowang/shared';

/*
 * The dashboard's test world: the hand-computed scenario county in a real SQLite file,
 * computed for two days, served by the real app on 127.0.0.1, and Debian's Chromium
 * driven by playwright-core. Device-sourced strings carry script payloads.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const PASSWORD = 'correct-horse-battery';
export const XSS_AP_NAME = '<img src=x onerror="window.__xss=1">AP-301';
export const XSS_IF_ALIAS = '</td><script>window.__xss=2</script>uplink';
export const DAY = '2026-11-27';

export interface World {
  readonly url: string;
  readonly db: OpenedDatabase;
  readonly scenario: ScenarioCounty;
  /** A school of the technician, and one that is not theirs. */
  readonly techSchoolId: number;
  readonly otherSchoolId: number;
  /** The technician's school's core switch, whose ports carry the script payload. */
  readonly techSwitchId: number;
  readonly browser: Browser;
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

// Errors are printed so a 500 in a page shows its cause in the test output.
const quiet: Logger = {
  debug() {},
  info() {},
  warn() {},
  error(event, fields) {
    console.error(event, fields);
  },
};

export async function startWorld(): Promise<World> {
  const temp = makeTempDir('xiaowang-browser-');
  const db = openDatabase({ file: databaseFile(temp.dir) });
  await migrateToLatest(db.kysely);
  const scenario = await buildScenarioCounty(db.kysely, fixedClock('2026-11-01T00:00:00.000Z'));
  for (const [day, night] of [
    ['2026-11-26', '2026-11-27'],
    [DAY, '2026-11-28'],
  ] as const) {
    await recomputeDay({
      db: db.kysely,
      clock: fixedClock(localAt(night, '00:10')),
      input: { countyId: scenario.countyId, day },
    });
  }
  const [tech, other] = scenario.schools.filter((s) => s.switchId !== null && s.aps.length > 0);
  if (tech === undefined || other === undefined) throw new Error('scenario has too few schools');
  const apId = tech.aps[0]?.ids[0];
  if (apId === undefined) throw new Error('scenario school without APs');
  await db.kysely.updateTable('aps').set({ name: XSS_AP_NAME }).where('id', '=', apId).execute();
  await db.kysely
    .updateTable('interfaces')
    .set({ if_alias: XSS_IF_ALIAS })
    .where('device_id', '=', tech.switchId)
    .execute();

  const clock = fixedClock(localAt('2026-11-28', '09:00'));
  const make = (username: string, role: 'county_admin' | 'county_viewer' | 'technician') =>
    createUser({
      db: db.kysely,
      clock,
      actor: 'test',
      input: {
        username,
        password: PASSWORD,
        role,
        countyId: scenario.countyId,
        ...(role === 'technician' ? { schoolIds: [tech.id] } : {}),
      },
    });
  await make('admin1', 'county_admin');
  await make('viewer1', 'county_viewer');
  await make('tech1', 'technician');

  const app = createApp({
    db: db.kysely,
    clock,
    logger: quiet,
    config: {
      adminToken: new Secret('browser-admin-token-0123456789'),
      maxBodyBytes: 1 << 20,
      maxImportBytes: 8 << 20,
      maxReportBytes: 8 << 20,
      reportRatePerMinute: 600,
      reportBurst: 600,
      enrollRatePerMinute: 60,
    },
  });
  const server: Listening = await listen(app, { host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: server.url,
    db,
    scenario,
    techSchoolId: tech.id,
    otherSchoolId: other.id,
    techSwitchId: tech.switchId ?? 0,
    browser,
    newContext: () =>
      browser.newContext({
        viewport: { width: 1366, height: 768 },
        acceptDownloads: true,
        locale: 'zh-CN',
      }),
    async close() {
      await browser.close();
      await server.close();
      await db.close();
      temp.remove();
    },
  };
}
