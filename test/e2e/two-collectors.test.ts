import { setTimeout as sleep } from 'node:timers/promises';
import type { Report } from '@xiaowang/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { selectLease } from '../../collector/src/db/leases.ts';
import {
  SINK_PASSWORD,
  SINK_USER,
  startSmtpSink,
} from '../../collector/src/features/digest/testing/smtp-sink.ts';
import type { SmtpSink } from '../../collector/src/features/digest/testing/smtp-sink.ts';
import { goldenReport } from '../../collector/src/testing/agent-factory.ts';
import type { TestDb } from '../../collector/src/testing/test-db.ts';
import { createTestDb, testBackend } from '../../collector/src/testing/test-db.ts';
import type { CollectorProcess } from '../support/collector-process.ts';
import { startCollectorProcess } from '../support/collector-process.ts';

/*
 * Several collectors on one database (issue 11): two `serve` processes behind one "address"
 * (the agents try the other when one fails), agents reporting all along, one collector
 * killed with SIGKILL mid-stream. Every acknowledged report must be stored once, with its
 * samples once, and the county's mail of the day must arrive once, sent by the survivor if
 * the dead one held the job. On PostgreSQL in `npm run test:postgres`, on one SQLite file in
 * `npm test`.
 */

const AGENTS = 2;
const RECIPIENT = 'jyj@qx.example';

let db: TestDb | undefined;
let sink: SmtpSink | undefined;
const collectors: CollectorProcess[] = [];
afterAll(async () => {
  for (const c of collectors) await c.stop('SIGKILL');
  await sink?.close();
  await db?.close();
});

/** The next minute boundary at least `leadMs` away: the digest scheduler ticks on minutes. */
function nextMinute(leadMs: number): Date {
  const at = new Date(Date.now() + leadMs);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  return at;
}

describe(`two collectors on one ${testBackend} database`, () => {
  it('store every acknowledged report once and send the day’s mail once, one killed mid-stream', async () => {
    db = await createTestDb({ storage: 'file' });
    sink = await startSmtpSink();
    const dataDir = db.dataDir ?? '';
    const env = {
      ...(db.location.kind === 'postgres'
        ? { XIAOWANG_DATABASE_URL: db.location.url.reveal() }
        : {}),
      XIAOWANG_JOB_LEASE_SECONDS: '5',
      XIAOWANG_SMTP_HOST: '127.0.0.1',
      XIAOWANG_SMTP_PORT: String(sink.port),
      XIAOWANG_SMTP_REQUIRE_TLS: 'false',
      XIAOWANG_SMTP_USER: SINK_USER,
      XIAOWANG_SMTP_PASSWORD: SINK_PASSWORD,
      XIAOWANG_MAIL_FROM: '校网 <xiaowang@qx.example>',
      XIAOWANG_PUBLIC_URL: 'https://xiaowang.qx.example',
    };
    collectors.push(
      ...(await Promise.all([
        startCollectorProcess(dataDir, undefined, env),
        startCollectorProcess(dataDir, undefined, env),
      ])),
    );
    const [a, b] = collectors as [CollectorProcess, CollectorProcess];

    // The county's mail of `day` is due at the next minute at least 40 s away, in UTC.
    const due = new Date(nextMinute(40_000));
    const day = new Date(due.getTime() - 86_400_000).toISOString().slice(0, 10);
    const county = await a.admin<{ id: number }>('POST', '/api/v1/counties', {
      name: '青溪县',
      timezone: 'UTC',
    });
    const town = await b.admin<{ id: number }>('POST', '/api/v1/towns', {
      countyId: county.id,
      name: '城关镇',
    });
    await b.admin('PUT', `/api/v1/counties/${county.id}/digest/settings`, {
      sendTime: due.toISOString().slice(11, 16),
      enabled: true,
    });
    await a.admin('POST', `/api/v1/counties/${county.id}/digest/recipients`, { email: RECIPIENT });
    // A session begun on one collector is good on the other: sessions are rows, not memory.
    await a.admin('POST', `/api/v1/counties/${county.id}/users`, {
      username: 'wang.jyj',
      password: 'correct horse battery',
      role: 'county_viewer',
    });
    const signIn = await fetch(new URL('api/v1/session', a.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang.jyj', password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(new URL('api/v1/session', b.url), { headers: { cookie } });
    expect(me.status).toBe(200);

    const tokens: string[] = [];
    for (let i = 0; i < AGENTS; i++) {
      const school = await a.admin<{ id: number }>('POST', '/api/v1/schools', {
        townId: town.id,
        name: `第${i + 1}小学`,
        code: `qx${i + 1}`,
        kind: 'complete_primary',
      });
      const issued = await b.admin<{ code: string }>(
        'POST',
        `/api/v1/counties/${county.id}/enrollment-codes`,
        { label: `agent ${i + 1}`, schoolIds: [school.id] },
      );
      const enrolled = await fetch(new URL('api/v1/enroll', (i % 2 === 0 ? a : b).url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: issued.code, hostname: `gateway-${i + 1}` }),
      });
      expect(enrolled.status).toBe(201);
      tokens.push(((await enrolled.json()) as { token: string }).token);
    }

    // Agents: each report to one collector in turn, and to the other when that one fails.
    const sent = new Set<string>();
    const acked = new Set<string>();
    const samplesPerReport = new Set<number>();
    let sending = true;
    const deliver = async (token: string, report: Report, first: number) => {
      for (let attempt = 0; ; attempt++) {
        const target = collectors[(first + attempt) % 2];
        if (target === undefined) throw new Error('no collector');
        try {
          const res = await fetch(new URL('api/v1/reports', target.url), {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(report),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await res.json()) as { duplicate?: boolean; stored?: { samples: number } };
          if (res.status === 200) {
            if (body.duplicate !== true && body.stored !== undefined) {
              samplesPerReport.add(body.stored.samples);
            }
            return;
          }
        } catch {
          // refused or reset: the collector is gone, try the other
        }
        await sleep(100);
      }
    };
    const agent = async (token: string, index: number) => {
      for (let n = index; sending; n++) {
        const report = goldenReport();
        sent.add(report.reportId);
        await deliver(token, report, n % 2);
        acked.add(report.reportId);
        await sleep(50);
      }
    };
    const streams = tokens.map((token, i) => agent(token, i));

    // Kill whichever ran the mail job last, 15 s before the mail is due.
    await sleep(Math.max(5_000, due.getTime() - 15_000 - Date.now()));
    const holder = (await selectLease(db.kysely, 'digest'))?.holder ?? '';
    const victim = collectors.find((c) => holder.includes(`:${c.child.pid}:`)) ?? a;
    await victim.stop('SIGKILL');
    const survivor = victim === a ? b : a;
    const ackedAtKill = acked.size;

    const mails = () =>
      sink?.received.filter((m) => JSON.stringify(m.to).includes(RECIPIENT)) ?? [];
    const deadline = due.getTime() + 75_000;
    while (mails().length === 0 && Date.now() < deadline) await sleep(500);
    await sleep(3_000); // reports keep coming after the mail; a second mail would show here
    sending = false;
    await Promise.all(streams);

    expect(acked.size).toBeGreaterThan(ackedAtKill);
    expect(mails()).toHaveLength(1);
    expect(mails()[0]?.subject).toContain(day);
    const deliveries = await db.kysely
      .selectFrom('digest_deliveries')
      .select(['day', 'state', 'attempts'])
      .where('county_id', '=', county.id)
      .execute();
    expect(deliveries).toEqual([{ day, state: 'sent', attempts: 1 }]);

    const stored = (await db.kysely.selectFrom('reports').select('report_uuid').execute()).map(
      (r) => r.report_uuid,
    );
    expect(new Set(stored).size).toBe(stored.length);
    expect([...acked].filter((id) => !stored.includes(id))).toEqual([]);
    expect(stored.filter((id) => !sent.has(id))).toEqual([]);
    expect([...samplesPerReport]).toHaveLength(1);
    const samples = await db.kysely
      .selectFrom('interface_samples')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(samples.n)).toBe(stored.length * ([...samplesPerReport][0] ?? 0));

    console.log(
      `[e2e] two collectors on ${testBackend}: ${sent.size} reports sent, ${acked.size} acknowledged (${ackedAtKill} before the kill), ${stored.length} stored, ${stored.length - new Set(stored).size} duplicated, ${[...acked].filter((id) => !stored.includes(id)).length} acknowledged lost, ${Number(samples.n)} samples, ${mails().length} mail(s) of ${day}, sent after killing ${holder === '' ? 'the first collector' : 'the mail job’s lease holder'}`,
    );
    const health = await fetch(new URL('api/v1/health', survivor.url));
    expect(health.status).toBe(200);
  }, 240_000);
});
