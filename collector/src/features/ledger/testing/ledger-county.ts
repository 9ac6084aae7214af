import { applyTargetPreset } from '../../targets/apply-target-preset.ts';
import { complianceFactory } from '../../../testing/compliance-factories.ts';
import { placeFactory } from '../../../testing/factories.ts';
import type { TestApp } from '../../../testing/test-app.ts';

/** An AP name an attacker chose, as a school's name: Excel would run it as a formula. */
export const EVIL_NAME = "=cmd|' /C calc'!A0";
export const DAY = '2026-11-27';

/**
 * TEST ONLY. 城口县 with the Chengkou and Xingqing presets and results on DAY: one school
 * below 100 % coverage and below 1000M, one with no room list, one that meets everything,
 * plus an IPv6 failure that no target asks about yet.
 */
export async function ledgerCounty(api: TestApp) {
  const db = api.db.kysely;
  const places = placeFactory(db, api.clock);
  const county = await places.county({ name: '城口县' });
  const gecheng = await places.town(county.id, { name: '葛城街道' });
  const bashan = await places.town(county.id, { name: '巴山镇' });
  const evil = await places.school(gecheng.id, { name: EVIL_NAME, code: 'A001' });
  const point = await places.school(bashan.id, {
    name: '巴山教学点',
    code: 'B002',
    kind: 'teaching_point',
  });
  const good = await places.school(gecheng.id, { name: '城口中学', code: 'A000', kind: 'middle' });
  for (const preset of ['chengkou', 'xingqing']) {
    const input = { countyId: county.id, preset };
    await applyTargetPreset({ db, clock: api.clock, actor: 'test', input });
  }
  const results = complianceFactory(db, api.clock);
  const day = (indicator: 'room_coverage' | 'has_wireless' | 'uplink_1000m' | 'ipv6') => ({
    day: DAY,
    indicator,
  });
  await results.result(
    evil,
    { ...day('room_coverage'), status: 'not_met' },
    { value: 0.75, numerator: 3, denominator: 4, threshold: 1, failing_since: '2026-11-01' },
  );
  await results.result(
    point,
    { ...day('room_coverage'), status: 'unknown' },
    { unknown_reason: 'room_list_missing', threshold: 1 },
  );
  await results.result(good, day('room_coverage'), { value: 1, numerator: 9, denominator: 9 });
  await results.result(
    evil,
    { ...day('uplink_1000m'), status: 'not_met' },
    { value: 100, threshold: 1000, failing_since: '2026-10-15' },
  );
  for (const s of [evil, point, good]) await results.result(s, day('has_wireless'), { value: 1 });
  await results.result(point, { ...day('ipv6'), status: 'not_met' }, { value: 1 });
  // Another day must not leak in.
  await results.result(good, { day: '2026-11-26', indicator: 'uplink_1000m', status: 'not_met' });
  return { county, gecheng, bashan, evil, point, good };
}
