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
import { openLocation } from '../db/open.ts';
import { onPostgres } from '../testing/test-db.ts';
import { updateDigestSettings } from '../features/digest/update-digest-settings.ts';
import { formatters } from './format.ts';

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

/*
 * On SQLite the stale agents, the mail's state and the figures' version are kept between
 * requests while the database's change key stays the same and until the instant time alone
 * would change them (web/county-reads.ts). Each of these would show stale data if any part
 * of that were missing: a write on this connection, through Kysely or the raw driver, one by
 * another connection, time passing a threshold with nothing written, a clock set back.
 */
describe('the county page between requests', () => {
  const HOUR = 3_600_000;
  const staleList = (html: string) =>
    /data-testid="stale-agents"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  /** The mail's block and what follows it (only the page's end). */
  const digestBlock = (html: string) => /data-testid="digest-status"[\s\S]*/.exec(html)?.[0] ?? '';
  const en = (c: string) => get({ cookie: c, 'accept-language': 'en' }).then((r) => r.html);
  const agentOf = async (i: number) => {
    const id = scenario.schools[i]?.agentId ?? 0;
    const { name } = await api.db.kysely
      .selectFrom('agents')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, name: `<td>${name}</td>` };
  };
  const reportedAt = (db: TestApp['db']['kysely'], agentId: number, ms: number) =>
    db
      .updateTable('agents')
      .set({ last_report_at: new Date(ms).toISOString() })
      .where('id', '=', agentId)
      .execute();

  it('lists an agent as stale the moment its window passes, with nothing written', async () => {
    const agent = await agentOf(2);
    const start = api.clock().getTime();
    // The window is 24 hours; this agent's last report leaves it 30 seconds inside it.
    await reportedAt(api.db.kysely, agent.id, start - 24 * HOUR + 30_000);
    expect(staleList(await en(cookie))).not.toContain(agent.name);
    expect(staleList(await en(cookie))).not.toContain(agent.name);
    // Less than the minute after which a session's use is written down: no row changes.
    api.clock.advance(30_000);
    expect(staleList(await en(cookie))).not.toContain(agent.name);
    api.clock.advance(1);
    expect(staleList(await en(cookie))).toContain(agent.name);
    // A clock set back shows the list as it was then, not as it was last read.
    api.clock.set(new Date(start).toISOString());
    expect(staleList(await en(cookie))).not.toContain(agent.name);
  });

  it('moves the next mail on once it is due, with nothing written', async () => {
    const fmt = formatters('en', 'Asia/Shanghai');
    // 07:00 in Shanghai is 23:00Z the day before.
    const due = '2026-03-01T23:00:00.000Z';
    const after = '2026-03-02T23:00:00.000Z';
    api.clock.set('2026-03-01T22:59:30.000Z');
    // Signed in anew, as 23 hours later the first session has lapsed; then no row changes.
    const fresh = (await signIn(api, viewer.username)).cookie;
    const before = digestBlock(await en(fresh));
    expect(before).toContain(`Next mail ${fmt.dateTime(due)}`);
    api.clock.advance(29_999);
    expect(digestBlock(await en(fresh))).toBe(before);
    api.clock.advance(1);
    expect(digestBlock(await en(fresh))).toContain(`Next mail ${fmt.dateTime(after)}`);
  });

  it.skipIf(onPostgres)('shows a write through the raw driver on the next request', async () => {
    const agent = await agentOf(3);
    await reportedAt(api.db.kysely, agent.id, api.clock().getTime() - 3 * 24 * HOUR);
    expect(staleList(await en(cookie))).toContain(agent.name);
    api.db.sqlite
      .prepare('update agents set last_report_at = ? where id = ?')
      .run(api.clock().toISOString(), agent.id);
    expect(staleList(await en(cookie))).not.toContain(agent.name);
  });

  it('keeps nothing of a transaction that was rolled back', async () => {
    const agent = await agentOf(4);
    await reportedAt(api.db.kysely, agent.id, api.clock().getTime() - 3 * 24 * HOUR);
    expect(staleList(await en(cookie))).toContain(agent.name);
    const tx = await api.db.kysely.startTransaction().execute();
    await reportedAt(tx, agent.id, api.clock().getTime());
    // On SQLite the request waits for the connection the transaction holds.
    const during = en(cookie);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await tx.rollback().execute();
    expect(staleList(await during)).toContain(agent.name);
    expect(staleList(await en(cookie))).toContain(agent.name);
  });

  it('shows what another connection to the database wrote on the next request', async () => {
    const app = await createTestApp({ storage: 'file' });
    const other = openLocation(app.db.location);
    try {
      const county = await buildScenarioCounty(
        app.db.kysely,
        fixedClock('2026-11-01T00:00:00.000Z'),
      );
      const user = await userFactory(app.db.kysely, app.clock)('county_viewer', county.countyId);
      const session = (await signIn(app, user.username)).cookie;
      const read = async () => {
        const res = await app.app.request(`/counties/${county.countyId}`, {
          headers: { cookie: session, 'accept-language': 'en' },
        });
        expect(res.status).toBe(200);
        return res.text();
      };
      const name = async (i: number) => {
        const { name } = await app.db.kysely
          .selectFrom('agents')
          .select('name')
          .where('id', '=', county.schools[i]?.agentId ?? 0)
          .executeTakeFirstOrThrow();
        return `<td>${name}</td>`;
      };
      const now = app.clock().getTime();
      const quiet = county.schools[0]?.agentId ?? 0;
      const recent = county.schools[1]?.agentId ?? 0;
      await reportedAt(app.db.kysely, quiet, now - 3 * 24 * HOUR);
      await reportedAt(app.db.kysely, recent, now - 2 * HOUR);
      const first = await read();
      expect(staleList(first)).toContain(await name(0));
      expect(await read()).toBe(first);

      // A report arrives through the other connection.
      await reportedAt(other.kysely, quiet, now);
      expect(staleList(await read())).not.toContain(await name(0));

      // The scheduler there records a failed delivery.
      await other.kysely
        .insertInto('digest_deliveries')
        .values({
          county_id: county.countyId,
          day: DAY,
          email: 'bureau@example.org',
          lang: 'en',
          state: 'pending',
          attempts: 1,
          due_at: app.clock().toISOString(),
          planned_at: app.clock().toISOString(),
          next_attempt_at: new Date(now + 600_000).toISOString(),
          last_error: '421 try later',
          last_error_at: app.clock().toISOString(),
        })
        .execute();
      expect(digestBlock(await read())).toContain('421 try later');

      // Someone shortens the stale window there: the agent of two hours ago is listed.
      expect(staleList(await read())).not.toContain(await name(1));
      await updateComplianceSettings({
        db: other.kysely,
        clock: app.clock,
        actor: 'test',
        input: {
          countyId: county.countyId,
          settings: { ...SETTINGS_DEFAULTS, staleWindowHours: 1 },
        },
      });
      expect(staleList(await read())).toContain(await name(1));

      // And switches the mail off.
      await updateDigestSettings({
        db: other.kysely,
        clock: app.clock,
        actor: 'test',
        input: { countyId: county.countyId, settings: { sendTime: '07:00', enabled: false } },
      });
      expect(digestBlock(await read())).toContain('switched off');
    } finally {
      await other.close();
      await app.close();
    }
  });
});
