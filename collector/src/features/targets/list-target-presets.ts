import { TARGET_PRESETS } from '@xiaowang/seeds';
import { INDICATOR_UNITS } from './indicator-units.ts';
import type { TargetPresets } from './schema.ts';

/** The presets of the plans (seeds/src/presets), each target with its unit. */
export function listTargetPresets(): TargetPresets {
  return {
    items: TARGET_PRESETS.map((p) => ({
      ...p,
      targets: p.targets.map((t) => ({
        ...t,
        unit: INDICATOR_UNITS[t.indicator],
        steps: [...t.steps],
      })),
    })),
  };
}
