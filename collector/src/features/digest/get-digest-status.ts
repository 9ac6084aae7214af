import type { Clock, ReadContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import type { County } from '../places/schema.ts';
import { addDays } from '../compliance/engine/local-time.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { localDay } from '../reports/local-day.ts';
import { nextSendAt } from './due-days.ts';
import { countRecipients } from './queries-recipients.ts';
import { findLastFailure, findLastSent, findScheduler, summariseUnsent } from './queries-status.ts';
import type { DigestStatus } from './schema.ts';
import { findDigestSettings } from './settings.ts';

/** Given-up mails counted in the status. */
const GAVE_UP_DAYS = 30;

/**
 * The county's mail as the dashboard shows it: whether mail is configured (as the running
 * scheduler last saw it), the last mail sent, the last failure and why, and the next attempt.
 */
export async function getDigestStatus(
  context: ReadContext<{ countyId: number }> & { readonly clock?: Clock },
): Promise<DigestStatus> {
  return (await readDigestStatus(context)).status;
}

export interface DigestStatusRead {
  readonly status: DigestStatus;
  /**
   * The first instant at which the status would read otherwise with no row changed: the
   * next regular send (then the one after is next), or the county's next local midnight
   * (the window of given-up mails moves on), whichever is first. A caller that keeps the
   * status may keep it until then.
   */
  readonly changesAt: Date;
}

/** getDigestStatus, and until when its answer holds if no row changes. */
export async function readDigestStatus({
  db,
  clock = () => new Date(),
  input,
}: ReadContext<{ countyId: number }> & { readonly clock?: Clock }): Promise<DigestStatusRead> {
  const county = await countyOrNotFound(db, input.countyId);
  const now = clock();
  const status = await statusAt(db, county, now);
  const midnight = nextSendAt(now, county.timezone, '00:00').getTime();
  const send = status.nextSendAt === null ? Infinity : Date.parse(status.nextSendAt);
  return { status, changesAt: new Date(Math.min(midnight, send)) };
}

/*
 * Everything here that depends on `now` and not on rows must be covered by changesAt above:
 * nextSendAt, and `since`, which moves at local midnight.
 */
async function statusAt(db: Db, county: County, now: Date): Promise<DigestStatus> {
  const settings = await findDigestSettings(db, county.id);
  const scheduler = await findScheduler(db);
  const lastSent = await findLastSent(db, county.id);
  const failure = await findLastFailure(db, county.id);
  const since = addDays(localDay(now, county.timezone), -GAVE_UP_DAYS);
  const unsent = await summariseUnsent(db, county.id, since);
  return {
    countyId: county.id,
    mailConfigured: scheduler === undefined ? null : scheduler.mail_configured === 1,
    schedulerSeenAt: scheduler?.seen_at ?? null,
    enabled: settings.enabled,
    sendTime: settings.sendTime,
    timezone: county.timezone,
    recipients: await countRecipients(db, county.id),
    nextSendAt: settings.enabled
      ? nextSendAt(now, county.timezone, settings.sendTime).toISOString()
      : null,
    lastSent:
      lastSent?.sent_at == null
        ? null
        : {
            day: lastSent.day,
            at: lastSent.sent_at,
            mails: lastSent.mails,
          },
    lastFailure:
      failure?.last_error_at == null
        ? null
        : {
            day: failure.day,
            at: failure.last_error_at,
            email: failure.email,
            error: failure.last_error ?? '',
            attempts: failure.attempts,
            gaveUp: failure.state === 'failed' && failure.next_attempt_at === null,
          },
    ...unsent,
  };
}
