import { isIP } from 'node:net';
import type { AgentConfig } from '../config/schema.ts';
import { describeRequestError } from '../host/https-over-ipv6.ts';
import type { CheckResult } from './doctor-checks.ts';
import { msg } from './doctor-checks.ts';

export interface CollectorChecksOptions {
  readonly fetch: typeof fetch;
  readonly lookupHost: (host: string) => Promise<string[]>;
  readonly now: () => number;
}

type Collector = AgentConfig['collector'];

/** TLS and token expiry are checked against the clock; beyond this, trouble follows. */
const MAX_SKEW_S = 60;

function endpoint(base: string, route: string): string {
  return new URL(route, base.endsWith('/') ? base : `${base}/`).toString();
}

function fetchFailure(error: unknown): { kind: 'timeout' | 'tls' | 'other'; detail: string } {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { kind: 'timeout', detail: error.message };
  }
  // fetch wraps the socket's error as `cause`; that one names the TLS or network problem.
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const detail = describeRequestError(cause);
  return { kind: detail.startsWith('TLS ') ? 'tls' : 'other', detail };
}

async function checkDns(url: URL, o: CollectorChecksOptions): Promise<CheckResult> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0) {
    return { id: 'collector.dns', status: 'skip', message: msg('doctor.dns.literal', { host }) };
  }
  try {
    const addresses = await o.lookupHost(host);
    return {
      id: 'collector.dns',
      status: 'pass',
      message: msg('doctor.dns.ok', { host, addresses: addresses.join(', ') }),
    };
  } catch (error) {
    return {
      id: 'collector.dns',
      status: 'fail',
      message: msg('doctor.dns.fail', { host, detail: describeRequestError(error) }),
      advice: msg('doctor.dns.fix'),
    };
  }
}

interface Health {
  readonly check: CheckResult;
  /** The collector's Date header and our clock halfway through the request. */
  readonly answered?: { readonly date: string | null; readonly localMs: number };
}

async function checkHealth(collector: Collector, o: CollectorChecksOptions): Promise<Health> {
  const url = endpoint(collector.url, 'api/v1/health');
  const started = o.now();
  let response: Response;
  try {
    response = await o.fetch(url, { signal: AbortSignal.timeout(collector.timeoutMs) });
  } catch (error) {
    const failure = fetchFailure(error);
    const id = 'collector.health';
    if (failure.kind === 'timeout') {
      return {
        check: {
          id,
          status: 'fail',
          message: msg('doctor.health.timeout', { url, ms: collector.timeoutMs }),
          advice: msg('doctor.health.timeoutFix'),
        },
      };
    }
    const [key, fix] =
      failure.kind === 'tls'
        ? (['doctor.health.tls', 'doctor.health.tlsFix'] as const)
        : (['doctor.health.error', 'doctor.health.errorFix'] as const);
    return {
      check: {
        id,
        status: 'fail',
        message: msg(key, { url, detail: failure.detail }),
        advice: msg(fix),
      },
    };
  }
  const finished = o.now();
  await response.body?.cancel();
  const answered = { date: response.headers.get('date'), localMs: (started + finished) / 2 };
  const check: CheckResult = response.ok
    ? {
        id: 'collector.health',
        status: 'pass',
        message: msg('doctor.health.ok', { url, status: response.status, ms: finished - started }),
      }
    : {
        id: 'collector.health',
        status: 'fail',
        message: msg('doctor.health.status', { url, status: response.status }),
        advice: msg('doctor.health.statusFix'),
      };
  return { check, answered };
}

async function checkToken(collector: Collector, o: CollectorChecksOptions): Promise<CheckResult> {
  const id = 'collector.token';
  let response: Response;
  try {
    response = await o.fetch(endpoint(collector.url, 'api/v1/agents/me'), {
      headers: { authorization: `Bearer ${collector.token}`, 'accept-language': 'en' },
      signal: AbortSignal.timeout(collector.timeoutMs),
    });
  } catch (error) {
    return {
      id,
      status: 'warn',
      message: msg('doctor.token.error', { detail: fetchFailure(error).detail }),
    };
  }
  await response.body?.cancel();
  const status = response.status;
  if (response.ok) return { id, status: 'pass', message: msg('doctor.token.ok') };
  if (status === 401 || status === 403) {
    return {
      id,
      status: 'fail',
      message: msg('doctor.token.refused', { status }),
      advice: msg('doctor.token.fix'),
    };
  }
  // The route is new; an older collector answers 404 and the token cannot be judged.
  if (status === 404) return { id, status: 'skip', message: msg('doctor.token.unsupported') };
  return { id, status: 'warn', message: msg('doctor.token.unexpected', { status }) };
}

/** Check 5: the collector's Date header against our clock (1 s resolution, so +0.5 s). */
export function checkClock(answered: Health['answered']): CheckResult {
  const id = 'clock';
  if (answered === undefined) return { id, status: 'skip', message: msg('doctor.clock.skipped') };
  const serverMs = answered.date === null ? NaN : Date.parse(answered.date);
  if (Number.isNaN(serverMs)) return { id, status: 'skip', message: msg('doctor.clock.noDate') };
  const skewS = Math.round((answered.localMs - (serverMs + 500)) / 1000);
  const seconds = Math.abs(skewS);
  if (seconds <= MAX_SKEW_S)
    return { id, status: 'pass', message: msg('doctor.clock.ok', { seconds }) };
  const key = skewS > 0 ? 'doctor.clock.ahead' : 'doctor.clock.behind';
  return { id, status: 'fail', message: msg(key, { seconds }), advice: msg('doctor.clock.fix') };
}

/** Check 3 (DNS, health, token) and check 5 (clock), which reuses the health answer. */
export async function checkCollector(
  collector: Collector,
  o: CollectorChecksOptions,
): Promise<{ checks: CheckResult[]; clock: CheckResult }> {
  const dns = await checkDns(new URL(collector.url), o);
  const health = await checkHealth(collector, o);
  const token: CheckResult =
    health.answered === undefined
      ? { id: 'collector.token', status: 'skip', message: msg('doctor.token.skipped') }
      : await checkToken(collector, o);
  return { checks: [dns, health.check, token], clock: checkClock(health.answered) };
}
