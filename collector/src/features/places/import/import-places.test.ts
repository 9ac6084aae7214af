import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../http/render-error.ts';
import type { TestApp } from '../../../testing/test-app.ts';
import { createTestApp } from '../../../testing/test-app.ts';
import type { County, School, Town } from '../schema.ts';
import type { ImportResult } from './schema.ts';

let api: TestApp;
let county: County;
beforeEach(async () => {
  api = await createTestApp();
  county = (await api.request<County>('POST', '/api/v1/counties', { json: { name: '城口县' } }))
    .body;
});
afterEach(() => api.close());

const CSV = [
  '乡镇,学校,学校代码,类型,教室,教室类型,合同带宽(Mbps)',
  '葛城街道,城口县第一小学,5002290001,中心校,一年级一班,普通教室,500',
  '葛城街道,城口县第一小学,5002290001,中心校,"计算机教室,二楼",专用教室,',
  '',
  '修齐镇,东安教学点,5002290002,教学点,,,100M',
].join('\r\n');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function importFile(body: Uint8Array | string, type: string, query = '') {
  return api.request<ImportResult & ErrorBody>(
    'POST',
    `/api/v1/counties/${county.id}/import${query}`,
    {
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': type },
      lang: 'en',
    },
  );
}

async function schools(): Promise<School[]> {
  return (await api.request<{ items: School[] }>('GET', `/api/v1/schools?countyId=${county.id}`))
    .body.items;
}

const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);

describe('importing places', () => {
  it('imports a UTF-8 CSV with a BOM and Chinese headers', async () => {
    const res = await importFile(withBom(CSV), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: false,
      format: 'csv-utf-8',
      rows: 3,
      towns: { created: 2, unchanged: 0 },
      schools: { created: 2, updated: 0, unchanged: 0 },
      rooms: { created: 2, updated: 0, unchanged: 0 },
    });
    const stored = await schools();
    expect(stored).toEqual([
      expect.objectContaining({ code: '5002290001', kind: 'central', contractedEgressMbps: 500 }),
      expect.objectContaining({
        code: '5002290002',
        kind: 'teaching_point',
        isTeachingPoint: true,
        contractedEgressMbps: 100,
      }),
    ]);
    const rooms = await api.request<{ items: { name: string; kind: string }[] }>(
      'GET',
      `/api/v1/rooms?countyId=${county.id}`,
    );
    expect(rooms.body.items.map((r) => [r.name, r.kind])).toEqual([
      ['一年级一班', 'ordinary_classroom'],
      ['计算机教室,二楼', 'special_classroom'],
    ]);
  });

  it('imports a GB18030 CSV, as Excel saves it on Chinese Windows', async () => {
    const res = await importFile(iconv.encode(CSV, 'gb18030'), 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('csv-gb18030');
    expect((await schools()).map((s) => s.name)).toEqual(['城口县第一小学', '东安教学点']);
  });

  it('imports an XLSX workbook with English headers, sent as a multipart form', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Schools');
    sheet.addRow(['Town', 'School', 'Code', 'Kind', 'Room', 'Room kind', 'Contracted Mbps']);
    sheet.addRow([
      '坪坝镇',
      '坪坝小学',
      5002290003,
      'village primary school',
      '教室1',
      'ordinary_classroom',
      1000,
    ]);
    sheet.addRow(['坪坝镇', '坪坝小学', 5002290003, '村小', '办公室', '办公室', null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const form = new FormData();
    form.set('file', new File([bytes], 'schools.xlsx', { type: XLSX_TYPE }));
    const res = await api.request<ImportResult>('POST', `/api/v1/counties/${county.id}/import`, {
      body: form,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      format: 'xlsx',
      rows: 2,
      schools: { created: 1 },
      rooms: { created: 2 },
    });
    expect(await schools()).toEqual([
      expect.objectContaining({
        name: '坪坝小学',
        code: '5002290003',
        kind: 'village_primary',
        contractedEgressMbps: 1000,
      }),
    ]);
  });

  it('in a dry run reports what it would do and writes nothing', async () => {
    const res = await importFile(CSV, 'text/csv', '?dryRun=1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, schools: { created: 2 } });
    expect(await schools()).toEqual([]);
  });

  it('is idempotent, and updates schools matched by code, keeping a bandwidth left blank', async () => {
    expect((await importFile(CSV, 'text/csv')).status).toBe(200);
    const again = await importFile(CSV, 'text/csv');
    expect(again.body).toMatchObject({
      towns: { created: 0, unchanged: 2 },
      schools: { created: 0, updated: 0, unchanged: 2 },
      rooms: { created: 0, updated: 0, unchanged: 2 },
    });
    const renamed = [
      '乡镇,学校,学校代码,类型,合同带宽',
      '葛城街道,城口县实验小学,5002290001,中心校,',
      '修齐镇,东安村小,5002290002,村小,200',
    ].join('\n');
    const res = await importFile(renamed, 'text/csv');
    expect(res.body).toMatchObject({ schools: { created: 0, updated: 2, unchanged: 0 } });
    expect((await schools()).map((s) => [s.name, s.kind, s.contractedEgressMbps])).toEqual([
      ['城口县实验小学', 'central', 500],
      ['东安村小', 'village_primary', 200],
    ]);
  });

  it('lets two schools swap names in one import', async () => {
    await importFile(CSV, 'text/csv');
    const swapped = [
      '乡镇,学校,学校代码,类型',
      '修齐镇,城口县第一小学,5002290002,教学点',
      '葛城街道,东安教学点,5002290001,中心校',
    ].join('\n');
    expect((await importFile(swapped, 'text/csv')).status).toBe(200);
    expect((await schools()).map((s) => s.name)).toEqual(['东安教学点', '城口县第一小学']);
  });

  it('rejects a file with bad rows, writes nothing, and lists every problem with row and column', async () => {
    const bad = [
      '乡镇,学校,学校代码,类型,教室,教室类型,合同带宽',
      '葛城街道,第一小学,A001,中心校,一班,,fast', // 2: bandwidth
      '葛城街道,第一小学,A001,中心校,一班,,', // 3: room repeated
      ',第二小学,A002,城堡,,,', // 4: town empty, kind unknown
      '葛城街道,第一小学,A009,中心校,,,', // 5: same name, other code
      '葛城街道,第一小学,A001,完小,二班,,', // 6: kind differs from row 2
      '葛城街道,第三小学,A 3,中心校,,会议室,', // 7: code, room kind, room kind without room
      '葛城街道,第四小学,A004,中心校,,,', // 8: fine
    ].join('\n');
    const res = await importFile(bad, 'text/csv');
    expect(res.status).toBe(400);
    const details = res.body.error.details ?? [];
    const found = details.map((d) => [d.row, d.column]);
    expect(found).toEqual([
      [2, '合同带宽'],
      [3, '教室'],
      [4, '乡镇'],
      [4, '类型'],
      [5, '学校代码'],
      [6, '类型'],
      [7, '学校代码'],
      [7, '教室类型'],
    ]);
    expect(res.body.error.message).toContain(`${details.length} problem`);
    expect(details[0]?.message).toContain('"fast" is not a bandwidth');
    expect(details[1]?.message).toContain('row 2');
    expect(details[4]?.message).toContain('A001');
    expect((await api.request<{ items: Town[] }>('GET', '/api/v1/towns')).body.items).toEqual([]);
  });

  it('reports unknown and missing columns on row 1 before reading any row', async () => {
    const res = await importFile('乡镇,学校,类型,备注\n葛城街道,第一小学,中心校,x\n', 'text/csv');
    expect(res.status).toBe(400);
    expect((res.body.error.details ?? []).map((d) => [d.row, d.column])).toEqual([
      [1, '备注'],
      [1, '学校代码'],
    ]);
  });

  it('refuses a name already held in the county by a school the file does not mention', async () => {
    const town = (
      await api.request<Town>('POST', '/api/v1/towns', {
        json: { countyId: county.id, name: '葛城街道' },
      })
    ).body;
    await api.request('POST', '/api/v1/schools', {
      json: { townId: town.id, name: '第一小学', code: 'OLD1', kind: 'central' },
    });
    const res = await importFile(
      '乡镇,学校,学校代码,类型\n葛城街道,第一小学,NEW1,中心校\n',
      'text/csv',
    );
    expect(res.status).toBe(400);
    const details = res.body.error.details ?? [];
    expect(details.map((d) => [d.row, d.column])).toEqual([[2, '学校']]);
    expect(details[0]?.message).toContain('OLD1');
  });

  it('answers 415 for a content type it cannot read and 404 for an unknown county', async () => {
    expect((await importFile(CSV, 'image/png')).status).toBe(415);
    const res = await api.request('POST', '/api/v1/counties/999/import', {
      body: CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(404);
  });

  it('explains a file that is neither CSV nor XLSX', async () => {
    const res = await importFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), XLSX_TYPE);
    expect(res.status).toBe(400);
    expect(res.body.error.details?.[0]?.message).toContain('could not be read as CSV or XLSX');
  });
});

describe('import size limits', () => {
  it('takes files over the JSON limit but under the import limit, and refuses larger ones with 413', async () => {
    await api.close();
    api = await createTestApp({ config: { maxBodyBytes: 1024, maxImportBytes: 4096 } });
    county = (await api.request<County>('POST', '/api/v1/counties', { json: { name: '城口县' } }))
      .body;
    const rows = Array.from({ length: 40 }, (_, i) => `葛城街道,第一小学,A001,中心校,教室${i},,`);
    const medium = ['乡镇,学校,学校代码,类型,教室,教室类型,合同带宽', ...rows].join('\n');
    expect(Buffer.byteLength(medium)).toBeGreaterThan(1024);
    expect((await importFile(medium, 'text/csv')).status).toBe(200);

    const large = [medium, ...rows.map((r) => r.replace('教室', '办公室'))].join('\n');
    expect(Buffer.byteLength(large)).toBeGreaterThan(4096);
    const res = await importFile(large, 'text/csv');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
