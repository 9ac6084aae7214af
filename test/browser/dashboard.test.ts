import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.ts';
import type { World } from './world.ts';
import { DAY, hasChromium, PASSWORD, startWorld, XSS_AP_NAME, XSS_IF_ALIAS } from './world.ts';

/*
 * The dashboard in real headless Chromium: sign in, drill down, switch language, export and
 * open the ledger, import a bad rooms file, designate an uplink, device strings that carry
 * scripts, and a technician kept to their own school. Screenshots land in
 * test-output/screenshots for a person to look at.
 */

const SHOTS = path.join(REPO_ROOT, 'test-output', 'screenshots');

if (!hasChromium) {
  console.warn('[browser] SKIPPED: /usr/bin/chromium is not installed (apt-get install chromium)');
}

describe.skipIf(!hasChromium)('dashboard in Chromium', { timeout: 120_000 }, () => {
  let world: World;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    world = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await world.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${world.url}/`);
    await expect.poll(() => page.url()).toContain('/login');
    await page.fill('#username', username);
    await page.fill('#password', PASSWORD);
    await page.click('form[data-testid=login-form] button[type=submit]');
    await page.waitForLoadState('networkidle');
    return { context, page };
  }

  it('signs in, drills from the county to a town and a school, in zh-CN by default', async () => {
    const { context, page } = await signedIn('admin1');
    expect(page.url()).toContain(`/counties/${world.scenario.countyId}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect
      .poll(() => page.locator('[data-testid=targets] blockquote').count())
      .toBeGreaterThan(0);
    expect(await page.locator('[data-testid=kpi-room_coverage] .value').textContent()).toMatch(/%/);
    await expect
      .poll(() => page.locator('.chart[data-rendered=true]').count(), { timeout: 10_000 })
      .toBe(1);
    const failing = await page.locator('[data-testid=failing-schools] tbody tr').count();
    expect(failing).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'county.png'), fullPage: true });

    await page.locator('[data-testid=towns] tbody tr a').first().click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toContain('/towns/');
    await page.screenshot({ path: path.join(SHOTS, 'town.png'), fullPage: true });

    await page.locator('[data-testid=town-schools] tbody tr a').first().click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toContain('/schools/');
    expect(await page.locator('[data-testid=school-figures] tbody tr').count()).toBe(7);
    await page.screenshot({ path: path.join(SHOTS, 'school.png'), fullPage: true });

    await page.locator('[data-testid=school-figures] a').first().click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toContain('/evidence/');
    await context.close();
  });

  it('switches to English with one click and remembers it', async () => {
    const { context, page } = await signedIn('viewer1');
    await page.click('[data-testid=lang-switch]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h2').first().textContent()).toBe('Targets in force');
    await page.goto(`${world.url}/schools/${world.techSchoolId}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#uplink').textContent()).toBe('Uplink');
    await page.screenshot({ path: path.join(SHOTS, 'school-en.png'), fullPage: true });
    await context.close();
  });

  it('exports the ledger as a workbook that opens with the failing schools', async () => {
    const { context, page } = await signedIn('admin1');
    await page.goto(`${world.url}/counties/${world.scenario.countyId}?date=${DAY}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-xlsx]'),
    ]);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rows = book.worksheets.reduce((n, sheet) => n + Math.max(0, sheet.actualRowCount - 1), 0);
    expect(book.worksheets.length).toBeGreaterThan(1);
    expect(rows).toBeGreaterThan(0);
    await context.close();
  });

  it('shows every bad row of a rooms file and writes nothing', async () => {
    const count = async () =>
      (
        await world.db.kysely
          .selectFrom('rooms')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const { context, page } = await signedIn('admin1');
    await page.goto(`${world.url}/admin/counties/${world.scenario.countyId}/import`);
    const csv = [
      '乡镇,学校,学校代码,学校类型,教室,教室类型',
      '甲镇,新学校,QX-NEW-1,幼儿园,101,普通教室',
      '甲镇,新学校,QX-NEW-1,不是类型,102,普通教室',
      ',新学校二,QX-NEW-2,幼儿园,201,扫帚间',
    ].join('\n');
    await page.setInputFiles('#file', {
      name: 'rooms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.uncheck('input[name=dryRun]');
    await page.click('form[data-testid=import-form] button[type=submit]');
    await page.waitForLoadState('networkidle');
    const problems = await page.locator('[data-testid=import-problems] tbody tr').count();
    expect(problems).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: path.join(SHOTS, 'import-errors.png'), fullPage: true });
    expect(await count()).toBe(before);
    await context.close();
  });

  it('lets the technician designate their uplink, and refuses them another school', async () => {
    const { context, page } = await signedIn('tech1');
    expect(page.url()).toContain(`/schools/${world.techSchoolId}`);
    const option = page.locator('#uplink-port option').nth(1);
    const value = (await option.getAttribute('value')) ?? '';
    await page.selectOption('#uplink-port', value);
    await page.fill('#uplink-note', 'checked on site');
    await page.click('form[data-testid=designate-uplink] button[type=submit]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.notice.ok').count()).toBe(1);
    const [deviceId, ifIndex] = value.split(':').map(Number);
    const saved = await world.db.kysely
      .selectFrom('uplink_designations')
      .selectAll()
      .where('school_id', '=', world.techSchoolId)
      .execute();
    expect(saved).toMatchObject([{ device_id: deviceId, if_index: ifIndex }]);

    const other = await page.goto(`${world.url}/schools/${world.otherSchoolId}`);
    expect(other?.status()).toBe(403);
    const county = await page.goto(`${world.url}/counties/${world.scenario.countyId}`);
    expect(county?.status()).toBe(403);
    const api = await page.goto(`${world.url}/api/v1/schools/${world.otherSchoolId}/aps`);
    expect(api?.status()).toBe(403);
    await context.close();
  });

  it('shows device strings that carry scripts as text, and runs none of them', async () => {
    const { context, page } = await signedIn('admin1');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(`${world.url}/schools/${world.techSchoolId}#aps`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const names = await page.locator('[data-testid=ap-name]').allTextContents();
    expect(names).toContain(XSS_AP_NAME);
    await page.click(`[data-testid=devices] a[href="/devices/${world.techSwitchId}"]`);
    await page.waitForLoadState('networkidle');
    const aliases = await page.locator('[data-testid=if-alias]').allTextContents();
    expect(aliases).toContain(XSS_IF_ALIAS);
    // Evaluated as text: the test's TypeScript has no DOM types.
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('administers users and nightly-email recipients through the forms', async () => {
    const { context, page } = await signedIn('admin1');
    await page.goto(`${world.url}/admin/counties/${world.scenario.countyId}/users`);
    await page.fill('#nu-username', 'viewer2');
    await page.fill('#nu-password', PASSWORD);
    await page.selectOption('#nu-role', 'county_viewer');
    await page.click('form[data-testid=new-user] button[type=submit]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-testid=users] tr[data-user=viewer2]').count()).toBe(1);
    const audit = await world.db.kysely
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('actor', '=', 'admin1')
      .execute();
    expect(audit.length).toBeGreaterThan(0);

    await page.goto(`${world.url}/admin/counties/${world.scenario.countyId}/digest`);
    await page.fill('#email', 'bureau@example.org');
    await page.click('form[action$="/digest/recipients"] button[type=submit]');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-testid=digest-recipients]').textContent()).toContain(
      'bureau@example.org',
    );
    await page.screenshot({ path: path.join(SHOTS, 'admin-digest.png'), fullPage: true });
    await context.close();
  });

  it('fits a phone screen without hiding the figures', async () => {
    const context = await world.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${world.url}/login`);
    await page.fill('#username', 'viewer1');
    await page.fill('#password', PASSWORD);
    await page.click('form[data-testid=login-form] button[type=submit]');
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, 'county-phone.png'), fullPage: false });
    await context.close();
  });
});
