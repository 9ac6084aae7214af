import type * as z from 'zod';

/**
 * A yes-only test compiled from a zod schema: `accepts(value)` is true only when
 * `schema.safeParse(value)` would succeed and give back the value itself. It allocates
 * nothing, where zod builds a copy of every object it checks: for the agent, zod's check of
 * each device result was 7-9 % of a cycle's CPU and a fifth of what it allocated
 * (BENCHMARKS.md, poller round 11). False means "ask zod", which still says what is wrong.
 *
 * Values are taken as JSON.parse or object literals make them: getters, proxies, symbol keys
 * and extra properties on arrays are not looked for (zod's copy would drop the last two).
 *
 * The schema stays the one definition of the contract; this reads it. A construct it cannot
 * prove (a transform, a default, an object that is not strict, a string format or check it
 * does not know) throws when compiled, so a schema change can never make it wave through
 * what zod refuses.
 */
export type Accepts<T> = (value: unknown) => value is T;

type Test = (value: unknown) => boolean;

interface Def {
  readonly type: string;
  readonly checks?: readonly z.core.$ZodCheck[];
  readonly [key: string]: unknown;
}

export class UnsupportedSchemaError extends Error {
  constructor(where: string, what: string) {
    super(
      `compileAccepts: ${what} at ${where || '(root)'} cannot be proved without zod; extend shared/src/accepts.ts or validate that schema with zod alone`,
    );
    this.name = 'UnsupportedSchemaError';
  }
}

export function compileAccepts<T>(schema: z.ZodType<T>): Accepts<T> {
  return compile(schema, '') as Accepts<T>;
}

function defOf(schema: unknown): Def {
  return (schema as z.core.$ZodType)._zod.def as unknown as Def;
}

function compile(schema: unknown, where: string): Test {
  const def = defOf(schema);
  const base = compileType(schema as z.core.$ZodType, def, where);
  const checks = (def.checks ?? []).map((check) => compileCheck(check, def.type, where));
  if (checks.length === 0) return base;
  return (value) => {
    if (!base(value)) return false;
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

function compileType(schema: z.core.$ZodType, def: Def, where: string): Test {
  switch (def.type) {
    case 'string':
      return compileString(def, where);
    case 'number':
      // zod's number takes neither NaN nor ±Infinity.
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'never':
      return () => false;
    case 'literal':
    case 'enum': {
      // zod's own set of the values it takes (a native enum's reverse keys are not in it).
      const values = schema._zod.values;
      if (!(values instanceof Set))
        throw new UnsupportedSchemaError(where, `a ${def.type} without a set of values`);
      return (v) => values.has(v as never);
    }
    case 'nullable': {
      const inner = compile(def['innerType'], where);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      // exactOptional() is an optional that refuses an explicit undefined.
      if (schema._zod.traits.has('$ZodExactOptional'))
        throw new UnsupportedSchemaError(where, 'an exactOptional()');
      const inner = compile(def['innerType'], where);
      return (v) => v === undefined || inner(v);
    }
    case 'array': {
      const element = compile(def['element'], `${where}[]`);
      return (v) => {
        // zod's copy of a sparse array or of an Array subclass would not be the value itself.
        if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
        for (let i = 0; i < v.length; i++) if (!(i in v) || !element(v[i])) return false;
        return true;
      };
    }
    case 'union': {
      // z.xor() fails when more than one option matches; a discriminated union cannot have
      // two options match, its discriminators being distinct.
      if (def['inclusive'] === false && def['discriminator'] === undefined)
        throw new UnsupportedSchemaError(where, 'an exclusive union (z.xor)');
      const options = (def['options'] as readonly unknown[]).map((o, i) =>
        compile(o, `${where}|${i}`),
      );
      return (v) => options.some((option) => option(v));
    }
    case 'object':
      return compileObject(def, where);
    default:
      throw new UnsupportedSchemaError(where, `a schema of type "${def.type}"`);
  }
}

/** z.iso.datetime() and z.uuid() are strings that test their own pattern; these only do. */
const PATTERN_FORMATS = new Set(['regex', 'datetime', 'uuid']);

function compileString(def: Def, where: string): Test {
  const format = def['format'];
  if (format === undefined) return (v) => typeof v === 'string';
  const pattern = def['pattern'];
  if (typeof format !== 'string' || !PATTERN_FORMATS.has(format) || !(pattern instanceof RegExp))
    throw new UnsupportedSchemaError(where, `the string format ${JSON.stringify(format)}`);
  return (v) => typeof v === 'string' && matches(pattern, v);
}

/** Code points in `text`, counted no further than `enough`. */
function codePoints(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++, n++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) i++;
    }
  }
  return n;
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function compileObject(def: Def, where: string): Test {
  const shape = def['shape'] as Record<string, unknown>;
  const catchall = def['catchall'];
  // Only a strict object gives back what it was given: a plain one drops unknown keys, and a
  // catch-all would have to be proved for each of them.
  if (catchall === undefined || defOf(catchall).type !== 'never')
    throw new UnsupportedSchemaError(where, 'an object that is not strict (z.strictObject)');
  const fields = Object.entries(shape).map(
    ([key, field]) => [key, compile(field, where === '' ? key : `${where}.${key}`)] as const,
  );
  const known = new Set(fields.map(([key]) => key));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    const record = v as Record<string, unknown>;
    for (const [key, test] of fields) if (!test(record[key])) return false;
    for (const key in record) if (!known.has(key)) return false;
    return true;
  };
}

function compileCheck(check: z.core.$ZodCheck, type: string, where: string): Test {
  const def = check._zod.def as unknown as Def & { check: string };
  // A check's `when` (zod's length checks skip values without a length) is not consulted:
  // each check below refuses a value of the wrong kind itself, which is stricter than zod.
  switch (def.check) {
    case 'max_length': {
      // UTF-16 units: never fewer than the code points zod counts, so never looser.
      const max = def['maximum'] as number;
      return (v) => (typeof v === 'string' || Array.isArray(v)) && v.length <= max;
    }
    case 'min_length': {
      // zod counts a string's code points: an emoji is one, though two UTF-16 units.
      const min = def['minimum'] as number;
      return (v) =>
        typeof v === 'string'
          ? v.length >= min && codePoints(v, min) >= min
          : Array.isArray(v) && v.length >= min;
    }
    case 'greater_than': {
      const bound = def['value'] as number;
      return def['inclusive'] === true
        ? (v) => typeof v === 'number' && v >= bound
        : (v) => typeof v === 'number' && v > bound;
    }
    case 'less_than': {
      const bound = def['value'] as number;
      return def['inclusive'] === true
        ? (v) => typeof v === 'number' && v <= bound
        : (v) => typeof v === 'number' && v < bound;
    }
    case 'number_format':
      if (def['format'] === 'safeint') return (v) => Number.isSafeInteger(v);
      break;
    case 'string_format': {
      const pattern = def['pattern'];
      const format = def['format'];
      if (typeof format === 'string' && PATTERN_FORMATS.has(format) && pattern instanceof RegExp)
        return (v) => typeof v === 'string' && matches(pattern, v);
      break;
    }
    case 'custom': {
      // A refinement: zod passes the value when fn says so; a promise (async) or a throw is
      // left to zod. superRefine and .check(fn) have no fn: they report through zod's context.
      if (typeof def['fn'] !== 'function')
        throw new UnsupportedSchemaError(where, `a ${type} check that needs zod's context`);
      const fn = def['fn'] as (value: unknown) => unknown;
      return (v) => {
        try {
          const verdict = fn(v);
          if (!(verdict instanceof Promise)) return Boolean(verdict);
          verdict.catch(() => undefined);
          return false;
        } catch {
          return false;
        }
      };
    }
  }
  throw new UnsupportedSchemaError(
    where,
    `the ${type} check "${def.check}"${def['format'] === undefined ? '' : ` (${JSON.stringify(def['format'])})`}`,
  );
}
