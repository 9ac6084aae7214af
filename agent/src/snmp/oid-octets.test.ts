import { describe, expect, it } from 'vitest';
import { oidContent } from './ber.ts';
import { compareOids, isUnder } from './oid.ts';
import { compareOctets, isUnderOctets, sameOctets, subIdEnd, subIdValue } from './oid-octets.ts';

/** A small deterministic generator, so a failure names the OIDs it found. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

/** OIDs that share prefixes and mix one- to five-octet sub-identifiers. */
function oids(count: number, seed: number): string[] {
  const next = random(seed);
  const sizes = [0, 1, 9, 127, 128, 255, 16383, 16384, 2097151, 2097152, 4294967295];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const arcs = ['1', '3', '6', '1'];
    const length = 1 + Math.floor(next() * 5);
    for (let k = 0; k < length; k++) {
      const pick = next();
      arcs.push(
        String(pick < 0.5 ? Math.floor(next() * 3) : sizes[Math.floor(next() * sizes.length)]),
      );
    }
    out.push(arcs.join('.'));
  }
  return out;
}

describe('OIDs compared as BER octets', () => {
  it('orders and nests every pair as the dotted text does', () => {
    const list = oids(300, 7);
    const octets = list.map(oidContent);
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j += 7) {
        const a = octets[i] ?? new Uint8Array();
        const b = octets[j] ?? new Uint8Array();
        const [x, y] = [list[i] ?? '', list[j] ?? ''];
        expect([x, y, Math.sign(compareOctets(a, 0, a.length, b, 0, b.length))]).toEqual([
          x,
          y,
          Math.sign(compareOids(x, y)),
        ]);
        expect([x, y, isUnderOctets(a, 0, a.length, b)]).toEqual([x, y, isUnder(x, y)]);
        expect(sameOctets(a, 0, a.length, b, 0, b.length)).toBe(x === y);
      }
    }
  });

  it('tells a longer sub-identifier from a larger first octet', () => {
    // 256 is 0x82 0x00; 16384 is 0x81 0x80 0x00: the first octet alone would order them wrong.
    const a = oidContent('1.3.256');
    const b = oidContent('1.3.16384');
    expect(compareOctets(a, 0, a.length, b, 0, b.length)).toBe(-1);
    expect(compareOctets(b, 0, b.length, a, 0, a.length)).toBe(1);
  });

  it('skips the octets the caller says both share', () => {
    const a = oidContent('1.3.6.1.2.1.2.2.1.10.3');
    const b = oidContent('1.3.6.1.2.1.2.2.1.9.3');
    const root = oidContent('1.3.6.1.2.1.2.2.1').length;
    expect(compareOctets(a, 0, a.length, b, 0, b.length, root)).toBe(1);
  });

  it('reads one sub-identifier at a time', () => {
    const oid = oidContent('1.3.200.7');
    expect(subIdValue(oid, 1, oid.length)).toBe(200);
    expect(subIdEnd(oid, 1, oid.length)).toBe(3);
    expect(subIdValue(oid, 3, oid.length)).toBe(7);
  });
});
