import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzRequest, Op } from './support/fuzz-api.ts';
import { apiRequests, loadOps } from './support/fuzz-api.ts';
import type { ErrorBody } from './support/fuzz-checks.ts';
import { takeWrites, unnamed, watchWrites } from './support/fuzz-checks.ts';
import { seeded } from './support/fuzz-gen.ts';
import { otherRequests } from './support/fuzz-requests.ts';
import type { FuzzWorld } from './support/fuzz-world.ts';
import { buildFuzzWorld } from './support/fuzz-world.ts';
import { percentile, printFigures, scaled } from './support/figures.ts';
import { RAW_REQUESTS, sendRaw } from './support/raw-http.ts';
import { listen } from '../../collector/src/main.ts';

/*
 * At least 10,000 malformed and hostile requests against the real app (in-process, its own
 * database): agents' reports, every operation in the OpenAPI document under every kind of
 * caller, sign-in, enrollment and dashboard pages. No answer may be a 5xx; every refusal of
 * the API must name what was wrong; and a refused request must change no row in any table.
 * Requests are made from a seed (XIAOWANG_FUZZ_SEED) so a failure can be replayed.
 */

const TOTAL = scaled(10_000, 200);
const SEED = Number(process.env['XIAOWANG_FUZZ_SEED'] ?? '20261127');

let world: FuzzWorld;
let ops: Op[] = [];
const writes = () => takeWrites(world.api.db.sqlite);

beforeAll(async () => {
  world = await buildFuzzWorld();
  ops = await loadOps(world);
  watchWrites(world.api.db.sqlite);
}, 60_000);

afterAll(async () => {
  await world?.api.close();
});

describe('a fuzzer against the collector', () => {
  it(`answers ${TOTAL} hostile requests with no 5xx, names the field, and writes nothing it refuses`, async () => {
    const rand = seeded(SEED);
    const apiRequest = apiRequests(world, ops);
    const { reportRequest, signInRequest, enrollRequest, pageRequest } = otherRequests(world);
    const statuses: Record<string, number> = {};
    const byCategory: Record<string, number> = {};
    const fiveHundreds: string[] = [];
    const unnamedRefusals: string[] = [];
    const writesOnRefusal: string[] = [];
    const ms: number[] = [];
    let accepted = 0;
    let refused = 0;
    writes();
    for (let n = 0; n < TOTAL; n++) {
      const roll = rand();
      const req: FuzzRequest =
        roll < 0.3
          ? reportRequest(rand)
          : roll < 0.85
            ? apiRequest(rand)
            : roll < 0.9
              ? signInRequest(rand)
              : roll < 0.93
                ? enrollRequest(rand)
                : pageRequest(rand);
      const started = performance.now();
      const res = await world.api.app.request(req.path, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
      });
      const text = await res.text();
      ms.push(performance.now() - started);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      byCategory[req.category] = (byCategory[req.category] ?? 0) + 1;
      const where = `#${n} ${req.category}: ${req.label} → ${res.status}`;
      if (res.status >= 500) {
        const id = (JSON.parse(text) as { error?: { requestId?: string } }).error?.requestId;
        const entry = world.api.logs.find(
          (l) => l.event === 'api.error.INTERNAL' && l.fields['requestId'] === id,
        );
        const logged = entry?.fields['error'];
        const cause =
          logged instanceof Error ? `${logged.name}: ${logged.message}` : String(logged);
        const stack =
          logged instanceof Error ? (logged.stack ?? '').split('\n').slice(1, 4).join(' | ') : '';
        fiveHundreds.push(`${where}: ${cause.slice(0, 300)} ${stack}`);
      }
      const written = writes();
      // A form posted without its CSRF token is refused whatever the status (often a 303).
      const forged = req.category === 'page' && req.method === 'POST';
      const checksPassword = /^\/api\/v1\/(session|users\/[^/]+\/password)$|^\/login$/.test(
        req.path,
      );
      // Signing out a session that no longer works (expired) needs no CSRF token: harmless.
      const deadSession = /expired|signed-out/.test(req.label) && req.path === '/logout';
      const unwanted = written.filter(
        (w) =>
          !(checksPassword && w.tbl === 'login_failures') && !(deadSession && w.tbl === 'sessions'),
      );
      if (forged && unwanted.length > 0)
        writesOnRefusal.push(`${where} wrote ${JSON.stringify(unwanted)}`);
      if (res.status < 400) {
        accepted++;
        continue;
      }
      refused++;
      // Counting a wrong password is the lockout at work, the one write a refusal may make.
      if (!forged && unwanted.length > 0)
        writesOnRefusal.push(`${where} wrote ${JSON.stringify(unwanted)}`);
      if (req.path.startsWith('/api/') && res.status < 500) {
        let body: ErrorBody;
        try {
          body = JSON.parse(text) as ErrorBody;
        } catch {
          body = {};
        }
        const problem = unnamed(
          res.status,
          body,
          res.headers,
          req.headers['accept-language'] !== 'zh-CN',
        );
        if (problem !== undefined)
          unnamedRefusals.push(`${where}: ${problem} ${text.slice(0, 200)}`);
      }
    }
    printFigures('fuzz', {
      seed: SEED,
      requests: TOTAL,
      byCategory: JSON.stringify(byCategory),
      statuses: JSON.stringify(statuses),
      accepted,
      refused,
      http5xx: fiveHundreds.length,
      refusalsThatWroteRows: writesOnRefusal.length,
      refusalsNotNamingTheField: unnamedRefusals.length,
      msP50: Math.round(percentile(ms, 50) * 10) / 10,
      msP99: Math.round(percentile(ms, 99) * 10) / 10,
      msMax: Math.round(Math.max(...ms)),
    });
    expect({
      fiveHundreds: fiveHundreds.slice(0, 20),
      writesOnRefusal: writesOnRefusal.slice(0, 20),
      unnamedRefusals: unnamedRefusals.slice(0, 20),
    }).toEqual({ fiveHundreds: [], writesOnRefusal: [], unnamedRefusals: [] });
  }, 600_000);

  it('answers requests that are not proper HTTP with 4xx or a closed socket, never a 5xx', async () => {
    const server = await listen(world.api.app, { host: '127.0.0.1', port: 0 });
    try {
      const statuses: number[] = [];
      for (let round = 0; round < 10; round++) {
        for (const raw of RAW_REQUESTS) statuses.push(await sendRaw(server.port, raw));
      }
      const health = await fetch(`${server.url}/api/v1/health`);
      printFigures('fuzz-raw-http', {
        requests: statuses.length,
        statuses: JSON.stringify(
          statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {}),
        ),
        http5xx: statuses.filter((s) => s >= 500).length,
        healthAfter: health.status,
      });
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
    }
  }, 120_000);
});
