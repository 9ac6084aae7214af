import { randomUUID } from 'node:crypto';
import { REPORT_SCHEMA_VERSION } from '@xiaowang/shared';
import type {
  AccessPoint,
  DeviceResult,
  DeviceSnapshot,
  HostProbes,
  InterfaceRate,
  InterfaceRow,
  Report,
} from '@xiaowang/shared';
import type { DemoPlan } from '../plan/plan.ts';
import { apListed, ipv6Level } from '../plan/timeline.ts';
import type { DeviceState } from '../sim/device-state.ts';
import type { FarmDevice } from '../sim/device-farm.ts';
import { AGENT_VERSION } from '../wiring/agent.ts';
import type { AgentTemplates } from './templates.ts';

type OkResult = Extract<DeviceResult, { outcome: 'ok' }>;

export interface HistoryPoint {
  readonly at: number;
  /** The agent's previous report, for counter deltas; null for its first. */
  readonly previous: number | null;
  /** Inventory (ENTITY-MIB) is read once a day, as the agent's schedule does. */
  readonly withInventory: boolean;
}

const iso = (t: number) => new Date(t).toISOString();

function uplinkRow(
  nominal: InterfaceRow,
  degraded: InterfaceRow | undefined,
  state: DeviceState,
  t: number,
): InterfaceRow {
  const row = state.uplinkUp(t) || degraded === undefined ? nominal : degraded;
  return {
    ...row,
    inOctets: String(state.octets('in', t)),
    outOctets: String(state.octets('out', t)),
  };
}

function ratesOf(
  rows: readonly InterfaceRow[],
  state: DeviceState,
  p: HistoryPoint,
): InterfaceRate[] {
  const counted = rows.filter((r) => r.inOctets !== null || r.outOctets !== null);
  const { previous, at } = p;
  return counted.map((r): InterfaceRate => {
    const none = { ifIndex: r.ifIndex, inBps: null, outBps: null, intervalS: null };
    if (previous === null) return { ...none, dropped: 'first-sample' };
    if (state.bootedAt(at) > previous) return { ...none, dropped: 'device-restarted' };
    const intervalS = (at - previous) / 1000;
    if (r.ifIndex !== state.uplink?.ifIndex) {
      return { ifIndex: r.ifIndex, inBps: 0, outBps: 0, intervalS, dropped: null };
    }
    const bps = (dir: 'in' | 'out') =>
      (Number(state.octets(dir, at) - state.octets(dir, previous)) * 8) / intervalS;
    return { ifIndex: r.ifIndex, inBps: bps('in'), outBps: bps('out'), intervalS, dropped: null };
  });
}

function apsAt(
  plan: DemoPlan,
  nominal: readonly AccessPoint[],
  degraded: readonly AccessPoint[] | null,
  state: DeviceState,
  t: number,
): AccessPoint[] {
  const offline = new Map((degraded ?? []).map((ap) => [ap.mac, ap]));
  return nominal
    .filter((ap) => ap.mac === null || apListed(plan, ap.mac, t))
    .map((ap) =>
      ap.mac === null || state.apOnline(ap.mac, t)
        ? ap
        : (offline.get(ap.mac) ?? { ...ap, online: false }),
    );
}

function snapshotAt(
  plan: DemoPlan,
  nominal: OkResult,
  degraded: DeviceResult | undefined,
  farm: FarmDevice,
  p: HistoryPoint,
): DeviceSnapshot {
  const { state, school } = farm;
  const base = nominal.snapshot;
  const deg = degraded?.outcome === 'ok' ? degraded.snapshot : null;
  const uplink = state.uplink?.ifIndex;
  const interfaces = base.interfaces.map((row) =>
    row.ifIndex === uplink
      ? uplinkRow(
          row,
          deg?.interfaces.find((r) => r.ifIndex === uplink),
          state,
          p.at,
        )
      : row,
  );
  const withoutIpv6 = school !== null && ipv6Level(plan, school.code, p.at) === 0;
  const aps = base.aps === null ? null : apsAt(plan, base.aps, deg?.aps ?? null, state, p.at);
  return {
    ...base,
    sysUpTime: state.upTicks(p.at),
    interfaces,
    ipv6: withoutIpv6 ? base.ipv6.filter((a) => a.type !== 'global') : base.ipv6,
    ...(aps === null
      ? {}
      : { aps, apCount: aps.length, apsOnline: aps.filter((ap) => ap.online === true).length }),
    entity: p.withInventory ? base.entity : null,
  };
}

/**
 * One device's result at a past instant, from its templates and the plan: the agent's own
 * reading, with the uptime, uplink state and counters, AP states and IPv6 of that moment,
 * and the rates the agent would have computed from its previous reading.
 */
export function deviceAt(
  plan: DemoPlan,
  farm: FarmDevice,
  templates: { nominal: DeviceResult; degraded: DeviceResult | undefined },
  p: HistoryPoint,
): DeviceResult {
  const meta = { ...templates.nominal.meta, startedAt: iso(p.at) };
  if (templates.nominal.outcome !== 'ok') return { ...templates.nominal, meta };
  const snapshot = snapshotAt(plan, templates.nominal, templates.degraded, farm, p);
  const result: DeviceResult = {
    outcome: 'ok',
    target: templates.nominal.target,
    meta,
    snapshot,
    partErrors: templates.nominal.partErrors,
    rates: ratesOf(snapshot.interfaces, farm.state, p),
  };
  return p.withInventory ? result : { ...result, skipped: ['entity'] };
}

export function historyReport(v: {
  plan: DemoPlan;
  hostname: string;
  templates: AgentTemplates;
  devices: readonly FarmDevice[];
  point: HistoryPoint;
  host: HostProbes | null;
}): Report {
  const byAddress = new Map(v.devices.map((d) => [`${d.address.host}:${d.address.port}`, d]));
  const devices = v.templates.nominal.map((nominal, i) => {
    const farm = byAddress.get(`${nominal.target.address}:${nominal.target.port}`);
    if (farm === undefined) throw new Error(`no simulated device at ${nominal.target.address}`);
    return deviceAt(v.plan, farm, { nominal, degraded: v.templates.degraded[i] }, v.point);
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    reportId: randomUUID(),
    agent: { version: AGENT_VERSION, hostname: v.hostname },
    pollStartedAt: iso(v.point.at),
    pollFinishedAt: iso(v.point.at + 1500),
    devices,
    host: v.host,
  };
}
