import type { DeviceOutline } from '../report/device-outline.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { DeviceTarget } from '../poll/poll-device.ts';
import type { Log } from '../runtime/log.ts';
import type { DiscoverResult } from './discover.ts';
import { discoverDevices, targetKey } from './discover.ts';
import type { DiscoveredFile, DiscoveredRecord } from './discovered-file.ts';
import { readDiscovered, writeDiscovered } from './discovered-file.ts';
import type { Probe } from './probe-snmp.ts';
import { snmpProbe } from './probe-snmp.ts';

/** A discovered device that has not answered a poll for this long is forgotten. */
export const FORGET_AFTER_MS = 7 * 24 * 3600 * 1000;
const SKIPPED_IN_LOG = 20;

/** What the agent loop needs: the devices to poll, and a step after each cycle. */
export interface Discovery {
  devicesFor(config: LoadedConfig): readonly DeviceTarget[];
  afterCycle(
    cycle: { readonly devices: readonly DeviceOutline[] },
    config: LoadedConfig,
  ): Promise<void>;
  records(): readonly DiscoveredRecord[];
}

export interface DiscoveryOptions {
  /** Where the list persists; see `discoveredFile(spool.dir)`. */
  readonly file: string;
  readonly log?: Log;
  readonly probe?: Probe;
  readonly portFor?: (address: string) => number;
  readonly concurrency?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

function isEnabled(config: LoadedConfig): boolean {
  const d = config.config.discovery;
  return d.lldp || d.sweep !== undefined;
}

function configuredKeys(config: LoadedConfig): Set<string> {
  return new Set(config.devices.map((d) => targetKey(d.host, d.port)));
}

function toRecord(found: DiscoverResult['found'][number], at: string): DiscoveredRecord {
  return {
    name: found.name,
    host: found.host,
    port: found.port,
    credentials: found.credentialName,
    ...(found.school === undefined ? {} : { school: found.school }),
    via: found.via,
    foundAt: at,
    lastSeenAt: at,
  };
}

function countReasons(skipped: DiscoverResult['skipped']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped) out[s.reason] = (out[s.reason] ?? 0) + 1;
  return out;
}

/**
 * Remembers discovered devices across cycles and restarts. LLDP is followed after every
 * cycle (it only reads the results just polled); the sweep sends many probes, so it runs
 * at most once per `inventoryIntervalHours`.
 */
export function createDiscovery(options: DiscoveryOptions): Discovery {
  const now = options.now ?? Date.now;
  const log: Log = options.log ?? (() => undefined);
  const probe = options.probe ?? snmpProbe();
  const loaded = readDiscovered(options.file);
  if (loaded.problem !== undefined) {
    log('warn', 'discovery.file_ignored', { file: options.file, problem: loaded.problem });
  }
  let state: DiscoveredFile = loaded.data;

  function refreshSeen(report: { readonly devices: readonly DeviceOutline[] }): void {
    const answered = new Set(
      report.devices
        .filter((d) => d.outcome === 'ok')
        .map((d) => targetKey(d.target.address, d.target.port)),
    );
    const at = new Date(now()).toISOString();
    const devices = state.devices
      .map((r) => (answered.has(targetKey(r.host, r.port)) ? { ...r, lastSeenAt: at } : r))
      .filter((r) => now() - Date.parse(r.lastSeenAt) < FORGET_AFTER_MS);
    state = { ...state, devices };
  }

  async function discover(
    report: { readonly devices: readonly DeviceOutline[] },
    config: LoadedConfig,
  ): Promise<void> {
    refreshSeen(report);
    const sweepEveryMs = config.config.schedule.inventoryIntervalHours * 3600 * 1000;
    const last = state.lastSweepAt === null ? undefined : Date.parse(state.lastSweepAt);
    const sweepDue =
      config.config.discovery.sweep !== undefined &&
      (last === undefined || now() - last >= sweepEveryMs);
    const known = configuredKeys(config);
    for (const r of state.devices) known.add(targetKey(r.host, r.port));
    const result = await discoverDevices({
      seeds: report.devices,
      config,
      known,
      alreadyDiscovered: state.devices.length,
      probe,
      sweep: sweepDue,
      ...(options.portFor === undefined ? {} : { portFor: options.portFor }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      now,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
    const at = new Date(now()).toISOString();
    state = {
      version: 1,
      lastSweepAt: sweepDue ? at : state.lastSweepAt,
      devices: [...state.devices, ...result.found.map((f) => toRecord(f, at))],
    };
    writeDiscovered(options.file, state);
    log('info', 'discovery.done', {
      found: result.found.map((f) => `${f.name} ${f.host}:${f.port} (${f.via})`),
      known: state.devices.length,
      probes: result.probes,
      swept: sweepDue,
      skipped: countReasons(result.skipped),
      skippedFirst: result.skipped.slice(0, SKIPPED_IN_LOG),
    });
  }

  return {
    records: () => state.devices,
    devicesFor(config) {
      if (!isEnabled(config)) return config.devices;
      const configured = configuredKeys(config);
      const extra: DeviceTarget[] = [];
      for (const r of state.devices.slice(0, config.config.discovery.maxDevices)) {
        const credentials = config.credentials.get(r.credentials);
        // A credential renamed away or a device now listed by hand: the config wins.
        if (credentials === undefined || configured.has(targetKey(r.host, r.port))) continue;
        const school = r.school === undefined ? {} : { school: r.school };
        extra.push({ name: r.name, host: r.host, port: r.port, credentials, ...school });
      }
      return [...config.devices, ...extra];
    },
    async afterCycle(report, config) {
      if (!isEnabled(config)) return;
      try {
        await discover(report, config);
      } catch (error) {
        // Discovery is extra: a failure is logged and polling carries on as configured.
        const message = error instanceof Error ? error.message : String(error);
        log('warn', 'discovery.failed', { message });
      }
    },
  };
}
