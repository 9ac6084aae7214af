import type { HostProbes, Report, SpoolGapReport } from '@xiaowang/shared';
import type { LoadedConfig } from '../config/load-config.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import { pollDevices } from '../poll/poll-many.ts';
import { buildReport } from '../report/build-report.ts';
import { fitHostProbes, fitToContract } from './fit-to-contract.ts';
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

/**
 * One poll cycle: every configured device with bounded concurrency and its own deadline,
 * rates from the previous cycle's counters, then one report parsed against the contract
 * (device values it cannot carry are cut or refused per device, never the whole report).
 */
export async function runCycle(loaded: LoadedConfig, deps: CycleDeps): Promise<Report> {
  const now = deps.now ?? Date.now;
  const schedule = loaded.config.schedule;
  const started = new Date(now());
  const [results, host] = await Promise.all([
    pollDevices(deps.devices ?? loaded.devices, {
      concurrency: schedule.concurrency,
      deadlineMs: schedule.deviceDeadlineSeconds * 1000,
      timing: { timeoutMs: schedule.requestTimeoutMs, retries: schedule.retries },
      now,
    }),
    deps.probeHost?.() ?? Promise.resolve(null),
  ]);
  const readAt = now();
  const devices = results.map((r) => fitToContract(deps.rates.apply(r, readAt)));
  return buildReport({
    devices,
    pollStartedAt: started,
    pollFinishedAt: new Date(now()),
    host: fitHostProbes(host),
    spoolGaps: deps.spoolGaps?.() ?? [],
    ...(loaded.config.name === undefined ? {} : { agentHostname: loaded.config.name }),
  });
}
