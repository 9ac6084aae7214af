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

/** What the agent keeps of a cycle's report once its document is written. */
export interface PackedReport {
  readonly reportId: string;
  readonly pollFinishedAt: string;
  readonly spoolGapIds: readonly string[];
  readonly devices: readonly DeviceOutline[];
}

/** Where a report's document goes, piece by piece, in order. */
export interface PieceSink {
  write(piece: Uint8Array): void;
}

type ReportStart = Pick<EnvelopeInput, 'pollStartedAt' | 'reportId' | 'agentHostname'>;
type ReportEnd = Pick<EnvelopeInput, 'pollFinishedAt' | 'host' | 'spoolGaps'>;

const COMMA = Buffer.from(',');

/** Refuses a cycle of more devices than a report may carry, before any is polled. */
export function checkDeviceCount(count: number): void {
  // The config's bounds (MAX_CONFIGURED_DEVICES plus MAX_DISCOVERED_DEVICES) keep a cycle
  // below this, and the config check names the fix; reaching it here is a bug of ours.
  if (count > MAX_REPORT_DEVICES) {
    throw new RangeError(
      `a report carries at most ${MAX_REPORT_DEVICES} devices; this cycle polled ${count}: split the devices between agents`,
    );
  }
}

/**
 * Writes a report's document as UTF-8 while its cycle runs: the envelope's start, then each
 * device as it finishes (serialised already, in the order they finish), then the end. A
 * county's report holds 800,000 values, which as objects take several times its 10 MB; here
 * no more than one device is ever an object, and the sink may put each piece on disk.
 *
 * Each device was checked against `deviceResultSchema` when it was serialised and the
 * envelope is checked here, at the start (so a bad hostname fails before any device is
 * polled) and whole at the end, so the document is one `reportSchema` accepts: the
 * contract's objects are strict and have no transforms, so parsing it whole again would
 * return the same document. Fields of the end (pollFinishedAt, host, spoolGaps) come after
 * the devices; JSON objects are unordered.
 */
export class ReportWriter {
  readonly reportId: string;
  readonly #start: ReportStart;
  readonly #out: PieceSink;
  readonly #outlines: DeviceOutline[] = [];

  constructor(start: ReportStart, out: PieceSink) {
    const head = envelope({ ...start, pollFinishedAt: start.pollStartedAt });
    this.reportId = head.reportId;
    this.#start = { ...start, reportId: head.reportId };
    this.#out = out;
    out.write(
      Buffer.from(
        `{"schemaVersion":${JSON.stringify(head.schemaVersion)}` +
          `,"reportId":${JSON.stringify(head.reportId)}` +
          `,"agent":${JSON.stringify(head.agent)}` +
          `,"pollStartedAt":${JSON.stringify(head.pollStartedAt)}` +
          ',"devices":[',
      ),
    );
  }

  /** Writes one device; returns what the loop keeps of it. */
  device(device: PackedDevice): DeviceOutline {
    if (this.#outlines.length > 0) this.#out.write(COMMA);
    this.#out.write(device.json);
    this.#outlines.push(device.outline);
    return device.outline;
  }

  /** Writes the end of the document; the report's outline, in the order devices finished. */
  end(end: ReportEnd): PackedReport {
    const whole = envelope({ ...this.#start, ...end });
    this.#out.write(
      Buffer.from(
        `],"pollFinishedAt":${JSON.stringify(whole.pollFinishedAt)}` +
          `,"host":${JSON.stringify(whole.host)}` +
          (whole.spoolGaps === undefined ? '' : `,"spoolGaps":${JSON.stringify(whole.spoolGaps)}`) +
          '}',
      ),
    );
    return {
      reportId: whole.reportId,
      pollFinishedAt: whole.pollFinishedAt,
      spoolGapIds: whole.spoolGaps?.map((g) => g.id) ?? [],
      devices: this.#outlines,
    };
  }
}

export interface PackReportInput extends EnvelopeInput {
  readonly devices: readonly PackedDevice[];
}

/** A report of devices already serialised, as pieces in memory (tests, tools). */
export function packReport(input: PackReportInput): PackedReport & { body: Uint8Array[] } {
  checkDeviceCount(input.devices.length);
  const body: Uint8Array[] = [];
  const writer = new ReportWriter(input, { write: (piece) => body.push(piece) });
  for (const device of input.devices) writer.device(device);
  return { ...writer.end(input), body };
}
