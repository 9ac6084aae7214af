import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER_TABLE } from '../db/migrate.ts';
import { databaseFile, openDatabase } from '../db/open.ts';
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

describe('xiaowang-collector command line', () => {
  it('prints usage, and names a wrong command or option in the chosen language', async () => {
    expect((await run('help')).out).toContain('backup --out');
    const command = await run('frobnicate', '--lang', 'en');
    expect(command.code).toBe(EXIT.USAGE);
    expect(command.err).toContain('"frobnicate"');
    const option = await run('backup', '--outt', 'x.db');
    expect(option.code).toBe(EXIT.USAGE);
    expect(option.err).toContain('--outt');
    expect((await run('backup', '--out')).err).toContain('--out backup.db');
  });

  it('refuses to serve with a bad configuration, listing every problem', async () => {
    env = { ...env, XIAOWANG_PORT: '99999', XIAOWANG_LOG_LEVEL: 'loud' };
    const res = await run('serve', '--lang', 'en');
    expect(res.code).toBe(EXIT.USAGE);
    expect(res.err).toContain('3 problem');
    expect(res.err).toMatch(
      /XIAOWANG_PORT: .*XIAOWANG_LOG_LEVEL: .*XIAOWANG_ADMIN_TOKEN: Required/s,
    );
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    env = { ...env, XIAOWANG_PORT: String(port), XIAOWANG_ADMIN_TOKEN: 'x'.repeat(32) };
    const res = await run('serve', '--lang', 'en');
    await new Promise((resolve) => blocker.close(resolve));
    expect(res.code).toBe(EXIT.FAILED);
    expect(res.err).toContain(`127.0.0.1:${port}: the port is in use`);
  });

  it('migrates, then finds nothing to do', async () => {
    expect((await run('migrate', '--lang', 'en')).out).toContain('0001_places');
    expect((await run('migrate', '--lang', 'en')).out).toContain('up to date');
  });

  it('refuses a database newer than itself with exit code 3 and changes nothing', async () => {
    await run('migrate');
    const db = openDatabase({ file: databaseFile(temp.dir) });
    await sql`insert into ${sql.table(LEDGER_TABLE)} (name, timestamp) values ('0042_future', 'x')`.execute(
      db.kysely,
    );
    await db.close();
    const res = await run('migrate', '--lang', 'en');
    expect(res.code).toBe(EXIT.DATABASE_NEWER);
    expect(res.err).toContain('0042_future');
    expect(res.err).toContain('Upgrade xiaowang-collector');
  });

  it('backs up a database into a readable, checked copy and never overwrites a file', async () => {
    const csv = join(temp.dir, 'places.csv');
    writeFileSync(csv, '乡镇,学校,学校代码,类型\n葛城街道,第一小学,A001,中心校\n');
    expect((await run('import', '--county', '城口县', '--file', csv, '--create-county')).code).toBe(
      EXIT.OK,
    );
    const out = join(temp.dir, 'backup.db');
    const res = await run('backup', '--out', out, '--lang', 'en');
    expect(res.code).toBe(EXIT.OK);
    expect(res.out).toContain('checked');

    const copy = openDatabase({ file: out, mustExist: true });
    const schools = await copy.kysely.selectFrom('schools').select(['name', 'code']).execute();
    await copy.close();
    expect(schools).toEqual([{ name: '第一小学', code: 'A001' }]);
    expect((await run('backup', '--out', out)).code).toBe(EXIT.USAGE);
  });

  it('finishes a backup while another connection keeps writing (a server under ingest)', async () => {
    const file = databaseFile(temp.dir);
    const writer = openDatabase({ file });
    writer.sqlite.exec('create table filler (id integer primary key, v blob)');
    const fill = writer.sqlite.prepare('insert into filler (v) values (?)');
    writer.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) fill.run(Buffer.alloc(8000));
    })();
    // A write every few milliseconds: a stepwise backup would start over after each.
    const ticking = setInterval(() => fill.run(Buffer.alloc(8000)), 2);
    try {
      const res = await Promise.race([
        run('backup', '--out', join(temp.dir, 'busy.db'), '--lang', 'en'),
        new Promise<{ code: string }>((resolve) =>
          setTimeout(() => resolve({ code: 'did not finish in 20 s' }), 20_000),
        ),
      ]);
      expect(res.code).toBe(EXIT.OK);
    } finally {
      clearInterval(ticking);
      await writer.close();
    }
  }, 30_000);

  it('explains that there is nothing to back up yet', async () => {
    const res = await run('backup', '--out', join(temp.dir, 'b.db'), '--lang', 'en');
    expect(res.code).toBe(EXIT.FAILED);
    expect(res.err).toContain('There is no database');
  });

  it('imports a file, checks it in a dry run, and lists every bad row with exit code 4', async () => {
    const good = join(temp.dir, 'good.csv');
    writeFileSync(good, '乡镇,学校,学校代码,类型,教室\n葛城街道,第一小学,A001,中心校,一班\n');
    expect((await run('import', '--county', '城口县', '--file', good)).err).toContain(
      '--create-county',
    );

    const dry = await run(
      'import',
      '--county',
      '城口县',
      '--file',
      good,
      '--create-county',
      '--dry-run',
    );
    expect(dry.code).toBe(EXIT.OK);
    expect(dry.out).toContain('试运行');

    const bad = join(temp.dir, 'bad.csv');
    writeFileSync(
      bad,
      '乡镇,学校,学校代码,类型,教室\n葛城街道,第一小学,A001,城堡,一班\n,第二小学,A002,村小,\n',
    );
    const rejected = await run('import', '--county', '城口县', '--file', bad);
    expect(rejected.code).toBe(EXIT.IMPORT_REJECTED);
    expect(rejected.err).toContain('2 处问题');
    expect(rejected.err).toContain('第 2 行，“类型”列');
    expect(rejected.err).toContain('第 3 行，“乡镇”列');

    const done = await run('import', '--county', '城口县', '--file', good, '--lang', 'en');
    expect(done.code).toBe(EXIT.OK);
    expect(done.out).toContain('Schools: 1 new');
  });
});
