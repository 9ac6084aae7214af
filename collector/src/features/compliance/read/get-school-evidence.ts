import type { WriteContext } from '../../../context.ts';
import { notFound } from '../../../errors.ts';
import { countyOrNotFound, schoolOrNotFound } from '../../places/lookups.ts';
import { computeSchoolDay } from '../engine/compute-school.ts';
import type { Indicator } from '../indicators.ts';
import { loadCountyContext } from '../load/load-county-context.ts';
import { loadSchools } from '../load/load-schools.ts';
import { selectReportsById } from '../load/queries-reports.ts';
import { thresholdsOf } from '../load/steps-in-force.ts';
import type { Evidence, EvidenceReport } from './evidence-schema.ts';
import { apTableOids, IPV6_ADDRESS_OIDS } from './evidence-oids.ts';
import { portKey, sampleReportIds, uplinkEvidence } from './evidence-uplink.ts';
import { wirelessEvidence } from './evidence-wireless.ts';
import {
  selectDevicesById,
  selectInterfacesOf,
  selectStoredResult,
  selectTeachingRoomsOf,
} from './queries-evidence.ts';
import { resolveDay } from './resolve-day.ts';

const WIRELESS: ReadonlySet<Indicator> = new Set([
  'room_coverage',
  'full_coverage',
  'has_wireless',
  'ap_online_ratio',
]);

/**
 * Everything one figure rests on (targets.md §7): it is computed again for the school from
 * the same loaders and pure functions as the daily job, and listed with the reports,
 * devices, ports, APs, rooms and OIDs it came from, beside the stored figure.
 */
export async function getSchoolEvidence({
  db,
  clock,
  input,
}: WriteContext<{ schoolId: number; indicator: Indicator; date?: string }>): Promise<Evidence> {
  const school = await schoolOrNotFound(db, input.schoolId);
  const county = await countyOrNotFound(db, school.countyId);
  const day = resolveDay(input.date, clock, county.timezone);
  const ctx = await loadCountyContext(db, { countyId: county.id, day, now: clock() });
  const [loaded] = await loadSchools(db, ctx, { from: school.id, to: school.id });
  if (loaded === undefined) throw notFound('api.notFound.school', school.id);
  const result = computeSchoolDay(loaded, thresholdsOf(ctx.steps), ctx.settings).find(
    (r) => r.indicator === input.indicator,
  );
  if (result === undefined) throw notFound('api.notFound.school', school.id);
  const stored = await selectStoredResult(db, school.id, day, input.indicator);

  const wireless = WIRELESS.has(input.indicator);
  const uplinkDevices = loaded.effective.uplinks.map((u) => u.deviceId);
  const controllers = loaded.aps.map((ap) => ap.controllerDeviceId);
  const devices = await selectDevicesById(db, [...new Set(wireless ? controllers : uplinkDevices)]);
  const ports = wireless ? [] : await selectInterfacesOf(db, uplinkDevices);
  const names = new Map(
    ports.map((p) => [
      portKey(p.device_id, p.if_index),
      { ifName: p.if_name, ifAlias: p.if_alias },
    ]),
  );
  const fromRows = wireless
    ? devices.flatMap((d) => (d.last_report_id === null ? [] : [d.last_report_id]))
    : input.indicator === 'ipv6'
      ? []
      : sampleReportIds(loaded);
  const reports: EvidenceReport[] = (await selectReportsById(db, fromRows)).map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    polledAt: r.poll_started_at,
    receivedAt: r.received_at,
    why: wireless ? 'controller' : 'samples',
  }));
  const { lastReport, probeReport } = loaded.reports;
  if (input.indicator === 'ipv6' && probeReport !== undefined)
    reports.unshift({ ...probeReport, why: 'probes' });
  if (lastReport !== undefined) reports.unshift({ ...lastReport, why: 'latest' });

  const m = result.measure;
  return {
    schoolId: school.id,
    indicator: input.indicator,
    date: day,
    evaluatedAt: ctx.evaluatedAt.toISOString(),
    stored:
      stored === undefined
        ? null
        : {
            status: stored.status,
            value: stored.value,
            numerator: stored.numerator,
            denominator: stored.denominator,
            unknownReason: stored.unknown_reason,
            failingSince: stored.failing_since,
            computedAt: stored.computed_at,
          },
    recomputed: {
      status: result.status,
      value: m.value,
      numerator: m.numerator,
      denominator: m.denominator,
      unknownReason: m.unknownReason,
      details: { ...m.details },
    },
    freshness: loaded.freshness,
    reports,
    devices: devices.map((d) => ({
      id: d.id,
      name: d.sys_name ?? d.target_name,
      vendor: d.vendor,
      model: d.model,
      address: d.address,
      lastReportId: d.last_report_id,
      why: wireless ? 'ap-controller' : 'uplink',
    })),
    interfaces: wireless ? [] : uplinkEvidence(loaded, names),
    ...(wireless
      ? wirelessEvidence(loaded.aps, await selectTeachingRoomsOf(db, school.id))
      : { aps: [], rooms: [] }),
    oids: wireless
      ? uniqueOids(devices.flatMap((d) => apTableOids(d.vendor)))
      : input.indicator === 'ipv6'
        ? [...IPV6_ADDRESS_OIDS]
        : [],
    notes:
      input.indicator === 'ipv6' && m.details['level5'] === 'no school site set'
        ? ['compliance.ipv6.level5NeedsSite']
        : [],
  };
}

function uniqueOids<T extends { oid: string }>(oids: readonly T[]): T[] {
  return [...new Map(oids.map((o) => [o.oid, o])).values()];
}
