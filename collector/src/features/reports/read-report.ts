import type { Context } from 'hono';
import { REPORT_SCHEMA_VERSION, compileAccepts, reportSchema } from '@xiaowang/shared';
import type { Report } from '@xiaowang/shared';
import type { ErrorDetail } from '../../errors.ts';
import { validationError } from '../../errors.ts';
import { parseInput, readJsonValue } from '../../http/validate.ts';

const acceptsReport = compileAccepts(reportSchema);

/**
 * Reads a report body: JSON, then a version check with its own message (a whole report of
 * field errors would hide that the agent is simply too old or too new), then the contract.
 */
export async function readReport(c: Context): Promise<Report> {
  const body = await readJsonValue(c);
  assertSupportedVersion(body);
  // A good report is proved as it is, without zod's copy of it; zod names what a bad one got wrong.
  const report = acceptsReport(body) ? body : parseInput(reportSchema, body);
  assertDistinctTargets(report);
  return report;
}

function assertSupportedVersion(body: unknown): void {
  if (typeof body !== 'object' || body === null || !('schemaVersion' in body)) return;
  const got = body.schemaVersion;
  if (got === REPORT_SCHEMA_VERSION) return;
  throw validationError([
    {
      path: 'schemaVersion',
      key: 'ingest.report.unsupportedVersion',
      params: { got: String(JSON.stringify(got)).slice(0, 32), supported: REPORT_SCHEMA_VERSION },
    },
  ]);
}

/** A device is stored by address and port, so one report must not name it twice. */
function assertDistinctTargets(report: Report): void {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  report.devices.forEach(({ target }, i) => {
    const key = `${target.address}\u0000${target.port}`;
    if (!seen.has(key)) {
      seen.add(key);
      return;
    }
    details.push({
      path: `devices.${i}.target`,
      key: 'ingest.report.duplicateTarget',
      params: { address: target.address, port: target.port },
    });
  });
  if (details.length > 0) throw validationError(details);
}
