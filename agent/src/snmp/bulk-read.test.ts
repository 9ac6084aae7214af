import { encodeMessage } from '@xiaowang/seeds';
import type { PduVarbind } from '@xiaowang/seeds';
import { describe, expect, it } from 'vitest';
import type { Cell, OidRef, VarbindSpans } from './ber.ts';
import { decodeMessage, isValue, oidText } from './ber.ts';
import type { BulkOutcome, BulkReadOptions } from './bulk-read.ts';
import { bulkRead } from './bulk-read.ts';
import { snmpError } from './errors.ts';
import { compareOids } from './oid.ts';
import type { Varbind } from './varbind.ts';

const int = (oid: string, value = 1): Varbind => ({ oid, type: 'Integer', value });

/** The varbinds of a real response datagram carrying `cells`, as the transport decodes it. */
function replyOf(cells: readonly Cell[]): VarbindSpans {
  const varbinds = cells.map((cell): PduVarbind => {
    if (isValue(cell)) return cell;
    if (cell.type === 'unsupported') throw new Error('not encodable here');
    return { oid: cell.oid, type: cell.type, value: null };
  });
  const datagram = encodeMessage({
    version: 1,
    community: Buffer.from('public'),
    pdu: {
      type: 'GetResponse',
      requestId: 1,
      errorStatus: 0,
      errorIndex: 0,
      varbinds,
    },
  });
  return decodeMessage(datagram);
}

const textOf = (ref: OidRef): string =>
  typeof ref === 'string' ? ref : oidText(ref.buf, ref.start, ref.end);

/** A device answering GETBULK from a sorted list, as RFC 3416 says, with optional faults. */
function device(
  varbinds: Varbind[],
  faults: { tooBigOver?: number; silentOver?: number; maxValues?: number } = {},
) {
  const mib = [...varbinds].sort((a, b) => compareOids(a.oid, b.oid));
  const requests: { oids: readonly string[]; nonRepeaters: number; reps: number }[] = [];
  /** Values the device found and sent, past a subtree's end or not. */
  const served = { cells: 0 };
  const next = (oid: string): Cell =>
    mib.find((vb) => compareOids(vb.oid, oid) > 0) ?? { oid, type: 'endOfMibView' };
  const send = (
    refs: readonly OidRef[],
    nonRepeaters: number,
    reps: number,
  ): Promise<BulkOutcome> => {
    const oids = refs.map(textOf);
    requests.push({ oids, nonRepeaters, reps });
    const size = nonRepeaters + (oids.length - nonRepeaters) * reps;
    if (faults.tooBigOver !== undefined && size > faults.tooBigOver) {
      return Promise.resolve({ ok: false, error: snmpError('TOO_BIG', 'tooBig') });
    }
    if (faults.silentOver !== undefined && size > faults.silentOver) {
      return Promise.resolve({ ok: false, error: snmpError('TIMEOUT', 'no answer') });
    }
    const cells: Cell[] = oids.slice(0, nonRepeaters).map(next);
    const cursors = oids.slice(nonRepeaters);
    for (let r = 0; r < reps && cursors.length > 0; r++) {
      for (let k = 0; k < cursors.length; k++) {
        const cell = next(cursors[k] ?? '');
        cells.push(cell);
        cursors[k] = cell.oid;
      }
    }
    const sent = cells.slice(0, faults.maxValues ?? cells.length);
    served.cells += sent.length;
    return Promise.resolve({ ok: true, reply: replyOf(sent) });
  };
  return { send, requests, served };
}

const options = (over: Partial<BulkReadOptions> = {}): BulkReadOptions => ({
  maxVarbinds: 64,
  maxRepetitions: 64,
  retries: 1,
  maxRows: 1000,
  deadlinePassed: () => false,
  isAlive: () => Promise.resolve(true),
  onRetry: () => undefined,
  ...over,
});

const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';
const table = (entry: string, columns: number, rows: number): Varbind[] =>
  Array.from({ length: columns * rows }, (_, i) =>
    int(`${entry}.${Math.floor(i / rows) + 1}.${(i % rows) + 1}`, i),
  );

describe('bulkRead', () => {
  const mib = [
    int('1.3.6.1.2.1.1.3.0', 99),
    ...table(IF, 5, 30),
    int('1.3.6.1.2.1.4.25.0', 2),
    ...table(IFX, 3, 30),
    int('1.3.6.1.6.3.1.1.0'),
  ];

  it('reads every subtree and .0 scalar in full, in OID order, in few requests', async () => {
    const d = device(mib);
    const got = await bulkRead(
      d.send,
      ['1.3.6.1.2.1.4.25.0', '1.3.6.1.2.1.4.24.6.0'],
      [IF, IFX, '1.3.6.1.2.1.47.1.1.1.1.2'],
      options(),
    );
    expect(got.walks.get(IF)?.varbinds.map((v) => v.oid)).toEqual(
      table(IF, 5, 30).map((v) => v.oid),
    );
    expect(got.walks.get(IFX)?.varbinds).toHaveLength(90);
    expect(got.walks.get('1.3.6.1.2.1.47.1.1.1.1.2')?.varbinds).toEqual([]);
    expect(got.walks.get('1.3.6.1.2.1.47.1.1.1.1.2')?.error).toBeUndefined();
    expect(got.scalars.get('1.3.6.1.2.1.4.25.0')?.value).toBe(2);
    expect(got.scalars.has('1.3.6.1.2.1.4.24.6.0')).toBe(true);
    expect(got.scalars.get('1.3.6.1.2.1.4.24.6.0')).toBeUndefined();
    expect(got.values).toBe(241);
    // First request asks once for everything; none asks for more than 64 values.
    expect(d.requests[0]).toMatchObject({ nonRepeaters: 2, reps: 1 });
    for (const r of d.requests)
      expect(r.nonRepeaters + (r.oids.length - r.nonRepeaters) * r.reps).toBeLessThanOrEqual(64);
    expect(d.requests.length).toBeLessThanOrEqual(7);
  });

  it('keeps going when a reply carries fewer values than asked', async () => {
    const d = device(mib, { maxValues: 7 });
    const got = await bulkRead(d.send, [], [IF, IFX], options());
    expect(got.walks.get(IF)?.varbinds).toHaveLength(150);
    expect(got.walks.get(IFX)?.varbinds).toHaveLength(90);
  });

  it('asks again for subtrees a reply left out after the scalars', async () => {
    const d = device(mib, { maxValues: 1 });
    const got = await bulkRead(d.send, ['1.3.6.1.2.1.4.25.0'], [IF, '1.3.6.1.2.1.47'], options());
    expect(got.scalars.get('1.3.6.1.2.1.4.25.0')?.value).toBe(2);
    expect(got.walks.get(IF)?.varbinds).toHaveLength(150);
    expect(got.walks.get('1.3.6.1.2.1.47')?.varbinds).toEqual([]);
  });

  it('reads many subtrees with a small budget without starving any', async () => {
    const columns = Array.from({ length: 5 }, (_, c) => `${IF}.${c + 1}`);
    const d = device(mib);
    const got = await bulkRead(d.send, [], [...columns, IFX], options({ maxVarbinds: 4 }));
    for (const column of columns) expect(got.walks.get(column)?.varbinds).toHaveLength(30);
    expect(got.walks.get(IFX)?.varbinds).toHaveLength(90);
    expect(d.requests.length).toBeLessThan(100);
  });

  it('shrinks on tooBig and on silence, and remembers the size that worked', async () => {
    const big = device(mib, { tooBigOver: 10 });
    const a = await bulkRead(big.send, [], [IF], options());
    expect(a.walks.get(IF)?.varbinds).toHaveLength(150);
    expect(a.maxVarbinds).toBeLessThanOrEqual(10);
    let retries = 0;
    const quiet = device(mib, { silentOver: 5 });
    const b = await bulkRead(quiet.send, [], [IF, IFX], options({ onRetry: () => retries++ }));
    expect(b.walks.get(IFX)?.varbinds).toHaveLength(90);
    expect(retries).toBeGreaterThan(0);
  });

  it('stops a subtree that goes backwards, and one that never ends', async () => {
    const looping = (): Promise<BulkOutcome> =>
      Promise.resolve({ ok: true, reply: replyOf([int(`${IF}.1.5`), int(`${IF}.1.4`)]) });
    const got = await bulkRead(looping, [], [IF], options());
    expect(got.walks.get(IF)?.error?.code).toBe('WALK_LOOP');
    expect(got.walks.get(IF)?.varbinds).toHaveLength(1);
    const capped = await bulkRead(device(mib).send, [], [IF], options({ maxRows: 40 }));
    expect(capped.walks.get(IF)?.error?.code).toBe('WALK_ROW_CAP');
    expect(capped.walks.get(IF)?.varbinds).toHaveLength(40);
  });

  it('calls a step back that lands before the subtree a loop, not the end of the table', async () => {
    // An answer before the root is outside the subtree too; only its order tells it apart.
    const stepsOut = (): Promise<BulkOutcome> =>
      Promise.resolve({
        ok: true,
        reply: replyOf([int(`${IF}.1.1`), int('1.3.6.1.2.1.1.3.0')]),
      });
    const got = await bulkRead(stepsOut, [], [IF], options());
    expect(got.walks.get(IF)?.error?.code).toBe('WALK_LOOP');
    expect(got.walks.get(IF)?.varbinds).toHaveLength(1);
    // Past the end, in order, is the normal end of a walk.
    const ends = await bulkRead(device(mib).send, [], [IF], options());
    expect(ends.walks.get(IF)?.error).toBeUndefined();
  });

  it('grows back after one lost answer, and not past a size that drew tooBig', async () => {
    const d = device(mib);
    let lost = false;
    const loseOne = (oids: readonly OidRef[], nonRepeaters: number, reps: number) => {
      if (!lost && reps > 1) {
        lost = true;
        return Promise.resolve<BulkOutcome>({ ok: false, error: snmpError('TIMEOUT', 'lost') });
      }
      return d.send(oids, nonRepeaters, reps);
    };
    const got = await bulkRead(loseOne, [], [IF, IFX], options({ maxVarbinds: 16 }));
    expect(got.walks.get(IF)?.varbinds).toHaveLength(150);
    const sizes = d.requests.map((r) => (r.oids.length - r.nonRepeaters) * r.reps);
    expect(Math.min(...sizes.slice(1))).toBeLessThanOrEqual(8);
    expect(Math.max(...sizes.slice(3))).toBeGreaterThanOrEqual(12);
    const big = device(mib, { tooBigOver: 20 });
    const capped = await bulkRead(big.send, [], [IF], options({ maxVarbinds: 64 }));
    expect(capped.walks.get(IF)?.varbinds).toHaveLength(150);
    expect(capped.growTo).toBeLessThanOrEqual(48);
    const tooBigAnswers = big.requests.filter((r) => r.reps > 20).length;
    expect(tooBigAnswers).toBeLessThanOrEqual(3);
  });

  it('gives up an item that times out at the smallest size, and the rest when the device is gone', async () => {
    const silent = (): Promise<BulkOutcome> =>
      Promise.resolve({ ok: false, error: snmpError('TIMEOUT', 'no answer') });
    const alive = await bulkRead(silent, [], [IF, IFX], options({ retries: 0 }));
    expect(alive.walks.get(IF)?.error?.code).toBe('TIMEOUT');
    expect(alive.walks.get(IFX)?.error?.code).toBe('TIMEOUT');
    const gone = await bulkRead(
      silent,
      ['1.3.6.1.2.1.4.25.0'],
      [IF, IFX],
      options({ retries: 0, isAlive: () => Promise.resolve(false) }),
    );
    const messages = [...gone.walks.values()].map((w) => w.error?.message ?? '');
    expect(messages.some((m) => m.includes('stopped answering'))).toBe(true);
    expect(gone.scalarErrors.size + messages.length).toBe(3);
  });

  it('stops at the deadline and keeps what it read', async () => {
    let calls = 0;
    const d = device(mib);
    const got = await bulkRead(
      (...args) => {
        calls++;
        return d.send(...args);
      },
      [],
      [IF],
      options({ maxVarbinds: 8, deadlinePassed: () => calls >= 3 }),
    );
    expect(got.walks.get(IF)?.error?.code).toBe('DEADLINE');
    expect(got.walks.get(IF)?.varbinds.length).toBeGreaterThan(0);
  });
});

describe('bulkRead at the end of a standard table', () => {
  const after = [int('1.3.6.1.2.1.4.1.0'), ...table('1.3.6.1.2.1.4.20.1', 5, 40)];

  it('asks no further than one value past the last row of the last column', async () => {
    const d = device([...table(IF, 22, 30), ...after]);
    const got = await bulkRead(d.send, [], [IF], options());
    expect(got.walks.get(IF)?.varbinds.map((v) => v.oid)).toEqual(
      table(IF, 22, 30).map((v) => v.oid),
    );
    expect(d.served.cells - got.values).toBe(1);
    // The same table under a root whose shape is not known runs a reply past its end.
    const other = '1.3.6.1.4.1.99999.1.1';
    const plain = device([...table(other, 22, 30), ...after]);
    const read = await bulkRead(plain.send, [], [other], options());
    expect(read.values).toBe(660);
    expect(plain.served.cells - read.values).toBe(45);
    expect(d.requests.length).toBe(plain.requests.length);
  });

  it('reads a table without its last columns, or with a column longer than the first, whole', async () => {
    const short = device([...table(IF, 20, 40), ...after]);
    expect((await bulkRead(short.send, [], [IF], options())).values).toBe(800);
    const longer = [...table(IF, 22, 10), int(`${IF}.3.11`), int(`${IF}.22.11`)];
    const uneven = device([...longer, ...after]);
    const got = await bulkRead(uneven.send, [], [IF], options());
    expect(got.walks.get(IF)?.varbinds.map((v) => v.oid)).toEqual(
      [...longer].sort((a, b) => compareOids(a.oid, b.oid)).map((v) => v.oid),
    );
  });

  it('stops a reply at a shorter table’s end when that saves more than a request', async () => {
    const mib = [...table(IF, 22, 40), ...table(IFX, 19, 8), ...after];
    const d = device(mib);
    const got = await bulkRead(d.send, [], [IF, IFX], options());
    expect(got.values).toBe(22 * 40 + 19 * 8);
    // Past a table's end: one value each, and at most what a request costs (16) where a
    // reply is shared with a longer table.
    expect(d.served.cells - got.values).toBeLessThanOrEqual(16 + 2);
    expect(d.requests.length).toBeLessThanOrEqual(Math.ceil(got.values / 64) + 3);
    // The same tables under roots whose shape is not known run well past both ends.
    const [a, b] = ['1.3.6.1.4.1.99999.1.1', '1.3.6.1.4.1.99999.2.1'];
    const plain = device([...table(a, 22, 40), ...table(b, 19, 8), ...after]);
    const read = await bulkRead(plain.send, [], [a, b], options());
    expect(read.values).toBe(got.values);
    expect(plain.served.cells - read.values).toBeGreaterThan(40);
  });
});
