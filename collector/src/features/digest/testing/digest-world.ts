import { Secret } from '@xiaowang/shared';
import type { Clock } from '../../../context.ts';
import type { Db } from '../../../db/schema.ts';
import type { MailConfig } from '../../../mail-config.ts';
import { fixedClock } from '../../../testing/fixed-clock.ts';
import { recomputeDay } from '../../compliance/recompute-day.ts';
import type { ScenarioCounty } from '../../compliance/scenario/scenario-county.ts';
import { addScenarioDay, buildScenarioCounty } from '../../compliance/scenario/scenario-county.ts';
import { DAY, NEXT_DAY, localAt } from '../../compliance/scenario/scenario-time.ts';
import { SINK_PASSWORD, SINK_USER } from './smtp-sink.ts';

/** TEST ONLY. What the digest tests share: the scenario county's two days and a mail config. */

/** An AP name an attacker set on the controller: it must arrive as text, never as markup. */
export const EVIL_AP = '<img src=x onerror=alert(1)><script>alert("校网")</script>';

/** The scenario's second day, reported on the next morning at the default 07:00. */
export const MAIL_DAY = NEXT_DAY;
export const SEND_AT = localAt('2026-11-29', '07:00');

export function testMailConfig(port: number, over: Partial<MailConfig> = {}): MailConfig {
  return {
    smtp: {
      host: '127.0.0.1',
      port,
      secure: false,
      requireTls: false,
      user: SINK_USER,
      password: new Secret(SINK_PASSWORD),
    },
    from: '校网 <xiaowang@qx.example>',
    publicUrl: 'https://xiaowang.qx.example',
    ...over,
  };
}

/**
 * 青溪县 (compliance/scenario) with 2026-11-27 and 2026-11-28 computed the night after each, as
 * the recompute job leaves them, and the county AC's stray AP renamed to EVIL_AP.
 */
export async function digestScenario(db: Db): Promise<ScenarioCounty> {
  const scenario = await buildScenarioCounty(db, fixedClock('2026-11-01T00:00:00.000Z'));
  await addScenarioDay(db, scenario, NEXT_DAY);
  for (const [day, night] of [
    [DAY, '2026-11-28'],
    [NEXT_DAY, '2026-11-29'],
  ] as const) {
    const clock: Clock = fixedClock(localAt(night, '00:40'));
    await recomputeDay({ db, clock, input: { countyId: scenario.countyId, day } });
  }
  const ids = scenario.unattributedAps.flatMap((ap) => ap.ids);
  await db.updateTable('aps').set({ name: EVIL_AP }).where('id', 'in', ids).execute();
  return scenario;
}
