import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { REPORT_SCHEMA_VERSION, reportSchema } from '@xiaowang/shared';
import type { DeviceResult, HostProbes, Report, SpoolGapReport } from '@xiaowang/shared';

export const AGENT_VERSION = '0.1.0';

export interface BuildReportInput {
  readonly devices: readonly DeviceResult[];
  readonly pollStartedAt: Date;
  readonly pollFinishedAt: Date;
  readonly host?: HostProbes | null;
  readonly spoolGaps?: readonly SpoolGapReport[];
  readonly reportId?: string;
  readonly agentHostname?: string;
}

/**
 * Wraps one cycle's results into a report and parses it against the shared contract, so an
 * agent never sends what the collector would refuse.
 */
export function buildReport(input: BuildReportInput): Report {
  return reportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    reportId: input.reportId ?? randomUUID(),
    agent: { version: AGENT_VERSION, hostname: input.agentHostname ?? hostname() },
    pollStartedAt: input.pollStartedAt.toISOString(),
    pollFinishedAt: input.pollFinishedAt.toISOString(),
    devices: input.devices,
    host: input.host ?? null,
    ...(input.spoolGaps === undefined || input.spoolGaps.length === 0
      ? {}
      : { spoolGaps: input.spoolGaps }),
  });
}
