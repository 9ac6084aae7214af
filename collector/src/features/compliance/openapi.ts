import type { RouteDoc } from '../openapi/registry.ts';
import { evidenceOutput } from './read/evidence-schema.ts';
import * as r from './read/schema.ts';
import { settingsInput, settingsOutput } from './settings/schema.ts';

const V1 = '/api/v1';
const base = { tag: 'compliance', auth: 'admin', params: r.idParams } as const;

/** One entry per route in routes.ts. */
export const complianceDocs: readonly RouteDoc[] = [
  {
    ...base,
    method: 'get',
    path: `${V1}/counties/{id}/compliance-settings`,
    summary: 'The county’s compliance settings (the defaults until someone sets them)',
    response: { status: 200, schema: settingsOutput },
  },
  {
    ...base,
    method: 'put',
    path: `${V1}/counties/{id}/compliance-settings`,
    summary: 'Replace the compliance settings; omitted fields take their defaults (audit-logged)',
    body: settingsInput,
    response: { status: 200, schema: settingsOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/counties/{id}/compliance`,
    summary:
      'A county’s day: targets in force with their source, county and town figures with the change since the day before, schools not meeting a target or unknown',
    query: r.countyQuery,
    response: { status: 200, schema: r.countyComplianceOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/towns/{id}/compliance`,
    summary: 'A town’s figures per indicator and every school’s results for a day',
    query: r.dateQuery,
    response: { status: 200, schema: r.townComplianceOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/schools/{id}/compliance`,
    summary: 'A school’s figures per indicator (value, numerator, denominator, status) and trend',
    query: r.schoolQuery,
    response: { status: 200, schema: r.schoolComplianceOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/schools/{id}/evidence`,
    summary:
      'The reports, devices, ports, APs, rooms and OIDs behind one figure, recomputed beside the stored one',
    query: r.evidenceQuery,
    response: { status: 200, schema: evidenceOutput },
  },
];
