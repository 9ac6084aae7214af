import type { Db } from '../../db/schema.ts';

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
  const row = await db
    .insertInto('reports')
    .values({
      report_uuid: v.reportUuid,
      agent_id: v.agentId,
      received_at: v.receivedAt,
      poll_started_at: v.pollStartedAt,
      poll_finished_at: v.pollFinishedAt,
      schema_version: v.schemaVersion,
      devices_ok: v.devicesOk,
      devices_error: v.devicesError,
      host_probes: v.hostProbes,
    })
    .onConflict((oc) => oc.column('report_uuid').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function recordAgentReport(
  db: Db,
  v: { agentId: number; at: string; reportUuid: string; version: string; hostname: string },
): Promise<void> {
  await db
    .updateTable('agents')
    .set({
      last_report_at: v.at,
      last_report_uuid: v.reportUuid,
      agent_version: v.version,
      hostname: v.hostname,
    })
    .where('id', '=', v.agentId)
    .execute();
}
