import type { GetResult, SnmpStats } from './client.ts';
import type { SnmpError } from './errors.ts';
import { snmpError } from './errors.ts';
import type { Varbind } from './varbind.ts';

/** One GET exchange as a client sees it: a value (or absence) per OID asked, or why not. */
export type GetOutcome =
  | { readonly ok: true; readonly varbinds: readonly (Varbind | undefined)[] }
  | { readonly ok: false; readonly error: SnmpError };

export interface GetPolicy {
  readonly retries: number;
  deadlinePassed(): boolean;
  readonly stats: SnmpStats;
}

/** The policy of a client with these timings, counting into its stats. */
export function getPolicy(
  timing: { readonly retries: number; readonly deadline?: number | undefined },
  stats: SnmpStats,
): GetPolicy {
  return {
    retries: timing.retries,
    deadlinePassed: () => timing.deadline !== undefined && Date.now() >= timing.deadline,
    stats,
  };
}

/**
 * GET with the policy both clients share: silence is retried up to `retries` times, a
 * tooBig answer is asked again as two halves (a device's reply must fit one datagram), and
 * a passed deadline gives up without another request.
 */
export async function getWithRetries(
  oids: readonly string[],
  once: (oids: readonly string[]) => Promise<GetOutcome>,
  policy: GetPolicy,
): Promise<GetResult> {
  let attempt = 0;
  for (;;) {
    if (policy.deadlinePassed()) {
      return {
        varbinds: oids.map(() => undefined),
        error: snmpError('DEADLINE', 'device deadline passed'),
      };
    }
    const outcome = await once(oids);
    if (outcome.ok) {
      policy.stats.varbinds += outcome.varbinds.filter((vb) => vb !== undefined).length;
      return { varbinds: outcome.varbinds };
    }
    if (outcome.error.code === 'TIMEOUT' && attempt < policy.retries) {
      attempt++;
      policy.stats.retries++;
      continue;
    }
    if (outcome.error.code === 'TOO_BIG' && oids.length > 1) {
      const half = Math.ceil(oids.length / 2);
      const a = await getWithRetries(oids.slice(0, half), once, policy);
      const b = await getWithRetries(oids.slice(half), once, policy);
      const error = a.error ?? b.error;
      const varbinds = [...a.varbinds, ...b.varbinds];
      return error === undefined ? { varbinds } : { varbinds, error };
    }
    return { varbinds: oids.map(() => undefined), error: outcome.error };
  }
}
