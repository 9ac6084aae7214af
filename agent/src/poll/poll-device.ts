import type { DeviceResult, PartError, PollError, PollPart } from '@xiaowang/shared';
import { CHECKS } from '../checks/index.ts';
import type { AnyCheck } from '../checks/index.ts';
import type { PollContext, WalkPlan } from '../checks/check.ts';
import { pollContext, SYSTEM_OIDS, extractSystem } from '../checks/system.ts';
import type { SnmpClient } from '../snmp/client.ts';
import type { SnmpCredentials, SnmpTarget, SnmpTiming } from '../snmp/credentials.ts';
import type { SnmpError } from '../snmp/errors.ts';
import { snmpError } from '../snmp/errors.ts';
import { createSnmpClient } from '../snmp/create-client.ts';
import { WalkSet } from '../snmp/walk-set.ts';
import { mergePlans } from './plan.ts';
import { buildSnapshot } from './build-snapshot.ts';

export interface DeviceTarget extends SnmpTarget {
  /** The school's name for the device; shown in reports instead of credentials. */
  readonly name: string;
  readonly credentials: SnmpCredentials;
  /** School code, for an agent that serves several schools. */
  readonly school?: string;
  /** Parts not to read this time (the runtime refreshes inventory once a day). */
  readonly skipParts?: readonly PollPart[];
}

export type ClientFactory = (
  target: SnmpTarget,
  credentials: SnmpCredentials,
  timing: Partial<SnmpTiming>,
) => SnmpClient & { repetitions?: number };

export interface PollDeviceOptions {
  readonly timing?: Partial<SnmpTiming>;
  /** Budget for the whole device; one slow device must not hold the cycle. */
  readonly deadlineMs?: number;
  readonly clientFactory?: ClientFactory;
  readonly now?: () => number;
}

export const DEFAULT_DEVICE_DEADLINE_MS = 60_000;
const SCALARS_PER_GET = 16;

const defaultFactory: ClientFactory = createSnmpClient;

function toPollError(error: SnmpError): PollError {
  const base = { code: error.code, message: error.message, retryable: error.retryable };
  return error.setting === undefined ? base : { ...base, setting: error.setting };
}

/**
 * Polls one device once: the system group first (it decides what else to ask), then every
 * subtree the checks need, each walked once. Never throws for device behaviour: a dead
 * device is an `error` result, a missing or broken table a part error beside good data.
 */
export async function pollDevice(
  target: DeviceTarget,
  options: PollDeviceOptions = {},
): Promise<DeviceResult> {
  const now = options.now ?? Date.now;
  const started = now();
  // The deadline is on the real clock the SNMP client sees, whatever clock stamps the result.
  const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEVICE_DEADLINE_MS);
  const address = {
    name: target.name,
    address: target.host,
    port: target.port,
    ...(target.school === undefined ? {} : { school: target.school }),
  };
  let client: (SnmpClient & { repetitions?: number }) | undefined;
  const meta = (): DeviceResult['meta'] => ({
    startedAt: new Date(started).toISOString(),
    durationMs: now() - started,
    requests: client?.stats.requests ?? 0,
    retries: client?.stats.retries ?? 0,
    timeouts: client?.stats.timeouts ?? 0,
    varbinds: client?.stats.varbinds ?? 0,
  });
  try {
    client = (options.clientFactory ?? defaultFactory)(target, target.credentials, {
      ...options.timing,
      deadline,
    });
    const ws = new WalkSet();
    const systemOids = Object.values(SYSTEM_OIDS);
    const system = await client.get(systemOids);
    systemOids.forEach((oid, i) => ws.addScalar(oid, system.varbinds[i]));
    if (system.error !== undefined && system.varbinds.every((vb) => vb === undefined)) {
      return { outcome: 'error', target: address, meta: meta(), error: toPollError(system.error) };
    }
    const ctx = pollContext(extractSystem(ws));
    const skipped = target.skipParts ?? [];
    const checks = CHECKS.filter((check) => !skipped.includes(check.part));
    const partErrors = await readPlannedData(client, ws, ctx, checks);
    const snapshot = buildSnapshot(ws, ctx, partErrors, checks);
    return {
      outcome: 'ok',
      target: address,
      meta: meta(),
      snapshot,
      partErrors,
      ...(skipped.length === 0 ? {} : { skipped: [...skipped] }),
    };
  } catch (error) {
    // Reaching here is a bug in our code, not device behaviour; report it, do not crash the cycle.
    const message = error instanceof Error ? error.message : String(error);
    return {
      outcome: 'error',
      target: address,
      meta: meta(),
      error: toPollError(snmpError('PROTOCOL', `internal error while polling: ${message}`)),
    };
  } finally {
    client?.close();
  }
}

async function readPlannedData(
  client: SnmpClient,
  ws: WalkSet,
  ctx: PollContext,
  checks: readonly AnyCheck[],
): Promise<PartError[]> {
  const { plans, plan } = plansFor(checks, ctx);
  if (client.readPlan !== undefined) {
    const got = await client.readPlan(plan.scalars, plan.subtrees);
    for (const oid of plan.scalars) {
      ws.addScalar(oid, got.scalars.get(oid));
      const error = got.scalarErrors.get(oid);
      if (error !== undefined) ws.addWalk(oid, [], error);
    }
    for (const root of plan.subtrees) {
      const walk = got.walks.get(root);
      ws.addWalk(root, walk?.packed ?? walk?.varbinds ?? [], walk?.error);
    }
  } else {
    await readOneByOne(client, ws, plan);
  }
  return partErrorsOf(ws, checks, plans);
}

/** Merged plans by checks and context: a county's devices share a handful of them. */
const planCache = new Map<string, { plans: readonly WalkPlan[]; plan: WalkPlan }>();
const PLAN_CACHE_SIZE = 256;

/**
 * The checks' plans for this context and their merge. Plans are pure functions of the
 * context, so devices of the same model and firmware reuse one computation.
 */
function plansFor(
  checks: readonly AnyCheck[],
  ctx: PollContext,
): { plans: readonly WalkPlan[]; plan: WalkPlan } {
  const ids = checks.map((check) => CHECKS.indexOf(check));
  const key = ids.includes(-1)
    ? undefined
    : JSON.stringify([ids, ctx.sysObjectID, ctx.enterprise, ctx.sysDescr]);
  const cached = key === undefined ? undefined : planCache.get(key);
  if (cached !== undefined) return cached;
  const plans = checks.map((check) => check.plan(ctx));
  const merged = { plans, plan: mergePlans(plans) };
  if (key !== undefined) {
    if (planCache.size >= PLAN_CACHE_SIZE) planCache.clear();
    planCache.set(key, merged);
  }
  return merged;
}

/** For clients without readPlan: GET the scalars in batches, then one walk per subtree. */
async function readOneByOne(client: SnmpClient, ws: WalkSet, plan: WalkPlan): Promise<void> {
  let deviceGone: SnmpError | undefined;

  for (let i = 0; i < plan.scalars.length; i += SCALARS_PER_GET) {
    const batch = plan.scalars.slice(i, i + SCALARS_PER_GET);
    const got = await client.get(batch);
    batch.forEach((oid, j) => ws.addScalar(oid, got.varbinds[j]));
    if (got.error !== undefined) {
      for (const oid of batch) ws.addWalk(oid, [], got.error);
    }
  }

  for (const root of plan.subtrees) {
    if (deviceGone !== undefined) {
      ws.addWalk(root, [], {
        ...deviceGone,
        message: `not read: the device stopped answering earlier in this poll (${deviceGone.message})`,
      });
      continue;
    }
    const result = await client.walk(root);
    ws.addWalk(root, result.varbinds, result.error);
    if (result.error?.code === 'TIMEOUT' || result.error?.code === 'DEADLINE') {
      // Silence at the smallest GETBULK: ask once more for something tiny before giving up.
      const alive =
        result.error.code === 'TIMEOUT' ? await client.get([SYSTEM_OIDS.sysUpTime]) : undefined;
      if (alive === undefined || alive.error !== undefined) deviceGone = result.error;
    }
  }
}

/** One part error per check and distinct failure, naming the first OID it hit. */
function partErrorsOf(
  ws: WalkSet,
  checks: readonly AnyCheck[],
  plans: readonly WalkPlan[],
): PartError[] {
  const partErrors: PartError[] = [];
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i];
    const own = plans[i];
    if (check === undefined || own === undefined) continue;
    const seen = new Set<string>();
    for (const oid of [...own.subtrees, ...own.scalars]) {
      const error = ws.errorFor(oid);
      if (error === undefined) continue;
      const key = `${error.code}:${error.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      partErrors.push({ part: check.part, oid, ...toPollError(error) });
    }
  }
  return partErrors;
}
