import type { RouteDoc } from '../openapi/registry.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';
const admin = { tag: 'agents', auth: 'admin' } as const;

/** One entry per route in routes.ts, with the schemas its handler parses. */
export const agentsDocs: readonly RouteDoc[] = [
  {
    ...admin,
    method: 'post',
    path: `${V1}/counties/{id}/enrollment-codes`,
    summary: 'Issue a one-time enrollment code for an agent of the given schools (shown once)',
    params: s.idParams,
    body: s.createEnrollmentCodeInput,
    response: { status: 201, schema: s.createdEnrollmentCodeOutput },
  },
  {
    ...admin,
    method: 'get',
    path: `${V1}/counties/{id}/enrollment-codes`,
    summary: "List a county's enrollment codes with their status (never the codes)",
    params: s.idParams,
    response: { status: 200, schema: s.listOf(s.enrollmentCodeOutput) },
  },
  {
    tag: 'agents',
    auth: 'none',
    method: 'post',
    path: `${V1}/enroll`,
    summary:
      'Exchange an enrollment code for an agent token (shown once); rate-limited per address',
    body: s.enrollInput,
    response: { status: 201, schema: s.enrollOutput },
  },
  {
    tag: 'agents',
    auth: 'agent',
    method: 'get',
    path: `${V1}/agents/me`,
    summary: "The calling agent's own record (its token checked), as the agent's doctor uses it",
    response: { status: 200, schema: s.agentOutput },
  },
  {
    ...admin,
    method: 'get',
    path: `${V1}/agents`,
    summary: 'List agents with their schools and last report',
    query: s.listAgentsQuery,
    response: { status: 200, schema: s.listOf(s.agentOutput) },
  },
  {
    ...admin,
    method: 'get',
    path: `${V1}/agents/{id}`,
    summary: 'Get an agent',
    params: s.idParams,
    response: { status: 200, schema: s.agentOutput },
  },
  {
    ...admin,
    method: 'post',
    path: `${V1}/agents/{id}/revoke`,
    summary: "Revoke an agent's token; it gets 401 from then on",
    params: s.idParams,
    response: { status: 200, schema: s.agentOutput },
  },
];
