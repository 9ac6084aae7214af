import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '@xiaowang/shared';
import { Secret } from '@xiaowang/shared';
import type { Varbind } from '@xiaowang/shared/varbind';
import { schoolAcWalk, schoolSwitchWalk, startSnmpResponder } from '@xiaowang/seeds';
import type { SnmpResponder } from '@xiaowang/seeds';
import { parseConfig } from '../../../agent/src/config/load-config.ts';
import { startAgentLoop } from '../../../agent/src/runtime/agent-loop.ts';
import { createBackoff } from '../../../agent/src/runtime/backoff.ts';
import { jsonLog } from '../../../agent/src/runtime/log.ts';
import { sendReport } from '../../../agent/src/runtime/reporter.ts';
import { gapsForReport, spoolQueue } from '../../../agent/src/runtime/spool-queue.ts';
import { openSpool } from '../../../agent/src/spool/spool.ts';
import { createApp } from '../../../collector/src/app.ts';
import { migrateToLatest } from '../../../collector/src/db/migrate.ts';
import type { OpenedDatabase } from '../../../collector/src/db/open.ts';
import { openDatabase } from '../../../collector/src/db/open.ts';
import { recomputeDay } from '../../../collector/src/features/compliance/recompute-day.ts';
import { localAt } from '../../../collector/src/features/compliance/scenario/scenario-time.ts';
import type { LogFields, Logger } from '../../../collector/src/logger.ts';
import type { Listening } from '../../../collector/src/main.ts';
import { listen } from '../../../collector/src/main.ts';
import type { FixedClock } from '../../../collector/src/testing/fixed-clock.ts';
import { fixedClock } from '../../../collector/src/testing/fixed-clock.ts';
import { parseQueued } from '../../../agent/src/testing/queued-report.ts';

/*
 * The path device text really takes: a simulated switch and AC whose names, aliases and AP
 * names carry scripts, polled by the real agent loop (spool, log, reporter) with SNMP
 * credentials that must never travel, into a real collector on 127.0.0.1 with two schools
 * and two counties, computed for the day.
 */

export const TRUST_ADMIN = 'trust-admin-token-0123456789abcdef';
export const SECRETS = {
  community: 'c0mm-Trust-Secret-91',
  v3Auth: 'v3-auth-Trust-Secret-92',
  v3Priv: 'v3-priv-Trust-Secret-93',
} as const;
/** Each payload sets window.__xss if it ever runs; the number says which one did. */
export const PAYLOADS = {
  sysName: '<script>window.__xss=1</script>core-sw',
  sysDescr: '"><img src=x onerror="window.__xss=2">S5720',
  ifAlias: '<svg/onload=window.__xss=3>上联-城域网',
  apName: '<img src=x onerror=window.__xss=4>AP-101',
  lldpName: '</td><script>window.__xss=5</script>metro',
  location: 'javascript:window.__xss=6//',
  hostname: '<iframe srcdoc="<script>parent.__xss=7</script>">gw',
} as const;
export const DAY = '2026-11-26';

const SYS = '1.3.6.1.2.1.1';
const AP_NAME = '1.3.6.1.4.1.2011.6.139.13.3.3.1.4.';
const LLDP_REM_SYSNAME = '1.0.8802.1.1.2.1.4.1.1.9.';
const IF_ALIAS = '1.3.6.1.2.1.31.1.1.1.18.';
const text = (s: string) => new TextEncoder().encode(s);

function poisoned(varbinds: Varbind[], uplinkIf: number): Varbind[] {
  return varbinds.map((vb) => {
    const as = (s: string): Varbind => ({ oid: vb.oid, type: 'OctetString', value: text(s) });
    if (vb.oid === `${SYS}.5.0`) return as(PAYLOADS.sysName);
    if (vb.oid === `${SYS}.1.0`) return as(PAYLOADS.sysDescr);
    if (vb.oid === `${SYS}.6.0`) return as(PAYLOADS.location);
    if (vb.oid === `${IF_ALIAS}${uplinkIf}`) return as(PAYLOADS.ifAlias);
    if (vb.oid.startsWith(AP_NAME)) return as(PAYLOADS.apName);
    if (vb.oid.startsWith(LLDP_REM_SYSNAME)) return as(PAYLOADS.lldpName);
    return vb;
  });
}

export interface TrustWorld {
  readonly url: string;
  readonly clock: FixedClock;
  readonly db: OpenedDatabase;
  readonly root: string;
  readonly spoolDir: string;
  readonly agentLog: string[];
  readonly collectorLog: string[];
  readonly reports: Report[];
  readonly countyA: number;
  readonly countyB: number;
  /** County A: schools 1 and 2 (the agent's; the switch is 1's) and 3 (same town, not its). */
  readonly schoolA1: number;
  readonly schoolA2: number;
  readonly schoolA3: number;
  readonly schoolB1: number;
  readonly agentA: { id: number; token: string };
  readonly agentB: { id: number; token: string };
  admin<T>(method: string, apiPath: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startTrustWorld(): Promise<TrustWorld> {
  const root = mkdtempSync(path.join(tmpdir(), 'xw-trust-'));
  const dataDir = path.join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase({ file: path.join(dataDir, 'collector.db') });
  await migrateToLatest(db.kysely);
  const clock = fixedClock(localAt(DAY, '09:00'));
  const collectorLog: string[] = [];
  const at =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      void collectorLog.push(JSON.stringify({ level, event, ...fields }));
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  const app = createApp({
    db: db.kysely,
    clock,
    logger,
    config: {
      adminToken: new Secret(TRUST_ADMIN),
      maxBodyBytes: 1 << 20,
      maxImportBytes: 8 << 20,
      maxReportBytes: 8 << 20,
      reportRatePerMinute: 600,
      reportBurst: 600,
      enrollRatePerMinute: 60,
    },
  });
  const server: Listening = await listen(app, { host: '127.0.0.1', port: 0 });
  const url = `${server.url}/`;
  const admin = async <T>(method: string, apiPath: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(apiPath.replace(/^\//, ''), url), {
      method,
      headers: { authorization: `Bearer ${TRUST_ADMIN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const place = async (county: string, prefix: string, schools: string[]) => {
    const c = await admin<{ id: number }>('POST', '/api/v1/counties', { name: county });
    const town = await admin<{ id: number }>('POST', '/api/v1/towns', {
      countyId: c.id,
      name: `${county}城关镇`,
    });
    const ids: number[] = [];
    for (const [i, name] of schools.entries()) {
      const s = await admin<{ id: number }>('POST', '/api/v1/schools', {
        townId: town.id,
        name,
        code: `${prefix}${i + 1}`,
        kind: 'complete_primary',
      });
      ids.push(s.id);
    }
    return { county: c.id, schools: ids };
  };
  const enroll = async (county: number, schoolIds: number[]) => {
    const { code } = await admin<{ code: string }>(
      'POST',
      `/api/v1/counties/${county}/enrollment-codes`,
      {
        label: 'trust',
        schoolIds,
      },
    );
    const res = await fetch(new URL('api/v1/enroll', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, hostname: PAYLOADS.hostname }),
    });
    const body = (await res.json()) as { agentId: number; token: string };
    return { id: body.agentId, token: body.token };
  };
  const a = await place('甲县', 'jia', ['甲县一小', '甲县二小', '甲县三小']);
  const b = await place('乙县', 'yi', ['乙县一小']);
  // County A's centre serves schools 1 and 2; its controller belongs to no school, so its
  // APs are listed as belonging to none (in pages and in the mail).
  const agentA = await enroll(a.county, [a.schools[0] ?? 0, a.schools[1] ?? 0]);
  const agentB = await enroll(b.county, [b.schools[0] ?? 0]);
  await admin('POST', `/api/v1/counties/${a.county}/targets/apply-preset`, { preset: 'chengkou' });

  // The agent of school A1 polls a poisoned switch and AC, with credentials that must stay home.
  const school = { school: '甲县一小', code: 'jx1', seed: 31, accessPorts: 4, aps: 4 };
  const uplinkIf = 5 + 4 + 1;
  const responders: SnmpResponder[] = await Promise.all([
    startSnmpResponder({
      devices: { [SECRETS.community]: poisoned(schoolSwitchWalk(school), uplinkIf) },
    }),
    startSnmpResponder({
      devices: { [SECRETS.community]: poisoned(schoolAcWalk(school), uplinkIf) },
    }),
  ]);
  const spoolDir = path.join(root, 'agent/spool');
  const loaded = parseConfig(path.join(root, 'agent.json'), {
    collector: { url, token: agentA.token, timeoutMs: 5000 },
    name: PAYLOADS.hostname,
    schedule: { pollIntervalSeconds: 300, jitterSeconds: 0, requestTimeoutMs: 300, retries: 0 },
    credentials: {
      campus: { version: '2c', community: SECRETS.community },
      core: { version: '3', user: 'monitor', authKey: SECRETS.v3Auth, privKey: SECRETS.v3Priv },
    },
    devices: [
      {
        name: '核心交换机',
        host: '127.0.0.1',
        port: responders[0]?.port,
        credentials: 'campus',
        school: 'jia1',
      },
      { name: '无线控制器', host: '127.0.0.1', port: responders[1]?.port, credentials: 'campus' },
      // A v3 device that does not answer: its error must not carry the keys either.
      { name: '汇聚交换机', host: '127.0.0.1', port: 9, credentials: 'core', school: 'jia1' },
    ],
    spool: { dir: spoolDir },
    ipv6: { enabled: false },
  });
  const spool = await openSpool({
    dir: spoolDir,
    maxBytes: loaded.config.spool.maxBytes,
    maxAgeDays: 45,
  });
  const agentLog: string[] = [];
  const log = jsonLog((line) => agentLog.push(line));
  const reports: Report[] = [];
  let now = Date.parse(localAt(DAY, '09:00'));
  const loop = startAgentLoop({
    config: loaded,
    reloadConfig: () => loaded,
    queue: spoolQueue(spool, { log }),
    gaps: { pending: () => gapsForReport(spool), clear: (ids) => spool.clearGaps(ids) },
    send: (report, c) => {
      reports.push(parseQueued(report));
      return sendReport(report, {
        collectorUrl: c.config.collector.url,
        token: agentA.token,
        timeoutMs: 5000,
      });
    },
    backoff: createBackoff(1000, 2000),
    log,
    saveState: () => undefined,
    now: () => now,
    random: () => 0,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    maxCycles: 3,
  });
  await loop.done;
  await spool.close();
  await Promise.all(responders.map((r) => r.close()));
  await recomputeDay({
    db: db.kysely,
    clock: fixedClock(localAt('2026-11-27', '00:40')),
    input: { countyId: a.county, day: DAY },
  });

  return {
    url,
    clock,
    db,
    root,
    spoolDir,
    agentLog,
    collectorLog,
    reports,
    countyA: a.county,
    countyB: b.county,
    schoolA1: a.schools[0] ?? 0,
    schoolA2: a.schools[1] ?? 0,
    schoolA3: a.schools[2] ?? 0,
    schoolB1: b.schools[0] ?? 0,
    agentA,
    agentB,
    admin,
    async close() {
      await server.close();
      await db.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
