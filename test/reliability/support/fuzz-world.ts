import type { Report } from '@xiaowang/shared';
import type { EnrolledAgent } from '../../../collector/src/testing/agent-factory.ts';
import { enrollTestAgent, goldenReport } from '../../../collector/src/testing/agent-factory.ts';
import type { TestApp } from '../../../collector/src/testing/test-app.ts';
import { createTestApp, TEST_ADMIN_TOKEN } from '../../../collector/src/testing/test-app.ts';
import type { Session } from '../../../collector/src/testing/user-factory.ts';
import { signIn, userFactory } from '../../../collector/src/testing/user-factory.ts';

/*
 * Two counties, each with an agent that has reported, users of every role, targets,
 * recipients and AP rules, and the credentials a fuzzer needs: good ones, ones for the
 * other county, an expired session, a signed-out one and a revoked agent token.
 */

export interface Principal {
  readonly name: string;
  readonly headers: Record<string, string>;
  /** Allowed to change county A (so a valid request would really change things). */
  readonly privileged: boolean;
}

export interface FuzzWorld {
  readonly api: TestApp;
  readonly a: EnrolledAgent;
  readonly b: EnrolledAgent;
  readonly revokedAgentToken: string;
  /** Ids of county A's and county B's resources, by kind (county, town, school, device, …). */
  readonly ids: Record<'A' | 'B', Record<string, number[]>>;
  readonly principals: readonly Principal[];
  /** A report county A's agent already sent: replaying its id from B must be refused. */
  readonly sentByA: Report;
}

async function ok<T>(api: TestApp, method: string, path: string, json?: unknown): Promise<T> {
  const res = await api.request<T>(method, path, json === undefined ? {} : { json });
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function countyIds(api: TestApp, agent: EnrolledAgent): Promise<Record<string, number[]>> {
  const county = agent.county.id;
  const devices = await ok<unknown>(api, 'GET', `/api/v1/counties/${county}/devices`);
  const aps = await ok<unknown>(api, 'GET', `/api/v1/counties/${county}/aps`);
  const targets = await ok<unknown>(api, 'GET', `/api/v1/counties/${county}/targets`);
  const recipients = await ok<unknown>(api, 'GET', `/api/v1/counties/${county}/digest/recipients`);
  const rules = await ok<unknown>(api, 'GET', `/api/v1/counties/${county}/ap-rules`);
  const users = await ok<unknown>(api, 'GET', `/api/v1/counties/${county}/users`);
  const rooms = await ok<unknown>(
    api,
    'GET',
    `/api/v1/rooms?schoolId=${agent.schools[0]?.id ?? 0}`,
  );
  // Lists come bare or wrapped ({ targets: […] }); take the first array either way.
  const list = (xs: unknown): number[] => {
    const arr = Array.isArray(xs)
      ? xs
      : (Object.values(xs as Record<string, unknown>).find(Array.isArray) ?? []);
    return (arr as { id?: unknown }[]).flatMap((x) => (typeof x.id === 'number' ? [x.id] : []));
  };
  return {
    county: [county],
    town: [agent.town.id],
    school: agent.schools.map((s) => s.id),
    room: list(rooms),
    device: list(devices),
    ap: list(aps),
    target: list(targets),
    recipient: list(recipients),
    rule: list(rules),
    user: list(users),
    agent: [agent.agentId],
  };
}

async function furnish(api: TestApp, agent: EnrolledAgent): Promise<Report> {
  const county = agent.county.id;
  const report = goldenReport();
  const sent = await api.request('POST', '/api/v1/reports', { token: agent.token, json: report });
  if (sent.status !== 200) throw new Error(`report: ${sent.status}`);
  await ok(api, 'POST', '/api/v1/rooms', { schoolId: agent.schools[0]?.id, name: '一年级一班' });
  await ok(api, 'POST', `/api/v1/counties/${county}/targets/apply-preset`, { preset: 'chengkou' });
  await ok(api, 'POST', `/api/v1/counties/${county}/digest/recipients`, {
    email: `head-${county}@bureau.example`,
  });
  await ok(api, 'POST', `/api/v1/counties/${county}/ap-rules`, {
    kind: 'prefix',
    pattern: `SCH${county}-`,
    schoolId: agent.schools[0]?.id,
  });
  return report;
}

export const FUZZ_PASSWORD = 'fuzz-password-0123';

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const api = await createTestApp({
    config: { loginRatePerMinute: 1_000_000, enrollRatePerMinute: 600 },
  });
  const a = await enrollTestAgent(api, { schools: 2 });
  const b = await enrollTestAgent(api, { schools: 1 });
  const sentByA = await furnish(api, a);
  await furnish(api, b);
  const revoked = await enrollTestAgent(api, { county: a.county });
  await ok(api, 'POST', `/api/v1/agents/${revoked.agentId}/revoke`);

  const users = userFactory(api.db.kysely, api.clock);
  const mk = (
    role: 'county_admin' | 'county_viewer' | 'technician',
    county: number,
    name: string,
    schoolIds: number[] = [],
  ) => users(role, county, { username: name, password: FUZZ_PASSWORD, schoolIds });
  await mk('county_admin', a.county.id, 'fuzz-expired');
  await mk('county_admin', a.county.id, 'fuzz-signedout');
  // A session that then sits idle past 12 hours: expired.
  const expired = await signIn(api, 'fuzz-expired', FUZZ_PASSWORD);
  api.clock.advance(13 * 3_600_000);
  await mk('county_admin', a.county.id, 'fuzz-admin-a');
  await mk('technician', a.county.id, 'fuzz-tech-a', [a.schools[0]?.id ?? 0]);
  await mk('county_viewer', b.county.id, 'fuzz-viewer-b');
  const adminA = await signIn(api, 'fuzz-admin-a', FUZZ_PASSWORD);
  const techA = await signIn(api, 'fuzz-tech-a', FUZZ_PASSWORD);
  const viewerB = await signIn(api, 'fuzz-viewer-b', FUZZ_PASSWORD);
  const out = await signIn(api, 'fuzz-signedout', FUZZ_PASSWORD);
  await api.request('DELETE', '/api/v1/session', { token: null, headers: out.headers });

  const cookieOnly = (s: Session) => ({ cookie: s.cookie });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const principals: Principal[] = [
    { name: 'nobody', headers: {}, privileged: false },
    { name: 'admin-token', headers: bearer(TEST_ADMIN_TOKEN), privileged: true },
    { name: 'admin-A', headers: adminA.headers, privileged: true },
    { name: 'admin-A-without-csrf', headers: cookieOnly(adminA), privileged: false },
    { name: 'technician-A', headers: techA.headers, privileged: false },
    { name: 'viewer-B', headers: viewerB.headers, privileged: false },
    { name: 'expired-session', headers: expired.headers, privileged: false },
    { name: 'signed-out-session', headers: out.headers, privileged: false },
    { name: 'agent-A-token', headers: bearer(a.token), privileged: false },
    { name: 'revoked-agent-token', headers: bearer(revoked.token), privileged: false },
    { name: 'forged-token', headers: bearer(`xw_${'A'.repeat(43)}`), privileged: false },
    {
      name: 'forged-cookie',
      headers: { cookie: `xw_session=${'b'.repeat(43)}` },
      privileged: false,
    },
  ];
  return {
    api,
    a,
    b,
    revokedAgentToken: revoked.token,
    ids: { A: await countyIds(api, a), B: await countyIds(api, b) },
    principals,
    sentByA,
  };
}
