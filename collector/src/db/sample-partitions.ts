import { sql } from 'kysely';
import { dialectOf } from './dialect.ts';
import type { Db } from './schema.ts';

/*
 * The monthly partitions of interface_samples on PostgreSQL (migration 0010): made a few
 * months ahead, and dropped whole once every sample in them is past retention. On SQLite,
 * or a table that is not partitioned, every function here does nothing.
 */

const PARENT = 'interface_samples';
const LOCK = 7_305_194_403;
const MONTH = /^interface_samples_(\d{4})_(\d{2})$/;

export async function samplesArePartitioned(db: Db): Promise<boolean> {
  if (dialectOf(db) !== 'postgres') return false;
  const { rows } = await sql<{ kind: string | null }>`
    select (select relkind from pg_class where oid = to_regclass(${PARENT}))::text as kind`.execute(
    db,
  );
  return rows[0]?.kind === 'p';
}

/** `YYYY-MM` of a date, in UTC like the stored timestamps. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/**
 * Makes sure the partitions from last month to `ahead` months after `now` exist, returning
 * the ones created. Rows that went to the default partition meanwhile (a collector that ran
 * for months without this job) are moved into the new one, so it can always be attached.
 */
export async function ensureSamplePartitions(db: Db, now: Date, ahead = 2): Promise<string[]> {
  const current = monthOf(now);
  const wanted = Array.from({ length: ahead + 2 }, (_, i) => addMonths(current, i - 1));
  return ensureSampleMonths(db, wanted);
}

/** Makes sure a partition exists for each `YYYY-MM` given (history being loaded, a bench). */
export async function ensureSampleMonths(db: Db, wanted: readonly string[]): Promise<string[]> {
  if (!(await samplesArePartitioned(db))) return [];
  const existing = new Set((await listSamplePartitions(db)).map((p) => p.month));
  const created: string[] = [];
  for (const month of wanted.filter((m) => !existing.has(m))) {
    if (await createMonth(db, month)) created.push(month);
  }
  return created;
}

async function createMonth(db: Db, month: string): Promise<boolean> {
  const table = partitionName(month);
  const [from, to] = [month, addMonths(month, 1)];
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK})`.execute(tx);
    const { rows } = await sql<{ found: boolean }>`
      select to_regclass(${table}) is not null as found`.execute(tx);
    if (rows[0]?.found === true) return false; // another collector made it meanwhile
    await sql`create table ${sql.table(table)} (like ${sql.table(PARENT)})`.execute(tx);
    await sql`with moved as (
        delete from interface_samples_default
        where sampled_at >= ${from} and sampled_at < ${to} returning *)
      insert into ${sql.table(table)} select * from moved`.execute(tx);
    await sql`alter table ${sql.table(PARENT)} attach partition ${sql.table(table)}
      for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(tx);
    return true;
  });
}

export interface SamplePartition {
  readonly table: string;
  /** `YYYY-MM`: the partition holds samples taken in this month (UTC). */
  readonly month: string;
  /** PostgreSQL's estimate of its rows (kept by autovacuum and ANALYZE). */
  readonly rowsEstimate: number;
}

export async function listSamplePartitions(db: Db): Promise<SamplePartition[]> {
  const { rows } = await sql<{ table: string; estimate: number }>`
    select c.relname as table, greatest(c.reltuples, 0)::bigint as estimate
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = to_regclass(${PARENT})
    order by c.relname`.execute(db);
  return rows.flatMap((r) => {
    const match = MONTH.exec(r.table);
    if (match === null) return [];
    return [{ table: r.table, month: `${match[1]}-${match[2]}`, rowsEstimate: r.estimate }];
  });
}

/**
 * Drops the partitions whose every sample was taken before `before`; undefined when the
 * samples are not partitioned (delete rows instead). A month is kept until all of it has
 * passed, so PostgreSQL keeps up to a month more than the retention asks.
 */
export async function dropSamplePartitionsBefore(
  db: Db,
  before: string,
): Promise<{ partitions: string[]; rowsEstimate: number } | undefined> {
  if (!(await samplesArePartitioned(db))) return undefined;
  const expired = (await listSamplePartitions(db)).filter((p) => addMonths(p.month, 1) <= before);
  for (const p of expired) await sql`drop table if exists ${sql.table(p.table)}`.execute(db);
  return {
    partitions: expired.map((p) => p.table),
    rowsEstimate: expired.reduce((n, p) => n + p.rowsEstimate, 0),
  };
}

function partitionName(month: string): string {
  return `${PARENT}_${month.replace('-', '_')}`;
}

/**
 * Deletes up to `limit` samples taken before `before` from the default partition, where
 * only samples with timestamps outside every month partition land; the month partitions
 * are dropped whole instead of scanned row by row.
 */
export async function deleteDefaultPartitionSamplesBefore(
  db: Db,
  before: string,
  limit: number,
): Promise<number> {
  const result = await sql`
    delete from interface_samples_default where ctid in (
      select ctid from interface_samples_default where sampled_at < ${before} limit ${limit})`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}
