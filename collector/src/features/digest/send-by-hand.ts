import { randomUUID } from 'node:crypto';
import type { Lang } from '@xiaowang/shared';
import type { WriteContext } from '../../context.ts';
import type { Logger } from '../../logger.ts';
import type { MailConfig } from '../../mail-config.ts';
import type { DigestMail } from './compose-digest.ts';
import { composeDigest } from './compose-digest.ts';
import type { DeliverResult } from './deliver-due.ts';
import { deliverDue, messageIdOf } from './deliver-due.ts';
import type { MailSender, OutgoingMail } from './mailer.ts';
import { planCountyDay } from './plan-deliveries.ts';
import { selectDayDeliveries } from './queries-deliveries.ts';

/* What `xiaowang-collector digest` does beside the scheduler: a day's mails now, or one copy. */

export interface HandContext<I> extends WriteContext<I> {
  readonly logger: Logger;
  readonly mail: MailConfig;
  readonly sender: MailSender;
}

/**
 * Sends a day's mail to every current recipient who has not had it, through the same record
 * as the scheduler, so nobody gets it twice; failures are retried by the scheduler later.
 */
export async function sendDayNow(
  ctx: HandContext<{ countyId: number; day: string; instance: string }>,
): Promise<DeliverResult & { readonly earlier: number }> {
  const { countyId, day, instance } = ctx.input;
  await planCountyDay({ db: ctx.db, clock: ctx.clock, input: { countyId, day } });
  const before = await selectDayDeliveries(ctx.db, countyId, day);
  const earlier = before.filter((d) => d.state === 'sent').length;
  const result = await deliverDue({ ...ctx, instance }, { countyId, day });
  return { ...result, earlier };
}

/** The mail as one message to `to`, outside the record (a copy by hand, or a dry run). */
export function toOutgoing(
  digest: DigestMail,
  v: { from: string; to: string; lang: Lang; countyId: number; day: string },
): OutgoingMail {
  const id = { id: `copy-${randomUUID().slice(0, 8)}`, county_id: v.countyId, day: v.day };
  return {
    from: v.from,
    to: v.to,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    messageId: messageIdOf(id, v.from),
    attachment: digest.attachment,
    lang: v.lang,
  };
}

/** One copy of a county's (or town's) mail to an address, not recorded as a delivery. */
export async function sendCopy(
  ctx: HandContext<{ countyId: number; day: string; townId?: number; lang: Lang; to: string }>,
): Promise<{ readonly messageId: string; readonly digest: DigestMail }> {
  const { countyId, day, townId, lang, to } = ctx.input;
  const from = ctx.mail.from ?? 'xiaowang@localhost';
  const digest = await composeDigest({
    db: ctx.db,
    clock: ctx.clock,
    input: { countyId, day, townId, lang, publicUrl: ctx.mail.publicUrl },
  });
  const info = await ctx.sender.send(toOutgoing(digest, { from, to, lang, countyId, day }));
  return { messageId: info.messageId, digest };
}
