import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { reportSchema } from '@xiaowang/shared';
import type { Report } from '@xiaowang/shared';
import { sql } from 'kysely';
import { listTables } from '../db/introspect.ts';
import type { Db } from '../db/schema.ts';
import type { Enrollment } from '../features/agents/schema.ts';
import type { County, School, Town } from '../features/places/schema.ts';
import { placeFactory, uniqueName } from './factories.ts';
import type { TestApp } from './test-app.ts';

const GOLDEN = new URL('../../../test/fixtures/reports/v1-school.json', import.meta.url);

/** The golden school report with a fresh reportId, so each use is a new report. */
export function goldenReport(): Report {
  const report = reportSchema.parse(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  return { ...report, reportId: randomUUID() };
}

export interface EnrolledAgent {
  readonly agentId: number;
  readonly token: string;
  readonly county: County;
  readonly town: Town;
  readonly schools: readonly School[];
}

/**
 * A county with `schools` schools and an agent enrolled for all of them, through the same
 * API an administrator and an agent use.
 */
export async function enrollTestAgent(
  api: TestApp,
  o: { schools?: number; county?: County } = {},
): Promise<EnrolledAgent> {
  const places = placeFactory(api.db.kysely, api.clock);
  const county = o.county ?? (await places.county());
  const town = await places.town(county.id);
  const schools: School[] = [];
  for (let i = 0; i < (o.schools ?? 1); i++) schools.push(await places.school(town.id));
  const issued = await api.request<{ code: string }>(
    'POST',
    `/api/v1/counties/${county.id}/enrollment-codes`,
    { json: { label: uniqueName('采集端'), schoolIds: schools.map((s) => s.id) } },
  );
  if (issued.status !== 201) throw new Error(`issuing a code failed: ${JSON.stringify(issued)}`);
  const enrolled = await api.request<Enrollment>('POST', '/api/v1/enroll', {
    token: null,
    json: { code: issued.body.code, hostname: 'gateway-1' },
  });
  if (enrolled.status !== 201) throw new Error(`enrolling failed: ${JSON.stringify(enrolled)}`);
  return { agentId: enrolled.body.agentId, token: enrolled.body.token, county, town, schools };
}

/** Rows in every table, to show that a refused request wrote nothing anywhere. */
export async function countAllRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
