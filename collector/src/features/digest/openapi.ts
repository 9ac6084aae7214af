import { listOf } from '../inventory/common-schema.ts';
import type { RouteDoc } from '../openapi/registry.ts';
import * as s from './schema.ts';

const V1 = '/api/v1/counties/{id}/digest';
const base = { tag: 'digest', auth: 'admin', params: s.idParams } as const;

/** One entry per route in routes.ts. */
export const digestDocs: readonly RouteDoc[] = [
  {
    ...base,
    method: 'get',
    path: `${V1}/recipients`,
    summary: 'Who receives the county’s nightly compliance email, county-wide and per town',
    response: { status: 200, schema: listOf(s.recipientOutput) },
  },
  {
    ...base,
    method: 'post',
    path: `${V1}/recipients`,
    summary:
      'Add a recipient of the county’s mail, or of one town’s, in zh-CN or en (audit-logged); it gets the days due from now on',
    body: s.addRecipientInput,
    response: { status: 201, schema: s.recipientOutput },
  },
  {
    ...base,
    method: 'delete',
    path: `${V1}/recipients/{recipientId}`,
    summary: 'Remove a recipient and its mails not yet sent (audit-logged); returns it as it was',
    params: s.recipientParams,
    response: { status: 200, schema: s.recipientOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/settings`,
    summary: 'When the county’s mail goes out (default 07:00 local) and whether it is on',
    response: { status: 200, schema: s.settingsOutput },
  },
  {
    ...base,
    method: 'put',
    path: `${V1}/settings`,
    summary:
      'Replace the send time and on/off; omitted fields take their defaults (audit-logged). Switching on does not send the days it was off',
    body: s.settingsInput,
    response: { status: 200, schema: s.settingsOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/status`,
    summary:
      'The mail as the dashboard shows it: mail configured or not, last sent, last failure and why, next attempt',
    response: { status: 200, schema: s.statusOutput },
  },
  {
    ...base,
    method: 'get',
    path: `${V1}/preview`,
    summary:
      'The mail of a day (default yesterday) as a recipient would get it: subject, text and HTML; reads only',
    query: s.previewQuery,
    response: { status: 200, schema: s.previewOutput },
  },
];
