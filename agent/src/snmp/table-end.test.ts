import { describe, expect, it } from 'vitest';
import { noteColumn, tableProgress, valuesLeft } from './table-end.ts';

const IF = '1.3.6.1.2.1.2.2.1';

describe('table end', () => {
  it('knows what is left once the first column is read', () => {
    const progress = tableProgress(IF);
    if (progress === undefined) throw new Error('ifEntry has a known shape');
    for (let row = 1; row <= 3; row++) noteColumn(progress, 1);
    expect(valuesLeft(progress)).toBeUndefined();
    noteColumn(progress, 2);
    // Two rows of column 2, then columns 3 to 22 of three rows, then one value past the end.
    expect(valuesLeft(progress)).toBe(2 + 3 * 20 + 1);
    noteColumn(progress, 2);
    noteColumn(progress, 2);
    noteColumn(progress, 22);
    expect(valuesLeft(progress)).toBe(2 + 1);
  });

  it('promises nothing for an unknown root or a table not shaped as its MIB says', () => {
    expect(tableProgress('1.3.6.1.4.1.99999.1.1')).toBeUndefined();
    const progress = tableProgress(IF);
    if (progress === undefined) throw new Error('ifEntry has a known shape');
    noteColumn(progress, 1);
    noteColumn(progress, 2);
    noteColumn(progress, 2);
    expect(valuesLeft(progress)).toBeUndefined();
    noteColumn(progress, 23);
    expect(valuesLeft(progress)).toBeUndefined();
  });
});
