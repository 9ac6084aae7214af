import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { rateLimit, TokenBuckets } from '../../http/rate-limit.ts';
import type { AgentEnv } from '../agents/agent-auth.ts';
import { requireAgent } from '../agents/agent-auth.ts';
import { ingestReport } from './ingest-report.ts';
import { readReport } from './read-report.ts';

export interface ReportsDeps extends FeatureDeps {
  readonly reportRatePerMinute: number;
  readonly reportBurst: number;
}

/** Reports can be large, so the app gives this route the report body limit. */
export const REPORTS_BODY_ROUTES: readonly RegExp[] = [/^\/api\/v1\/reports$/];

/** Agents post reports with their own token; each agent has its own rate bucket. */
export function reportsRoutes(deps: ReportsDeps): Hono<AgentEnv> {
  const { db, clock } = deps;
  const app = new Hono<AgentEnv>();
  const buckets = new TokenBuckets({
    ratePerMinute: deps.reportRatePerMinute,
    burst: deps.reportBurst,
    clock,
  });
  const limit = rateLimit<AgentEnv>(
    buckets,
    (c) => String(c.get('agent').id),
    'ingest.report.tooFrequent',
  );

  app.post('/reports', requireAgent(db), limit, async (c) => {
    const report = await readReport(c);
    return c.json(await ingestReport({ db, clock, input: { agent: c.get('agent'), report } }));
  });
  return app;
}
