import { Hono } from 'hono';
import type { Secret } from '@xiaowang/shared';
import { actorOf } from '../../audit/audit.ts';
import type { FeatureDeps } from '../../context.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import type { AppEnv } from '../../http/env.ts';
import { readJson, readJsonValue, readParams, readQuery } from '../../http/validate.ts';
import { applyTargetPreset } from './apply-target-preset.ts';
import { createTarget } from './create-target.ts';
import { deleteTarget } from './delete-target.ts';
import { getTargetHistory } from './get-target-history.ts';
import { listCountyTargets } from './list-county-targets.ts';
import { listTargetPresets } from './list-target-presets.ts';
import { replaceTargetSteps } from './replace-target-steps.ts';
import * as s from './schema.ts';

export interface TargetsDeps extends FeatureDeps {
  readonly adminToken: Secret;
}

/** Target schedules under /api/v1; county administration, so the admin token for now. */
export function targetsRoutes({ db, clock, adminToken }: TargetsDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin(adminToken);

  app.get('/target-presets', admin, (c) => c.json(listTargetPresets()));
  app.post('/counties/:id/targets/apply-preset', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    const { preset } = await readJson(c, s.applyPresetInput);
    const input = { countyId: id, preset };
    return c.json(await applyTargetPreset({ db, clock, actor: actorOf(c), input }));
  });
  app.get('/counties/:id/targets', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    const { date } = readQuery(c, s.countyTargetsQuery);
    return c.json(await listCountyTargets({ db, clock, input: { countyId: id, date } }));
  });
  app.post('/counties/:id/targets', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    const input = { ...(await readJson(c, s.createTargetInput)), countyId: id };
    return c.json(await createTarget({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.put('/targets/:id/steps', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    const input = { id, body: await readJsonValue(c) };
    return c.json(await replaceTargetSteps({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/targets/:id', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    return c.json(await deleteTarget({ db, clock, actor: actorOf(c), input: { id } }));
  });
  app.get('/targets/:id/history', admin, async (c) =>
    c.json(await getTargetHistory({ db, input: readParams(c, s.idParams) })),
  );
  return app;
}
