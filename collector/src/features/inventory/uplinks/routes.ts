import { Hono } from 'hono';
import type { AppEnv } from '../../../http/env.ts';
import { readJson, readParams } from '../../../http/validate.ts';
import { actorOf } from '../../../audit/audit.ts';
import { accessGuards } from '../../scope/guards.ts';
import { idParams } from '../common-schema.ts';
import type { InventoryDeps } from '../deps.ts';
import { clearUplinks } from './clear-uplinks.ts';
import { designateUplinks } from './designate-uplinks.ts';
import { getMetroPattern } from './get-metro-pattern.ts';
import { getSchoolUplinks } from './get-school-uplinks.ts';
import * as s from './schema.ts';
import { setMetroPattern } from './set-metro-pattern.ts';

/**
 * Uplink designation, by the county's administrator or the school's technician, and the
 * metro pattern inference uses (county administration).
 */
export function uplinkRoutes({ db, clock }: InventoryDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);

  app.get('/schools/:id/uplinks', async (c) => {
    const { id } = readParams(c, idParams);
    await guard.readSchool(c, id);
    return c.json(await getSchoolUplinks({ db, input: { schoolId: id } }));
  });
  app.put('/schools/:id/uplinks', async (c) => {
    const { id } = readParams(c, idParams);
    await guard.manageSchool(c, id);
    const input = { schoolId: id, uplinks: await readJson(c, s.designateUplinksInput) };
    return c.json(await designateUplinks({ db, clock, actor: actorOf(c), input }));
  });
  app.delete('/schools/:id/uplinks', async (c) => {
    const { id } = readParams(c, idParams);
    await guard.manageSchool(c, id);
    return c.json(await clearUplinks({ db, clock, actor: actorOf(c), input: { schoolId: id } }));
  });

  app.get('/counties/:id/metro-pattern', async (c) => {
    const { id } = readParams(c, idParams);
    guard.readCounty(c, id);
    return c.json(await getMetroPattern({ db, input: { countyId: id } }));
  });
  app.put('/counties/:id/metro-pattern', async (c) => {
    const { id } = readParams(c, idParams);
    guard.adminCounty(c, id);
    const { pattern } = await readJson(c, s.metroPatternInput);
    const input = { countyId: id, pattern };
    return c.json(await setMetroPattern({ db, clock, actor: actorOf(c), input }));
  });
  return app;
}
