import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp, TEST_ADMIN_TOKEN } from '../../testing/test-app.ts';
import { DAY, EVIL_NAME, ledgerCounty } from './testing/ledger-county.ts';

let api: TestApp;
beforeEach(async () => {
  api = await createTestApp();
});
afterEach(() => api.close());

async function download(query: string, lang?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
  if (lang !== undefined) headers['accept-language'] = lang;
  const res = await api.app.request(`/api/v1/ledger?${query}`, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('ledger as CSV', () => {
  it('is UTF-8 with a BOM and CRLF, headed in Chinese, with figures written for people', async () => {
    const { county } = await ledgerCounty(api);
    const { res, bytes } = await download(`countyId=${county.id}&date=${DAY}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, three rows, and the final line end
    expect(lines[0]).toBe(
      '乡镇/学区,学校,学校代码,学校类型,指标,状态,实测值,目标值,未知原因,未达标起始日,依据文件',
    );
    expect(lines[1]).toBe(
      "葛城街道,'=cmd|' /C calc'!A0,A001,完小,教室无线覆盖率,未达标,75%（3/4）,≥ 100%,,2026-11-01,城口县教育事业发展“十四五”规划",
    );
    expect(lines[2]).toContain(
      ',巴山教学点,B002,教学点,教室无线覆盖率,状态未知,,≥ 100%,缺少教室清单,,',
    );
    expect(lines[3]).toContain(',上联千兆,未达标,100 Mbit/s,≥ 1000 Mbit/s,,2026-10-15,');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ledger-${county.id}-${DAY}.csv"; filename*=UTF-8''${encodeURIComponent(`城口县-达标台账-${DAY}.csv`)}`,
    );
  });

  it('heads the columns in English for an English reader', async () => {
    const { county } = await ledgerCounty(api);
    const query = `countyId=${county.id}&date=${DAY}&format=csv&indicator=uplink_1000m`;
    const { res, bytes } = await download(query, 'en-US,en;q=0.9');
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      'Town / district,School,School code,Kind,Indicator,Status,Measured,Target,Why unknown,Failing since,Source document',
    );
    expect(lines[1]).toContain(',1000M uplink,not met,100 Mbit/s,≥ 1000 Mbit/s,');
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent(`城口县-ledger-${DAY}.csv`),
    );
  });
});

describe('ledger as XLSX', () => {
  it('has a summary and a sheet per target in force, plain cells under the source sentence', async () => {
    const { county } = await ledgerCounty(api);
    const { res, bytes } = await download(`countyId=${county.id}&date=${DAY}&format=xlsx`);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`城口县-达标台账-${DAY}.xlsx`)}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '教室无线覆盖率',
      '学校有无线网络',
      '上联千兆',
    ]);
    const summary = book.getWorksheet('汇总');
    expect(summary?.getCell('A1').value).toBe(`城口县未达标及状态未知学校台账（${DAY}）`);
    expect(rowValues(summary, 3)).toEqual([
      '指标',
      '目标值',
      '生效日期',
      '依据文件',
      '有结果的学校数',
      '未达标',
      '状态未知',
    ]);
    expect(rowValues(summary, 4)).toEqual([
      '教室无线覆盖率',
      '≥ 100%',
      '2025-01-01',
      '城口县教育事业发展“十四五”规划',
      3,
      1,
      1,
    ]);

    const sheet = book.getWorksheet('教室无线覆盖率');
    expect(sheet?.getCell('A1').value).toContain('“1+3彩云计划”智慧教育工程');
    expect(sheet?.getCell('A2').value).toBe('目标：≥ 100%，自 2025-01-01 起生效');
    expect(rowValues(sheet, 4)).toEqual([
      '乡镇/学区',
      '学校',
      '学校代码',
      '学校类型',
      '状态',
      '实测值',
      '分子',
      '分母',
      '目标值',
      '未知原因',
      '未达标起始日',
    ]);
    expect(sheet?.getRow(4).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet?.getColumn(2).width).toBe(28);
    const evil = sheet?.getCell('B5');
    expect(evil?.type).toBe(ExcelJS.ValueType.String);
    expect(evil?.value).toBe(EVIL_NAME);
    expect(evil?.formula).toBeUndefined();
    expect(rowValues(sheet, 5).slice(4, 9)).toEqual(['未达标', 0.75, 3, 4, 1]);
    expect(sheet?.getCell('F5').numFmt).toBe('0.0%');
    expect(rowValues(sheet, 6)).toEqual([
      '巴山镇',
      '巴山教学点',
      'B002',
      '教学点',
      '状态未知',
      null,
      null,
      null,
      1,
      '缺少教室清单',
      '',
    ]);
    expect(book.getWorksheet('上联千兆')?.getCell('F5').value).toBe(100);
  });
});

function rowValues(sheet: ExcelJS.Worksheet | undefined, row: number): unknown[] {
  const values = sheet?.getRow(row).values;
  return Array.isArray(values) ? Array.from(values.slice(1), (v: unknown) => v ?? null) : [];
}
