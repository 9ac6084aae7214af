import { describe, expect, it } from 'vitest';
import type { Varbind } from '@xiaowang/shared/varbind';
import { BerEncodeError } from './ber.ts';
import { MibStore } from './mib-store.ts';
import { parseOidText } from './oid-text.ts';
import { makeCounterProvider, makeUptimeProvider } from './providers.ts';

const int = (oid: string, value: number): Varbind => ({ oid, type: 'Integer', value });

function subs(text: string): Uint32Array {
  const parsed = parseOidText(text);
  if (parsed === undefined) throw new Error(`bad OID ${text}`);
  return parsed;
}

describe('MibStore', () => {
  it('sorts sub-id by sub-id as numbers, prefixes first, last duplicate wins', () => {
    const store = new MibStore([
      int('1.3.6.1.2.1.2.2.1.2.10', 1),
      int('1.3.6.1.2.1.2.2.1.2.9', 2),
      int('1.3.6.1.2.1.2.2.1.2', 3),
      int('.1.3.6.1.2.1.2.2.1.2.100', 4),
      int('1.3.6.1.2.1.2.2.1.2.9', 5),
    ]);
    expect(store.oids()).toEqual([
      '1.3.6.1.2.1.2.2.1.2',
      '1.3.6.1.2.1.2.2.1.2.9',
      '1.3.6.1.2.1.2.2.1.2.10',
      '1.3.6.1.2.1.2.2.1.2.100',
    ]);
    expect(store.get('1.3.6.1.2.1.2.2.1.2.9', 0)).toEqual(int('1.3.6.1.2.1.2.2.1.2.9', 5));
  });

  it('sets, replaces and deletes at run time, keeping order', () => {
    const store = new MibStore([int('1.3.6.1.2.1.1.7.0', 72)]);
    store.set('1.3.6.1.2.1.1.5.0', { type: 'OctetString', value: Uint8Array.from([0x61]) });
    store.set('1.3.6.1.2.1.1.7.0', int('1.3.6.1.9.9', 4));
    expect(store.oids()).toEqual(['1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.7.0']);
    expect(store.get('1.3.6.1.2.1.1.7.0', 0)).toEqual(int('1.3.6.1.2.1.1.7.0', 4));
    expect(store.delete('1.3.6.1.2.1.1.5.0')).toBe(true);
    expect(store.delete('1.3.6.1.2.1.1.5.0')).toBe(false);
    store.replaceAll([int('1.3.6.1.2.1.1.1.0', 1)]);
    expect(store.oids()).toEqual(['1.3.6.1.2.1.1.1.0']);
  });

  it('refuses values and OIDs that cannot be encoded when they are stored', () => {
    const store = new MibStore();
    expect(() => store.set('1.3.6', { type: 'Counter32', value: -1 })).toThrow(BerEncodeError);
    expect(() => store.set('1.x.6', { type: 'Null', value: null })).toThrow(BerEncodeError);
    expect(() => store.set('5.3', () => undefined)).toThrow(BerEncodeError);
    expect(() => new MibStore([int('1.3', 2 ** 40)])).toThrow(BerEncodeError);
    expect(store.size).toBe(0);
  });

  it('finds positions by binary search', () => {
    const store = new MibStore([
      int('1.3.6.1.2', 1),
      int('1.3.6.1.4.1', 2),
      int('1.3.6.1.4.1.9', 3),
    ]);
    expect(store.indexOf(subs('1.3.6.1.4.1'))).toBe(1);
    expect(store.indexOf(subs('1.3.6.1.3'))).toBe(-1);
    expect(store.lastAtOrBefore(subs('1.3'))).toBe(-1);
    expect(store.lastAtOrBefore(subs('1.3.6.1.4'))).toBe(0);
    expect(store.lastAtOrBefore(subs('1.3.6.1.4.1'))).toBe(1);
    expect(store.lastAtOrBefore(subs('1.3.6.1.4.1.9.0'))).toBe(2);
    expect(store.hasBelow(subs('1.3.6.1.4.1.1'), 6)).toBe(true);
    expect(store.hasBelow(subs('1.3.6.1.2.0'), 5)).toBe(false);
    expect(store.hasBelow(subs('1.3.6.1.3.0'), 5)).toBe(false);
  });

  it('serves providers per request from the clock', () => {
    const store = new MibStore();
    store.set('1.3.6.1.2.1.1.3.0', makeUptimeProvider(1000));
    store.set(
      '1.3.6.1.2.1.31.1.1.1.6.1',
      makeCounterProvider({
        type: 'Counter64',
        startedAtMs: 0,
        perSecond: 1000,
        initial: 2n ** 64n - 500n,
      }),
    );
    store.set(
      '1.3.6.1.2.1.2.2.1.10.1',
      makeCounterProvider({ type: 'Counter32', startedAtMs: 0, perSecond: 100 }),
    );
    store.set('1.3.6.1.2.1.1.9.0', (now) =>
      now > 5000 ? undefined : { type: 'Gauge32', value: 1 },
    );
    expect(store.get('1.3.6.1.2.1.1.3.0', 3000)?.value).toBe(200);
    expect(store.get('1.3.6.1.2.1.31.1.1.1.6.1', 0)?.value).toBe(2n ** 64n - 500n);
    expect(store.get('1.3.6.1.2.1.31.1.1.1.6.1', 1000)?.value).toBe(500n);
    expect(store.get('1.3.6.1.2.1.2.2.1.10.1', 2500)?.value).toBe(250);
    expect(store.get('1.3.6.1.2.1.1.9.0', 5000)?.value).toBe(1);
    expect(store.get('1.3.6.1.2.1.1.9.0', 6000)).toBeUndefined();
  });

  it('finds every OID of a 30,000-OID store by binary search', () => {
    const varbinds: Varbind[] = [];
    for (let row = 1; row <= 1380; row++) {
      for (let col = 1; col <= 22; col++)
        varbinds.push(int(`1.3.6.1.4.1.14823.2.2.1.5.2.1.${col}.${row}`, row));
    }
    const store = new MibStore(varbinds);
    expect(store.size).toBe(30360);
    const probes = varbinds.map((vb) => subs(vb.oid));
    let hits = 0;
    for (let i = 0; i < 100_000; i++) {
      const probe = probes[(i * 7919) % probes.length];
      if (probe !== undefined && store.lastAtOrBefore(probe) >= 0) hits++;
    }
    // Speed belongs in bench/, not here: this checks correctness at the size of a big AC.
    expect(hits).toBe(100_000);
  });
});
