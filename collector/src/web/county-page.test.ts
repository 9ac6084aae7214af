import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeDay } from '../features/compliance/recompute-day.ts';
import { SETTINGS_DEFAULTS } from '../features/compliance/settings/schema.ts';
import { updateComplianceSettings } from '../features/compliance/settings/update-settings.ts';
import { updateUser } from '../features/users/update-user.ts';
import { buildScenarioCounty } from '../features/compliance/scenario/scenario-county.ts';
import type { ScenarioCounty } from '../features/compliance/scenario/scenario-county.ts';
import { localAt } from '../features/compliance/scenario/scenario-time.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import type { TestApp } from '../testing/test-app.ts';
import { createTestApp } from '../testing/test-app.ts';
import { signIn, userFactory } from '../testing/user-factory.ts';
import type { UserView } from '../features/users/schema.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/*
 * The county page is kept between requests, rendered once per county, day, language, data
 * version and admin link, as bytes with holes for what differs per request (who is signed
 * in, their CSRF token, stale agents, the nightly email). Anything that changes the figures
 * (a recompute, a renamed school) must show on the very next request; nothing of one reader
 * may reach another; a session that ended gets no page.
 */

const DAY = '2026-11-27';
let api: TestApp;
let scenario: ScenarioCounty;
let cookie: string;
let viewer: UserView;

beforeEach(async () => {
  api = await createTestApp();
  scenario = await buildScenarioCounty(api.db.kysely, fixedClock('2026-11-01T00:00:00.000Z'));
  await recomputeDay({
    db: api.db.kysely,
    clock: fixedClock(localAt('2026-11-28', '00:10')),
    input: { countyId: scenario.countyId, day: DAY },
  });
  viewer = await userFactory(api.db.kysely, api.clock)('county_viewer', scenario.countyId);
  cookie = (await signIn(api, viewer.username)).cookie;
});
afterEach(() => api.close());

async function page(): Promise<string> {
  const res = await api.app.request(`/counties/${scenario.countyId}?date=${DAY}`, {
    headers: { cookie, 'accept-language': 'en' },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The county page as a browser gets it: gzip, decoded here. */
async function get(headers: Record<string, string>, path = `/counties/${scenario.countyId}`) {
  const res = await api.app.request(path, {
    headers: { 'accept-encoding': 'gzip, deflate, br, zstd', ...headers },
    redirect: 'manual',
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const gzip = res.headers.get('content-encoding') === 'gzip';
  return { res, html: (gzip ? gunzipSync(bytes) : bytes).toString('utf8') };
}

async function makeUser(role: 'county_admin' | 'county_viewer' | 'technician', name?: string) {
  const user = await userFactory(api.db.kysely, api.clock)(role, scenario.countyId, {
    ...(role === 'technician' ? { schoolIds: [scenario.schools[0]?.id ?? 0] } : {}),
  });
  if (name !== undefined) {
    await updateUser({
      db: api.db.kysely,
      clock: api.clock,
      actor: 'test',
      input: { id: user.id, patch: { displayName: name } },
    });
  }
  return { user, session: await signIn(api, user.username) };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]*)"/.exec(html)?.[1];

describe('the county page', () => {
  it('shows a renamed town on the next request, though the figures are kept', async () => {
    const before = await page();
    expect(await page()).toBe(before);
    await api.db.kysely
      .updateTable('towns')
      .set({ name: '改名后的镇', updated_at: '2026-11-28T03:00:00.000Z' })
      .where('id', '=', scenario.townIds.A)
      .execute();
    const after = await page();
    expect(after).not.toBe(before);
    expect(after).toContain('改名后的镇');
  });

  it('shows a recompute on the next request', async () => {
    const before = await page();
    await api.db.kysely
      .updateTable('rollup_daily_results')
      .set({ value: 0.123456, computed_at: '2026-11-28T05:00:00.000Z' })
      .where('county_id', '=', scenario.countyId)
      .where('scope', '=', 'county')
      .where('day', '=', DAY)
      .where('indicator', '=', 'room_coverage')
      .execute();
    const after = await page();
    expect(after).not.toBe(before);
    expect(after).toContain('12.3%');
  });

  it('serves the same page gzipped and plain, with the strict CSP and no-store', async () => {
    const zipped = await get({ cookie });
    expect(zipped.res.status).toBe(200);
    expect(zipped.res.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.res.headers.get('vary')).toBe('Accept-Encoding');
    const plain = await get({ cookie, 'accept-encoding': 'identity' });
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(zipped.html).toBe(plain.html);
    for (const { res } of [zipped, plain]) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    }
    expect(zipped.html).toContain('data-testid="failing-schools"');
    expect(zipped.html).toContain('data-testid="stale-agents"');
    expect(zipped.html).toContain('data-testid="digest-status"');
    expect(zipped.html).not.toMatch(/xw-hole-/);
    const head = await api.app.request(`/counties/${scenario.countyId}`, {
      method: 'HEAD',
      headers: { cookie },
    });
    expect(head.status).toBe(200);
  });

  it('gives each reader their own name and CSRF token, and only admins the admin link', async () => {
    const admin = await makeUser('county_admin', '管理员甲');
    const other = await makeUser('county_viewer', 'Viewer <b>Two</b>');
    const adminPage = (await get({ cookie: admin.session.cookie })).html;
    const viewerPage = (await get({ cookie: other.session.cookie })).html;
    const again = (await get({ cookie: admin.session.cookie })).html;
    expect(again).toBe(adminPage);

    expect(csrfOf(adminPage)).toBe(admin.session.csrfToken);
    expect(csrfOf(viewerPage)).toBe(other.session.csrfToken);
    expect(adminPage).not.toContain(other.session.csrfToken);
    expect(viewerPage).not.toContain(admin.session.csrfToken);
    expect(adminPage).toContain('管理员甲');
    expect(adminPage).not.toContain('Viewer &lt;b&gt;Two');
    expect(viewerPage).toContain('Viewer &lt;b&gt;Two&lt;/b&gt;');
    expect(viewerPage).not.toContain('<b>Two');
    expect(viewerPage).not.toContain('管理员甲');
    const adminLink = `href="/admin/counties/${scenario.countyId}"`;
    expect(adminPage).toContain(adminLink);
    expect(viewerPage).not.toContain(adminLink);
  });

  it('gives no page to a session that was signed out or whose user was disabled', async () => {
    const leaving = await makeUser('county_viewer');
    const disabled = await makeUser('county_viewer');
    const admin = await makeUser('county_admin');
    for (const s of [leaving.session, disabled.session]) {
      expect((await get({ cookie: s.cookie })).res.status).toBe(200);
    }
    const out = await api.app.request('/logout', {
      method: 'POST',
      headers: { ...leaving.session.headers, 'sec-fetch-site': 'same-origin' },
    });
    expect(out.status).toBe(303);
    const patched = await api.request('PATCH', `/api/v1/users/${disabled.user.id}`, {
      token: null,
      headers: { ...admin.session.headers, 'sec-fetch-site': 'same-origin' },
      json: { disabled: true },
    });
    expect(patched.status).toBe(200);
    for (const s of [leaving.session, disabled.session]) {
      const { res, html } = await get({ cookie: s.cookie });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain('/login');
      expect(html).not.toContain('failing-schools');
    }
    // The user is also refused if the row is changed behind the app's back.
    const behind = await makeUser('county_viewer');
    await api.db.kysely
      .updateTable('users')
      .set({ disabled: 1 })
      .where('id', '=', behind.user.id)
      .execute();
    expect((await get({ cookie: behind.session.cookie })).res.status).toBe(303);
  });

  it('refuses a technician the county page even when it is kept', async () => {
    expect((await get({ cookie })).res.status).toBe(200);
    const tech = await makeUser('technician');
    const { res, html } = await get({ cookie: tech.session.cookie });
    expect(res.status).toBe(403);
    expect(html).not.toContain('failing-schools');
  });

  it('renders each language on its own, by Accept-Language, account or switch', async () => {
    const zh = (await get({ cookie })).html;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('English</a');
    const en = (await get({ cookie, 'accept-language': 'en' })).html;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Targets in force');
    expect(en).toContain('中文</a');
    const switched = (await get({ cookie: `${cookie}; xw_lang=en`, 'accept-language': 'zh-CN' }))
      .html;
    expect(switched).toBe(en);
    expect((await get({ cookie })).html).toBe(zh);
    // The switch comes back to this very page, query and all.
    const dated = (await get({ cookie }, `/counties/${scenario.countyId}?date=${DAY}`)).html;
    expect(dated).toContain(
      `href="/lang/en?next=${encodeURIComponent(`/counties/${scenario.countyId}?date=${DAY}`)}"`,
    );
  });

  it('shows stale agents and the nightly email as they are at each request', async () => {
    const agentId = scenario.schools[0]?.agentId ?? 0;
    const agent = await api.db.kysely
      .selectFrom('agents')
      .select(['name'])
      .where('id', '=', agentId)
      .executeTakeFirstOrThrow();
    const staleList = (html: string) =>
      /data-testid="stale-agents"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const reportedAt = (ms: number) =>
      api.db.kysely
        .updateTable('agents')
        .set({ last_report_at: new Date(ms).toISOString() })
        .where('id', '=', agentId)
        .execute();
    await reportedAt(api.clock().getTime() - 3 * 86_400_000);
    const before = (await get({ cookie })).html;
    expect(staleList(before)).toContain(agent.name);

    await reportedAt(api.clock().getTime());
    const reported = (await get({ cookie })).html;
    expect(staleList(reported)).not.toContain(agent.name);

    await api.db.kysely
      .insertInto('digest_deliveries')
      .values({
        county_id: scenario.countyId,
        day: DAY,
        email: 'bureau@example.org',
        lang: 'zh-CN',
        state: 'pending',
        attempts: 2,
        due_at: api.clock().toISOString(),
        planned_at: api.clock().toISOString(),
        next_attempt_at: new Date(api.clock().getTime() + 600_000).toISOString(),
        last_error: '550 <mailbox> unavailable',
        last_error_at: api.clock().toISOString(),
      })
      .execute();
    const failing = (await get({ cookie })).html;
    expect(failing).toContain('550 &lt;mailbox&gt; unavailable');
    expect(failing).not.toContain('550 <mailbox>');
  });

  it('shows new targets, settings and names on the next request, escaped', async () => {
    const first = (await get({ cookie })).html;
    await api.db.kysely
      .updateTable('targets')
      .set({ source_sentence: '新的规划原文 <em>', updated_at: '2026-11-28T06:00:00.000Z' })
      .where('county_id', '=', scenario.countyId)
      .execute();
    const retargeted = (await get({ cookie })).html;
    expect(retargeted).not.toBe(first);
    expect(retargeted).toContain('新的规划原文 &lt;em&gt;');

    // An agent that reported two hours ago becomes stale when the window shrinks to one.
    const agentId = scenario.schools[1]?.agentId ?? 0;
    await api.db.kysely
      .updateTable('agents')
      .set({ last_report_at: new Date(api.clock().getTime() - 2 * 3_600_000).toISOString() })
      .where('id', '=', agentId)
      .execute();
    const agentName = `<a href="/schools/${scenario.schools[1]?.id ?? 0}">`;
    const staleList = (html: string) =>
      /data-testid="stale-agents"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(staleList((await get({ cookie })).html)).not.toContain(agentName);
    await updateComplianceSettings({
      db: api.db.kysely,
      clock: api.clock,
      actor: 'test',
      input: {
        countyId: scenario.countyId,
        settings: { ...SETTINGS_DEFAULTS, staleWindowHours: 1 },
      },
    });
    expect(staleList((await get({ cookie })).html)).toContain(agentName);

    await api.db.kysely
      .updateTable('counties')
      .set({ name: '<script>alert(1)</script>县', updated_at: '2026-11-28T06:00:00.000Z' })
      .where('id', '=', scenario.countyId)
      .execute();
    const renamed = (await get({ cookie })).html;
    expect(renamed).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;县</h1>');
    expect(renamed).not.toContain('<script>alert(1)');
    const plain = await get({ cookie, 'accept-encoding': '' });
    expect(plain.html).toBe(renamed);
  });
});
