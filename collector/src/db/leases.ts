import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../context.ts';
import type { Db } from './schema.ts';

/*
 * Leases: which of several collectors on one database runs a scheduled job. A lease is taken
 * or renewed with one conditional upsert, so of two instances asking at once exactly one
 * gets it, on SQLite (one writer at a time) and on PostgreSQL (the second waits for the
 * first's row lock, then re-checks the condition). The holder keeps renewing it while it
 * runs; when it dies, another takes over once the lease has expired.
 */

/** A collector that died without a clean stop hands its jobs on after this (XIAOWANG_JOB_LEASE_SECONDS). */
export const DEFAULT_LEASE_MS = 120_000;

/** A name for this process, unique among the collectors sharing a database. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export interface LeaseRequest {
  readonly name: string;
  readonly holder: string;
  readonly now: Date;
  readonly ttlMs: number;
}

/** Takes the lease if it is free, expired or already ours (then renews it); true if held. */
export async function takeLease(db: Db, r: LeaseRequest): Promise<boolean> {
  const now = r.now.toISOString();
  const expiresAt = new Date(r.now.getTime() + r.ttlMs).toISOString();
  const row = await db
    .insertInto('leases')
    .values({ name: r.name, holder: r.holder, acquired_at: now, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          acquired_at: eb
            .case()
            .when('leases.holder', '=', eb.ref('excluded.holder'))
            .then(eb.ref('leases.acquired_at'))
            .else(eb.ref('excluded.acquired_at'))
            .end(),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where((eb) =>
          eb.or([
            eb('leases.holder', '=', eb.ref('excluded.holder')),
            eb('leases.expires_at', '<=', eb.ref('excluded.acquired_at')),
          ]),
        ),
    )
    .returning('holder')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives the lease up at once (a clean stop), if it is still ours. */
export async function releaseLease(
  db: Db,
  r: { name: string; holder: string; now: Date },
): Promise<void> {
  await db
    .updateTable('leases')
    .set({ expires_at: r.now.toISOString() })
    .where('name', '=', r.name)
    .where('holder', '=', r.holder)
    .execute();
}

export const selectLease = (db: Db, name: string) =>
  db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();

export interface LeaseHolder {
  /** Takes or renews the lease now; false while another instance holds it. */
  acquire(): Promise<boolean>;
  /**
   * Runs `work` while renewing the lease every third of its life, so a long run keeps it.
   * Call only after `acquire()` returned true.
   */
  renewWhile<T>(work: () => Promise<T>): Promise<T>;
  /** Lets another instance take over now; call on a clean stop. */
  release(): Promise<void>;
}

export interface LeaseHolderOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly name: string;
  readonly holder: string;
  readonly ttlMs: number;
  /** Told when a renewal fails; the work goes on, and the next acquire() decides. */
  readonly onRenewError?: (error: unknown) => void;
}

/**
 * One job's lease for one instance. The instance stays leader while it keeps acquiring
 * within the ttl (each scheduled tick does), so the job does not move between instances
 * at every tick and a period's run is never repeated by another.
 */
export function leaseHolder(o: LeaseHolderOptions): LeaseHolder {
  const request = () => ({ name: o.name, holder: o.holder, now: o.clock(), ttlMs: o.ttlMs });
  let held = false;
  return {
    async acquire() {
      held = await takeLease(o.db, request());
      return held;
    },
    async renewWhile(work) {
      const timer = setInterval(
        () => {
          takeLease(o.db, request()).then(
            (ok) => (held = ok),
            (error: unknown) => o.onRenewError?.(error),
          );
        },
        Math.max(1000, Math.floor(o.ttlMs / 3)),
      );
      timer.unref();
      try {
        return await work();
      } finally {
        clearInterval(timer);
      }
    },
    async release() {
      if (!held) return;
      held = false;
      await releaseLease(o.db, { name: o.name, holder: o.holder, now: o.clock() });
    },
  };
}
