import type { ResultStatus } from '../compliance/indicators.ts';
import { INDICATORS } from '../compliance/indicators.ts';
import type { ChangeKind, SchoolLine, StatusChange } from './content.ts';
import { CHANGE_KINDS } from './content.ts';

/**
 * How a school's status on one indicator moved since the day before, or null when the move is
 * not news: still failing, still met, or a figure that merely appeared as met.
 */
export function changeKind(before: ResultStatus | null, now: ResultStatus): ChangeKind | null {
  if (now === 'not_met') return before === 'not_met' ? null : 'newly_failing';
  if (now === 'unknown') return before === 'unknown' ? null : 'became_unknown';
  if (now === 'met' && before === 'not_met') return 'fixed';
  if (now === 'met' && before === 'unknown') return 'known_again';
  return null;
}

/** Today's lines that changed status since `before` (school id and indicator → status), news first. */
export function statusChanges(
  today: readonly SchoolLine[],
  before: ReadonlyMap<string, ResultStatus>,
): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const line of today) {
    const was = before.get(lineKey(line.schoolId, line.indicator)) ?? null;
    const kind = changeKind(was, line.status);
    if (kind !== null) changes.push({ ...line, kind, before: was });
  }
  return changes.sort(
    (a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) || compareLines(a, b),
  );
}

export const lineKey = (schoolId: number, indicator: string) => `${schoolId}:${indicator}`;

/** By town, school code, then the indicators' order. */
export function compareLines(a: SchoolLine, b: SchoolLine): number {
  return (
    a.town.localeCompare(b.town, 'zh-CN') ||
    a.code.localeCompare(b.code) ||
    INDICATORS.indexOf(a.indicator) - INDICATORS.indexOf(b.indicator)
  );
}
