import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { goldenReport } from '../../collector/src/testing/agent-factory.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFigures } from './support/figures.ts';
import type { TrustWorld } from './support/trust-world.ts';
import { DAY, SECRETS, startTrustWorld, TRUST_ADMIN } from './support/trust-world.ts';
import { addTrustUsers, get as getAs, signIn as signInAs } from './support/trust-session.ts';

/*
 * Trust boundaries, end to end: agent tokens and technicians kept to their schools; SNMP
 * credentials in no report, log, spool, database or API answer; sign-in that locks out
 * guessing; session cookies with the right flags. (Device text in Chromium: trust-browser.)
 */

let w: TrustWorld;
const figures: Record<string, number | string> = {};

beforeAll(async () => {
  w = await startTrustWorld();
  await addTrustUsers(w);
}, 120_000);

afterAll(async () => {
  printFigures('trust', figures);
  await w?.close();
});

const signIn = (username: string, headers: Record<string, string> = {}) =>
  signInAs(w, username, headers);
const get = (p: string, headers: Record<string, string>) => getAs(w, p, headers);

describe('agent tokens', () => {
  it('cannot write a device of another school, nor replay another agent’s report id', async () => {
    const post = (token: string, report: unknown) =>
      fetch(new URL('api/v1/reports', w.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(report),
      });
    const before = await w.db.kysely.selectFrom('reports').select('id').execute();
    const golden = goldenReport();
    const foreign = {
      ...golden,
      devices: golden.devices.map((d) => ({ ...d, target: { ...d.target, school: 'yi1' } })),
    };
    const sameCountyOther = {
      ...golden,
      devices: golden.devices.map((d) => ({ ...d, target: { ...d.target, school: 'jia3' } })),
    };
    // A's report id, from B, for B's own school: the id is taken.
    const first = w.reports[0];
    const replay = first && {
      ...first,
      devices: first.devices.map((d) => ({
        ...d,
        target: { name: d.target.name, address: d.target.address, port: d.target.port },
      })),
    };
    const results = [
      (await post(w.agentA.token, foreign)).status,
      (await post(w.agentA.token, sameCountyOther)).status,
      (await post(w.agentB.token, replay)).status,
    ];
    expect(results).toEqual([403, 403, 409]);
    expect(await w.db.kysely.selectFrom('reports').select('id').execute()).toHaveLength(
      before.length,
    );
    // B's agent reporting the same address and port gets its own device, never A's.
    expect((await post(w.agentB.token, goldenReport())).status).toBe(200);
    const devices = await w.db.kysely
      .selectFrom('devices')
      .select(['agent_id', 'school_id'])
      .execute();
    const schoolsOfB = new Set(
      devices.filter((d) => d.agent_id === w.agentB.id).map((d) => d.school_id),
    );
    expect([...schoolsOfB]).toEqual([w.schoolB1]);
    figures['agentCrossWritesRefused'] = 3;
  });

  it('reads nothing but its own identity', async () => {
    const token = { authorization: `Bearer ${w.agentA.token}` };
    const paths = [
      `/api/v1/schools/${w.schoolB1}/devices`,
      `/api/v1/schools/${w.schoolA1}/devices`,
      `/api/v1/counties/${w.countyA}/compliance`,
      `/api/v1/agents/${w.agentB.id}`,
      `/api/v1/counties/${w.countyB}/aps`,
      `/schools/${w.schoolA1}`,
    ];
    const answers = await Promise.all(
      paths.map(async (p) => `${p} ${(await get(p, token)).status}`),
    );
    expect(answers.filter((a) => !/ (401|403|303)$/.test(a))).toEqual([]);
    const me = (await (await get('/api/v1/agents/me', token)).json()) as {
      id?: number;
      agentId?: number;
    };
    expect(me.id ?? me.agentId).toBe(w.agentA.id);
    figures['agentCrossReadsRefused'] = paths.length;
  });
});

describe('a technician', () => {
  it('sees its own school and nothing of another school, in the API or the pages', async () => {
    const s = await signIn('trust-tech');
    const as = { cookie: s.cookie };
    expect((await get(`/api/v1/schools/${w.schoolA1}/devices`, as)).status).toBe(200);
    const others = [
      `/api/v1/schools/${w.schoolA2}`,
      `/api/v1/schools/${w.schoolA3}/devices`,
      `/api/v1/schools/${w.schoolB1}/compliance`,
      `/api/v1/counties/${w.countyB}/devices`,
      `/api/v1/counties/${w.countyB}/compliance`,
      `/api/v1/towns?countyId=${w.countyB}`,
      `/schools/${w.schoolA3}`,
      `/schools/${w.schoolB1}`,
      `/counties/${w.countyB}`,
    ];
    const leaks: string[] = [];
    for (const p of others) {
      const res = await get(p, as);
      const text = await res.text();
      // A list may answer 200, empty; nothing of another school may be in any answer.
      if (/甲县二小|甲县三小|乙县/.test(text)) leaks.push(`${p} → ${res.status}`);
    }
    const list = (await (await get('/api/v1/schools', as)).json()) as
      { items?: { id: number }[] } | { id: number }[];
    const items = Array.isArray(list) ? list : (list.items ?? []);
    expect(items.map((x) => x.id)).toEqual([w.schoolA1]);
    expect(leaks).toEqual([]);
    figures['technicianForeignReadsRefused'] = others.length;
  });
});

describe('SNMP credentials', () => {
  it('appear in no report, agent log, spool file, database file, collector log or API answer', async () => {
    const secrets = Object.values(SECRETS);
    const found: string[] = [];
    const look = (where: string, text: string) => {
      for (const secret of secrets) if (text.includes(secret)) found.push(`${secret} in ${where}`);
    };
    for (const r of w.reports) look(`report ${r.reportId}`, JSON.stringify(r));
    look('agent log', w.agentLog.join('\n'));
    look('collector log', w.collectorLog.join('\n'));
    let files = 0;
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (statSync(full).size < 256 * 1024 * 1024) {
          files++;
          look(full, readFileSync(full).toString('latin1'));
        }
      }
    };
    walk(w.root);
    // Every GET of the API, for every id of county A, as its administrator would read it.
    const doc = await w.admin<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/openapi.json',
    );
    const ids: Record<string, number> = {
      counties: w.countyA,
      schools: w.schoolA1,
      towns: 1,
      devices: 1,
      agents: w.agentA.id,
      aps: 1,
    };
    let answers = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      if (!('get' in methods)) continue;
      const p = template.replace(/\{(\w+)\}/g, (_m, _name: string, offset: number) => {
        const before = template.slice(0, offset).split('/').filter(Boolean).at(-1) ?? '';
        return String(ids[before] ?? 1);
      });
      const res = await get(`${p}${p.includes('?') ? '&' : '?'}date=${DAY}&countyId=${w.countyA}`, {
        authorization: `Bearer ${TRUST_ADMIN}`,
      });
      answers++;
      look(`GET ${p} (${res.status})`, await res.text());
    }
    figures['reportsChecked'] = w.reports.length;
    figures['filesChecked'] = files;
    figures['apiAnswersChecked'] = answers;
    figures['credentialLeaks'] = found.length;
    expect(w.reports.length).toBeGreaterThanOrEqual(2);
    expect(found).toEqual([]);
  }, 60_000);
});

describe('sign-in', () => {
  it('locks a username after five wrong passwords, even for the right one, and then lets it in', async () => {
    const wrong = () =>
      fetch(new URL('api/v1/session', w.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ username: 'trust-viewer-b', password: 'guess-guess-guess' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await wrong()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const locked = await signIn('trust-viewer-b');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    w.clock.advance(10 * 60_000);
    expect((await signIn('trust-viewer-b')).status).toBe(200);
    figures['lockoutAfterFailures'] = 5;
  });

  it('limits guessing from one address across usernames (20 a minute)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(new URL('api/v1/session', w.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `nobody-${i}`, password: 'guess-guess-guess' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    figures['perAddressAttemptsBefore429'] = statuses.indexOf(429);
    w.clock.advance(2 * 60_000);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, and Secure with __Host- over https', async () => {
    const plain = await signIn('trust-admin');
    expect(plain.status).toBe(200);
    const flags = plain.setCookie.split(';').map((p) => p.trim().toLowerCase());
    expect(plain.setCookie).toMatch(/^xw_session=[A-Za-z0-9_-]{43,};/);
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(flags).not.toContain('secure');
    const https = await signIn('trust-admin', { 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toMatch(/^__Host-xw_session=/);
    expect(https.setCookie.split(';').map((p) => p.trim().toLowerCase())).toEqual(
      expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'secure']),
    );
    expect(https.setCookie.toLowerCase()).not.toContain('domain=');
    figures['cookieFlags'] = 'HttpOnly; SameSite=Lax; Path=/; Secure+__Host- over https';
  });
});
