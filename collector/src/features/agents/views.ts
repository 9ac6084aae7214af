import type { Db } from '../../db/schema.ts';
import type { EnrollmentCodeRow, SchoolRefRow } from './queries-codes.ts';
import { selectCodeSchools } from './queries-codes.ts';
import type { AgentRow } from './queries.ts';
import { selectAgentSchools } from './queries.ts';
import type { Agent, EnrollmentCode, SchoolRef } from './schema.ts';

/* Rows to API objects, with each one's schools loaded in one query for the whole list. */

const toSchoolRef = (s: SchoolRefRow): SchoolRef => ({ id: s.id, code: s.code, name: s.name });

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list === undefined) groups.set(key(row), [row]);
    else list.push(row);
  }
  return groups;
}

export async function agentViews(db: Db, rows: readonly AgentRow[]): Promise<Agent[]> {
  const schools = groupBy(
    await selectAgentSchools(
      db,
      rows.map((r) => r.id),
    ),
    (s) => s.agent_id,
  );
  return rows.map((r) => ({
    id: r.id,
    countyId: r.county_id,
    name: r.name,
    schools: (schools.get(r.id) ?? []).map(toSchoolRef),
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastReportAt: r.last_report_at,
    agentVersion: r.agent_version,
    hostname: r.hostname,
    tokenHint: r.token_hint,
  }));
}

export async function enrollmentCodeViews(
  db: Db,
  rows: readonly EnrollmentCodeRow[],
  now: string,
): Promise<EnrollmentCode[]> {
  const schools = groupBy(
    await selectCodeSchools(
      db,
      rows.map((r) => r.id),
    ),
    (s) => s.code_id,
  );
  return rows.map((r) => ({
    id: r.id,
    countyId: r.county_id,
    label: r.label,
    schools: (schools.get(r.id) ?? []).map(toSchoolRef),
    status: r.used_at !== null ? 'used' : r.expires_at <= now ? 'expired' : 'unused',
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    agentId: r.agent_id,
  }));
}
