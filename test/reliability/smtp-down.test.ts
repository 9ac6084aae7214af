import { afterAll, describe, expect, it } from 'vitest';
import { localAt } from '../../collector/src/features/compliance/scenario/scenario-time.ts';
import { addRecipient } from '../../collector/src/features/digest/add-recipient.ts';
import { getDigestStatus } from '../../collector/src/features/digest/get-digest-status.ts';
import { scheduleDigest } from '../../collector/src/features/digest/schedule-digest.ts';
import { testMailConfig } from '../../collector/src/features/digest/testing/digest-world.ts';
import type { SmtpSink } from '../../collector/src/features/digest/testing/smtp-sink.ts';
import { startSmtpSink } from '../../collector/src/features/digest/testing/smtp-sink.ts';
import type { Logger } from '../../collector/src/logger.ts';
import { placeFactory } from '../../collector/src/testing/factories.ts';
import { fixedClock } from '../../collector/src/testing/fixed-clock.ts';
import type { TestDb } from '../../collector/src/testing/test-db.ts';
import { createTestDb } from '../../collector/src/testing/test-db.ts';
import { freeTcpPort } from '../support/collector-process.ts';
import { printFigures } from './support/figures.ts';

/*
 * The county's mail server is away for days: three days refusing connections, then three
 * hours answering 451 to every recipient (across a morning send time), then back. The nightly mail scheduler runs on the collector's
 * cadence in simulated time throughout. Every recipient must get every day's mail exactly
 * once after the server returns, nothing may be given up inside the week, and the status
 * must say what is wrong while it lasts.
 */

const TICK_MS = 5 * 60_000;
const RECIPIENTS = ['a@qx.example', 'b@qx.example', 'c@qx.example'];

let db: TestDb | undefined;
let sink: SmtpSink | undefined;

afterAll(async () => {
  await sink?.close();
  await db?.close();
});

describe('SMTP down for days', () => {
  it('sends every due mail exactly once when the server returns, and gives none up', async () => {
    db = await createTestDb({ storage: 'file' });
    const kysely = db.kysely;
    const longAgo = fixedClock('2026-10-01T00:00:00.000Z');
    const places = placeFactory(kysely, longAgo);
    // Recipients from the evening before the outage: every mail due falls inside it.
    const added = fixedClock(localAt('2026-11-22', '20:00'));
    const county = await places.county({ name: '邮件县' });
    await places.school((await places.town(county.id)).id);
    for (const email of RECIPIENTS) {
      await addRecipient({
        db: kysely,
        clock: added,
        actor: 'test',
        input: { countyId: county.id, email, townId: null, lang: 'zh-CN' },
      });
    }
    const clock = fixedClock(localAt('2026-11-23', '06:00'));
    const refusedUntil = Date.parse(localAt('2026-11-26', '06:00'));
    const failingUntil = Date.parse(localAt('2026-11-26', '09:00'));
    const end = Date.parse(localAt('2026-11-27', '08:00'));
    const firstSend = Date.parse(localAt('2026-11-23', '07:00'));
    const port = await freeTcpPort();
    const errors: string[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (event) => void errors.push(event),
    };
    const schedule = scheduleDigest({
      db: kysely,
      clock,
      logger,
      mail: testMailConfig(port),
      expression: '0 0 1 1 *', // runs are driven below, one per simulated tick
    });
    let ticks = 0;
    const phaseMs: Record<string, number> = {};
    let statusSaysDown = 0;
    let statusChecks = 0;
    try {
      while (clock().getTime() < end) {
        const now = clock().getTime();
        if (now >= refusedUntil && sink === undefined) {
          sink = await startSmtpSink(port);
          sink.refuseNext(1_000_000, 451);
        }
        if (now >= failingUntil && sink !== undefined) sink.refuseNext(0);
        const t0 = Date.now();
        await schedule.run();
        const phase = now < refusedUntil ? 'refused' : now < failingUntil ? '451' : 'up';
        phaseMs[phase] = (phaseMs[phase] ?? 0) + Date.now() - t0;
        ticks++;
        if (ticks % 12 === 0 && now > firstSend && now < failingUntil) {
          const status = await getDigestStatus({
            db: kysely,
            clock,
            input: { countyId: county.id },
          });
          statusChecks++;
          if (status.lastFailure !== null && status.nextAttemptAt !== null) statusSaysDown++;
        }
        clock.advance(TICK_MS);
      }
    } finally {
      await schedule.stop();
    }

    const rows = await kysely.selectFrom('digest_deliveries').selectAll().execute();
    const received = sink?.received ?? [];
    const perMail = new Map<string, number>();
    for (const mail of received) {
      const to = JSON.stringify(mail.to);
      const key = `${to} ${mail.subject ?? ''}`;
      perMail.set(key, (perMail.get(key) ?? 0) + 1);
    }
    const duplicates = [...perMail.values()].filter((n) => n > 1).length;
    const attempts = rows.reduce((n, r) => n + r.attempts, 0);
    const days = new Set(rows.map((r) => r.day));
    printFigures('smtp-down', {
      simulatedDaysRefused:
        (refusedUntil - Date.parse(localAt('2026-11-23', '06:00'))) / 86_400_000,
      simulatedHoursAnswering451: (failingUntil - refusedUntil) / 3_600_000,
      schedulerRuns: ticks,
      recipients: RECIPIENTS.length,
      daysDue: days.size,
      mailsDue: rows.length,
      sendAttempts: attempts,
      mailsSent: received.length,
      duplicates,
      givenUp: rows.filter((r) => r.state === 'failed' && r.next_attempt_at === null).length,
      notSent: rows.filter((r) => r.state !== 'sent').length,
      statusShowedFailure: `${statusSaysDown}/${statusChecks}`,
      errorsLogged: errors.length,
      wallMsByPhase: JSON.stringify(phaseMs),
    });
    expect(days.size).toBe(5);
    expect(rows).toHaveLength(5 * RECIPIENTS.length);
    expect(rows.every((r) => r.state === 'sent')).toBe(true);
    expect(received).toHaveLength(rows.length);
    expect(duplicates).toBe(0);
    expect(statusSaysDown).toBe(statusChecks);
    // Backoff caps at an hour: about one try an hour while down, not one a tick.
    expect(attempts).toBeLessThan(rows.length * 24 * 5);
  }, 120_000);
});
