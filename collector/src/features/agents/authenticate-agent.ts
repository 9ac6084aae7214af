import type { ReadContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { findAgentByTokenHash } from './queries.ts';
import { hashAgentToken, TOKEN_PREFIX } from './secrets.ts';

/** Who is calling, as the ingest needs it: the agent, its county and the schools it serves. */
export interface AuthenticatedAgent {
  readonly id: number;
  readonly countyId: number;
  readonly name: string;
  readonly schools: readonly { readonly id: number; readonly code: string }[];
  /** Read with the agent so that ingest needs no second look-up. */
  readonly county: { readonly timezone: string; readonly metroNamePattern: string | null };
}

/** Looks a bearer token up by its hash; unknown and revoked tokens are 401s with what to do. */
export async function authenticateAgent({
  db,
  input,
}: ReadContext<{ token: string }>): Promise<AuthenticatedAgent> {
  if (!input.token.startsWith(TOKEN_PREFIX)) {
    throw new AppError('UNAUTHENTICATED', 'ingest.agentToken.wrong');
  }
  const rows = await findAgentByTokenHash(db, hashAgentToken(input.token));
  const agent = rows[0];
  if (agent === undefined) throw new AppError('UNAUTHENTICATED', 'ingest.agentToken.wrong');
  if (agent.revoked_at !== null) {
    throw new AppError('UNAUTHENTICATED', 'ingest.agentToken.revoked', {
      params: { revokedAt: agent.revoked_at },
    });
  }
  return {
    id: agent.id,
    countyId: agent.county_id,
    name: agent.name,
    schools: rows.flatMap((r) =>
      r.school_id === null || r.school_code === null
        ? []
        : [{ id: r.school_id, code: r.school_code }],
    ),
    county: { timezone: agent.timezone, metroNamePattern: agent.metro_name_pattern },
  };
}
