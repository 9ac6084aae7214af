import { describe, expect, it } from 'vitest';
import { counter64String, counterFromBytes, counterToString, COUNTER64_MAX } from './counter64.ts';

describe('Counter64 as decimal text', () => {
  it('keeps values above 2^53 exact', () => {
    const big = 6531501439209252n * 2n + 1n;
    expect(counterToString(big)).toBe('13063002878418505');
    expect(counterToString(COUNTER64_MAX)).toBe('18446744073709551615');
  });

  it('decodes big-endian bytes of any length, including a leading zero byte', () => {
    expect(counterFromBytes(Uint8Array.from([0x01, 0x00]))).toBe(256n);
    expect(
      counterFromBytes(Uint8Array.from([0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
    ).toBe(COUNTER64_MAX);
    expect(counterFromBytes(new Uint8Array())).toBe(0n);
  });

  it('rejects what is not an unsigned 64-bit decimal', () => {
    for (const bad of ['-1', '1.5', '01', '18446744073709551616', '', '0x10', '1e3']) {
      expect(counter64String.safeParse(bad).success, bad).toBe(false);
    }
    expect(counter64String.safeParse('99999999999999999999').success).toBe(false);
    for (const good of [
      '0',
      '9999999999999999999',
      '10000000000000000000',
      '18446744073709551615',
    ]) {
      expect(counter64String.safeParse(good).success, good).toBe(true);
    }
    expect(() => counterToString(-1n)).toThrow(/expected 0\.\.2\^64-1/);
  });
});
