import { randomBytes } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, crc32Combine, holeMarker, SplicedPage } from './spliced-page.ts';

describe('SplicedPage', () => {
  const marker = holeMarker();
  const text = (n: number) =>
    Array.from({ length: n }, (_, i) => `<tr><td>学校 ${i}</td><td>${i % 7}</td></tr>`).join('');

  it('gives the same bytes plain and through gzip, for small, large and empty holes', () => {
    const page = SplicedPage.build(
      `<html>${marker}<main>${text(3000)}${marker}</main></html>`,
      marker,
      2,
    );
    expect(page?.holes).toBe(2);
    for (const fills of [
      ['<span>张三</span>', text(20)],
      ['', ''],
      ['x'.repeat(70_000), text(4000)],
      [randomBytes(3000).toString('base64'), '<p>&lt;script&gt;</p>'],
    ]) {
      const plain = page?.plain(fills);
      const expected = `<html>${fills[0]}<main>${text(3000)}${fills[1]}</main></html>`;
      expect(plain?.toString('utf8')).toBe(expected);
      const zipped = page?.gzip(fills) ?? Buffer.alloc(0);
      expect(zipped.length).toBeLessThan(Buffer.byteLength(expected));
      // gunzip checks the CRC-32 and the length in the trailer.
      expect(gunzipSync(zipped).toString('utf8')).toBe(expected);
    }
  });

  it('handles a hole first or last, and a page without holes', () => {
    const first = SplicedPage.build(`${marker}rest`, marker, 1);
    expect(gunzipSync(first?.gzip(['head']) ?? Buffer.alloc(0)).toString()).toBe('headrest');
    const last = SplicedPage.build(`head${marker}`, marker, 1);
    expect(gunzipSync(last?.gzip(['tail']) ?? Buffer.alloc(0)).toString()).toBe('headtail');
    const none = SplicedPage.build('whole', marker, 0);
    expect(gunzipSync(none?.gzip([]) ?? Buffer.alloc(0)).toString()).toBe('whole');
  });

  it('refuses to build when the marker does not occur as often as expected', () => {
    expect(SplicedPage.build(`a${marker}b`, marker, 2)).toBeUndefined();
    expect(SplicedPage.build(`a${marker}b${marker}c${marker}`, marker, 2)).toBeUndefined();
    expect(() => SplicedPage.build(`a${marker}b`, marker, 1)?.plain([])).toThrow(/1 holes/);
  });

  it('combines CRC-32s as zlib does', () => {
    for (const [a, b] of [
      [0, 0],
      [1, 1],
      [100, 65_537],
      [250_000, 3],
    ] as const) {
      const x = randomBytes(a);
      const y = randomBytes(b);
      expect(crc32Combine(crc32(x), crc32(y), y.length)).toBe(crc32(Buffer.concat([x, y])));
    }
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0, *', false],
    ['*;q=0', false],
    ['br', false],
    ['identity', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('is false without the header', () => {
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
