import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { canReadCounty, listCountyId } from '../../http/access.ts';
import type { AppEnv } from '../../http/env.ts';
import { clientAddress, rateLimit, TokenBuckets } from '../../http/rate-limit.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import { actorOf } from '../../audit/audit.ts';
import { accessGuards } from '../scope/guards.ts';
import { requireAgent } from './agent-auth.ts';
import { createEnrollmentCode } from './create-enrollment-code.ts';
import { enrollAgent } from './enroll-agent.ts';
import { getAgent } from './get-agent.ts';
import { listAgents } from './list-agents.ts';
import { listEnrollmentCodes } from './list-enrollment-codes.ts';
import { revokeAgent } from './revoke-agent.ts';
import * as s from './schema.ts';

export interface AgentsDeps extends FeatureDeps {
  /** Enrollment attempts per minute and client address; guesses at codes stay slow. */
  readonly enrollRatePerMinute: number;
}

/**
 * Enrollment codes and agents are county administration: its administrator issues codes and
 * revokes agents, its readers list them. `/enroll` takes no token, `/agents/me` the agent's.
 */
export function agentsRoutes({ db, clock, enrollRatePerMinute }: AgentsDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);
  const buckets = new TokenBuckets({
    ratePerMinute: enrollRatePerMinute,
    burst: enrollRatePerMinute,
    clock,
  });
  const enrollLimit = rateLimit<AppEnv>(buckets, clientAddress, 'ingest.enroll.tooManyAttempts');

  app.post('/counties/:id/enrollment-codes', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const body = await readJson(c, s.createEnrollmentCodeInput);
    const input = { ...body, countyId: id };
    return c.json(await createEnrollmentCode({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.get('/counties/:id/enrollment-codes', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.readCounty(c, id);
    return c.json({ items: await listEnrollmentCodes({ db, clock, input: { countyId: id } }) });
  });
  app.post('/enroll', enrollLimit, async (c) =>
    c.json(await enrollAgent({ db, clock, input: await readJson(c, s.enrollInput) }), 201),
  );

  // Before /agents/:id, so "me" is never read as an id. The doctor checks its token here.
  app.get('/agents/me', requireAgent(db), async (c) =>
    c.json(await getAgent({ db, input: { id: c.get('agent').id } })),
  );
  app.get('/agents', async (c) => {
    const p = guard.signedIn(c);
    const query = readQuery(c, s.listAgentsQuery);
    const countyId = listCountyId(p, query.countyId);
    if (countyId === null) return c.json({ items: [] });
    const items = await listAgents({ db, input: { ...query, countyId } });
    return c.json({ items: items.filter((agent) => canReadCounty(p, agent.countyId)) });
  });
  app.get('/agents/:id', async (c) => {
    const input = readParams(c, s.idParams);
    await guard.readAgent(c, input.id);
    return c.json(await getAgent({ db, input }));
  });
  app.post('/agents/:id/revoke', async (c) => {
    const input = readParams(c, s.idParams);
    await guard.adminAgent(c, input.id);
    return c.json(await revokeAgent({ db, clock, actor: actorOf(c), input }));
  });
  return app;
}
