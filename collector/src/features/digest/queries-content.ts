import type { Db } from '../../db/schema.ts';

/* What a mail reads beyond the compliance read verbs: both days' school rows, stale agents. */

/** Every school figure of the given days, with the school's and town's names. */
export function selectSchoolDays(
  db: Db,
  v: { countyId: number; days: readonly string[]; townId?: number | undefined },
) {
  let q = db
    .selectFrom('school_daily_results as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .innerJoin('towns as t', 't.id', 'r.town_id')
    .select([
      'r.day',
      'r.school_id',
      'r.indicator',
      'r.status',
      'r.value',
      'r.numerator',
      'r.denominator',
      'r.threshold',
      'r.unknown_reason',
      'r.failing_since',
      's.name as school',
      's.code',
      't.name as town',
    ])
    .where('r.county_id', '=', v.countyId)
    .where('r.day', 'in', v.days);
  if (v.townId !== undefined) q = q.where('r.town_id', '=', v.townId);
  return q.execute();
}

export type SchoolDayRow = Awaited<ReturnType<typeof selectSchoolDays>>[number];

/** Agents not revoked whose last report is older than `before`, or who never reported. */
export async function selectStaleAgents(
  db: Db,
  v: { countyId: number; before: string; townId?: number | undefined },
) {
  let q = db
    .selectFrom('agents as a')
    .select(['a.id', 'a.name', 'a.hostname', 'a.last_report_at'])
    .where('a.county_id', '=', v.countyId)
    .where('a.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('a.last_report_at', 'is', null), eb('a.last_report_at', '<', v.before)]),
    );
  const { townId } = v;
  if (townId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agent_schools as x')
          .innerJoin('schools as s', 's.id', 'x.school_id')
          .select('x.school_id')
          .whereRef('x.agent_id', '=', 'a.id')
          .where('s.town_id', '=', townId),
      ),
    );
  }
  return q.orderBy('a.last_report_at').orderBy('a.name').execute();
}

/** The schools each agent speaks for, by name. */
export const selectAgentSchoolNames = (db: Db, agentIds: readonly number[]) =>
  agentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('agent_schools as x')
        .innerJoin('schools as s', 's.id', 'x.school_id')
        .select(['x.agent_id', 's.name', 's.town_id'])
        .where('x.agent_id', 'in', agentIds)
        .orderBy('s.code')
        .execute();

/** When the county's figures of a day were last computed, or null. */
export async function latestComputedAt(db: Db, countyId: number, day: string) {
  const row = await db
    .selectFrom('rollup_daily_results')
    .select((eb) => eb.fn.max('computed_at').as('at'))
    .where('county_id', '=', countyId)
    .where('scope', '=', 'county')
    .where('day', '=', day)
    .executeTakeFirst();
  return row?.at ?? null;
}
