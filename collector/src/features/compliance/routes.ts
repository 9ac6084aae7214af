import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { actorOf } from '../../audit/audit.ts';
import type { AppEnv } from '../../http/env.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import { accessGuards } from '../scope/guards.ts';
import { getCountyCompliance } from './read/get-county-compliance.ts';
import { getSchoolCompliance } from './read/get-school-compliance.ts';
import { getSchoolEvidence } from './read/get-school-evidence.ts';
import { getTownCompliance } from './read/get-town-compliance.ts';
import * as r from './read/schema.ts';
import { getComplianceSettings } from './settings/get-settings.ts';
import { settingsInput } from './settings/schema.ts';
import { updateComplianceSettings } from './settings/update-settings.ts';

export type ComplianceDeps = FeatureDeps;

/**
 * Compliance settings (county administration) and figures under /api/v1: county and town
 * figures for the county's readers, a school's for whoever may read the school.
 */
export function complianceRoutes({ db, clock }: ComplianceDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);

  app.get('/counties/:id/compliance-settings', async (c) => {
    const { id } = readParams(c, r.idParams);
    guard.readCounty(c, id);
    return c.json(await getComplianceSettings({ db, input: { countyId: id } }));
  });
  app.put('/counties/:id/compliance-settings', async (c) => {
    const { id } = readParams(c, r.idParams);
    guard.adminCounty(c, id);
    const input = { countyId: id, settings: await readJson(c, settingsInput) };
    return c.json(await updateComplianceSettings({ db, clock, actor: actorOf(c), input }));
  });

  app.get('/counties/:id/compliance', async (c) => {
    const { id } = readParams(c, r.idParams);
    guard.readCounty(c, id);
    const query = readQuery(c, r.countyQuery);
    return c.json(await getCountyCompliance({ db, clock, input: { countyId: id, ...query } }));
  });
  app.get('/towns/:id/compliance', async (c) => {
    const { id } = readParams(c, r.idParams);
    await guard.readTown(c, id);
    const query = readQuery(c, r.dateQuery);
    return c.json(await getTownCompliance({ db, clock, input: { townId: id, ...query } }));
  });
  app.get('/schools/:id/compliance', async (c) => {
    const { id } = readParams(c, r.idParams);
    await guard.readSchool(c, id);
    const query = readQuery(c, r.schoolQuery);
    return c.json(await getSchoolCompliance({ db, clock, input: { schoolId: id, ...query } }));
  });
  app.get('/schools/:id/evidence', async (c) => {
    const { id } = readParams(c, r.idParams);
    await guard.readSchool(c, id);
    const query = readQuery(c, r.evidenceQuery);
    return c.json(await getSchoolEvidence({ db, clock, input: { schoolId: id, ...query } }));
  });
  return app;
}
