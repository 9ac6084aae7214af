import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { actorOf } from '../../audit/audit.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import type { AppEnv } from '../../http/env.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import type { Secret } from '@xiaowang/shared';
import { getCountyCompliance } from './read/get-county-compliance.ts';
import { getSchoolCompliance } from './read/get-school-compliance.ts';
import { getSchoolEvidence } from './read/get-school-evidence.ts';
import { getTownCompliance } from './read/get-town-compliance.ts';
import * as r from './read/schema.ts';
import { getComplianceSettings } from './settings/get-settings.ts';
import { settingsInput } from './settings/schema.ts';
import { updateComplianceSettings } from './settings/update-settings.ts';

export interface ComplianceDeps extends FeatureDeps {
  readonly adminToken: Secret;
}

/** Compliance settings and figures under /api/v1; county administration, so the admin token. */
export function complianceRoutes({ db, clock, adminToken }: ComplianceDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin(adminToken);

  app.get('/counties/:id/compliance-settings', admin, async (c) => {
    const { id } = readParams(c, r.idParams);
    return c.json(await getComplianceSettings({ db, input: { countyId: id } }));
  });
  app.put('/counties/:id/compliance-settings', admin, async (c) => {
    const { id } = readParams(c, r.idParams);
    const input = { countyId: id, settings: await readJson(c, settingsInput) };
    return c.json(await updateComplianceSettings({ db, clock, actor: actorOf(c), input }));
  });

  app.get('/counties/:id/compliance', admin, async (c) => {
    const { id } = readParams(c, r.idParams);
    const query = readQuery(c, r.countyQuery);
    return c.json(await getCountyCompliance({ db, clock, input: { countyId: id, ...query } }));
  });
  app.get('/towns/:id/compliance', admin, async (c) => {
    const { id } = readParams(c, r.idParams);
    const query = readQuery(c, r.dateQuery);
    return c.json(await getTownCompliance({ db, clock, input: { townId: id, ...query } }));
  });
  app.get('/schools/:id/compliance', admin, async (c) => {
    const { id } = readParams(c, r.idParams);
    const query = readQuery(c, r.schoolQuery);
    return c.json(await getSchoolCompliance({ db, clock, input: { schoolId: id, ...query } }));
  });
  app.get('/schools/:id/evidence', admin, async (c) => {
    const { id } = readParams(c, r.idParams);
    const query = readQuery(c, r.evidenceQuery);
    return c.json(await getSchoolEvidence({ db, clock, input: { schoolId: id, ...query } }));
  });
  return app;
}
