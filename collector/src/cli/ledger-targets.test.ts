import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../db/open.ts';
import { complianceFactory } from '../testing/compliance-factories.ts';
import { makeTempDir } from '../testing/test-db.ts';
import type { CommandIo } from './cli-error.ts';
import { EXIT } from './cli-error.ts';
import { main } from './main.ts';

let temp: ReturnType<typeof makeTempDir>;
let env: Record<string, string>;
beforeEach(() => {
  temp = makeTempDir();
  env = { XIAOWANG_DATA_DIR: temp.dir };
});
afterEach(() => temp.remove());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await main(argv, io, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** 城口县 with one school below the Chengkou target on 2026-11-27. */
async function seedCounty() {
  const csv = join(temp.dir, 'places.csv');
  writeFileSync(csv, '乡镇,学校,学校代码,类型\n葛城街道,第一小学,A001,中心校\n');
  expect((await run('import', '--county', '城口县', '--file', csv, '--create-county')).code).toBe(
    EXIT.OK,
  );
  const applied = await run('targets', '--county', '城口县', '--apply-preset', 'chengkou');
  expect(applied.code).toBe(EXIT.OK);
  expect(applied.out).toContain('room_coverage（教室无线覆盖率）：已新建');
  const database = openDatabase({ file: databaseFile(temp.dir) });
  try {
    const school = await database.kysely
      .selectFrom('schools')
      .select(['id', 'county_id as countyId', 'town_id as townId'])
      .executeTakeFirstOrThrow();
    await complianceFactory(database.kysely).result(
      school,
      { day: '2026-11-27', indicator: 'room_coverage', status: 'not_met' },
      { value: 0.5, numerator: 1, denominator: 2, threshold: 1 },
    );
  } finally {
    await database.close();
  }
}

describe('xiaowang-collector targets and ledger', () => {
  it('applies a preset, records the shell user, and lists the targets in force', async () => {
    await seedCounty();
    const list = await run('targets', '--county', '城口县', '--list', '--date', '2023-05-01');
    expect(list.code).toBe(EXIT.OK);
    expect(list.out).toContain('2022-01-01 ≥ 60%, 2025-01-01 ≥ 100%；当前生效：2022-01-01 ≥ 60%');
    expect(list.out).toContain('《城口县教育事业发展“十四五”规划》');
    const again = await run(
      'targets',
      '--county',
      '城口县',
      '--apply-preset',
      'chengkou',
      '--lang',
      'en',
    );
    expect(again.out).toContain('room_coverage (room wireless coverage): unchanged');

    const database = openDatabase({ file: databaseFile(temp.dir) });
    const audit = await database.kysely.selectFrom('audit_log').select('actor').execute();
    await database.close();
    expect(audit.map((a) => a.actor)).toEqual([expect.stringMatching(/^cli/)]);
  });

  it('names a missing action, an unknown preset and an unknown county', async () => {
    await seedCounty();
    expect((await run('targets', '--county', '城口县')).err).toContain('--apply-preset');
    const preset = await run(
      'targets',
      '--county',
      '城口县',
      '--apply-preset',
      'x',
      '--lang',
      'en',
    );
    expect(preset.code).toBe(EXIT.USAGE);
    expect(preset.err).toContain('There is no preset "x"');
    const county = await run('ledger', '--county', '北京', '--out', join(temp.dir, 'a.csv'));
    expect(county.code).toBe(EXIT.USAGE);
    expect(county.err).toContain('城口县');
  });

  it('writes the ledger as XLSX, or as CSV with English headers', async () => {
    await seedCounty();
    const xlsx = join(temp.dir, '台账.xlsx');
    const res = await run('ledger', '--county', '城口县', '--date', '2026-11-27', '--out', xlsx);
    expect(res.code).toBe(EXIT.OK);
    expect(res.out).toContain('未达标 1 条');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(xlsx)).buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '教室无线覆盖率']);
    expect(book.getWorksheet('教室无线覆盖率')?.getCell('B5').value).toBe('第一小学');

    const csv = join(temp.dir, 'ledger.csv');
    const args = ['--county', '城口县', '--date', '2026-11-27', '--out', csv, '--lang', 'en'];
    expect((await run('ledger', ...args)).code).toBe(EXIT.OK);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFTown / district,School,')).toBe(true);
    expect(text).toContain(
      ',第一小学,A001,central school,room wireless coverage,not met,50% (1/2),',
    );
  });

  it('refuses an output that is neither .xlsx nor .csv, and a date that is not one', async () => {
    await seedCounty();
    const pdf = await run('ledger', '--county', '城口县', '--out', 'x.pdf', '--lang', 'en');
    expect(pdf.code).toBe(EXIT.USAGE);
    expect(pdf.err).toContain('.xlsx or .csv');
    const date = await run(
      'ledger',
      '--county',
      '城口县',
      '--out',
      'x.csv',
      '--date',
      '2026-02-30',
    );
    expect(date.err).toContain('2026-02-30');
  });
});
