import type { Report } from '@xiaowang/shared';
import type { WriteContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { conflict } from '../../errors.ts';
import type { AuthenticatedAgent } from '../agents/authenticate-agent.ts';
import { compileMetroPattern } from '../uplinks/infer-uplinks.ts';
import { deviceKey, selectAgentDevices } from './queries-devices.ts';
import { findReport, insertReport, recordAgentReport } from './queries-report.ts';
import { resolveDeviceSchools } from './resolve-schools.ts';
import type { IngestResult } from './schema.ts';
import type { StoredCounts } from './store-device-result.ts';
import { storeDeviceResult } from './store-device-result.ts';
import { storeGaps } from './store-gaps.ts';

export interface IngestInput {
  readonly agent: AuthenticatedAgent;
  readonly report: Report;
}

/**
 * Stores one report in one transaction, or nothing. The schools are checked first (403).
 * The report row goes in first with ON CONFLICT DO NOTHING, so a resent report id, even
 * one racing its twin, is acknowledged as a duplicate and stored once.
 */
export async function ingestReport({
  db,
  clock,
  input,
}: WriteContext<IngestInput>): Promise<IngestResult> {
  const { agent, report } = input;
  const schoolIds = resolveDeviceSchools(agent, report.devices);
  return inTransaction(db, async (tx) => {
    const receivedAt = clock().toISOString();
    const ok = report.devices.filter((d) => d.outcome === 'ok').length;
    const devices = { ok, error: report.devices.length - ok };
    const reportRowId = await insertReport(tx, {
      reportUuid: report.reportId,
      agentId: agent.id,
      receivedAt,
      pollStartedAt: new Date(report.pollStartedAt).toISOString(),
      pollFinishedAt: new Date(report.pollFinishedAt).toISOString(),
      schemaVersion: report.schemaVersion,
      devicesOk: devices.ok,
      devicesError: devices.error,
      hostProbes: report.host === null ? null : JSON.stringify(report.host),
    });
    if (reportRowId === undefined) return acknowledgeDuplicate(tx, input);

    const ctx = {
      agentId: agent.id,
      countyId: agent.countyId,
      timezone: agent.county.timezone,
      metroPattern: metroPatternOf(agent.county.metroNamePattern),
      reportRowId,
    };
    const known = await selectAgentDevices(tx, agent.id);
    const stored: StoredCounts = { interfaces: 0, samples: 0, aps: 0 };
    for (const [i, result] of report.devices.entries()) {
      const counts = await storeDeviceResult(tx, ctx, {
        schoolId: schoolIds[i] ?? null,
        known: known.get(deviceKey(result.target.address, result.target.port)),
        result,
      });
      stored.interfaces += counts.interfaces;
      stored.samples += counts.samples;
      stored.aps += counts.aps;
    }
    await storeGaps(tx, { agentId: agent.id, reportRowId, gaps: report.spoolGaps ?? [] });
    await recordAgentReport(tx, {
      agentId: agent.id,
      at: receivedAt,
      reportUuid: report.reportId,
      version: report.agent.version,
      hostname: report.agent.hostname,
    });
    return { accepted: true, reportId: report.reportId, duplicate: false, devices, stored };
  });
}

async function acknowledgeDuplicate(db: Db, input: IngestInput): Promise<IngestResult> {
  const row = await findReport(db, input.report.reportId);
  if (row === undefined) throw new Error('report id conflicted but no report has it');
  if (row.agent_id !== input.agent.id) {
    throw conflict('reportId', 'ingest.report.idTaken', { reportId: input.report.reportId });
  }
  return {
    accepted: true,
    reportId: input.report.reportId,
    duplicate: true,
    devices: { ok: row.devices_ok, error: row.devices_error },
    stored: { interfaces: 0, samples: 0, aps: 0 },
  };
}

/** A pattern that does not compile falls back to the default rather than failing ingest. */
function metroPatternOf(pattern: string | null): RegExp | null {
  try {
    return compileMetroPattern(pattern);
  } catch {
    return null;
  }
}
