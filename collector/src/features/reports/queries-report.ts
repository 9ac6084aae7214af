import type { Db } from '../../db/schema.ts';
import { runKeyed } from './bulk.ts';

/* The report row itself and the agent's last-report fields. */

export function findReport(db: Db, reportUuid: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'agent_id', 'devices_ok', 'devices_error'])
    .where('report_uuid', '=', reportUuid)
    .executeTakeFirst();
}

/** Inserts the report row; undefined when its id is already stored (a resend). */
export async function insertReport(
  db: Db,
  v: {
    reportUuid: string;
    agentId: number;
    receivedAt: string;
    pollStartedAt: string;
    pollFinishedAt: string;
    schemaVersion: number;
    devicesOk: number;
    devicesError: number;
    hostProbes: string | null;
  },
): Promise<number | undefined> {
  const result = await runKeyed(db, 'insert-report', v, (p) =>
    db
      .insertInto('reports')
      .values({
        report_uuid: p.reportUuid,
        agent_id: p.agentId,
        received_at: p.receivedAt,
        poll_started_at: p.pollStartedAt,
        poll_finished_at: p.pollFinishedAt,
        schema_version: p.schemaVersion,
        devices_ok: p.devicesOk,
        devices_error: p.devicesError,
        host_probes: p.hostProbes,
      })
      .onConflict((oc) => oc.column('report_uuid').doNothing())
      .returning('id'),
  );
  return result.rows[0]?.id;
}

export async function recordAgentReport(
  db: Db,
  v: { agentId: number; at: string; reportUuid: string; version: string; hostname: string },
): Promise<void> {
  await runKeyed(db, 'record-agent-report', v, (p) =>
    db
      .updateTable('agents')
      .set({
        last_report_at: p.at,
        last_report_uuid: p.reportUuid,
        agent_version: p.version,
        hostname: p.hostname,
      })
      .where('id', '=', p.agentId),
  );
}
