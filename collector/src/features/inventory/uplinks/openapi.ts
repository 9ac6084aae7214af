import type { RouteDoc } from '../../openapi/registry.ts';
import { idParams } from '../common-schema.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';
const base = { tag: 'inventory', auth: 'admin', params: idParams } as const;

/** One entry per route in uplinks/routes.ts. */
export const uplinkDocs: readonly RouteDoc[] = [
  {
    ...base,
    method: 'get',
    path: `${V1}/schools/{id}/uplinks`,
    summary:
      'Effective uplinks: the designated ports, else the inferred ones, with how and evidence',
    response: { status: 200, schema: s.schoolUplinksOutput },
  },
  {
    ...base,
    method: 'put',
    path: `${V1}/schools/{id}/uplinks`,
    summary: "Replace the school's designated uplink ports (audit-logged)",
    body: s.designateUplinksInput,
    response: { status: 200, schema: s.schoolUplinksOutput },
  },
  {
    ...base,
    method: 'delete',
    path: `${V1}/schools/{id}/uplinks`,
    summary: 'Clear the designations, so uplinks are inferred again (audit-logged)',
    response: { status: 200, schema: s.schoolUplinksOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/counties/{id}/metro-pattern`,
    summary: 'The pattern that marks metro devices among LLDP neighbours',
    response: { status: 200, schema: s.metroPatternOutput },
  },
  {
    ...base,
    method: 'put',
    path: `${V1}/counties/{id}/metro-pattern`,
    summary: 'Set or clear (null) the metro name pattern (audit-logged)',
    body: s.metroPatternInput,
    response: { status: 200, schema: s.metroPatternOutput },
  },
];
