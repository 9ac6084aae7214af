import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEntryBytes } from './entry.ts';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const golden = readFileSync(
  path.resolve(import.meta.dirname, '../../../test/fixtures/reports/v1-school.json'),
);
const goldenId = (JSON.parse(golden.toString('utf8')) as { reportId: string }).reportId;

describe('checkEntryBytes', () => {
  it('accepts a whole report and finds its top-level reportId', () => {
    expect(checkEntryBytes(golden, goldenId)).toEqual({ ok: true });
    expect(checkEntryBytes(golden, 'another-id')).toMatchObject({
      ok: false,
      reason: 'report-id-mismatch',
    });
  });

  it('refuses the report cut off at any byte', () => {
    // Every prefix: a torn write can stop anywhere, including right after an inner brace.
    const last = golden.lastIndexOf('}');
    for (let end = 0; end <= last; end++) {
      const check = checkEntryBytes(golden.subarray(0, end), goldenId);
      expect(check.ok, `cut at ${end}`).toBe(false);
    }
  });

  it('refuses zero-filled blocks, control bytes and anything after the closing brace', () => {
    const zeroed = Buffer.from(golden);
    zeroed.fill(0, 100, 4196);
    expect(checkEntryBytes(zeroed, goldenId)).toMatchObject({ ok: false, reason: 'not-json' });
    expect(checkEntryBytes(new Uint8Array(4096), goldenId)).toMatchObject({ reason: 'not-json' });
    expect(checkEntryBytes(bytes('{"reportId":"a"} x'), 'a')).toMatchObject({ reason: 'not-json' });
    expect(checkEntryBytes(bytes('{"reportId":"a\u0001"}'), 'a')).toMatchObject({
      reason: 'not-json',
    });
    expect(checkEntryBytes(bytes('{"a":[}'), 'a')).toMatchObject({ reason: 'not-json' });
    expect(checkEntryBytes(bytes('[1]'), 'a')).toMatchObject({ reason: 'not-an-object' });
    expect(checkEntryBytes(new Uint8Array([0x7b, 0xff, 0x7d]), 'a')).toMatchObject({
      reason: 'not-utf8',
    });
  });

  it('reads reportId only at the top level, with escapes and whitespace', () => {
    const nested = '{"devices":[{"reportId":"inner"}],"x":{"reportId":"deep"},"reportId":"top"}';
    expect(checkEntryBytes(bytes(nested), 'top')).toEqual({ ok: true });
    expect(checkEntryBytes(bytes('{ "reportId" : "a\\u002db" }'), 'a-b')).toEqual({ ok: true });
    // A value that merely contains the key's text is not the key.
    expect(checkEntryBytes(bytes('{"note":"reportId","b":"x"}'), 'x')).toMatchObject({
      reason: 'report-id-mismatch',
    });
    expect(checkEntryBytes(bytes('{"reportId":7}'), '7')).toMatchObject({
      reason: 'report-id-mismatch',
    });
  });
});
