import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseFile, openDatabase } from '../db/open.ts';
import { placeFactory } from '../testing/factories.ts';
import { makeTempDir } from '../testing/test-db.ts';
import type { CommandIo } from './cli-error.ts';
import { EXIT } from './cli-error.ts';
import { main } from './main.ts';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await main([...argv, '--lang', 'en'], io, { XIAOWANG_DATA_DIR: temp.dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function countyWithSchools(name: string, schools: number) {
  const database = openDatabase({ file: databaseFile(temp.dir) });
  try {
    await migrateToLatest(database.kysely);
    const places = placeFactory(database.kysely);
    const county = await places.county({ name });
    const town = await places.town(county.id);
    for (let i = 0; i < schools; i++) await places.school(town.id);
  } finally {
    await database.close();
  }
}

describe('xiaowang-collector recompute', () => {
  it('recomputes a county’s day and says what it wrote', async () => {
    await countyWithSchools('城口县', 2);
    const res = await run('recompute', '--county', '城口县', '--date', '2026-11-27');
    expect(res).toMatchObject({ code: EXIT.OK, err: '' });
    expect(res.out).toBe(
      'Recomputed 城口县 for 2026-11-27: 2 schools, 14 school figures, 14 town and county figures.',
    );
    const database = openDatabase({ file: databaseFile(temp.dir) });
    const rows = await database.kysely.selectFrom('school_daily_results').select('day').execute();
    await database.close();
    expect(new Set(rows.map((r) => r.day))).toEqual(new Set(['2026-11-27']));
  });

  it('names a bad date, a missing county option and an unknown county', async () => {
    await countyWithSchools('城口县', 1);
    const date = await run('recompute', '--county', '城口县', '--date', '2026-02-30');
    expect(date.code).toBe(EXIT.USAGE);
    expect(date.err).toContain('"2026-02-30"');
    expect((await run('recompute')).err).toContain('--county');
    const unknown = await run('recompute', '--county', '巫溪县');
    expect(unknown.code).toBe(EXIT.USAGE);
    expect(unknown.err).toContain('城口县');
  });
});
