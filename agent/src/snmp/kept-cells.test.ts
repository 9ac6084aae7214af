import { describe, expect, it } from 'vitest';
import { encodeResponse } from '../testing/ber-reply.ts';
import { scanMessage } from './ber.ts';
import { KeptCells } from './kept-cells.ts';
import type { Varbind } from './varbind.ts';

describe('KeptCells', () => {
  it('gives back the values it kept, decoded, after the datagrams are gone', () => {
    const values: Varbind[] = Array.from({ length: 300 }, (_, i) =>
      i % 3 === 0
        ? {
            oid: `1.3.6.1.2.1.31.1.1.1.1.${i}`,
            type: 'OctetString',
            value: Buffer.from(`port ${i}`),
          }
        : i % 3 === 1
          ? { oid: `1.3.6.1.2.1.31.1.1.1.6.${i}`, type: 'Counter64', value: 2n ** 63n + BigInt(i) }
          : { oid: `1.3.6.1.2.1.2.2.1.5.${i}`, type: 'Gauge32', value: 4294967295 - i },
    );
    const kept = new KeptCells();
    for (let start = 0; start < values.length; start += 50) {
      const datagram = encodeResponse(values.slice(start, start + 50));
      const reply = scanMessage(datagram);
      for (let i = 0; i < reply.count; i++) {
        kept.keep(reply.buf, reply.at[4 * i] ?? 0, reply.at[4 * i + 4] ?? 0);
      }
      datagram.fill(0);
    }
    expect(kept.count).toBe(300);
    expect(kept.decode()).toEqual(values);
    expect(kept.decode()).toEqual([]);
  });
});
