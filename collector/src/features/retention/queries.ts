import type { Db } from '../../db/schema.ts';

/**
 * Deletes up to `limit` samples taken before `before`. Walking by id finds the old rows
 * first (samples are inserted roughly in time order), so a batch stops early without an
 * index on sampled_at alone.
 */
export async function deleteSamplesBefore(db: Db, before: string, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('interface_samples')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('interface_samples')
        .select('id')
        .where('sampled_at', '<', before)
        .orderBy('id')
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The report `offset` places after `after` in id order: where the next batch of the walk
 * ends. Undefined when fewer reports than that are left.
 */
export function selectReportAfter(db: Db, after: number, offset: number) {
  return db
    .selectFrom('reports')
    .select(['id', 'received_at'])
    .where('id', '>', after)
    .orderBy('id')
    .limit(1)
    .offset(offset)
    .executeTakeFirst();
}

/**
 * Deletes the reports with ids in (after, until] (no upper bound when `until` is undefined)
 * received before `before` that nothing refers to: no sample, gap, device history row or
 * device's last report (the four foreign keys to reports), nor an agent's latest report,
 * which compliance shows as when the agent was last heard from. Each check is one lookup in
 * an index of migration 0011 or a primary key.
 */
export async function deleteUnreferencedReports(
  db: Db,
  v: { after: number; until: number | undefined; before: string },
): Promise<number> {
  let query = db
    .deleteFrom('reports')
    .where('reports.id', '>', v.after)
    .where('reports.received_at', '<', v.before);
  if (v.until !== undefined) query = query.where('reports.id', '<=', v.until);
  const result = await query
    .where((eb) =>
      eb.and(
        [
          eb
            .selectFrom('interface_samples as s')
            .select('s.report_id')
            .whereRef('s.report_id', '=', 'reports.id'),
          eb
            .selectFrom('report_gaps as g')
            .select('g.report_id')
            .whereRef('g.report_id', '=', 'reports.id'),
          eb
            .selectFrom('device_history as h')
            .select('h.report_id')
            .whereRef('h.report_id', '=', 'reports.id'),
          eb
            .selectFrom('devices as d')
            .select('d.last_report_id')
            .whereRef('d.last_report_id', '=', 'reports.id'),
          eb
            .selectFrom('agents as a')
            .select('a.id')
            .whereRef('a.id', '=', 'reports.agent_id')
            .whereRef('a.last_report_uuid', '=', 'reports.report_uuid'),
        ].map((referrer) => eb.not(eb.exists(referrer))),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Up to `limit` interface ids after `after`, in order: the next chunk of the daily walk. */
export async function selectInterfaceIdsAfter(
  db: Db,
  after: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('interfaces')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Up to `limit` AP ids after `after`, in order. */
export async function selectApIdsAfter(db: Db, after: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('aps')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Deletes the daily rows of these interfaces before `day`: one seek per interface in the
 * (interface_id, day) primary key, reading only the rows that go.
 */
export async function deleteInterfaceDailyBefore(
  db: Db,
  interfaceIds: readonly number[],
  day: string,
): Promise<number> {
  if (interfaceIds.length === 0) return 0;
  const result = await db
    .deleteFrom('interface_daily')
    .where('interface_id', 'in', interfaceIds)
    .where('day', '<', day)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the daily rows of these APs before `day`, through the (ap_id, day) primary key. */
export async function deleteApDailyBefore(
  db: Db,
  apIds: readonly number[],
  day: string,
): Promise<number> {
  if (apIds.length === 0) return 0;
  const result = await db
    .deleteFrom('ap_daily')
    .where('ap_id', 'in', apIds)
    .where('day', '<', day)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
