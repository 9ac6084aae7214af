import type { Indicator, ResultStatus, UnknownReason } from '../compliance/indicators.ts';

/* What one nightly mail says, before it is rendered in a recipient's language. */

export type DigestScope =
  | { readonly kind: 'county' }
  | { readonly kind: 'town'; readonly townId: number; readonly name: string };

export interface TargetInForce {
  readonly threshold: number;
  readonly effectiveFrom: string;
  readonly document: string;
  readonly sourceSentence: string;
}

/** One indicator of the county or town: its rollup that day and the change since the day before. */
export interface IndicatorFigure {
  readonly indicator: Indicator;
  readonly target: TargetInForce | null;
  /** Null when the day has not been computed. */
  readonly rollup: {
    readonly value: number | null;
    readonly numerator: number | null;
    readonly denominator: number | null;
    readonly schools: number;
    readonly met: number;
    readonly notMet: number;
    readonly unknown: number;
  } | null;
  /** Value minus the previous day's value; null when either is missing. */
  readonly change: number | null;
}

/** One school's figure for one indicator on the day. */
export interface SchoolLine {
  readonly schoolId: number;
  readonly school: string;
  readonly code: string;
  readonly town: string;
  readonly indicator: Indicator;
  readonly status: ResultStatus;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly threshold: number | null;
  readonly unknownReason: UnknownReason | null;
  readonly failingSince: string | null;
}

export const CHANGE_KINDS = ['newly_failing', 'became_unknown', 'fixed', 'known_again'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface StatusChange extends SchoolLine {
  readonly kind: ChangeKind;
  /** The status the day before; null when the school had no figure then. */
  readonly before: ResultStatus | null;
}

export interface StaleAgent {
  readonly name: string;
  /** As the agent reported it: untrusted text. */
  readonly hostname: string | null;
  readonly lastReportAt: string | null;
  readonly schools: readonly string[];
}

export interface DigestContent {
  readonly county: { readonly id: number; readonly name: string; readonly timezone: string };
  readonly scope: DigestScope;
  readonly day: string;
  readonly previousDay: string;
  readonly computedAt: string | null;
  readonly indicators: readonly IndicatorFigure[];
  /** Null when the previous day has no results to compare with. */
  readonly changes: readonly StatusChange[] | null;
  /** Schools not meeting a target in force, or unknown, one line per indicator. */
  readonly failing: readonly SchoolLine[];
  readonly staleAgents: readonly StaleAgent[];
  /** The county's APs no school could be found for (names are device text); null in a town's mail. */
  readonly unattributedAps: { readonly total: number; readonly names: readonly string[] } | null;
}
