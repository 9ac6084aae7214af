import type { DeviceResult, HostProbes, SpoolGapReport } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import { pollDevices } from '../poll/poll-many.ts';
import { ReportWriter, checkDeviceCount } from '../report/build-report.ts';
import type { PackedDevice, PackedReport, PieceSink } from '../report/build-report.ts';
import { outlineOf } from '../report/device-outline.ts';
import { deviceError, fitHostProbes, fitToContract } from './fit-to-contract.ts';
import type { RateState } from './rate-state.ts';

export interface CycleDeps {
  readonly rates: RateState;
  readonly now?: () => number;
  /** Host-level IPv6 probes; skipped (null) when not configured. */
  readonly probeHost?: () => Promise<HostProbes | null>;
  /** Gaps the spool recorded since the last report, told to the collector once. */
  readonly spoolGaps?: () => readonly SpoolGapReport[];
  /** Devices to poll instead of `loaded.devices` (the configured ones plus discovered ones). */
  readonly devices?: readonly DeviceTarget[];
  /** Default: a new UUID. */
  readonly reportId?: string;
  /** Takes the report's document as it is written: a spool draft, or pieces in memory. */
  readonly out: PieceSink;
}

function pack(result: DeviceResult): PackedDevice {
  return { json: Buffer.from(JSON.stringify(result)), outline: outlineOf(result) };
}

/**
 * A device's result with its rates, fitted to the contract and serialised. A failure here
 * is a bug of ours, not the device's: it costs that device this cycle, as in pollDevice,
 * and never the report (the other devices are still being polled when it happens).
 */
function packDevice(result: DeviceResult, rates: RateState, readAt: number): PackedDevice {
  try {
    return pack(fitToContract(rates.apply(result, readAt)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return pack(deviceError(result, `internal error while preparing the report: ${message}`));
  }
}

/**
 * One poll cycle: every configured device with bounded concurrency and its own deadline.
 * As each device finishes, its rates are computed from the previous cycle's counters, it is
 * fitted to the contract (values it cannot carry are cut or refused for that device, never
 * the whole report), serialised and written to `out`, so a cycle holds no device's result
 * once it is done: the document goes to the spool as it grows.
 */
export async function runCycle(loaded: LoadedConfig, deps: CycleDeps): Promise<PackedReport> {
  const now = deps.now ?? Date.now;
  const schedule = loaded.config.schedule;
  const targets = deps.devices ?? loaded.devices;
  checkDeviceCount(targets.length);
  const report = new ReportWriter(
    {
      pollStartedAt: new Date(now()),
      ...(deps.reportId === undefined ? {} : { reportId: deps.reportId }),
      ...(loaded.config.name === undefined ? {} : { agentHostname: loaded.config.name }),
    },
    deps.out,
  );
  const [, host] = await Promise.all([
    pollDevices(
      targets,
      {
        concurrency: schedule.concurrency,
        deadlineMs: schedule.deviceDeadlineSeconds * 1000,
        timing: { timeoutMs: schedule.requestTimeoutMs, retries: schedule.retries },
        now,
      },
      (result) => report.device(packDevice(result, deps.rates, now())),
    ),
    deps.probeHost?.() ?? Promise.resolve(null),
  ]);
  deps.rates.keepOnly(targets);
  return report.end({
    pollFinishedAt: new Date(now()),
    host: fitHostProbes(host),
    spoolGaps: deps.spoolGaps?.() ?? [],
  });
}
