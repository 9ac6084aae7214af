/*
 * Hostile inputs. A seeded generator, so a failing request can be replayed from the seed and
 * its number: wrong types, huge arrays, deep nesting, invalid UTF-8, SQL and HTML in every
 * string, unknown and prototype-polluting keys, bodies that are not JSON at all.
 */

export type Rand = () => number;

/** mulberry32: small, fast, good enough to pick cases. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: Rand, xs: readonly T[]): T => {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
};

/** Strings an attacker or a broken device would put anywhere text goes. */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE reports; --",
  "' OR '1'='1",
  '1; DELETE FROM agents WHERE 1=1',
  '" UNION SELECT token_hash FROM agents --',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}<%= 7*7 %>',
  '=HYPERLINK("http://evil.example","x")',
  '../../../../etc/passwd',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202e\u2066gnp.exe',
  '\ud800',
  '😀'.repeat(50),
  '学校'.repeat(300),
  '%s%s%s%n',
  '__proto__',
  '   ',
  // Last: over every body limit, so left out where the request should stay valid.
  'A'.repeat(70_000),
];

/** Values of every JSON type, and some numbers no schema should take. */
export const WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 63,
  '',
  'x',
  '1',
  [],
  [1, 2, 3],
  {},
  { $ne: null },
  '9'.repeat(400),
];

export function deepNesting(levels: number): string {
  return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
}

export function hugeArray(length: number): unknown[] {
  return Array.from({ length }, () => 0);
}

/** Bodies that are not the JSON asked for at all. */
export const NOT_JSON: readonly string[] = [
  '',
  'garbage',
  '{"a":',
  'null',
  '[]',
  '"just a string"',
  '123',
  '{"a":1,"a":2}',
  '\uFEFF{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];

/** JSON text with raw bytes that are not UTF-8 inside a string value. */
export function invalidUtf8Body(json: string): Uint8Array {
  const marker = '"INVALID_UTF8_HERE"';
  const text = json.includes(marker) ? json : json.replace(/"([^"\\]{1,40})"/, marker);
  const [head = '', tail = ''] = text.split(marker);
  return Buffer.concat([
    Buffer.from(`${head}"`, 'utf8'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
    Buffer.from(`"${tail}`, 'utf8'),
  ]);
}

type Json = unknown;
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
  minimum?: number;
  maxLength?: number;
  default?: unknown;
}

/** A plausible value for a JSON Schema, ids taken from `idFor` by property name. */
export function sample(
  schema: Schema,
  rand: Rand,
  idFor: (prop: string) => number,
  prop = '',
): Json {
  if (schema.enum !== undefined && schema.enum.length > 0) return pick(rand, schema.enum);
  if (schema.anyOf !== undefined) {
    const options = schema.anyOf.filter((s) => s.type !== 'null');
    return sample(options[0] ?? {}, rand, idFor, prop);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) === true || rand() < 0.5)
          out[key] = sample(sub, rand, idFor, key);
      }
      return out;
    }
    case 'array':
      return [sample(schema.items ?? {}, rand, idFor, prop)];
    case 'integer':
      return /Id$|^id$/.test(prop) ? idFor(prop) : Math.max(schema.minimum ?? 1, 1);
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date' || /date|day/i.test(prop)) return '2026-11-27';
      if (schema.format === 'email' || /email/i.test(prop)) return 'fuzz@bureau.example';
      if (/password/i.test(prop)) return 'fuzz-pass-word-1234';
      if (/time/i.test(prop)) return '07:00';
      return `fuzz-${Math.floor(rand() * 1e6)}`;
    default:
      return 'fuzz';
  }
}

/** Every string leaf replaced by a hostile one: still the right shape, often valid. */
export function hostileStrings(value: Json, rand: Rand): Json {
  if (typeof value === 'string') return pick(rand, HOSTILE_STRINGS.slice(0, -1));
  if (Array.isArray(value)) return value.map((v) => hostileStrings(v, rand));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostileStrings(v, rand)]));
  }
  return value;
}

/** Paths to every leaf of a JSON value. */
export function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v as Json, [...prefix, i]));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return [prefix];
    return entries.flatMap(([k, v]) => leafPaths(v as Json, [...prefix, k]));
  }
  return [prefix];
}

/** A deep copy with the value at `path` replaced (or deleted when `replacement` is DELETE). */
export const DELETE = Symbol('delete');
export function setAt(value: Json, path: readonly (string | number)[], replacement: unknown): Json {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (path.length === 0) return replacement === DELETE ? {} : replacement;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (replacement === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}
