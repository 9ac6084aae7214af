import type { RouteDoc } from '../openapi/registry.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';
const base = { tag: 'targets', auth: 'admin' } as const;
const item = { ...base, params: s.idParams } as const;

/** One entry per route in targets/routes.ts. */
export const targetsDocs: readonly RouteDoc[] = [
  {
    ...base,
    method: 'get',
    path: `${V1}/target-presets`,
    summary: 'The targets of the plans, each with its source sentence, ready to apply',
    response: { status: 200, schema: s.presetsOutput },
  },
  {
    ...item,
    method: 'post',
    path: `${V1}/counties/{id}/targets/apply-preset`,
    summary: 'Give the county the targets of a preset (a plan key or one target key; audit-logged)',
    body: s.applyPresetInput,
    response: { status: 200, schema: s.applyPresetOutput },
  },
  {
    ...item,
    method: 'get',
    path: `${V1}/counties/{id}/targets`,
    summary:
      "The county's targets with their steps and the step in force on a date (default today)",
    query: s.countyTargetsQuery,
    response: { status: 200, schema: s.countyTargetsOutput },
  },
  {
    ...item,
    method: 'post',
    path: `${V1}/counties/{id}/targets`,
    summary:
      'Add a target by hand: indicator, plan document, source sentence, steps (audit-logged)',
    body: s.createTargetInput,
    response: { status: 201, schema: s.targetOutput },
  },
  {
    ...item,
    method: 'put',
    path: `${V1}/targets/{id}/steps`,
    summary:
      'Replace the schedule: unique dates; fractions 0..1, Mbit/s > 0, IPv6 level 0..5 (audit-logged)',
    body: s.replaceStepsInput,
    response: { status: 200, schema: s.targetOutput },
  },
  {
    ...item,
    method: 'delete',
    path: `${V1}/targets/{id}`,
    summary: 'Delete a target and return it (audit-logged; its history stays)',
    response: { status: 200, schema: s.targetOutput },
  },
  {
    ...item,
    method: 'get',
    path: `${V1}/targets/{id}/history`,
    summary: 'Every change of a target: who, when, before and after',
    response: { status: 200, schema: s.historyOutput },
  },
];
