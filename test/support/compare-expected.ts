/**
 * Compares a probe's JSON with a fixture's expected.json, field by field, and lists every
 * difference as device / field / expected / got.
 */
export interface Mismatch {
  readonly device: string;
  readonly field: string;
  readonly expected: unknown;
  readonly got: unknown;
}

export interface Comparison {
  readonly mismatches: Mismatch[];
  fieldsCompared: number;
}

type Json = Record<string, unknown>;

const SCALAR_FIELDS = [
  'sysObjectID',
  'sysDescr',
  'sysName',
  'vendor',
  'role',
  'ipv6Forwarding',
  'apCount',
  'apsOnline',
] as const;

/** List fields: [name, key fields compared per element]. `*` compares every key the expected element has. */
const LIST_FIELDS: readonly [string, readonly string[] | '*'][] = [
  ['interfaces', '*'],
  ['ipv6', '*'],
  ['ipv6DefaultRoutes', '*'],
  ['aps', '*'],
  ['lldpNeighbors', '*'],
];

const ENTITY_FIELDS = '*';

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareValue(
  c: Comparison,
  device: string,
  field: string,
  expected: unknown,
  got: unknown,
): void {
  c.fieldsCompared++;
  if (!same(expected, got)) c.mismatches.push({ device, field, expected, got });
}

function compareObject(
  c: Comparison,
  device: string,
  field: string,
  expected: Json,
  got: unknown,
  keys: readonly string[] | '*',
): void {
  const wanted = keys === '*' ? Object.keys(expected) : keys;
  for (const key of wanted) {
    compareValue(c, device, `${field}.${key}`, expected[key], isObject(got) ? got[key] : undefined);
  }
}

/** "table", "radioTable", "scalar" or "notApplicable" as the fixture's apSource words it. */
export function expectedApSourceKind(apSource: unknown): string | null {
  if (apSource === null || apSource === undefined) return null;
  if (isObject(apSource) && 'note' in apSource) return 'notApplicable';
  const tableText = isObject(apSource) ? apSource['table'] : undefined;
  const table = typeof tableText === 'string' ? tableText : '';
  if (/absent|no per-AP table/i.test(table))
    return /RadioTable/.test(table) ? 'radioTable' : 'scalar';
  return 'table';
}

/** The fixtures' speedAnomalies rule, recomputed from our interfaces. */
export function speedAnomalies(interfaces: readonly Json[]): number[] {
  return interfaces
    .filter((i) => {
      const speed = i['ifSpeed'];
      const high = i['ifHighSpeed'];
      if (typeof speed !== 'number' || typeof high !== 'number') return false;
      if (speed === 4294967295) return false;
      if (high === 0 && speed < 1e6) return false;
      return Math.abs(speed / 1e6 - high) >= 1;
    })
    .map((i) => Number(i['ifIndex']));
}

export function compareWithExpected(device: string, expected: Json, got: Json): Comparison {
  const c: Comparison = { mismatches: [], fieldsCompared: 0 };
  for (const field of SCALAR_FIELDS) compareValue(c, device, field, expected[field], got[field]);
  for (const [field, keys] of LIST_FIELDS) {
    const exp = expected[field];
    const act = got[field];
    if (!Array.isArray(exp) || !Array.isArray(act)) {
      compareValue(c, device, field, exp, act);
      continue;
    }
    compareValue(c, device, `${field}.length`, exp.length, act.length);
    exp.forEach((e, i) => {
      if (isObject(e)) compareObject(c, device, `${field}[${i}]`, e, act[i], keys);
    });
  }
  const entity = expected['entity'];
  if (isObject(entity)) compareObject(c, device, 'entity', entity, got['entity'], ENTITY_FIELDS);
  else compareValue(c, device, 'entity', entity, got['entity']);
  const apSource = got['apSource'];
  compareValue(
    c,
    device,
    'apSource.kind',
    expectedApSourceKind(expected['apSource']),
    isObject(apSource) ? apSource['kind'] : null,
  );
  const anomalies = Array.isArray(got['interfaces'])
    ? speedAnomalies(got['interfaces'] as Json[])
    : [];
  const expAnomalies = Array.isArray(expected['speedAnomalies'])
    ? (expected['speedAnomalies'] as Json[]).map((a) => Number(a['ifIndex']))
    : [];
  compareValue(c, device, 'speedAnomalies', expAnomalies, anomalies);
  return c;
}
