import { describe, expect, it } from 'vitest';
import { packVarbinds } from '../testing/packed-varbinds.ts';
import { snmpError } from './errors.ts';
import { WalkSet } from './walk-set.ts';

const int = (oid: string, value: number) => ({ oid, type: 'Integer' as const, value });

describe('WalkSet', () => {
  it('splits a table into columns and finds rows present in any column', () => {
    const ws = new WalkSet();
    ws.addWalk('1.3.6.1.2.1.2.2.1', [
      int('1.3.6.1.2.1.2.2.1.3.1', 6),
      int('1.3.6.1.2.1.2.2.1.3.10', 6),
      int('1.3.6.1.2.1.2.2.1.8.2', 1),
    ]);
    const table = ws.table('1.3.6.1.2.1.2.2.1');
    expect([...(table.get(3)?.keys() ?? [])]).toEqual(['1', '10']);
    expect(WalkSet.rowIndexes(table)).toEqual(['1', '2', '10']);
  });

  it('answers scalars from GETs and from covering walks, and reports walk errors', () => {
    const ws = new WalkSet();
    ws.addScalar('1.3.6.1.2.1.1.3.0', { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 5 });
    ws.addWalk('1.3.6.1.2.1.4', [int('1.3.6.1.2.1.4.25.0', 2)], snmpError('TIMEOUT', 'cut'));
    expect(ws.scalar('1.3.6.1.2.1.1.3.0')?.value).toBe(5);
    expect(ws.scalar('1.3.6.1.2.1.4.25.0')?.value).toBe(2);
    expect(ws.scalar('1.3.6.1.2.1.9.0')).toBeUndefined();
    expect(ws.errorFor('1.3.6.1.2.1.4.34.1')?.code).toBe('TIMEOUT');
    expect(ws.errorFor('1.3.6.1.2.1.1.3.0')).toBeUndefined();
    expect(ws.covers('1.3.6.1.2.1.4.34')).toBe(true);
    expect(ws.covers('1.3.6.1.2.1.47')).toBe(false);
  });

  it('forgets a walk error when the walk is added again without one', () => {
    const ws = new WalkSet();
    const error = snmpError('TIMEOUT', 'cut');
    ws.addWalk('1.3.6.1.2.1.4', [], error);
    ws.addWalk('1.3.6.1.2.1.2', [], error);
    ws.addWalk('1.3.6.1.2.1.4', [int('1.3.6.1.2.1.4.25.0', 2)]);
    expect(ws.errorFor('1.3.6.1.2.1.4.25.0')).toBeUndefined();
    expect(ws.errorFor('1.3.6.1.2.1.2.2.1')?.code).toBe('TIMEOUT');
    ws.addWalk('1.3.6.1.2.1.2', []);
    expect(ws.errorFor('1.3.6.1.2.1.2.2.1')).toBeUndefined();
    ws.addWalk('1.3.6.1.2.1.4', [], error);
    expect(ws.errorFor('1.3.6.1.2.1.4.25.0')?.code).toBe('TIMEOUT');
  });

  it('merges overlapping walks without duplicates', () => {
    const ws = new WalkSet();
    ws.addWalk('1.3.6.1.2.1.31.1.1.1', [int('1.3.6.1.2.1.31.1.1.1.15.1', 1000)]);
    ws.addWalk('1.3.6.1.2.1.31.1.1.1.15', [int('1.3.6.1.2.1.31.1.1.1.15.1', 1000)]);
    expect(ws.subtree('1.3.6.1.2.1.31.1.1.1')).toHaveLength(1);
  });
});

describe('WalkSet over packed walks', () => {
  const IF = '1.3.6.1.2.1.2.2.1';
  const walk = [
    ...[1, 2, 10, 300].map((row) => int(`${IF}.1.${row}`, row)),
    ...[1, 2, 10, 300].map((row) => int(`${IF}.8.${row}`, 1)),
    ...[1, 300].map((row) => int(`${IF}.14.${row}`, 0)),
  ];

  /** The same walks added as varbinds and as packed datagrams. */
  function pair(): [WalkSet, WalkSet] {
    const made = new WalkSet();
    const packed = new WalkSet();
    made.addWalk(IF, walk);
    packed.addWalk(IF, packVarbinds(walk, 5));
    for (const ws of [made, packed]) ws.addWalk('1.3.6.1.2.1.4', [], snmpError('TIMEOUT', 'cut'));
    return [made, packed];
  }

  it('answers subtrees, tables, scalars and presence as the varbinds do', () => {
    const [made, packed] = pair();
    for (const prefix of [
      IF,
      `${IF}.1`,
      `${IF}.8`,
      `${IF}.9`,
      `${IF}.14.300`,
      '1.3.6.1.2.1.2',
      '1.3.6.1.2.1.4',
    ]) {
      expect(packed.subtree(prefix)).toEqual(made.subtree(prefix));
      expect(packed.has(prefix)).toBe(made.has(prefix));
    }
    for (const entry of [IF, `${IF}.8`]) {
      const [a, b] = [packed.table(entry), made.table(entry)];
      expect(WalkSet.rowIndexes(a)).toEqual(WalkSet.rowIndexes(b));
      for (const [column, cells] of b) {
        expect([...(a.get(column)?.entries() ?? [])]).toEqual([...cells.entries()]);
      }
    }
    for (const oid of [`${IF}.8.10`, `${IF}.8.11`, `${IF}.14.1`, `${IF}.1`]) {
      expect(packed.scalar(oid)).toEqual(made.scalar(oid));
    }
    expect(packed.errorFor('1.3.6.1.2.1.4.20')?.code).toBe('TIMEOUT');
  });

  it('reads a table whose columns were walked one by one as the varbinds do', () => {
    const made = new WalkSet();
    const packed = new WalkSet();
    for (const column of [1, 8, 14]) {
      const root = `${IF}.${column}`;
      const cells = walk.filter((vb) => vb.oid.startsWith(`${root}.`));
      made.addWalk(root, cells);
      packed.addWalk(root, packVarbinds(cells, 3));
    }
    const [a, b] = [packed.table(IF), made.table(IF)];
    expect(WalkSet.rowIndexes(a)).toEqual(WalkSet.rowIndexes(b));
    expect([...a.keys()]).toEqual([1, 8, 14]);
    for (const [column, cells] of b) {
      expect([...(a.get(column)?.entries() ?? [])]).toEqual([...cells.entries()]);
    }
  });
});
