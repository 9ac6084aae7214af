import type { DeviceResult, HostProbes, SpoolGapReport } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import { pollDevices } from '../poll/poll-many.ts';
import { packReport } from '../report/build-report.ts';
import type { PackedDevice, PackedReport } from '../report/build-report.ts';
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
 * the whole report) and serialised, so a cycle holds its results as UTF-8, not objects.
 */
export async function runCycle(loaded: LoadedConfig, deps: CycleDeps): Promise<PackedReport> {
  const now = deps.now ?? Date.now;
  const schedule = loaded.config.schedule;
  const started = new Date(now());
  const [devices, host] = await Promise.all([
    pollDevices(
      deps.devices ?? loaded.devices,
      {
        concurrency: schedule.concurrency,
        deadlineMs: schedule.deviceDeadlineSeconds * 1000,
        timing: { timeoutMs: schedule.requestTimeoutMs, retries: schedule.retries },
        now,
      },
      (result) => packDevice(result, deps.rates, now()),
    ),
    deps.probeHost?.() ?? Promise.resolve(null),
  ]);
  return packReport({
    devices,
    pollStartedAt: started,
    pollFinishedAt: new Date(now()),
    host: fitHostProbes(host),
    spoolGaps: deps.spoolGaps?.() ?? [],
    ...(loaded.config.name === undefined ? {} : { agentHostname: loaded.config.name }),
  });
}
