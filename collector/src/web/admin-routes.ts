import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { FeatureDeps } from '../context.ts';
import { actorOf } from '../audit/audit.ts';
import { AppError } from '../errors.ts';
import { createEnrollmentCode } from '../features/agents/create-enrollment-code.ts';
import { listEnrollmentCodes } from '../features/agents/list-enrollment-codes.ts';
import { createApRule } from '../features/inventory/aps/create-ap-rule.ts';
import { deleteApRule } from '../features/inventory/aps/delete-ap-rule.ts';
import { getRoomConvention } from '../features/inventory/aps/get-room-convention.ts';
import { listApRules } from '../features/inventory/aps/list-ap-rules.ts';
import { listCountyAps } from '../features/inventory/aps/list-county-aps.ts';
import { setRoomConvention } from '../features/inventory/aps/set-room-convention.ts';
import { getCounty } from '../features/places/get-county.ts';
import { importPlaces } from '../features/places/import/import-places.ts';
import { listSchools } from '../features/places/list-schools.ts';
import type { County } from '../features/places/schema.ts';
import { applyTargetPreset } from '../features/targets/apply-target-preset.ts';
import { deleteTarget } from '../features/targets/delete-target.ts';
import { listCountyTargets } from '../features/targets/list-county-targets.ts';
import { listTargetPresets } from '../features/targets/list-target-presets.ts';
import { replaceTargetSteps } from '../features/targets/replace-target-steps.ts';
import { assertCanAdminCounty } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { readUpload } from '../http/upload.ts';
import { parseInput } from '../http/validate.ts';
import { signedIn } from './guard.ts';
import type { Page } from './page.ts';
import { pageOf } from './page.ts';
import { apRulesTab, enrollmentTab, importTab, targetsTab, usersTab } from './pages/admin.ts';
import { createUser } from '../features/users/create-user.ts';
import { listUsers } from '../features/users/list-users.ts';
import { resetPassword } from '../features/users/reset-password.ts';
import { updateUser } from '../features/users/update-user.ts';
import { ROLES } from '../http/principal.ts';
import { notice } from './layout.ts';
import { addRecipient } from '../features/digest/add-recipient.ts';
import { getDigestSettings } from '../features/digest/get-digest-settings.ts';
import { getDigestStatus } from '../features/digest/get-digest-status.ts';
import { listRecipients } from '../features/digest/list-recipients.ts';
import { previewDigest } from '../features/digest/preview-digest.ts';
import { removeRecipient } from '../features/digest/remove-recipient.ts';
import { addRecipientInput, settingsInput } from '../features/digest/schema.ts';
import { updateDigestSettings } from '../features/digest/update-digest-settings.ts';
import { listTowns } from '../features/places/list-towns.ts';
import { digestTab } from './pages/digest.ts';
import type { Html } from './html.ts';

/** Form uploads of the import page get the import body limit, not the form one. */
export const WEB_UPLOAD_ROUTES: readonly RegExp[] = [/^\/admin\/counties\/\d+\/import$/];

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);

type Ctx = Context<AppEnv>;

/** County administration pages: county administrators only (403 for everyone else). */
export function adminRoutes(deps: FeatureDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const app = new Hono<AppEnv>();

  async function adminCounty(c: Ctx): Promise<{ county: County; p: Page }> {
    const countyId = parseInput(z.object({ id }), { id: c.req.param('id') }).id;
    assertCanAdminCounty(signedIn(c), countyId);
    const county = await getCounty({ db, input: { id: countyId } });
    return { county, p: pageOf(c, county.timezone) };
  }

  const form = async (c: Ctx) => (await c.req.parseBody({ all: true })) as Record<string, unknown>;

  app.get('/admin/counties/:id', async (c) => {
    const { county } = await adminCounty(c);
    return c.redirect(`/admin/counties/${county.id}/import`, 303);
  });

  app.get('/admin/counties/:id/import', async (c) => {
    const { county, p } = await adminCounty(c);
    return c.html(importTab(p, county));
  });
  app.post('/admin/counties/:id/import', async (c) => {
    const { county, p } = await adminCounty(c);
    const body = await c.req.parseBody();
    const dryRun = body['dryRun'] === '1';
    const file = await readUpload(c);
    try {
      const result = await importPlaces({
        db,
        clock,
        input: { countyId: county.id, file, dryRun },
      });
      return c.html(importTab(p, county, { result }));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
      const problems = (error.details ?? []).map((d) => ({
        ...(d.row === undefined ? {} : { row: d.row }),
        ...(d.column === undefined ? {} : { column: d.column }),
        message: p.t(d.key, d.params),
      }));
      const all = problems.length > 0 ? problems : [{ message: p.t(error.key, error.params) }];
      return c.html(importTab(p, county, { problems: all }), 400);
    }
  });

  async function renderApRules(county: County, p: Page) {
    return apRulesTab(p, county, {
      rules: await listApRules({ db, input: { countyId: county.id } }),
      schools: await listSchools({ db, input: { countyId: county.id } }),
      unattributed: await listCountyAps({ db, input: { countyId: county.id, attributed: false } }),
      convention: await getRoomConvention({ db, input: { countyId: county.id } }),
    });
  }
  app.get('/admin/counties/:id/ap-rules', async (c) => {
    const { county, p } = await adminCounty(c);
    return c.html(renderApRules(county, p));
  });
  app.post('/admin/counties/:id/ap-rules', async (c) => {
    const { county } = await adminCounty(c);
    const input = parseInput(
      z.object({
        kind: z.enum(['mac', 'group', 'prefix']),
        pattern: z.string().trim().min(1).max(200),
        schoolId: id,
      }),
      await form(c),
    );
    await createApRule({ db, clock, actor: actorOf(c), input: { ...input, countyId: county.id } });
    return c.redirect(`/admin/counties/${county.id}/ap-rules`, 303);
  });
  app.post('/admin/counties/:id/ap-rules/:ruleId/delete', async (c) => {
    const { county } = await adminCounty(c);
    const { ruleId } = parseInput(z.object({ ruleId: id }), { ruleId: c.req.param('ruleId') });
    await deleteApRule({ db, clock, actor: actorOf(c), input: { countyId: county.id, ruleId } });
    return c.redirect(`/admin/counties/${county.id}/ap-rules`, 303);
  });
  app.post('/admin/counties/:id/room-convention', async (c) => {
    const { county } = await adminCounty(c);
    const { pattern } = parseInput(
      z.object({ pattern: z.string().trim().max(200) }),
      await form(c),
    );
    await setRoomConvention({
      db,
      clock,
      actor: actorOf(c),
      input: { countyId: county.id, pattern: pattern === '' ? null : pattern },
    });
    return c.redirect(`/admin/counties/${county.id}/ap-rules`, 303);
  });

  app.get('/admin/counties/:id/targets', async (c) => {
    const { county, p } = await adminCounty(c);
    return c.html(
      targetsTab(p, county, {
        targets: await listCountyTargets({ db, clock, input: { countyId: county.id } }),
        presets: listTargetPresets(),
      }),
    );
  });
  app.post('/admin/counties/:id/targets/apply-preset', async (c) => {
    const { county } = await adminCounty(c);
    const { preset } = parseInput(z.object({ preset: z.string().min(1).max(64) }), await form(c));
    await applyTargetPreset({
      db,
      clock,
      actor: actorOf(c),
      input: { countyId: county.id, preset },
    });
    return c.redirect(`/admin/counties/${county.id}/targets`, 303);
  });
  app.post('/admin/counties/:id/targets/:targetId/steps', async (c) => {
    const { county } = await adminCounty(c);
    const targetId = await targetOfCounty(c, county);
    const { steps } = parseInput(z.object({ steps: z.string().max(4000) }), await form(c));
    await replaceTargetSteps({
      db,
      clock,
      actor: actorOf(c),
      input: { id: targetId, body: { steps: parseSteps(steps) } },
    });
    return c.redirect(`/admin/counties/${county.id}/targets`, 303);
  });
  app.post('/admin/counties/:id/targets/:targetId/delete', async (c) => {
    const { county } = await adminCounty(c);
    const targetId = await targetOfCounty(c, county);
    await deleteTarget({ db, clock, actor: actorOf(c), input: { id: targetId } });
    return c.redirect(`/admin/counties/${county.id}/targets`, 303);
  });

  /** The target named in the path, refused unless it is this county's. */
  async function targetOfCounty(c: Ctx, county: County): Promise<number> {
    const { targetId } = parseInput(z.object({ targetId: id }), {
      targetId: c.req.param('targetId'),
    });
    const targets = await listCountyTargets({ db, clock, input: { countyId: county.id } });
    if (!targets.items.some((t) => t.id === targetId)) {
      throw new AppError('NOT_FOUND', 'web.error.noSuchTarget');
    }
    return targetId;
  }

  async function renderEnrollment(
    c: Ctx,
    county: County,
    p: Page,
    created?: { code: string; label: string },
  ) {
    return enrollmentTab(p, county, {
      codes: await listEnrollmentCodes({ db, clock, input: { countyId: county.id } }),
      schools: await listSchools({ db, input: { countyId: county.id } }),
      collectorUrl: new URL(c.req.url).origin,
      ...(created === undefined ? {} : { created }),
    });
  }
  app.get('/admin/counties/:id/enrollment', async (c) => {
    const { county, p } = await adminCounty(c);
    return c.html(renderEnrollment(c, county, p));
  });
  app.post('/admin/counties/:id/enrollment', async (c) => {
    const { county, p } = await adminCounty(c);
    const body = await form(c);
    const raw = body['schoolIds'];
    const input = parseInput(
      z.object({
        label: z.string().trim().min(1).max(100),
        schoolIds: z.array(id).min(1).max(2000),
        expiresInHours: z.coerce.number().int().min(1).max(720).default(168),
      }),
      { ...body, schoolIds: Array.isArray(raw) ? raw : raw === undefined ? [] : [raw] },
    );
    const created = await createEnrollmentCode({
      db,
      clock,
      actor: actorOf(c),
      input: { ...input, countyId: county.id },
    });
    return c.html(renderEnrollment(c, county, p, { code: created.code, label: created.label }));
  });

  async function renderDigest(county: County, p: Page) {
    return digestTab(p, county, {
      status: await getDigestStatus({ db, clock, input: { countyId: county.id } }),
      settings: await getDigestSettings({ db, input: { countyId: county.id } }),
      recipients: await listRecipients({ db, input: { countyId: county.id } }),
      towns: await listTowns({ db, input: { countyId: county.id } }),
    });
  }
  app.get('/admin/counties/:id/digest', async (c) => {
    const { county, p } = await adminCounty(c);
    return c.html(renderDigest(county, p));
  });
  app.post('/admin/counties/:id/digest/settings', async (c) => {
    const { county } = await adminCounty(c);
    const body = await form(c);
    const { sendTime } = parseInput(z.object({ sendTime: z.string().max(5) }), body);
    await updateDigestSettings({
      db,
      clock,
      actor: actorOf(c),
      input: {
        countyId: county.id,
        settings: parseInput(settingsInput, { sendTime, enabled: body['enabled'] === '1' }),
      },
    });
    return c.redirect(`/admin/counties/${county.id}/digest`, 303);
  });
  app.post('/admin/counties/:id/digest/recipients', async (c) => {
    const { county } = await adminCounty(c);
    const body = await form(c);
    const townId =
      typeof body['townId'] === 'string' && body['townId'] !== '' ? Number(body['townId']) : null;
    const input = parseInput(addRecipientInput, {
      email: body['email'],
      lang: body['lang'],
      townId,
    });
    await addRecipient({ db, clock, actor: actorOf(c), input: { ...input, countyId: county.id } });
    return c.redirect(`/admin/counties/${county.id}/digest`, 303);
  });
  app.post('/admin/counties/:id/digest/recipients/:recipientId/delete', async (c) => {
    const { county } = await adminCounty(c);
    const { recipientId } = parseInput(z.object({ recipientId: id }), {
      recipientId: c.req.param('recipientId'),
    });
    await removeRecipient({
      db,
      clock,
      actor: actorOf(c),
      input: { countyId: county.id, recipientId },
    });
    return c.redirect(`/admin/counties/${county.id}/digest`, 303);
  });
  /** The HTML part of yesterday's county mail, as recipients will see it (every value escaped). */
  app.get('/admin/counties/:id/digest/preview', async (c) => {
    const { county, p } = await adminCounty(c);
    const preview = await previewDigest({
      db,
      clock,
      input: { countyId: county.id, lang: p.lang },
    });
    return c.html(preview.html);
  });

  async function renderUsers(county: County, p: Page, flash?: Html) {
    return usersTab(p, county, {
      users: await listUsers({ db, input: { countyId: county.id } }),
      schools: await listSchools({ db, input: { countyId: county.id } }),
      ...(flash === undefined ? {} : { flash }),
    });
  }
  /** The users of this county only: an id from another county is a 404 here. */
  async function userOfCounty(c: Ctx, county: County): Promise<number> {
    const { userId } = parseInput(z.object({ userId: id }), { userId: c.req.param('userId') });
    const users = await listUsers({ db, input: { countyId: county.id } });
    if (!users.some((u) => u.id === userId)) throw new AppError('NOT_FOUND', 'users.notFound.user');
    return userId;
  }
  app.get('/admin/counties/:id/users', async (c) => {
    const { county, p } = await adminCounty(c);
    return c.html(renderUsers(county, p));
  });
  app.post('/admin/counties/:id/users', async (c) => {
    const { county, p } = await adminCounty(c);
    const body = await form(c);
    const raw = body['schoolIds'];
    const input = parseInput(
      z.object({
        username: z.string().trim().min(1).max(64),
        displayName: z.string().trim().max(100).optional(),
        password: z.string().min(1).max(1024),
        role: z.enum(ROLES),
        schoolIds: z.array(id).max(2000),
      }),
      { ...body, schoolIds: Array.isArray(raw) ? raw : raw === undefined ? [] : [raw] },
    );
    const { displayName, schoolIds, ...rest } = input;
    const user = await createUser({
      db,
      clock,
      actor: actorOf(c),
      input: {
        ...rest,
        countyId: county.id,
        ...(displayName ? { displayName } : {}),
        ...(rest.role === 'technician' ? { schoolIds } : {}),
      },
    });
    return c.html(
      renderUsers(county, p, notice('ok', p.t('web.users.created', { username: user.username }))),
    );
  });
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/admin/counties/:id/users/:userId/${action}`, async (c) => {
      const { county, p } = await adminCounty(c);
      const userId = await userOfCounty(c, county);
      await updateUser({
        db,
        clock,
        actor: actorOf(c),
        input: { id: userId, patch: { disabled } },
      });
      return c.html(renderUsers(county, p, notice('ok', p.t('web.users.saved'))));
    });
  }
  app.post('/admin/counties/:id/users/:userId/password', async (c) => {
    const { county, p } = await adminCounty(c);
    const userId = await userOfCounty(c, county);
    const { password } = parseInput(
      z.object({ password: z.string().min(1).max(1024) }),
      await form(c),
    );
    await resetPassword({ db, clock, actor: actorOf(c), input: { id: userId, password } });
    return c.html(renderUsers(county, p, notice('ok', p.t('web.users.passwordReset'))));
  });

  return app;
}

/**
 * Steps typed one per line as `YYYY-MM-DD threshold [note]`; the target verb checks the
 * values, so this only splits the text.
 */
export function parseSteps(
  text: string,
): { effectiveFrom: string; threshold: number; note: string | null }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [effectiveFrom = '', threshold = '', ...note] = line.split(/\s+/);
      return {
        effectiveFrom,
        threshold: threshold === '' ? Number.NaN : Number(threshold),
        note: note.length > 0 ? note.join(' ') : null,
      };
    });
}
