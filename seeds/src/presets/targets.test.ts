import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findTargetPreset, TARGET_PRESETS } from './targets.ts';

// The plan texts live beside the repository in the team workspace (targets.md: ../seeds).
const PLAN_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const allTargets = TARGET_PRESETS.flatMap((p) => p.targets.map((t) => ({ preset: p, target: t })));

describe('target presets', () => {
  it('have unique keys across presets and targets', () => {
    const keys = TARGET_PRESETS.flatMap((p) => [p.key, ...p.targets.map((t) => t.key)]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carry the schedules of the plans', () => {
    const schedule = (key: string) =>
      findTargetPreset(key)?.targets.map((t) => [
        t.indicator,
        t.steps.map((s) => [s.effectiveFrom, s.threshold]),
      ]);
    expect(schedule('chengkou')).toEqual([
      [
        'room_coverage',
        [
          ['2022-01-01', 0.6],
          ['2025-01-01', 1],
        ],
      ],
    ]);
    expect(schedule('xingqing')).toEqual([
      ['uplink_1000m', [['2020-07-01', 1000]]],
      ['has_wireless', [['2020-07-01', 1]]],
    ]);
    expect(schedule('district-ipv6')).toEqual([['ipv6', [['2027-01-01', 4]]]]);
    expect(schedule('national-egress')).toEqual([['egress_100m', [['2020-12-31', 100]]]]);
  });

  it('find a single target by its own key, keeping its document', () => {
    const one = findTargetPreset('xingqing-has-wireless');
    expect(one?.targets.map((t) => t.indicator)).toEqual(['has_wireless']);
    expect(one?.document).toContain('兴庆区');
    expect(findTargetPreset('nowhere')).toBeUndefined();
  });

  it.each(allTargets.map((x) => [x.target.key, x.target] as const))(
    '%s has dated steps in order',
    (_key, target) => {
      const dates = target.steps.map((s) => s.effectiveFrom);
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(target.sourceSentence.length).toBeGreaterThan(5);
    },
  );

  const quoted = allTargets.filter((x) => x.preset.planFile !== null);
  describe.skipIf(!existsSync(PLAN_DIR))('quoted from the plan texts', () => {
    it.each(quoted.map((x) => [x.target.key, x.preset.planFile ?? '', x.target] as const))(
      '%s is a verbatim sentence of %s',
      (_key, file, target) => {
        expect(readFileSync(`${PLAN_DIR}${file}`, 'utf8')).toContain(target.sourceSentence);
      },
    );
  });
});
