import { describe, expect, it } from 'vitest';
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

  it('merges overlapping walks without duplicates', () => {
    const ws = new WalkSet();
    ws.addWalk('1.3.6.1.2.1.31.1.1.1', [int('1.3.6.1.2.1.31.1.1.1.15.1', 1000)]);
    ws.addWalk('1.3.6.1.2.1.31.1.1.1.15', [int('1.3.6.1.2.1.31.1.1.1.15.1', 1000)]);
    expect(ws.subtree('1.3.6.1.2.1.31.1.1.1')).toHaveLength(1);
  });
});
