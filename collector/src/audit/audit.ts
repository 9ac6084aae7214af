import type { Context } from 'hono';
import type { WriteContext } from '../context.ts';
import type { Db } from '../db/schema.ts';

/** Who the audit log names while the admin token stands in for user accounts. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';

/** The actor of a request; the one place to change when user accounts arrive. */
export const actorOf = (_c: Context): string => ADMIN_TOKEN_ACTOR;

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
