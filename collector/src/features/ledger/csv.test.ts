import { describe, expect, it } from 'vitest';
import { csvField, guardFormula, toCsv } from './csv.ts';
import { contentDisposition, ledgerFileName } from './file-name.ts';
import { formatPercent } from './format-values.ts';

describe('guardFormula', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+86 23 1234', "'+86 23 1234"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['  =1', "'  =1"],
    ['城口中学', '城口中学'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (text, guarded) => {
    expect(guardFormula(text)).toBe(guarded);
  });
});

describe('CSV text', () => {
  it('quotes commas, quotes and line breaks, and ends every line with CRLF after a BOM', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(toCsv([['x', 'y\nz']])).toBe('\uFEFFx,"y\nz"\r\n');
  });
});

describe('file names', () => {
  it('encodes the UTF-8 name per RFC 5987, including the characters encodeURIComponent keeps', () => {
    expect(contentDisposition("县(1)'*.csv", 'ledger.csv')).toBe(
      `attachment; filename="ledger.csv"; filename*=UTF-8''%E5%8E%BF%281%29%27%2A.csv`,
    );
    expect(ledgerFileName('城口/县"\u0007', '2026-11-27', 'zh-CN')).toBe(
      '城口_县__-达标台账-2026-11-27',
    );
  });

  it('writes percentages with at most one decimal', () => {
    expect([0.6, 1, 0.756, 0.12345, 0].map(formatPercent)).toEqual([
      '60%',
      '100%',
      '75.6%',
      '12.3%',
      '0%',
    ]);
  });
});
