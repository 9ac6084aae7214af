import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import type { Db } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AuthenticatedAgent } from './authenticate-agent.ts';
import { authenticateAgent } from './authenticate-agent.ts';

/** The environment of routes an agent calls: the authenticated agent is on the context. */
export interface AgentEnv {
  Variables: RequestIdVariables & { agent: AuthenticatedAgent };
}

/** Agents' bearer tokens; kept apart from the admin token, which never works here. */
export function requireAgent(db: Db): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined)
      throw new AppError('UNAUTHENTICATED', 'ingest.agentToken.missing');
    c.set('agent', await authenticateAgent({ db, input: { token: match[1] } }));
    await next();
  };
}
