import type { Context } from 'hono';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { FeatureDeps } from '../context.ts';
import { actorOf } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import { listAgents } from '../features/agents/list-agents.ts';
import type { Indicator } from '../features/compliance/indicators.ts';
import { INDICATORS } from '../features/compliance/indicators.ts';
import { getCountyCompliance } from '../features/compliance/read/get-county-compliance.ts';
import {
  getLatestComputedDay,
  getRollupTrend,
} from '../features/compliance/read/get-rollup-trend.ts';
import { getSchoolCompliance } from '../features/compliance/read/get-school-compliance.ts';
import { getSchoolEvidence } from '../features/compliance/read/get-school-evidence.ts';
import { getTownCompliance } from '../features/compliance/read/get-town-compliance.ts';
import { assignAp } from '../features/inventory/aps/assign-ap.ts';
import { clearApAssignment } from '../features/inventory/aps/clear-ap-assignment.ts';
import { listSchoolAps } from '../features/inventory/aps/list-school-aps.ts';
import { getDevice } from '../features/inventory/devices/get-device.ts';
import { getDeviceHistory } from '../features/inventory/devices/get-device-history.ts';
import { listDeviceInterfaces } from '../features/inventory/devices/list-device-interfaces.ts';
import { listSchoolDevices } from '../features/inventory/devices/list-school-devices.ts';
import { clearUplinks } from '../features/inventory/uplinks/clear-uplinks.ts';
import { designateUplinks } from '../features/inventory/uplinks/designate-uplinks.ts';
import { getSchoolUplinks } from '../features/inventory/uplinks/get-school-uplinks.ts';
import { getUplinkSeries } from '../features/inventory/uplinks/get-uplink-series.ts';
import { getCounty } from '../features/places/get-county.ts';
import { getSchool } from '../features/places/get-school.ts';
import { getTown } from '../features/places/get-town.ts';
import { listRooms } from '../features/places/list-rooms.ts';
import type { School } from '../features/places/schema.ts';
import {
  assertCanManageSchool,
  assertCanReadCounty,
  assertCanReadSchool,
  canAdminCounty,
  canManageSchool,
  canReadCounty,
} from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { parseInput, readParams, readQuery } from '../http/validate.ts';
import type { Html } from './html.ts';
import { signedIn } from './guard.ts';
import type { Page } from './page.ts';
import { LANG_COOKIE, localPath, pageOf } from './page.ts';
import { countyFigures, countyPage } from './pages/county.ts';
import { countyReads } from './county-reads.ts';
import { RenderCache } from './page-cache.ts';
import { holeMarker, sendPage, SplicedPage } from './spliced-page.ts';
import { headerTools } from './layout.ts';
import { raw } from './html.ts';
import { resolveDay } from '../features/compliance/read/resolve-day.ts';
import { devicePage } from './pages/device.ts';
import { evidencePage } from './pages/evidence.ts';
import { flashFor, schoolPage } from './pages/school.ts';
import { townPage } from './pages/town.ts';

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const idParams = z.object({ id });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'compliance.validation.day' });
const dateQuery = z.object({ date: day.optional() });
const TREND_DAYS = 30;
/**
 * Rendered county pages: a county × day × language × data version × admin link, each kept
 * plain and gzipped (about 240 + 30 KiB for 500 schools).
 */
const COUNTY_PAGE_ENTRIES = 32;
/** Where the county page's per-request parts go (web/spliced-page.ts). */
const HOLE = holeMarker();

/** `p` with only its language and formatters: for what is kept and shown to every reader. */
const forAnyone = (p: Page): Page => ({ ...p, principal: undefined, csrf: '', here: '/' });

type Ctx = Context<AppEnv>;
const UPLINK_DAYS = 7;

/** The read pages: county → town → school drill-down, evidence and devices, and their forms. */
export function pageRoutes(deps: FeatureDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();
  const countyPages = new RenderCache<Promise<SplicedPage>>(COUNTY_PAGE_ENTRIES);
  const reads = countyReads(deps);

  app.get('/', (c) => {
    const principal = signedIn(c);
    if (principal.kind === 'user' && principal.role === 'technician') {
      return c.redirect(`/schools/${principal.schoolIds[0] ?? 0}`, 303);
    }
    if (principal.kind === 'user') return c.redirect(`/counties/${principal.countyId}`, 303);
    return c.redirect('/counties/1', 303);
  });

  app.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang') === 'en' ? 'en' : 'zh-CN';
    setCookie(c, LANG_COOKIE, lang, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'Lax',
      httpOnly: true,
      secure: c.get('secureCookies') === true,
    });
    return c.redirect(localPath(c.req.query('next')), 303);
  });

  app.get('/counties/:id', async (c) => {
    const { id: countyId } = readParams(c, idParams);
    const principal = signedIn(c);
    assertCanReadCounty(principal, countyId);
    const now = clock().getTime();
    const change = await reads.changeKey();
    const head = await reads.head(countyId, change, now);
    const query = readQuery(c, dateQuery);
    const date = query.date ?? head.latestDay ?? undefined;
    const day = resolveDay(date, () => new Date(now), head.county.timezone);
    const p = pageOf(c, head.county.timezone);
    const version = await reads.version(countyId, day, TREND_DAYS, change, now);
    const canAdmin = canAdminCounty(principal, countyId);
    const key = `${countyId}|${day}|${p.lang}|${version}|${canAdmin ? 'admin' : 'read'}`;
    const live = await reads.live(forAnyone(p), head, change, now);

    // Requests that miss together wait for one rendering rather than each doing it.
    let page = countyPages.get(key);
    if (page === undefined) {
      const rendering = renderCountyPage(p, { countyId, day, canAdmin });
      countyPages.set(key, rendering);
      // A failed rendering is not kept; this request still answers with its error.
      rendering.catch(() => countyPages.delete(key, rendering));
      page = rendering;
    }
    return sendPage(c, await page, [String(await headerTools(p)), live]);
  });

  /**
   * The county page for nobody in particular, with holes for the header's tools and the
   * live part: `p` keeps only its language and formatters, so no reader's name, token or
   * path can end up in a page another reader gets.
   */
  async function renderCountyPage(
    p: Page,
    v: { countyId: number; day: string; canAdmin: boolean },
  ): Promise<SplicedPage> {
    const anyone = forAnyone(p);
    const compliance = await getCountyCompliance({
      db,
      clock,
      input: { countyId: v.countyId, date: v.day },
    });
    const trend = await getRollupTrend({
      db,
      input: {
        countyId: v.countyId,
        scope: 'county',
        scopeId: v.countyId,
        toDay: v.day,
        days: TREND_DAYS,
      },
    });
    const figures = await countyFigures(anyone, compliance, trend);
    const hole = raw(HOLE);
    const shell = countyPage(
      anyone,
      { figures, canAdmin: v.canAdmin },
      { tools: hole, live: hole },
    );
    const page = SplicedPage.build(String(await shell), HOLE, 2);
    if (page === undefined) throw new Error('county page: its holes are missing');
    return page;
  }

  app.get('/towns/:id', async (c) => {
    const { id: townId } = readParams(c, idParams);
    const principal = signedIn(c);
    const town = await getTown({ db, input: { id: townId } });
    assertCanReadCounty(principal, town.countyId);
    const county = await getCounty({ db, input: { id: town.countyId } });
    const query = readQuery(c, dateQuery);
    const date =
      query.date ??
      (await getLatestComputedDay({ db, input: { countyId: county.id } })) ??
      undefined;
    const compliance = await getTownCompliance({
      db,
      clock,
      input: { townId, ...(date === undefined ? {} : { date }) },
    });
    const trend = await getRollupTrend({
      db,
      input: {
        countyId: county.id,
        scope: 'town',
        scopeId: townId,
        toDay: compliance.date,
        days: TREND_DAYS,
      },
    });
    return c.html(
      townPage(pageOf(c, county.timezone), { town: compliance, countyName: county.name, trend }),
    );
  });

  /** The school page, with an optional message from the form that led here. */
  async function renderSchool(
    school: School,
    c: Ctx,
    flash?: (p: ReturnType<typeof pageOf>) => Html,
  ) {
    const principal = c.get('principal');
    const county = await getCounty({ db, input: { id: school.countyId } });
    const town = await getTown({ db, input: { id: school.townId } });
    const query = readQuery(c, dateQuery);
    const date =
      query.date ??
      (await getLatestComputedDay({ db, input: { countyId: county.id } })) ??
      undefined;
    const dated = date === undefined ? {} : { date };
    const compliance = await getSchoolCompliance({
      db,
      clock,
      input: { schoolId: school.id, days: TREND_DAYS, ...dated },
    });
    const to = clock();
    const from = new Date(to.getTime() - UPLINK_DAYS * 86_400_000);
    const devices = await listSchoolDevices({ db, input: { schoolId: school.id } });
    const manage = canManageSchool(principal, school);
    const ports = manage
      ? await Promise.all(
          devices.map(async (device) => ({
            device,
            interfaces: await listDeviceInterfaces({ db, input: { id: device.id } }),
          })),
        )
      : [];
    const p = pageOf(c, county.timezone);
    return c.html(
      schoolPage(p, {
        school,
        countyName: county.name,
        townName: town.name,
        canReadCounty: canReadCounty(principal, county.id),
        canManage: manage,
        compliance,
        uplinks: await getSchoolUplinks({ db, input: { schoolId: school.id } }),
        series: await getUplinkSeries({
          db,
          input: { schoolId: school.id, from: from.toISOString(), to: to.toISOString() },
        }),
        seriesDays: UPLINK_DAYS,
        coverage: await getSchoolEvidence({
          db,
          clock,
          input: { schoolId: school.id, indicator: 'room_coverage', ...dated },
        }),
        aps: await listSchoolAps({ db, input: { schoolId: school.id } }),
        rooms: await listRooms({ db, input: { schoolId: school.id } }),
        devices,
        ports,
        agents: (await listAgents({ db, input: { countyId: county.id } })).filter((a) =>
          a.schools.some((s) => s.id === school.id),
        ),
        ...(flash === undefined ? {} : { flash: flash(p) }),
      }),
    );
  }

  async function readableSchool(c: Ctx): Promise<School> {
    const { id: schoolId } = readParams(c, idParams);
    const principal = signedIn(c);
    const school = await getSchool({ db, input: { id: schoolId } });
    assertCanReadSchool(principal, school);
    return school;
  }

  app.get('/schools/:id', async (c) => renderSchool(await readableSchool(c), c));

  app.post('/schools/:id/uplink', async (c) => {
    const school = await readableSchool(c);
    assertCanManageSchool(c.get('principal'), school);
    const form = parseInput(
      z.object({
        port: z.string().regex(/^\d+:\d+$/, { message: 'web.form.portRequired' }),
        note: z.string().trim().max(200).optional(),
      }),
      await c.req.parseBody(),
    );
    const [deviceId = 0, ifIndex = 0] = form.port.split(':').map(Number);
    const devices = await listSchoolDevices({ db, input: { schoolId: school.id } });
    if (!devices.some((d) => d.id === deviceId)) {
      throw new AppError('VALIDATION', 'web.form.portNotOfSchool');
    }
    await designateUplinks({
      db,
      clock,
      actor: actorOf(c),
      input: {
        schoolId: school.id,
        uplinks: [{ deviceId, ifIndex, ...(form.note ? { note: form.note } : {}) }],
      },
    });
    return renderSchool(school, c, (p) => flashFor('ok', p.t('web.uplink.saved')));
  });

  app.post('/schools/:id/uplink/clear', async (c) => {
    const school = await readableSchool(c);
    assertCanManageSchool(c.get('principal'), school);
    await clearUplinks({ db, clock, actor: actorOf(c), input: { schoolId: school.id } });
    return renderSchool(school, c, (p) => flashFor('ok', p.t('web.uplink.cleared')));
  });

  app.post('/schools/:id/aps/:apId/room', async (c) => {
    const school = await readableSchool(c);
    assertCanManageSchool(c.get('principal'), school);
    const { apId } = parseInput(z.object({ apId: id }), { apId: c.req.param('apId') });
    const form = parseInput(
      z.object({ roomId: z.union([z.literal(''), id]) }),
      await c.req.parseBody(),
    );
    const aps = await listSchoolAps({ db, input: { schoolId: school.id } });
    const ap = aps.find((a) => a.id === apId);
    if (ap === undefined) throw new AppError('NOT_FOUND', 'web.form.apNotOfSchool');
    const actor = actorOf(c);
    if (form.roomId === '') {
      if (ap.assignment?.schoolId != null) {
        await assignAp({ db, clock, actor, input: { apId, schoolId: ap.assignment.schoolId } });
      } else if (ap.assignment !== null) {
        await clearApAssignment({ db, clock, actor, input: { apId } });
      }
    } else {
      const rooms = await listRooms({ db, input: { schoolId: school.id } });
      if (!rooms.some((r) => r.id === form.roomId)) {
        throw new AppError('VALIDATION', 'web.form.roomNotOfSchool');
      }
      await assignAp({ db, clock, actor, input: { apId, roomId: form.roomId } });
    }
    return renderSchool(school, c, (p) => flashFor('ok', p.t('web.aps.saved')));
  });

  app.get('/schools/:id/evidence/:indicator', async (c) => {
    const school = await readableSchool(c);
    const indicator = c.req.param('indicator');
    if (!(INDICATORS as readonly string[]).includes(indicator)) {
      throw new AppError('NOT_FOUND', 'web.error.noSuchIndicator');
    }
    const county = await getCounty({ db, input: { id: school.countyId } });
    const town = await getTown({ db, input: { id: school.townId } });
    const query = readQuery(c, dateQuery);
    const evidence = await getSchoolEvidence({
      db,
      clock,
      input: {
        schoolId: school.id,
        indicator: indicator as Indicator,
        ...(query.date ? { date: query.date } : {}),
      },
    });
    const p = pageOf(c, county.timezone);
    return c.html(
      evidencePage(p, {
        school,
        countyName: county.name,
        townName: town.name,
        canReadCounty: canReadCounty(p.principal, county.id),
        indicator: indicator as Indicator,
        evidence,
      }),
    );
  });

  app.get('/devices/:id', async (c) => {
    const { id: deviceId } = readParams(c, idParams);
    const principal = signedIn(c);
    const device = await getDevice({ db, input: { id: deviceId } });
    const school =
      device.schoolId === null ? null : await getSchool({ db, input: { id: device.schoolId } });
    if (school === null) assertCanReadCounty(principal, device.countyId);
    else assertCanReadSchool(principal, school);
    const county = await getCounty({ db, input: { id: device.countyId } });
    const p = pageOf(c, county.timezone);
    const crumbs = [
      ...(canReadCounty(principal, county.id)
        ? [{ label: county.name, href: `/counties/${county.id}` }]
        : []),
      ...(school === null ? [] : [{ label: school.name, href: `/schools/${school.id}#devices` }]),
      { label: device.sysName ?? device.targetName },
    ];
    return c.html(
      devicePage(p, {
        device,
        history: await getDeviceHistory({ db, input: { id: deviceId } }),
        school,
        crumbs,
      }),
    );
  });

  return app;
}
