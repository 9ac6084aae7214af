import path from 'node:path';
import Database from 'better-sqlite3';

export interface StoredReports {
  /** report_uuid of every stored report, one entry per row. */
  readonly uuids: string[];
  /** How many uplink samples each stored report has: all equal for identical reports. */
  readonly samplesPerReport: number[];
  readonly integrity: string;
}

/** Reads what the collector stored, read-only, after it has stopped (or beside it: WAL). */
export function readStored(dataDir: string): StoredReports {
  const db = new Database(path.join(dataDir, 'collector.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const uuids = db.prepare('select report_uuid from reports').pluck().all() as string[];
    const samplesPerReport = db
      .prepare(
        'select count(s.id) from reports r left join interface_samples s on s.report_id = r.id group by r.id',
      )
      .pluck()
      .all() as number[];
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    return { uuids, samplesPerReport, integrity };
  } finally {
    db.close();
  }
}

/** Acknowledged reports missing, reports stored twice, and reports nobody made. */
export function compareLedger(
  ledger: ReadonlyMap<string, { acked: boolean }>,
  stored: StoredReports,
): { lostAcked: string[]; lostUnacked: string[]; duplicated: number; unknown: number } {
  const set = new Set(stored.uuids);
  const lostAcked: string[] = [];
  const lostUnacked: string[] = [];
  for (const [id, { acked }] of ledger) {
    if (set.has(id)) continue;
    (acked ? lostAcked : lostUnacked).push(id);
  }
  return {
    lostAcked,
    lostUnacked,
    duplicated: stored.uuids.length - set.size,
    unknown: [...set].filter((id) => !ledger.has(id)).length,
  };
}
