import type { Context } from 'hono';
import type { z } from 'zod';
import { validationError } from '../errors.ts';
import { issuesToDetails } from './zod-issues.ts';

/** Parses a value or throws one VALIDATION error listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw validationError(issuesToDetails(result.error.issues));
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseInput(schema, await readJsonValue(c));
}

/** The body as parsed JSON, not yet checked; an empty body reads as `{}`. */
export async function readJsonValue(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw validationError([{ path: '', key: 'api.error.badJson' }]);
  }
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.query());
}

export function readParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.param());
}
