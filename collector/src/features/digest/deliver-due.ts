import type { Clock } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import type { Logger } from '../../logger.ts';
import type { MailConfig } from '../../mail-config.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { CLAIM_MS, nextAttemptAt } from './backoff.ts';
import type { DigestMail } from './compose-digest.ts';
import { composeDigest } from './compose-digest.ts';
import { ensureComputed } from './ensure-computed.ts';
import type { MailSender } from './mailer.ts';
import { describeFailure } from './mailer.ts';
import type { DeliveryFilter, DeliveryRow } from './queries-deliveries.ts';
import { claimDelivery, markFailed, markSent, peekDue, postponeDue } from './queries-deliveries.ts';

/** Mails one run sends at most; the next run goes on. */
export const MAX_PER_RUN = 500;

export interface DeliverDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mail: MailConfig;
  readonly sender: MailSender;
  /** Names this scheduler in the claims it takes. */
  readonly instance: string;
}

export interface DeliverResult {
  readonly sent: number;
  readonly failed: { readonly email: string; readonly error: string }[];
}

/**
 * Sends the due mails one by one: claim the row ('sending', committed before any SMTP traffic),
 * send, then record 'sent', or 'failed' with the next attempt. A claim is one statement, so a
 * second scheduler never takes the same row; a claim left by a crash expires and is retaken.
 */
export async function deliverDue(
  deps: DeliverDeps,
  filter: DeliveryFilter = {},
): Promise<DeliverResult> {
  const { db, clock } = deps;
  const computed = new Set<string>();
  const rendered = new Map<string, DigestMail>();
  const result = { sent: 0, failed: [] as { email: string; error: string }[] };
  for (let n = 0; n < MAX_PER_RUN; n++) {
    const due = await peekDue(db, clock().toISOString(), filter);
    if (due === undefined) break;
    const dayKey = `${due.county_id}|${due.day}`;
    if (!computed.has(dayKey)) {
      const county = await countyOrNotFound(db, due.county_id);
      const input = { countyId: county.id, day: due.day, timeZone: county.timezone };
      await ensureComputed({ db, clock, input });
      computed.add(dayKey);
    }
    const now = clock();
    const claimed = await claimDelivery(db, {
      id: due.id,
      instance: deps.instance,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + CLAIM_MS).toISOString(),
    });
    if (claimed === undefined) continue; // another scheduler took it
    const outcome = await sendOne(deps, claimed, rendered);
    if (outcome.ok) result.sent += 1;
    else {
      result.failed.push({ email: claimed.email, error: outcome.error });
      if (outcome.serverWide) break;
    }
  }
  return result;
}

type Outcome = { ok: true } | { ok: false; error: string; serverWide: boolean };

async function sendOne(
  deps: DeliverDeps,
  row: DeliveryRow,
  rendered: Map<string, DigestMail>,
): Promise<Outcome> {
  const { db, clock, logger, mail } = deps;
  const where = {
    countyId: row.county_id,
    day: row.day,
    deliveryId: row.id,
    attempt: row.attempts,
  };
  try {
    if (mail.from === undefined) throw new Error('XIAOWANG_MAIL_FROM is not set');
    const key = `${row.county_id}|${row.day}|${row.town_id ?? ''}|${row.lang}`;
    let digest = rendered.get(key);
    if (digest === undefined) {
      const input = {
        countyId: row.county_id,
        day: row.day,
        townId: row.town_id ?? undefined,
        lang: row.lang,
        publicUrl: mail.publicUrl,
      };
      digest = await composeDigest({ db, clock, input });
      rendered.set(key, digest);
    }
    const info = await deps.sender.send({
      from: mail.from,
      to: row.email,
      subject: digest.subject,
      text: digest.text,
      html: digest.html,
      messageId: messageIdOf(row, mail.from),
      attachment: digest.attachment,
      lang: row.lang,
    });
    // If the process dies before this write, the claim expires and the mail goes out again
    // (at-least-once, docs/adr/0009); the stable Message-ID lets clients fold the two.
    await markSent(db, row.id, { at: clock().toISOString(), messageId: info.messageId });
    logger.info('digest.sent', { ...where, messageId: info.messageId });
    return { ok: true };
  } catch (error) {
    const secret = mail.smtp?.password?.reveal();
    const failure = describeFailure(error, secret === undefined ? [] : [secret]);
    const now = clock();
    const next = nextAttemptAt(row.attempts, now, row.due_at);
    const at = now.toISOString();
    await markFailed(db, {
      id: row.id,
      instance: deps.instance,
      error: failure.text,
      at,
      nextAttemptAt: next,
    });
    if (failure.serverWide && next !== null) await postponeDue(db, at, next);
    const fields = { ...where, error: failure.text, nextAttemptAt: next };
    if (next === null) logger.error('digest.gave-up', fields);
    else logger.warn('digest.send-failed', fields);
    return { ok: false, error: failure.text, serverWide: failure.serverWide };
  }
}

/** `<digest.3.2026-11-28.17@jyj.example.gov.cn>`: the same for every attempt of one delivery. */
export function messageIdOf(
  row: { id: number | string; county_id: number; day: string },
  from: string,
): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'xiaowang.invalid';
  return `<digest.${row.county_id}.${row.day}.${row.id}@${domain}>`;
}
