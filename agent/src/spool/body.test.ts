import { describe, expect, it } from 'vitest';
import { bodyByteLength, bodyPieces } from './body.ts';
import { bodyPrefix } from './testing/faulty-fs.ts';

describe('report bodies', () => {
  const text = '{"name":"校网"}';
  const bytes = Buffer.from(text);
  const pieces = [bytes.subarray(0, 10), bytes.subarray(10, 11), bytes.subarray(11)];

  it('counts UTF-8 bytes, not characters, in every form', () => {
    expect(bodyByteLength(text)).toBe(bytes.length);
    expect(bodyByteLength(text)).toBeGreaterThan(text.length);
    expect(bodyByteLength(bytes)).toBe(bytes.length);
    expect(bodyByteLength(pieces)).toBe(bytes.length);
    expect(bodyByteLength([])).toBe(0);
  });

  it('gives pieces that join to the document, without copying bytes', () => {
    expect(Buffer.concat(bodyPieces(text)).equals(bytes)).toBe(true);
    expect(bodyPieces(bytes)[0]).toBe(bytes);
    expect(bodyPieces(pieces)).toBe(pieces);
  });

  it('cuts a prefix across pieces', () => {
    expect(Buffer.concat(bodyPrefix(pieces, 12)).equals(bytes.subarray(0, 12))).toBe(true);
    expect(Buffer.concat(bodyPrefix(pieces, 0))).toHaveLength(0);
    expect(Buffer.concat(bodyPrefix(pieces, 1000)).equals(bytes)).toBe(true);
  });
});
