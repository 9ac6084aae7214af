import ExcelJS from 'exceljs';
import type { ParsedMail } from 'mailparser';
import { t } from '@xiaowang/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.ts';
import { fixedClock } from '../../testing/fixed-clock.ts';
import type { TestDb } from '../../testing/test-db.ts';
import { createTestDb } from '../../testing/test-db.ts';
import type { ScenarioCounty } from '../compliance/scenario/scenario-county.ts';
import { localAt } from '../compliance/scenario/scenario-time.ts';
import { addRecipient } from './add-recipient.ts';
import { getDigestStatus } from './get-digest-status.ts';
import type { DigestSchedule } from './schedule-digest.ts';
import { scheduleDigest } from './schedule-digest.ts';
import {
  digestScenario,
  EVIL_AP,
  MAIL_DAY,
  SEND_AT,
  testMailConfig,
} from './testing/digest-world.ts';
import type { SmtpSink } from './testing/smtp-sink.ts';
import { startSmtpSink } from './testing/smtp-sink.ts';

/*
 * The scenario county's mail about 2026-11-28, sent at 07:00 on the 29th to a real SMTP
 * server on 127.0.0.1 and parsed back. The day before is the hand table of
 * compliance/scenario (scenario-expected*.ts); 11-28 differs only where
 * scenario-county.test.ts says: A1's uplink runs at 100M all day, A4 and B1 have no flap, and
 * B1's room 207 leaves the coverage window.
 */

let db: TestDb;
let sink: SmtpSink;
let schedule: DigestSchedule | undefined;
let scenario: ScenarioCounty;
let county: ParsedMail;
let town: ParsedMail;

beforeAll(async () => {
  db = await createTestDb();
  sink = await startSmtpSink();
  scenario = await digestScenario(db.kysely);
  // Added the evening before: due for 11-28 only, not for the days before it.
  const added = fixedClock(localAt('2026-11-28', '20:00'));
  const ctx = { db: db.kysely, clock: added, actor: 'test' };
  const countyId = scenario.countyId;
  await addRecipient({
    ...ctx,
    input: { countyId, email: 'jyj@qx.example', townId: null, lang: 'zh-CN' },
  });
  await addRecipient({
    ...ctx,
    input: { countyId, email: 'cgz@qx.example', townId: scenario.townIds.A, lang: 'en' },
  });
  schedule = scheduleDigest({
    db: db.kysely,
    clock: fixedClock(SEND_AT),
    logger: silentLogger,
    mail: testMailConfig(sink.port),
    expression: '0 0 1 1 *',
  });
  await schedule.run();
  await schedule.stop();
  const to = (address: string) => {
    const mail = sink.received.find((m) => JSON.stringify(m.to).includes(address));
    if (mail === undefined) throw new Error(`no mail to ${address}`);
    return mail;
  };
  county = to('jyj@qx.example');
  town = to('cgz@qx.example');
}, 120_000);

afterAll(async () => {
  await schedule?.stop();
  await sink.close();
  await db.close();
});

// One suite, one database: the scenario takes seconds to build.
describe('the nightly mail of 青溪县 for 2026-11-28', () => {
  it('arrives once per recipient, with the figures in force in the subject', () => {
    expect(sink.received).toHaveLength(2);
    // room coverage 52/59 → 51/59 (B1 7/9); has wireless 13/14; uplink 1157 → 1078 of 1296
    // (A1 0/108, A4 108, B1 108); A1 is the one school newly failing
    expect(county.subject).toBe(
      '「校网」青溪县 2026-11-28 达标日报：教室无线覆盖率 86.4%，有无线 92.9%，上联千兆 83.2%，新增未达标 1 所',
    );
    expect(county.from?.text).toContain('xiaowang@qx.example');
    expect(county.messageId).toMatch(/^<digest\.\d+\.2026-11-28\.\d+@qx\.example>$/);
    expect(county.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('has a text part that reads on its own, with each indicator, n/d and the change', () => {
    const text = county.text ?? '';
    expect(text).toContain('青溪县 2026-11-28 达标日报');
    expect(text).toContain('【生效目标】');
    expect(text).toMatch(/教室无线覆盖率：≥ 100%，自 2025-01-01 起/);
    expect(text).toContain(
      '- 教室无线覆盖率：86.4%（51/59）；目标 ≥ 100%；较前一日 -1.7 个百分点；学校：达标 7 所，未达标 6 所，未知 2 所',
    );
    expect(text).toContain(
      '- 上联千兆：83.2%（1,078/1,296）；目标 ≥ 1000 Mbit/s；较前一日 -6.1 个百分点',
    );
    expect(text).toContain(
      '- 无线全覆盖：53.8%（7/13）；目标 无；较前一日 0 个百分点；学校：无目标不判定，未知 2 所',
    );
    expect(text).toContain('https://xiaowang.qx.example/counties/');
  });

  it('lists the schools that changed status first, against the scenario’s numbers', () => {
    const text = county.text ?? '';
    const changes = section(text, '【与 2026-11-27 相比状态变化的学校】');
    expect(changes).toEqual([
      '新增未达标（1）',
      '- 青溪县第一中学（城关镇）上联千兆：达标 → 未达标，0%（0/108）',
      '已整改达标（2）',
      '- 河口镇中心校（河口镇）上联千兆：未达标 → 达标，100%（108/108）',
      '- 河口镇中心校（河口镇）出口百兆：未达标 → 达标，100%（108/108）',
    ]);
    // then the full list: B1 still fails room coverage (7/9), B5 is stale on everything
    const failing = section(text, '【未达标或状态未知的学校（14 所）】').join('\n');
    expect(failing).toContain(
      '- 河口镇中心校（河口镇，QX-B1）\n    教室无线覆盖率：未达标，77.8%（7/9），目标 ≥ 100%，自 2026-11-27 起',
    );
    expect(failing).toContain('有无线：未知，—，目标 ≥ 100%（数据过期：采集端近期未上报）');
    expect(text.indexOf('【与 2026-11-27')).toBeLessThan(text.indexOf('【未达标或状态未知'));
    expect(section(text, '【未按时上报的采集端（1 个）】')[0]).toMatch(
      /^- QX-B5-agent（QX-B5-agent-gw）：最后上报 2026\/11\/25 08:57；负责：石桥村小$/,
    );
  });

  it('has an HTML part of tables and inline styles, with device text escaped', () => {
    const page = typeof county.html === 'string' ? county.html : '';
    expect(page).toMatch(/<table\s+role="presentation"/);
    expect(page).not.toMatch(/<script|<link|<style|<img|src=["']?http/i);
    expect(page).toContain(
      '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;校网&quot;)&lt;/script&gt;',
    );
    expect(county.text).toContain(EVIL_AP);
    expect(page).toContain('上联千兆');
    expect(page).toMatch(
      /<a href="https:\/\/xiaowang\.qx\.example\/schools\/\d+\?date=2026-11-28"/,
    );
    expect(page).toContain('新增未达标（1）');
  });

  it('attaches the day’s ledger as a workbook with one row per target and failing school', async () => {
    expect(county.attachments).toHaveLength(1);
    const file = county.attachments[0];
    expect(file?.filename).toBe('青溪县-达标台账-2026-11-28.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file?.content ?? []) as unknown as ArrayBuffer);
    const summary = book.worksheets[0];
    const rows = (summary?.getSheetValues() ?? [])
      .slice(4)
      .map((r) => (Array.isArray(r) ? [r[1], r[5], r[6], r[7]] : []));
    // schools with a result, not met, unknown: see scenario-expected.ts and the changes above
    expect(rows).toEqual([
      [t('zh-CN', 'targets.indicator.room_coverage'), 15, 6, 2],
      [t('zh-CN', 'targets.indicator.has_wireless'), 15, 1, 1],
      [t('zh-CN', 'targets.indicator.uplink_1000m'), 15, 2, 3],
      [t('zh-CN', 'targets.indicator.egress_100m'), 15, 0, 3],
      [t('zh-CN', 'targets.indicator.ipv6'), 15, 8, 3],
    ]);
    const uplink = book.getWorksheet(t('zh-CN', 'targets.indicator.uplink_1000m'));
    const codes = (uplink?.getSheetValues() ?? [])
      .slice(5)
      .map((r) => (Array.isArray(r) ? r[3] : undefined));
    expect(codes).toEqual(['QX-A1', 'QX-A3', 'QX-B3', 'QX-B4', 'QX-B5']);
  });

  it('gives a town’s staff their town, in English when they asked for it', () => {
    expect(town.subject).toBe(
      '[xiaowang] 城关镇, 青溪县 2026-11-28 compliance digest: Classroom wireless coverage 89.5%, School has wireless 100%, 1000M uplink 60%, 1 newly failing',
    );
    const text = town.text ?? '';
    expect(text).toContain('== Schools that changed status since 2026-11-27 ==');
    expect(text).toContain('- 青溪县第一中学 (城关镇) 1000M uplink: Met → Not met, 0% (0/108)');
    expect(text).not.toContain('河口镇中心校');
    expect(text).not.toContain(EVIL_AP); // stray APs belong to the county's mail
    expect(text).toContain('https://xiaowang.qx.example/towns/');
    expect(town.attachments[0]?.filename).toBe('青溪县-ledger-2026-11-28.xlsx');
  });

  it('is recorded as sent, and the status says so', async () => {
    const status = await getDigestStatus({
      db: db.kysely,
      clock: fixedClock(SEND_AT),
      input: { countyId: scenario.countyId },
    });
    expect(status).toMatchObject({
      mailConfigured: true,
      recipients: 2,
      lastSent: { day: MAIL_DAY, at: SEND_AT, mails: 2 },
      lastFailure: null,
      nextAttemptAt: null,
      waiting: 0,
      gaveUp: 0,
    });
  });
});

/** The lines under a text-part heading, up to the blank line that ends the section. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}
