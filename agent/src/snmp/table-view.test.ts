import { describe, expect, it } from 'vitest';
import { packVarbinds } from '../testing/packed-varbinds.ts';
import { oidContent } from './ber.ts';
import { compareOids } from './oid.ts';
import {
  buildPackedTable,
  buildTable,
  cellBytes,
  cellCounterText,
  cellNumber,
  rowIndexes,
} from './table-view.ts';
import { asBytes, asNumber } from './varbind.ts';
import type { Table } from './table-view.ts';
import type { Varbind } from './varbind.ts';

const ENTRY = '1.3.6.1.2.1.2.2.1';
const int = (column: number, index: string, value: number): Varbind => ({
  oid: `${ENTRY}.${column}.${index}`,
  type: 'Integer',
  value,
});

/** A counter as a report carries it, the long way: through a BigInt. */
function counterReference(vb: Varbind | undefined): string | undefined {
  if (vb === undefined) return undefined;
  if (vb.type === 'Counter64') return vb.value.toString();
  if (typeof vb.value !== 'number') return undefined;
  return vb.value < 0 ? undefined : BigInt(vb.value).toString();
}

/** The table as plain maps, whatever `buildTable` made of it. */
function plain(table: Table): Record<number, Record<string, unknown>> {
  const out: Record<number, Record<string, unknown>> = {};
  for (const [column, cells] of table) {
    out[column] = Object.fromEntries([...cells].map(([index, vb]) => [index, vb.value]));
  }
  return out;
}

/** Every cell whole (OID, type and value), read through each way a column offers. */
function cellsOf(table: Table): unknown[] {
  const out: unknown[] = [];
  for (const [column, cells] of table) {
    out.push(column, [...cells.entries()], [...cells.values()]);
    cells.forEach((vb, index) => out.push(index, vb));
  }
  return out;
}

/** Two columns with the same three rows, 1, 2 and 10 (10 after 2, as numbers). */
const REGULAR: readonly Varbind[] = [
  int(2, '1', 21),
  int(2, '2', 22),
  int(2, '10', 210),
  int(3, '1', 31),
  int(3, '2', 32),
  int(3, '10', 310),
];

describe('buildTable', () => {
  it('reads every column of a regular table through the rows they share', () => {
    const table = buildTable(ENTRY, REGULAR);
    expect(plain(table)).toEqual({ 2: { 1: 21, 2: 22, 10: 210 }, 3: { 1: 31, 2: 32, 10: 310 } });
    const column = table.get(3);
    expect(column?.get('10')?.value).toBe(310);
    expect(column?.get('3')).toBeUndefined();
    expect(column?.has('2')).toBe(true);
    expect(column?.has('20')).toBe(false);
    expect(column?.size).toBe(3);
    expect([...(column?.keys() ?? [])]).toEqual(['1', '2', '10']);
    expect([...(column?.values() ?? [])].map((vb) => vb.value)).toEqual([31, 32, 310]);
    const seen: string[] = [];
    column?.forEach((vb, index) => seen.push(`${index}=${String(vb.value)}`));
    expect(seen).toEqual(['1=31', '2=32', '10=310']);
    expect(rowIndexes(table)).toEqual(['1', '2', '10']);
  });

  it('gives a column that lacks a row its own map, and the rows of every column', () => {
    const table = buildTable(ENTRY, [int(2, '1', 21), int(2, '2', 22), int(3, '2', 32)]);
    expect(plain(table)).toEqual({ 2: { 1: 21, 2: 22 }, 3: { 2: 32 } });
    expect(table.get(3)?.get('1')).toBeUndefined();
    expect(rowIndexes(table)).toEqual(['1', '2']);
  });

  it('does not mistake the same number of rows under other indexes for the same rows', () => {
    const table = buildTable(ENTRY, [
      int(2, '1', 21),
      int(2, '2', 22),
      int(3, '1', 31),
      int(3, '3', 33),
    ]);
    expect(table.get(3)?.get('2')).toBeUndefined();
    expect(table.get(3)?.get('3')?.value).toBe(33);
    expect(rowIndexes(table)).toEqual(['1', '2', '3']);
  });

  it('tells an index from its longer neighbour (1.1 is not 1.10)', () => {
    const table = buildTable(ENTRY, [int(2, '1.1', 1), int(3, '1.10', 2)]);
    expect(table.get(2)?.get('1.10')).toBeUndefined();
    expect(rowIndexes(table)).toEqual(['1.1', '1.10']);
  });

  it('skips a varbind right at entry.column, which is no cell', () => {
    const table = buildTable(ENTRY, [
      { oid: `${ENTRY}.2`, type: 'Integer', value: 0 },
      int(2, '1', 21),
      int(3, '1', 31),
    ]);
    expect(plain(table)).toEqual({ 2: { 1: 21 }, 3: { 1: 31 } });
  });

  it('sorts the rows of a set built out of order, and keeps one of a repeated index', () => {
    const table = buildTable(ENTRY, [
      int(2, '10', 210),
      int(2, '2', 22),
      int(3, '10', 310),
      int(3, '2', 32),
      int(2, '2', 23),
    ]);
    expect(table.get(2)?.get('2')?.value).toBe(23);
    expect(table.get(3)?.get('10')?.value).toBe(310);
    expect(rowIndexes(table)).toEqual(['2', '10']);
  });

  it('is empty for no varbinds', () => {
    const table = buildTable(ENTRY, []);
    expect(table.size).toBe(0);
    expect(rowIndexes(table)).toEqual([]);
  });
});

describe('buildPackedTable', () => {
  /** The packed table and the table of the same values made into varbinds first. */
  function both(varbinds: readonly Varbind[], perDatagram = 3): [Table, Table] {
    const packed = packVarbinds(varbinds, perDatagram);
    const sorted = [...varbinds].sort((a, b) => compareOids(a.oid, b.oid));
    return [
      buildPackedTable(ENTRY, oidContent(ENTRY).length, [{ packed, from: 0, to: packed.length }]),
      buildTable(ENTRY, sorted),
    ];
  }

  it('reads the same cells and rows as buildTable, regular or not', () => {
    for (const varbinds of [
      REGULAR,
      [int(2, '1', 21), int(2, '2', 22), int(3, '2', 32)],
      [int(2, '1', 21), int(2, '2', 22), int(3, '1', 31), int(3, '3', 33)],
      [int(2, '1.1', 1), int(3, '1.10', 2)],
      [{ oid: `${ENTRY}.2`, type: 'Integer' as const, value: 0 }, int(2, '1', 21), int(3, '1', 31)],
      [int(2, '128', 1), int(2, '16384', 2), int(3, '128', 3), int(3, '16384', 4)],
      [],
    ]) {
      const [packed, made] = both(varbinds);
      expect(plain(packed)).toEqual(plain(made));
      expect(cellsOf(packed)).toEqual(cellsOf(made));
      expect(rowIndexes(packed)).toEqual(rowIndexes(made));
    }
  });

  /** The same values packed one walk per column, as a check that plans columns walks them. */
  function byColumn(varbinds: readonly Varbind[], perDatagram: number): Table {
    const sorted = [...varbinds].sort((a, b) => compareOids(a.oid, b.oid));
    const columns = new Map<string, Varbind[]>();
    for (const vb of sorted) {
      const column = vb.oid.slice(0, vb.oid.indexOf('.', ENTRY.length + 1));
      columns.set(column, [...(columns.get(column) ?? []), vb]);
    }
    const spans = [...columns.values()].map((cells) => {
      const packed = packVarbinds(cells, perDatagram);
      return { packed, from: 0, to: packed.length };
    });
    return buildPackedTable(ENTRY, oidContent(ENTRY).length, spans);
  }

  it('reads a table walked column by column as one walked whole', () => {
    const [, made] = both(REGULAR);
    const split = byColumn(REGULAR, 2);
    expect(cellsOf(split)).toEqual(cellsOf(made));
    expect(rowIndexes(split)).toEqual(['1', '2', '10']);
    // A column with a row the first lacks is no regular table, and is still read whole.
    const ragged = [...REGULAR, int(3, '7', 37)];
    expect(cellsOf(byColumn(ragged, 2))).toEqual(cellsOf(both(ragged)[1]));
    // The same column in two walks (nested roots never reach here; adjacent ones might).
    const packedA = packVarbinds([int(2, '1', 21)], 1);
    const packedB = packVarbinds([int(2, '2', 22), int(3, '1', 31)], 1);
    const twice = buildPackedTable(ENTRY, oidContent(ENTRY).length, [
      { packed: packedA, from: 0, to: 1 },
      { packed: packedB, from: 0, to: 2 },
    ]);
    expect(plain(twice)).toEqual({ 2: { 1: 21, 2: 22 }, 3: { 1: 31 } });
  });

  it('reads numbers and octets off packed cells as asNumber and asBytes read the varbinds', () => {
    const bytes = (column: number, index: string, text: string): Varbind => ({
      oid: `${ENTRY}.${column}.${index}`,
      type: 'OctetString',
      value: Buffer.from(text),
    });
    const rows = ['1', '2', '300'];
    const varbinds: Varbind[] = [
      ...rows.map((r) => bytes(2, r, `port ${r}`)),
      ...rows.map((r, i) => int(3, r, -5 + i * 1000)),
      ...rows.map((r, i): Varbind => ({
        oid: `${ENTRY}.5.${r}`,
        type: 'Gauge32',
        value: 4294967295 - i,
      })),
      ...rows.map((r, i): Varbind => ({
        oid: `${ENTRY}.6.${r}`,
        type: 'Counter64',
        value: 2n ** 40n + BigInt(i),
      })),
      ...rows.map((r): Varbind => ({
        oid: `${ENTRY}.7.${r}`,
        type: 'Opaque',
        value: Uint8Array.of(1, 2),
      })),
      ...rows.map((r): Varbind => ({
        oid: `${ENTRY}.8.${r}`,
        type: 'IpAddress',
        value: '10.0.0.1',
      })),
      ...rows.map((r): Varbind => ({ oid: `${ENTRY}.9.${r}`, type: 'TimeTicks', value: 12345 })),
      // Counter64s of 7 to 9 octets, past what a number holds exactly.
      ...rows.map((r, i): Varbind => ({
        oid: `${ENTRY}.10.${r}`,
        type: 'Counter64',
        value: [2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n][i] ?? 0n,
      })),
    ];
    const [packed, made] = both(varbinds);
    const split = byColumn(varbinds, 2);
    for (const table of [packed, split]) {
      expect([...table.values()].length).toBe(8);
      for (const column of [2, 3, 5, 6, 7, 8, 9, 10, 11]) {
        for (const index of [...rows, '4']) {
          const vb = made.get(column)?.get(index);
          expect(cellNumber(table, column, index)).toBe(asNumber(vb));
          expect(cellCounterText(table, column, index)).toBe(counterReference(vb));
          const got = cellBytes(table, column, index);
          expect(got === undefined ? undefined : [...got]).toEqual(
            asBytes(vb) === undefined ? undefined : [...(asBytes(vb) ?? [])],
          );
        }
      }
    }
    expect(cellNumber(made, 3, '300')).toBe(1995);
    expect(cellCounterText(packed, 10, '300')).toBe('18446744073709551615');
    expect(cellCounterText(packed, 3, '1')).toBeUndefined();
  });

  it('agrees with buildTable on random tables with missing cells and long indexes', () => {
    let seed = 11;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const indexes = ['1', '2', '9', '10', '127', '128', '200', '16384', '1.5', '3.1.4'];
    for (let round = 0; round < 200; round++) {
      const varbinds: Varbind[] = [];
      const rows = indexes.filter(() => next() < 0.6);
      for (const column of [1, 2, 5, 13, 200]) {
        if (next() < 0.2) continue;
        for (const index of rows)
          if (next() < 0.93) varbinds.push(int(column, index, varbinds.length));
      }
      const perDatagram = 1 + Math.floor(next() * 8);
      const [packed, made] = both(varbinds, perDatagram);
      const split = byColumn(varbinds, perDatagram);
      expect(plain(packed)).toEqual(plain(made));
      expect(cellsOf(packed)).toEqual(cellsOf(made));
      expect(cellsOf(split)).toEqual(cellsOf(made));
      expect(rowIndexes(packed)).toEqual(rowIndexes(made));
      expect(rowIndexes(split)).toEqual(rowIndexes(made));
      for (const [column, cells] of made) {
        for (const index of indexes) {
          expect(packed.get(column)?.get(index)).toEqual(cells.get(index));
        }
      }
    }
  });
});
