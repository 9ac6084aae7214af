import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { MAX_REPORT_DEVICES, REPORT_SCHEMA_VERSION, reportSchema } from '@xiaowang/shared';
import type { DeviceResult, HostProbes, Report, SpoolGapReport } from '@xiaowang/shared';
import type { DeviceOutline } from './device-outline.ts';

export const AGENT_VERSION = '0.1.0';

interface EnvelopeInput {
  readonly pollStartedAt: Date;
  readonly pollFinishedAt: Date;
  readonly host?: HostProbes | null;
  readonly spoolGaps?: readonly SpoolGapReport[];
  readonly reportId?: string;
  readonly agentHostname?: string;
}

export interface BuildReportInput extends EnvelopeInput {
  readonly devices: readonly DeviceResult[];
}

/** Everything of a report but its devices, checked against the contract. */
function envelope(input: EnvelopeInput): Report {
  return reportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    reportId: input.reportId ?? randomUUID(),
    agent: { version: AGENT_VERSION, hostname: input.agentHostname ?? hostname() },
    pollStartedAt: input.pollStartedAt.toISOString(),
    pollFinishedAt: input.pollFinishedAt.toISOString(),
    devices: [],
    host: input.host ?? null,
    ...(input.spoolGaps === undefined || input.spoolGaps.length === 0
      ? {}
      : { spoolGaps: input.spoolGaps }),
  });
}

/**
 * Wraps one cycle's results into a report and parses it against the shared contract, so an
 * agent never sends what the collector would refuse.
 */
export function buildReport(input: BuildReportInput): Report {
  return reportSchema.parse({ ...envelope(input), devices: input.devices });
}

/** One device of a cycle, already checked against the contract and serialised. */
export interface PackedDevice {
  /** `JSON.stringify` of a DeviceResult that `deviceResultSchema` accepted, as UTF-8. */
  readonly json: Uint8Array;
  readonly outline: DeviceOutline;
}

/** A cycle's report as the agent keeps it: its JSON text and what the loop reads of it. */
export interface PackedReport {
  readonly reportId: string;
  readonly pollFinishedAt: string;
  readonly spoolGapIds: readonly string[];
  readonly devices: readonly DeviceOutline[];
  /** The report document as UTF-8 in pieces (one per device), spooled and sent as they are. */
  readonly body: readonly Uint8Array[];
}

export interface PackReportInput extends EnvelopeInput {
  readonly devices: readonly PackedDevice[];
}

const COMMA = Buffer.from(',');

/**
 * The report as UTF-8 bytes, built from devices serialised as each finished: a county's
 * report holds 800,000 values, which as objects take several times its 10 MB, and as
 * JavaScript strings twice that once one AP name is not Latin-1. Each device was checked
 * against `deviceResultSchema` when it was serialised and the rest is checked here, so the
 * document is one `reportSchema` accepts; the contract's objects are strict and have no
 * transforms, so parsing it whole again would return the same document.
 */
export function packReport(input: PackReportInput): PackedReport {
  // The config's bounds (MAX_CONFIGURED_DEVICES plus MAX_DISCOVERED_DEVICES) keep a cycle
  // below this, and the config check names the fix; reaching it here is a bug of ours.
  if (input.devices.length > MAX_REPORT_DEVICES) {
    throw new RangeError(
      `a report carries at most ${MAX_REPORT_DEVICES} devices; this cycle polled ${input.devices.length}: split the devices between agents`,
    );
  }
  const head = envelope(input);
  const chunks: Uint8Array[] = [
    Buffer.from(
      `{"schemaVersion":${JSON.stringify(head.schemaVersion)}` +
        `,"reportId":${JSON.stringify(head.reportId)}` +
        `,"agent":${JSON.stringify(head.agent)}` +
        `,"pollStartedAt":${JSON.stringify(head.pollStartedAt)}` +
        `,"pollFinishedAt":${JSON.stringify(head.pollFinishedAt)}` +
        ',"devices":[',
    ),
  ];
  input.devices.forEach((d, i) => {
    if (i > 0) chunks.push(COMMA);
    chunks.push(d.json);
  });
  chunks.push(
    Buffer.from(
      `],"host":${JSON.stringify(head.host)}` +
        (head.spoolGaps === undefined ? '' : `,"spoolGaps":${JSON.stringify(head.spoolGaps)}`) +
        '}',
    ),
  );
  return {
    reportId: head.reportId,
    pollFinishedAt: head.pollFinishedAt,
    spoolGapIds: head.spoolGaps?.map((g) => g.id) ?? [],
    devices: input.devices.map((d) => d.outline),
    body: chunks,
  };
}
