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
  const text = await readBodyText(c);
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

// As fetch's Response.text() decodes: UTF-8, malformed bytes replaced, a leading BOM dropped.
const utf8 = new TextDecoder();

/**
 * The body as text, as `c.req.text()` gives it. On @hono/node-server (`c.env.incoming`),
 * that reads the Node request directly, provided nothing asked for the body stream first
 * (body-limits.ts does not). A fetch Request, as `app.request` makes in tests and benches,
 * is read from its stream here: undici's own text() costs more than reading and decoding.
 */
export async function readBodyText(c: Context): Promise<string> {
  const raw = c.req.raw;
  const onNode = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
  if (onNode || Object.keys(c.req.bodyCache).length > 0 || raw.bodyUsed || raw.body === null) {
    return c.req.text();
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> = raw.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes =
    chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, size);
  // undici drops a BOM before decoding, and the decoder drops one more; so do we.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = utf8.decode(bom ? bytes.subarray(3) : bytes);
  // Where hono's text() would have left it, for anything that reads the body again.
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
  return text;
}
