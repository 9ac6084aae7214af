import type { Measure } from './measure.ts';
import { atLeast, unknownMeasure } from './measure.ts';
import { median, minimum } from './stats.ts';
import type { PollOutcome, UplinkPoll, UplinkSample } from './uplink-polls.ts';
import { groupPolls, judgePoll } from './uplink-polls.ts';
import type { Utilisation } from './utilisation.ts';
import { summariseUtilisation } from './utilisation.ts';

export interface UplinkSpeedInput {
  /** How many effective uplinks the school has (designated, else inferred). */
  readonly uplinks: number;
  /** The effective uplinks' school-hour samples, grouped by poll. */
  readonly polls: readonly UplinkPoll[];
  /** Does not depend on the threshold, so both uplink figures share it. */
  readonly utilisation: Utilisation;
  readonly requiredShare: number;
  readonly contractedMbps: number | null;
}

/** Groups the samples and sums utilisation once per school, for both uplink figures. */
export function uplinkSpeedInput(v: {
  uplinks: number;
  samples: readonly UplinkSample[];
  requiredShare: number;
  contractedMbps: number | null;
}): UplinkSpeedInput {
  const polls = groupPolls(v.samples);
  const { uplinks, requiredShare, contractedMbps } = v;
  const utilisation = summariseUtilisation(polls, contractedMbps);
  return { uplinks, polls, utilisation, requiredShare, contractedMbps };
}

/**
 * targets.md §5.3: the share of school-hour polls at which the best up uplink ran at the
 * threshold speed or faster; numerator and denominator count polls. Polls whose speed we
 * cannot trust are counted apart, never as a pass or a failure.
 */
export function computeUplinkSpeed(
  input: UplinkSpeedInput,
  thresholdMbps: number,
  hasTarget: boolean,
): Measure {
  const base = {
    thresholdMbps,
    requiredShare: input.requiredShare,
    uplinks: input.uplinks,
    contractedMbps: input.contractedMbps,
  };
  if (input.uplinks === 0) return unknownMeasure('no_uplink', base);
  const { polls } = input;
  if (polls.length === 0) return unknownMeasure('no_samples_in_school_hours', base);

  const count: Record<PollOutcome, number> = { pass: 0, slow: 0, down: 0, unknown: 0 };
  const problems: Record<string, number> = {};
  const speeds: number[] = [];
  for (const poll of polls) {
    const judged = judgePoll(poll, thresholdMbps);
    count[judged.outcome] += 1;
    if (judged.problem !== null) problems[judged.problem] = (problems[judged.problem] ?? 0) + 1;
    if (judged.bestMbps !== null) speeds.push(judged.bestMbps);
  }
  const details = {
    ...base,
    polls: { total: polls.length, ...count },
    unknownPolls: problems,
    speedWhileUpMbps: { min: minimum(speeds), median: median(speeds) },
    firstPollAt: polls[0]?.at ?? null,
    lastPollAt: polls.at(-1)?.at ?? null,
    utilisation: input.utilisation,
  };
  const known = count.pass + count.slow + count.down;
  // Samples whose speed cannot be trusted are no samples for the figure; details say why.
  if (known === 0) return unknownMeasure('no_samples_in_school_hours', details);
  const value = count.pass / known;
  const met = hasTarget ? atLeast(value, input.requiredShare) : null;
  return { value, numerator: count.pass, denominator: known, unknownReason: null, met, details };
}
