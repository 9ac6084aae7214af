import type { RouteDoc } from '../../openapi/registry.ts';
import { idParams, listOf } from '../common-schema.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';
const base = { tag: 'inventory', auth: 'admin', params: idParams } as const;
const rules = `${V1}/counties/{id}/ap-rules`;
const rule = { ...base, path: `${rules}/{ruleId}`, params: s.ruleParams } as const;
const convention = `${V1}/counties/{id}/ap-room-convention`;
const assignment = `${V1}/aps/{id}/assignment`;

/** One entry per route in aps/routes.ts. */
export const apDocs: readonly RouteDoc[] = [
  {
    ...base,
    method: 'get',
    path: rules,
    summary: "The county's AP attribution rules",
    response: { status: 200, schema: listOf(s.apRuleOutput) },
  },
  {
    ...base,
    method: 'post',
    path: rules,
    summary: 'Add an attribution rule: MAC, then AP group, then longest name prefix (audit-logged)',
    body: s.createApRuleInput,
    response: { status: 201, schema: s.apRuleOutput },
  },
  {
    ...rule,
    method: 'get',
    summary: 'An attribution rule',
    response: { status: 200, schema: s.apRuleOutput },
  },
  {
    ...rule,
    method: 'patch',
    summary: 'Change an attribution rule (audit-logged)',
    body: s.updateApRuleInput,
    response: { status: 200, schema: s.apRuleOutput },
  },
  {
    ...rule,
    method: 'delete',
    summary: 'Delete an attribution rule and return it (audit-logged)',
    response: { status: 200, schema: s.apRuleOutput },
  },
  {
    ...base,
    method: 'get',
    path: convention,
    summary: 'How AP names encode rooms in this county',
    response: { status: 200, schema: s.roomConventionOutput },
  },
  {
    ...base,
    method: 'put',
    path: convention,
    summary: 'Set or clear (null) the room naming convention (audit-logged)',
    body: s.roomConventionInput,
    response: { status: 200, schema: s.roomConventionOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/counties/{id}/aps`,
    summary: "The county's APs with school, room and how each was found",
    query: s.countyApsQuery,
    response: { status: 200, schema: listOf(s.apOutput) },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/schools/{id}/aps`,
    summary: 'The APs attributed to a school, wherever they are reported from',
    response: { status: 200, schema: listOf(s.apOutput) },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/aps/{id}`,
    summary: 'An AP with its attribution',
    response: { status: 200, schema: s.apOutput },
  },
  {
    ...base,
    method: 'put',
    path: assignment,
    summary: "Set an AP's school and/or room by hand; beats every rule (audit-logged)",
    body: s.assignApInput,
    response: { status: 200, schema: s.apOutput },
  },
  {
    ...base,
    method: 'delete',
    path: assignment,
    summary: 'Remove the hand-set school and room (audit-logged)',
    response: { status: 200, schema: s.apOutput },
  },
];
