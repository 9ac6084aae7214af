import type { Selectable } from 'kysely';
import type { AgentsTable, Db } from '../../db/schema.ts';
import { runKeyed } from '../../db/statement-cache.ts';
import type { SchoolRefRow } from './queries-codes.ts';

/* Agents and the schools each may report for. */

export type AgentRow = Selectable<AgentsTable>;

export function insertAgent(
  db: Db,
  v: {
    countyId: number;
    name: string;
    tokenHash: string;
    tokenHint: string;
    hostname: string | null;
    now: string;
  },
): Promise<AgentRow> {
  return db
    .insertInto('agents')
    .values({
      county_id: v.countyId,
      name: v.name,
      token_hash: v.tokenHash,
      token_hint: v.tokenHint,
      hostname: v.hostname,
      created_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAgentSchools(
  db: Db,
  agentId: number,
  schoolIds: readonly number[],
): Promise<void> {
  await db
    .insertInto('agent_schools')
    .values(schoolIds.map((school_id) => ({ agent_id: agentId, school_id })))
    .execute();
}

export function selectAgents(db: Db, f: { id?: number; countyId?: number }): Promise<AgentRow[]> {
  let query = db.selectFrom('agents').selectAll();
  if (f.id !== undefined) query = query.where('id', '=', f.id);
  if (f.countyId !== undefined) query = query.where('county_id', '=', f.countyId);
  return query.orderBy('id').execute();
}

/**
 * A county's agents not revoked whose last report is older than `before` (an ISO instant,
 * compared as text as all stored instants are `toISOString()`), or that never reported.
 * Read on every county page on PostgreSQL, so compiled once; agents_county (migration 0013)
 * keeps it to the county's own agents.
 */
export async function selectStaleAgents(
  db: Db,
  countyId: number,
  before: string,
): Promise<AgentRow[]> {
  const { rows } = await runKeyed(db, 'select-stale-agents', { countyId, before }, (p) =>
    db
      .selectFrom('agents')
      .selectAll()
      .where('county_id', '=', p.countyId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('last_report_at', 'is', null), eb('last_report_at', '<', p.before)]))
      .orderBy('id'),
  );
  return rows;
}

/**
 * The oldest last report, at or after `before`, of a county's agents not revoked: the agent
 * that turns stale next as time passes, if no report comes. Null when there is none.
 */
export async function selectOldestFreshReport(
  db: Db,
  countyId: number,
  before: string,
): Promise<string | null> {
  const { rows } = await runKeyed(db, 'select-oldest-fresh-report', { countyId, before }, (p) =>
    db
      .selectFrom('agents')
      .select((eb) => eb.fn.min('last_report_at').as('at'))
      .where('county_id', '=', p.countyId)
      .where('revoked_at', 'is', null)
      .where('last_report_at', '>=', p.before),
  );
  return rows[0]?.at ?? null;
}

export async function selectAgentSchools(
  db: Db,
  agentIds: readonly number[],
): Promise<(SchoolRefRow & { agent_id: number })[]> {
  if (agentIds.length === 0) return [];
  return db
    .selectFrom('agent_schools as a')
    .innerJoin('schools as s', 's.id', 'a.school_id')
    .select(['a.agent_id', 's.id', 's.county_id', 's.code', 's.name'])
    .where('a.agent_id', 'in', agentIds)
    .orderBy('s.code')
    .execute();
}

/**
 * The agent with its county's settings and its schools, one row per school, in one query.
 * Every request runs it (a revocation takes effect at once, whichever process revoked), so
 * it is compiled once and only bound anew.
 */
export async function findAgentByTokenHash(db: Db, tokenHash: string) {
  const { rows } = await runKeyed(db, 'find-agent-by-token-hash', { tokenHash }, (p) =>
    db
      .selectFrom('agents as a')
      .innerJoin('counties as c', 'c.id', 'a.county_id')
      .leftJoin('agent_schools as x', 'x.agent_id', 'a.id')
      .leftJoin('schools as s', 's.id', 'x.school_id')
      .select([
        'a.id',
        'a.county_id',
        'a.name',
        'a.revoked_at',
        'c.timezone',
        'c.metro_name_pattern',
        's.id as school_id',
        's.code as school_code',
      ])
      .where('a.token_hash', '=', p.tokenHash),
  );
  return rows;
}

/** Sets revoked_at once; revoking again keeps the first time. Returns whether it changed. */
export async function revokeAgentRow(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('agents')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
