import type { Context } from 'hono';
import type { WriteContext } from '../context.ts';
import type { Db } from '../db/schema.ts';
import type { AppEnv } from '../http/env.ts';

/** Who the audit log names for a change made with XIAOWANG_ADMIN_TOKEN. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';
/** A request nobody signed in to; routes that write refuse these before asking. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** The actor of a request: the signed-in user's username, or `admin-token`. */
export const actorOf = (c: Context<AppEnv>): string => {
  const p = c.get('principal');
  if (p === undefined) return ANONYMOUS_ACTOR;
  return p.kind === 'user' ? p.username : ADMIN_TOKEN_ACTOR;
};

/** A write verb that a person triggers: the actor is a parameter so user accounts can plug in. */
export interface AuditedWriteContext<I> extends WriteContext<I> {
  readonly actor: string;
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  /** `<entity>.<verb>`, e.g. `ap-rule.create`. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: number | null;
  readonly detail: unknown;
}

/** Call inside the verb's transaction, so the change and its record commit together. */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
}
