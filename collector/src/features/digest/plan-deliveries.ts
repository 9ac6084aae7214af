import type { WriteContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';
import { dueDays } from './due-days.ts';
import { insertPlanned } from './queries-deliveries.ts';
import { selectRecipients, selectRecipientsAt } from './queries-recipients.ts';
import { selectCountiesWithSettings } from './queries-settings.ts';
import { sendSettingsOf } from './settings.ts';

interface Planned {
  readonly email: string;
  readonly town_id: number | null;
  readonly lang: 'zh-CN' | 'en';
}

function rows(
  countyId: number,
  day: string,
  recipients: readonly Planned[],
  dueAt: string,
  now: string,
) {
  return recipients.map((r) => ({
    county_id: countyId,
    day,
    email: r.email,
    town_id: r.town_id,
    lang: r.lang,
    state: 'pending' as const,
    due_at: dueAt,
    planned_at: now,
    next_attempt_at: now,
  }));
}

/**
 * Records the mails due by now that are not recorded yet: for each county whose mail is on,
 * each due day of the catch-up window, each address that was a recipient at the due time.
 * Run at every tick; the UNIQUE key makes a second run, or a second scheduler, add nothing.
 */
export async function planDueDeliveries(db: Db, now: Date): Promise<number> {
  let planned = 0;
  const at = now.toISOString();
  for (const county of await selectCountiesWithSettings(db)) {
    const settings = sendSettingsOf(county);
    if (!settings.enabled) continue;
    for (const { day, dueAt } of dueDays({
      now,
      timeZone: county.timezone,
      sendTime: settings.sendTime,
    })) {
      const due = dueAt.toISOString();
      if (settings.enabledSince !== null && due < settings.enabledSince) continue;
      const recipients = await selectRecipientsAt(db, county.id, due);
      planned += await insertPlanned(db, rows(county.id, day, recipients, due, at));
    }
  }
  return planned;
}

/** A day sent by hand (`digest` without --to): every current recipient not yet sent that day. */
export async function planCountyDay({
  db,
  clock,
  input,
}: WriteContext<{ countyId: number; day: string }>): Promise<number> {
  const at = clock().toISOString();
  const recipients = await selectRecipients(db, input.countyId);
  return insertPlanned(db, rows(input.countyId, input.day, recipients, at, at));
}
