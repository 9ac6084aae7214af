import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../seeds/src/demo/county/generate-county.ts';
import type { ExpectedIndicator } from '../../seeds/src/demo/plan/expected.ts';
import { EXPECTED_INDICATORS, expectedDay } from '../../seeds/src/demo/plan/expected.ts';
import { addDays } from '../../seeds/src/demo/plan/local-time.ts';
import type { DemoPlan } from '../../seeds/src/demo/plan/plan.ts';
import { makePlan } from '../../seeds/src/demo/plan/plan.ts';
import type { CollectorProcess } from '../support/collector-process.ts';
import { TEST_ADMIN, freeTcpPort, startCollectorProcess } from '../support/collector-process.ts';
import { freeUdpPort } from '../support/free-port.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { CHROMIUM, hasChromium } from '../browser/world.ts';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

/*
 * `npm start -- --once`: the demo county created, back-filled two days through the
 * ingest API, polled once over SNMP by its agents, and checked through the API against
 * the figures the plan implies, counted here from the plan alone (not by the engine).
 */

const BIN = path.join(REPO_ROOT, 'seeds/bin/xiaowang-demo.mjs');

interface OnceDocument {
  url: string;
  isNew: boolean;
  backfill: unknown;
  countyId: number;
  seed: number;
  createdAt: string;
  historyDays: number;
  today: string;
  schools: number;
  agents: number;
  round: { reported: number; running: number };
}

interface Rollup {
  numerator: number | null;
  denominator: number | null;
  schoolsMet: number;
  schoolsNotMet: number;
  schoolsUnknown: number;
}

interface CountyDay {
  indicators: { indicator: ExpectedIndicator; rollup: Rollup | null }[];
  schools: {
    code: string;
    indicator: ExpectedIndicator;
    status: string;
    failingSince: string | null;
  }[];
}

let root: string;
let doc: OnceDocument;
let collector: CollectorProcess;
let plan: DemoPlan;
const county = generateCounty();

async function api<T>(apiPath: string): Promise<T> {
  const res = await fetch(new URL(apiPath, collector.url), {
    headers: { authorization: `Bearer ${TEST_ADMIN}` },
  });
  expect(res.status, apiPath).toBe(200);
  return (await res.json()) as T;
}

async function runDemo(): Promise<OnceDocument> {
  const args = [
    BIN,
    '--once',
    '--json',
    '--history',
    '2',
    '--port',
    String(await freeTcpPort()),
    '--snmp-port',
    String(await freeUdpPort()),
    '--data-dir',
    path.join(root, 'data'),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    env: { PATH: process.env['PATH'] ?? '', XIAOWANG_ADMIN_TOKEN: TEST_ADMIN },
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as OnceDocument;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'xw-demo-'));
  doc = await runDemo();
  plan = makePlan(county, { historyDays: doc.historyDays, createdAt: Date.parse(doc.createdAt) });
  // A second run on the same directory resumes the county: no second county, no back-fill.
  const again = await runDemo();
  expect(again).toMatchObject({ countyId: doc.countyId, isNew: false, backfill: null });
  expect(again.round.reported).toBe(again.round.running);
  // The demo has exited; its database is served by the collector as a county would run it.
  collector = await startCollectorProcess(path.join(root, 'data'));
}, 300_000);

afterAll(async () => {
  await collector?.stop();
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe('npm start: the demo county', () => {
  it('is the generated county, and every school’s agent has reported', async () => {
    expect(doc.seed).toBe(county.seed);
    expect(doc.schools).toBe(county.schools.length);
    expect(doc.round.reported).toBe(doc.round.running);
    const agents = await api<{
      items: { lastReportAt: string | null; schools: { code: string }[] }[];
    }>(`/api/v1/agents?countyId=${doc.countyId}`);
    expect(agents.items).toHaveLength(county.schools.length + 1);
    for (const school of county.schools) {
      const own = agents.items.filter(
        (a) => a.schools.length === 1 && a.schools[0]?.code === school.code,
      );
      expect(own, school.code).toHaveLength(1);
      expect(own[0]?.lastReportAt, school.code).not.toBeNull();
    }
    const schools = await api<{ items: unknown[] }>(`/api/v1/schools?countyId=${doc.countyId}`);
    expect(schools.items).toHaveLength(county.schools.length);
  });

  it('shows yesterday’s county figures exactly as the plan implies', async () => {
    const yesterday = addDays(plan.anchorDay, -1);
    const expected = expectedDay(county, plan, yesterday);
    const actual = await api<CountyDay>(
      `/api/v1/counties/${doc.countyId}/compliance?date=${yesterday}`,
    );
    for (const indicator of EXPECTED_INDICATORS) {
      const rollup = actual.indicators.find((i) => i.indicator === indicator)?.rollup;
      expect(rollup, indicator).toMatchObject(expected.county[indicator]);
    }
    const failing = actual.schools.map((s) => `${s.code} ${s.indicator} ${s.status}`).sort();
    const planned = [...expected.schools]
      .flatMap(([code, figures]) =>
        EXPECTED_INDICATORS.filter((i) => ['not_met', 'unknown'].includes(figures[i].status)).map(
          (i) => `${code} ${i} ${figures[i].status}`,
        ),
      )
      .sort();
    expect(failing).toEqual(planned);
    // The 100M school has failed since the first back-filled day.
    const slow = actual.schools.find(
      (r) => r.code === plan.slowUplinks[0] && r.indicator === 'uplink_1000m',
    );
    expect(slow?.failingSince).toBe(addDays(plan.anchorDay, -plan.historyDays));
  });

  it('is partly compliant, for the planned reasons', () => {
    const expected = expectedDay(county, plan, addDays(plan.anchorDay, -1));
    const { room_coverage: coverage, uplink_1000m: uplink } = expected.county;
    expect(coverage.schoolsMet).toBeGreaterThan(0);
    expect(coverage.schoolsNotMet).toBeGreaterThan(0);
    expect(uplink.schoolsNotMet).toBeGreaterThanOrEqual(plan.slowUplinks.length + 1);
    expect(expected.schools.get(plan.stale.school)?.uplink_1000m.status).toBe('unknown');
    expect(expected.schools.get(plan.flapping.school)?.uplink_1000m.status).toBe('not_met');
  });

  it('shows today’s wireless figures after the live poll round', async () => {
    const expected = expectedDay(county, plan, doc.today, { liveDays: [doc.today] });
    const actual = await api<CountyDay>(
      `/api/v1/counties/${doc.countyId}/compliance?date=${doc.today}`,
    );
    for (const indicator of ['room_coverage', 'has_wireless', 'full_coverage'] as const) {
      const rollup = actual.indicators.find((i) => i.indicator === indicator)?.rollup;
      expect(rollup, indicator).toMatchObject(expected.county[indicator]);
    }
  });

  it.skipIf(!hasChromium)('renders the county page in Chromium for the demo login', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({
        viewport: { width: 1366, height: 768 },
        locale: 'zh-CN',
      });
      await page.goto(new URL('login', collector.url).href);
      await page.fill('#username', 'demo-admin');
      await page.fill('#password', 'xiaowang-demo');
      await page.click('form[data-testid=login-form] button[type=submit]');
      await page.waitForLoadState('networkidle');
      expect(page.url()).toContain(`/counties/${doc.countyId}`);
      const day = addDays(doc.today, -1);
      const response = await page.goto(
        new URL(`counties/${doc.countyId}?date=${day}`, collector.url).href,
      );
      expect(response?.status()).toBe(200);
      expect(await page.locator('[data-testid=towns] tbody tr').count()).toBe(county.towns.length);
      expect(await page.locator('[data-testid=failing-schools] tbody tr').count()).toBeGreaterThan(
        0,
      );
      await expect.poll(() => page.locator('.chart[data-rendered=true]').count()).toBe(1);
      const shots = path.join(REPO_ROOT, 'test-output', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'demo-county.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
