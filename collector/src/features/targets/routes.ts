import { Hono } from 'hono';
import { actorOf } from '../../audit/audit.ts';
import type { FeatureDeps } from '../../context.ts';
import type { AppEnv } from '../../http/env.ts';
import { readJson, readJsonValue, readParams, readQuery } from '../../http/validate.ts';
import { accessGuards } from '../scope/guards.ts';
import { applyTargetPreset } from './apply-target-preset.ts';
import { createTarget } from './create-target.ts';
import { deleteTarget } from './delete-target.ts';
import { getTargetHistory } from './get-target-history.ts';
import { listCountyTargets } from './list-county-targets.ts';
import { listTargetPresets } from './list-target-presets.ts';
import { replaceTargetSteps } from './replace-target-steps.ts';
import * as s from './schema.ts';

export type TargetsDeps = FeatureDeps;

/** Target schedules under /api/v1: the county's administrator sets them, its readers read them. */
export function targetsRoutes({ db, clock }: TargetsDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);

  app.get('/target-presets', (c) => {
    guard.signedIn(c);
    return c.json(listTargetPresets());
  });
  app.post('/counties/:id/targets/apply-preset', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const { preset } = await readJson(c, s.applyPresetInput);
    const input = { countyId: id, preset };
    return c.json(await applyTargetPreset({ db, clock, actor: actorOf(c), input }));
  });
  app.get('/counties/:id/targets', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.readCounty(c, id);
    const { date } = readQuery(c, s.countyTargetsQuery);
    return c.json(await listCountyTargets({ db, clock, input: { countyId: id, date } }));
  });
  app.post('/counties/:id/targets', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const input = { ...(await readJson(c, s.createTargetInput)), countyId: id };
    return c.json(await createTarget({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.put('/targets/:id/steps', async (c) => {
    const { id } = readParams(c, s.idParams);
    await guard.adminTarget(c, id);
    const input = { id, body: await readJsonValue(c) };
    return c.json(await replaceTargetSteps({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/targets/:id', async (c) => {
    const { id } = readParams(c, s.idParams);
    await guard.adminTarget(c, id);
    return c.json(await deleteTarget({ db, clock, actor: actorOf(c), input: { id } }));
  });
  app.get('/targets/:id/history', async (c) => {
    const input = readParams(c, s.idParams);
    await guard.readTarget(c, input.id);
    return c.json(await getTargetHistory({ db, input }));
  });
  return app;
}
