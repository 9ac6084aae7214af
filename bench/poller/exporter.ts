// Prometheus snmp_exporter (Debian prometheus-snmp-exporter 0.21) as a user would set it up
// for these devices: the same GETs and walks as the agent, and a metric for every column
// walked, with its indexes, so the exporter does its full work (decode, match, label,
// expose), not just the walk.
import { writeFileSync } from 'node:fs';
import { isUnder } from '../../agent/src/snmp/oid.ts';
import type { SimDevice } from './fleet.ts';
import type { DevicePlan } from './plan.ts';

type IndexSpec = readonly { labelname: string; type: string; fixed_size?: number }[];
const g = (labelname: string) => ({ labelname, type: 'gauge' });
const octetString = (labelname: string) => ({ labelname, type: 'OctetString' });

/** Table entry → its index, as snmp_exporter's generator would write it from the MIB. */
const TABLE_INDEXES: readonly (readonly [string, IndexSpec])[] = [
  ['1.3.6.1.2.1.2.2.1', [g('ifIndex')]],
  ['1.3.6.1.2.1.31.1.1.1', [g('ifIndex')]],
  ['1.3.6.1.2.1.47.1.1.1.1', [g('entPhysicalIndex')]],
  ['1.0.8802.1.1.2.1.3.7.1', [g('lldpLocPortNum')]],
  ['1.0.8802.1.1.2.1.4.1.1', [g('lldpRemTimeMark'), g('lldpRemLocalPortNum'), g('lldpRemIndex')]],
  [
    '1.0.8802.1.1.2.1.4.2.1',
    [
      g('lldpRemTimeMark'),
      g('lldpRemLocalPortNum'),
      g('lldpRemIndex'),
      g('lldpRemManAddrSubtype'),
      octetString('lldpRemManAddr'),
    ],
  ],
  ['1.3.6.1.2.1.4.34.1', [g('ipAddressAddrType'), octetString('ipAddressAddr')]],
  [
    '1.3.6.1.2.1.4.24.7.1',
    [
      g('inetCidrRouteDestType'),
      octetString('inetCidrRouteDest'),
      g('inetCidrRoutePfxLen'),
      octetString('inetCidrRoutePolicy'),
      g('inetCidrRouteNextHopType'),
      octetString('inetCidrRouteNextHop'),
    ],
  ],
  [
    '1.3.6.1.2.1.55.1.8.1',
    [g('ipv6IfIndex'), { labelname: 'ipv6AddrAddress', type: 'OctetString', fixed_size: 16 }],
  ],
  ['1.3.6.1.4.1.2011.6.139.13.3.3.1', [{ labelname: 'hwWlanApMac', type: 'PhysAddress48' }]],
  ['1.3.6.1.4.1.25506.2.75.2.1.12.1', [{ labelname: 'hh3cDot11APName', type: 'DisplayString' }]],
  [
    '1.3.6.1.4.1.25506.2.75.2.1',
    [g('hh3cDot11APTable'), { labelname: 'hh3cDot11APID', type: 'DisplayString' }],
  ],
  [
    '1.3.6.1.4.1.4881.1.1.10.2.56.2.1',
    [g('ruijieApTable'), { labelname: 'ruijieApMac', type: 'PhysAddress48' }],
  ],
];

/** Columns holding a MAC address. */
const MAC_COLUMNS = new Set([
  '1.3.6.1.2.1.2.2.1.6',
  '1.0.8802.1.1.2.1.4.1.1.5',
  '1.3.6.1.4.1.25506.2.75.2.1.1.1.3',
  '1.3.6.1.4.1.25506.2.75.2.1.12.1.17',
  '1.3.6.1.4.1.4881.1.1.10.2.56.2.1.5.1.3',
]);

interface MetricDef {
  readonly name: string;
  readonly oid: string;
  readonly type: string;
  readonly indexes?: IndexSpec;
}

function entryOf(oid: string): readonly [string, IndexSpec] | undefined {
  return TABLE_INDEXES.find(([entry]) => isUnder(oid, entry));
}

/** The table column (or scalar object) an instance OID belongs to, with its index spec. */
function metricFor(oid: string, type: string): MetricDef {
  const entry = entryOf(oid);
  let column: string;
  let indexes: IndexSpec | undefined;
  if (entry === undefined) {
    column = oid.replace(/\.0$/, '');
  } else {
    const [prefix, spec] = entry;
    const rest = oid.slice(prefix.length + 1).split('.');
    // H3C and Ruijie specs start with the table number under a shared prefix.
    const depth = spec[0]?.labelname.endsWith('Table') === true ? 3 : 1;
    column = `${prefix}.${rest.slice(0, depth).join('.')}`;
    indexes = depth === 3 ? spec.slice(1) : spec;
  }
  const metricType =
    type === 'Counter32' || type === 'Counter64'
      ? 'counter'
      : type === 'Integer' || type === 'Gauge32' || type === 'TimeTicks'
        ? 'gauge'
        : MAC_COLUMNS.has(column)
          ? 'PhysAddress48'
          : 'DisplayString';
  const name = `x_${column.replaceAll('.', '_')}`;
  return indexes === undefined
    ? { name, oid: column, type: metricType }
    : { name, oid: column, type: metricType, indexes };
}

function metricsFor(device: SimDevice, plan: DevicePlan): MetricDef[] {
  const gets = new Set(plan.gets);
  const byOid = new Map<string, MetricDef>();
  for (const vb of device.varbinds) {
    if (!gets.has(vb.oid) && !plan.subtrees.some((root) => isUnder(vb.oid, root))) continue;
    const metric = metricFor(vb.oid, vb.type);
    if (!byOid.has(metric.oid)) byOid.set(metric.oid, metric);
  }
  return [...byOid.values()];
}

const flow = (value: unknown): string => JSON.stringify(value);

/** Devices with the same GETs and walks (in practice: the same vendor) share a module. */
export function exporterModule(plan: DevicePlan): string {
  const enterprise = plan.subtrees
    .map((oid) => /^1\.3\.6\.1\.4\.1\.(\d+)\./.exec(oid)?.[1])
    .find(Boolean);
  return `xw_${enterprise ?? 'mib2'}_${plan.subtrees.length}_${plan.gets.length}`;
}

/**
 * Writes snmp.yml as a user would for this county: one module per kind of device (here one
 * per vendor, since the plan depends on the vendor), with the county's community and a
 * metric for every column any device of that kind has.
 */
export function writeExporterConfig(
  file: string,
  devices: readonly SimDevice[],
  plans: readonly DevicePlan[],
  maxRepetitions: number,
  timeoutMs: number,
): void {
  const modules = new Map<string, { plan: DevicePlan; metrics: Map<string, MetricDef> }>();
  devices.forEach((device, i) => {
    const plan = plans[i];
    if (plan === undefined) return;
    const name = exporterModule(plan);
    const module = modules.get(name) ?? { plan, metrics: new Map<string, MetricDef>() };
    if (flow([module.plan.subtrees, module.plan.gets]) !== flow([plan.subtrees, plan.gets])) {
      throw new Error(`${device.name}: same module name ${name} for another plan`);
    }
    for (const metric of metricsFor(device, plan)) module.metrics.set(metric.oid, metric);
    modules.set(name, module);
  });
  const lines: string[] = [];
  for (const [name, { plan, metrics }] of modules) {
    lines.push(`${name}:`);
    lines.push(`  walk: ${flow(plan.subtrees)}`);
    lines.push(`  get: ${flow(plan.gets)}`);
    lines.push('  version: 2');
    lines.push(`  max_repetitions: ${maxRepetitions}`);
    lines.push('  retries: 1');
    lines.push(`  timeout: ${timeoutMs / 1000}s`);
    lines.push(`  auth: {community: ${plan.community}}`);
    lines.push(`  metrics: ${flow([...metrics.values()])}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
