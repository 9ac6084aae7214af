import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseFile, openDatabase } from '../db/open.ts';
import { addRecipient } from '../features/digest/add-recipient.ts';
import type { SmtpSink } from '../features/digest/testing/smtp-sink.ts';
import { SINK_PASSWORD, SINK_USER, startSmtpSink } from '../features/digest/testing/smtp-sink.ts';
import { placeFactory } from '../testing/factories.ts';
import { makeTempDir } from '../testing/test-db.ts';
import type { CommandIo } from './cli-error.ts';
import { EXIT } from './cli-error.ts';
import { main } from './main.ts';

let temp: ReturnType<typeof makeTempDir>;
let sink: SmtpSink;
let countyId: number;
beforeEach(async () => {
  temp = makeTempDir();
  sink = await startSmtpSink();
  const database = openDatabase({ file: databaseFile(temp.dir) });
  try {
    await migrateToLatest(database.kysely);
    const places = placeFactory(database.kysely);
    const county = await places.county({ name: '城口县' });
    await places.school((await places.town(county.id)).id, { name: '城口中学' });
    countyId = county.id;
    const input = { countyId, email: 'jyj@qx.example', townId: null, lang: 'zh-CN' as const };
    await addRecipient({ db: database.kysely, clock: () => new Date(), actor: 'test', input });
  } finally {
    await database.close();
  }
});
afterEach(async () => {
  await sink.close();
  temp.remove();
});

function env(mail: boolean) {
  const smtp = {
    XIAOWANG_SMTP_HOST: '127.0.0.1',
    XIAOWANG_SMTP_PORT: String(sink.port),
    XIAOWANG_SMTP_REQUIRE_TLS: 'false',
    XIAOWANG_SMTP_USER: SINK_USER,
    XIAOWANG_SMTP_PASSWORD: SINK_PASSWORD,
    XIAOWANG_MAIL_FROM: '校网 <xiaowang@qx.example>',
    XIAOWANG_PUBLIC_URL: 'https://xiaowang.qx.example/',
  };
  return { XIAOWANG_DATA_DIR: temp.dir, ...(mail ? smtp : {}) };
}

async function run(argv: string[], mail = true) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await main(['digest', ...argv], io, env(mail));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('xiaowang-collector digest', () => {
  it('--dry-run prints the mail and writes it as .eml or .html, sending nothing', async () => {
    const eml = join(temp.dir, 'digest.eml');
    const res = await run(
      ['--county', '城口县', '--date', '2026-11-27', '--dry-run', '--out', eml],
      false,
    );
    expect(res).toMatchObject({ code: EXIT.OK });
    expect(res.out.split('\n')[0]).toBe('「校网」城口县 2026-11-27 达标日报：暂无生效目标');
    expect(res.out).toContain('【生效目标】');
    const parsed = await simpleParser(readFileSync(eml));
    expect(parsed.subject).toBe('「校网」城口县 2026-11-27 达标日报：暂无生效目标');
    expect(parsed.attachments[0]?.filename).toBe('城口县-达标台账-2026-11-27.xlsx');
    const html = join(temp.dir, 'digest.html');
    const en = await run([
      '--county',
      String(countyId),
      '--date',
      '2026-11-27',
      '--dry-run',
      '--out',
      html,
      '--lang',
      'en',
    ]);
    expect(en.out.split('\n')[0]).toBe(
      '[xiaowang] 城口县 2026-11-27 compliance digest: no target in force',
    );
    expect(readFileSync(html, 'utf8')).toContain('href="https://xiaowang.qx.example/counties/');
    expect(sink.received).toHaveLength(0);
  });

  it('sends the day to its recipients once, however often it is run', async () => {
    const first = await run(['--county', '城口县', '--date', '2026-11-27', '--lang', 'en']);
    expect(first).toMatchObject({ code: EXIT.OK, err: '' });
    expect(first.out).toBe('The 2026-11-27 mail of 城口县: 1 sent now, 0 sent before, 0 failed.');
    const again = await run(['--county', '城口县', '--date', '2026-11-27', '--lang', 'en']);
    expect(again.out).toBe('The 2026-11-27 mail of 城口县: 0 sent now, 1 sent before, 0 failed.');
    expect(sink.received).toHaveLength(1);
  });

  it('--to sends one copy outside the record', async () => {
    const res = await run(['--county', '城口县', '--date', '2026-11-27', '--to', 'me@qx.example']);
    expect(res.code).toBe(EXIT.OK);
    expect(res.out).toMatch(/^已将 城口县 2026-11-27 的日报发送给 me@qx\.example（邮件 <digest\./);
    expect(sink.received.map((m) => JSON.stringify(m.to))).toEqual([
      expect.stringContaining('me@qx.example'),
    ]);
    const record = await run(['--county', '城口县', '--date', '2026-11-27', '--lang', 'en']);
    expect(record.out).toContain('1 sent now, 0 sent before');
  });

  it('says what is wrong: mail off, both modes, an unknown county, a bad --to', async () => {
    const off = await run(['--county', '城口县'], false);
    expect(off.code).toBe(EXIT.USAGE);
    expect(off.err).toContain('XIAOWANG_SMTP_HOST');
    const both = await run(['--county', '城口县', '--dry-run', '--to', 'a@qx.example']);
    expect(both.code).toBe(EXIT.USAGE);
    const unknown = await run(['--county', '巫溪县', '--lang', 'en']);
    expect(unknown.err).toBe(
      `There is no county "巫溪县" (counties: ${countyId} 城口县). Give its id or its name.`,
    );
    expect((await run(['--county', '城口县', '--to', 'nobody'])).code).toBe(EXIT.USAGE);
    sink.refuseNext(1, 550);
    const refused = await run(['--county', '城口县', '--to', 'a@qx.example', '--lang', 'en']);
    expect(refused.code).toBe(EXIT.FAILED);
    expect(refused.err).toMatch(/^Sending failed: EENVELOPE 550 /);
    expect(refused.err).not.toContain(SINK_PASSWORD);
  });
});
