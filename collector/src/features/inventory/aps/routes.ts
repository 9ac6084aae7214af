import { Hono } from 'hono';
import { requireAdmin } from '../../../http/admin-auth.ts';
import type { AppEnv } from '../../../http/env.ts';
import { readJson, readParams, readQuery } from '../../../http/validate.ts';
import { actorOf } from '../../../audit/audit.ts';
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

/** APs, their attribution rules, assignments and room conventions; admin token for now. */
export function apRoutes({ db, clock, adminToken }: InventoryDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin(adminToken);
  const rule = (c: Parameters<typeof readParams>[0]) => {
    const { id, ruleId } = readParams(c, s.ruleParams);
    return { countyId: id, ruleId };
  };

  app.get('/counties/:id/ap-rules', admin, async (c) => {
    const { id } = readParams(c, idParams);
    return c.json({ items: await listApRules({ db, input: { countyId: id } }) });
  });
  app.post('/counties/:id/ap-rules', admin, async (c) => {
    const { id } = readParams(c, idParams);
    const body = await readJson(c, s.createApRuleInput);
    const input = { ...body, countyId: id };
    return c.json(await createApRule({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.get('/counties/:id/ap-rules/:ruleId', admin, async (c) =>
    c.json(await getApRule({ db, input: rule(c) })),
  );
  app.patch('/counties/:id/ap-rules/:ruleId', admin, async (c) => {
    const input = { ...rule(c), patch: await readJson(c, s.updateApRuleInput) };
    return c.json(await updateApRule({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/counties/:id/ap-rules/:ruleId', admin, async (c) =>
    c.json(await deleteApRule({ db, clock, actor: actorOf(c), input: rule(c) })),
  );

  app.get('/counties/:id/ap-room-convention', admin, async (c) => {
    const { id } = readParams(c, idParams);
    return c.json(await getRoomConvention({ db, input: { countyId: id } }));
  });
  app.put('/counties/:id/ap-room-convention', admin, async (c) => {
    const { id } = readParams(c, idParams);
    const { pattern } = await readJson(c, s.roomConventionInput);
    const input = { countyId: id, pattern };
    return c.json(await setRoomConvention({ db, clock, actor: actorOf(c), input }));
  });

  app.get('/counties/:id/aps', admin, async (c) => {
    const { id } = readParams(c, idParams);
    const { attributed } = readQuery(c, s.countyApsQuery);
    const input = {
      countyId: id,
      attributed: attributed === undefined ? undefined : attributed === 'true',
    };
    return c.json({ items: await listCountyAps({ db, input }) });
  });
  app.get('/schools/:id/aps', admin, async (c) => {
    const { id } = readParams(c, idParams);
    return c.json({ items: await listSchoolAps({ db, input: { schoolId: id } }) });
  });
  app.get('/aps/:id', admin, async (c) =>
    c.json(await getAp({ db, input: readParams(c, idParams) })),
  );
  app.put('/aps/:id/assignment', admin, async (c) => {
    const { id } = readParams(c, idParams);
    const input = { ...(await readJson(c, s.assignApInput)), apId: id };
    return c.json(await assignAp({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/aps/:id/assignment', admin, async (c) => {
    const { id } = readParams(c, idParams);
    return c.json(await clearApAssignment({ db, clock, actor: actorOf(c), input: { apId: id } }));
  });
  return app;
}
