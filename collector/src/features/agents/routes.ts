import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import type { AppEnv } from '../../http/env.ts';
import { clientAddress, rateLimit, TokenBuckets } from '../../http/rate-limit.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import { actorOf } from '../../audit/audit.ts';
import type { Secret } from '@xiaowang/shared';
import { requireAgent } from './agent-auth.ts';
import { createEnrollmentCode } from './create-enrollment-code.ts';
import { enrollAgent } from './enroll-agent.ts';
import { getAgent } from './get-agent.ts';
import { listAgents } from './list-agents.ts';
import { listEnrollmentCodes } from './list-enrollment-codes.ts';
import { revokeAgent } from './revoke-agent.ts';
import * as s from './schema.ts';

export interface AgentsDeps extends FeatureDeps {
  readonly adminToken: Secret;
  /** Enrollment attempts per minute and client address; guesses at codes stay slow. */
  readonly enrollRatePerMinute: number;
}

/** Enrollment codes and agents are county administration; only `/enroll` takes no admin token. */
export function agentsRoutes({
  db,
  clock,
  adminToken,
  enrollRatePerMinute,
}: AgentsDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin(adminToken);
  const buckets = new TokenBuckets({
    ratePerMinute: enrollRatePerMinute,
    burst: enrollRatePerMinute,
    clock,
  });
  const enrollLimit = rateLimit<AppEnv>(buckets, clientAddress, 'ingest.enroll.tooManyAttempts');

  app.post('/counties/:id/enrollment-codes', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    const body = await readJson(c, s.createEnrollmentCodeInput);
    const input = { ...body, countyId: id };
    return c.json(await createEnrollmentCode({ db, clock, actor: actorOf(c), input }), 201);
  });
  app.get('/counties/:id/enrollment-codes', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    return c.json({ items: await listEnrollmentCodes({ db, clock, input: { countyId: id } }) });
  });
  app.post('/enroll', enrollLimit, async (c) =>
    c.json(await enrollAgent({ db, clock, input: await readJson(c, s.enrollInput) }), 201),
  );

  // Before /agents/:id, so "me" is never read as an id. The doctor checks its token here.
  app.get('/agents/me', requireAgent(db), async (c) =>
    c.json(await getAgent({ db, input: { id: c.get('agent').id } })),
  );
  app.get('/agents', admin, async (c) =>
    c.json({ items: await listAgents({ db, input: readQuery(c, s.listAgentsQuery) }) }),
  );
  app.get('/agents/:id', admin, async (c) =>
    c.json(await getAgent({ db, input: readParams(c, s.idParams) })),
  );
  app.post('/agents/:id/revoke', admin, async (c) =>
    c.json(await revokeAgent({ db, clock, actor: actorOf(c), input: readParams(c, s.idParams) })),
  );
  return app;
}
