import { Hono } from 'hono';
import { canReadItem } from '../../../http/access.ts';
import type { AppEnv } from '../../../http/env.ts';
import { readJson, readParams, readQuery } from '../../../http/validate.ts';
import { actorOf } from '../../../audit/audit.ts';
import { accessGuards } from '../../scope/guards.ts';
import { idParams } from '../common-schema.ts';
import type { InventoryDeps } from '../deps.ts';
import { assignAp } from './assign-ap.ts';
import { clearApAssignment } from './clear-ap-assignment.ts';
import { createApRule } from './create-ap-rule.ts';
import { deleteApRule } from './delete-ap-rule.ts';
import { getAp } from './get-ap.ts';
import { getApRule } from './get-ap-rule.ts';
import { getRoomConvention } from './get-room-convention.ts';
import { listApRules } from './list-ap-rules.ts';
import { listCountyAps } from './list-county-aps.ts';
import { listSchoolAps } from './list-school-aps.ts';
import * as s from './schema.ts';
import { setRoomConvention } from './set-room-convention.ts';
import { updateApRule } from './update-ap-rule.ts';

/**
 * APs, their attribution rules, assignments and room conventions. Rules and conventions are
 * county administration; an AP's school and room may also be set by its school's technician.
 */
export function apRoutes({ db, clock }: InventoryDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);
  const rule = (c: Parameters<typeof readParams>[0]) => {
    const { id, ruleId } = readParams(c, s.ruleParams);
    return { countyId: id, ruleId };
  };

  app.get('/counties/:id/ap-rules', async (c) => {
    const { id } = readParams(c, idParams);
    guard.readCounty(c, id);
    return c.json({ items: await listApRules({ db, input: { countyId: id } }) });
  });
  app.post('/counties/:id/ap-rules', async (c) => {
    const { id } = readParams(c, idParams);
    guard.adminCounty(c, id);
    const body = await readJson(c, s.createApRuleInput);
    const input = { ...body, countyId: id };
    return c.json(await createApRule({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.get('/counties/:id/ap-rules/:ruleId', async (c) => {
    const input = rule(c);
    guard.readCounty(c, input.countyId);
    return c.json(await getApRule({ db, input }));
  });
  app.patch('/counties/:id/ap-rules/:ruleId', async (c) => {
    const target = rule(c);
    guard.adminCounty(c, target.countyId);
    const input = { ...target, patch: await readJson(c, s.updateApRuleInput) };
    return c.json(await updateApRule({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/counties/:id/ap-rules/:ruleId', async (c) => {
    const input = rule(c);
    guard.adminCounty(c, input.countyId);
    return c.json(await deleteApRule({ db, clock, actor: actorOf(c), input }));
  });

  app.get('/counties/:id/ap-room-convention', async (c) => {
    const { id } = readParams(c, idParams);
    guard.readCounty(c, id);
    return c.json(await getRoomConvention({ db, input: { countyId: id } }));
  });
  app.put('/counties/:id/ap-room-convention', async (c) => {
    const { id } = readParams(c, idParams);
    guard.adminCounty(c, id);
    const { pattern } = await readJson(c, s.roomConventionInput);
    const input = { countyId: id, pattern };
    return c.json(await setRoomConvention({ db, clock, actor: actorOf(c), input }));
  });

  app.get('/counties/:id/aps', async (c) => {
    const { id } = readParams(c, idParams);
    const p = guard.listCounty(c, id);
    const { attributed } = readQuery(c, s.countyApsQuery);
    const input = {
      countyId: id,
      attributed: attributed === undefined ? undefined : attributed === 'true',
    };
    const items = await listCountyAps({ db, input });
    const readable = (ap: (typeof items)[number]) =>
      canReadItem(p, { countyId: ap.countyId, schoolId: ap.school?.id ?? null });
    return c.json({ items: items.filter(readable) });
  });
  app.get('/schools/:id/aps', async (c) => {
    const { id } = readParams(c, idParams);
    await guard.readSchool(c, id);
    return c.json({ items: await listSchoolAps({ db, input: { schoolId: id } }) });
  });
  app.get('/aps/:id', async (c) => {
    const input = readParams(c, idParams);
    await guard.readAp(c, input.id);
    return c.json(await getAp({ db, input }));
  });
  app.put('/aps/:id/assignment', async (c) => {
    const { id } = readParams(c, idParams);
    guard.signedIn(c);
    const input = { ...(await readJson(c, s.assignApInput)), apId: id };
    await guard.manageAp(c, id, input.schoolId);
    return c.json(await assignAp({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/aps/:id/assignment', async (c) => {
    const { id } = readParams(c, idParams);
    await guard.manageAp(c, id);
    return c.json(await clearApAssignment({ db, clock, actor: actorOf(c), input: { apId: id } }));
  });
  return app;
}
