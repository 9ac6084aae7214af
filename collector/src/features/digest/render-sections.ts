import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { ResultStatus } from '../compliance/indicators.ts';
import type { DigestContent, IndicatorFigure, SchoolLine, StaleAgent } from './content.ts';
import { count, dateTime, points, schoolValue, share, threshold } from './format.ts';
import { placeName } from './render-subject.ts';

/* Text both parts share, already in the recipient's language; device text is left as it came. */

/** Failing lines listed in a mail; the attached ledger has every one. */
export const MAX_FAILING_LINES = 300;

export const indicatorName = (lang: Lang, figure: { indicator: IndicatorFigure['indicator'] }) =>
  t(lang, `compliance.indicator.${figure.indicator}`);

export const statusName = (lang: Lang, status: ResultStatus | null) =>
  status === null ? t(lang, 'digest.status.none') : t(lang, `compliance.status.${status}`);

export function title(content: DigestContent, lang: Lang): string {
  return t(lang, 'digest.title', { place: placeName(content, lang), date: content.day });
}

export function intro(content: DigestContent, lang: Lang): string {
  const { computedAt, county, day } = content;
  if (computedAt === null) return t(lang, 'digest.notComputed', { date: day });
  return t(lang, 'digest.intro', {
    date: day,
    computedAt: dateTime(lang, computedAt, county.timezone),
  });
}

export function targetLine(lang: Lang, figure: IndicatorFigure): string | undefined {
  const { target } = figure;
  if (target === null) return undefined;
  return t(lang, 'digest.target.line', {
    indicator: indicatorName(lang, figure),
    threshold: threshold(lang, figure.indicator, target.threshold),
    effectiveFrom: target.effectiveFrom,
    document: target.document,
  });
}

/** Value, change and school counts of one indicator, as table cells. */
export function figureCells(lang: Lang, figure: IndicatorFigure) {
  const { rollup, target, change } = figure;
  const none = t(lang, 'digest.value.none');
  return {
    indicator: indicatorName(lang, figure),
    value: rollup === null ? t(lang, 'digest.value.notComputed') : share(lang, rollup),
    target:
      target === null
        ? t(lang, 'digest.target.noneShort')
        : threshold(lang, figure.indicator, target.threshold),
    change: change === null ? none : points(lang, change),
    schools:
      rollup === null
        ? none
        : target === null
          ? t(lang, 'digest.schools.noTarget', { unknown: count(lang, rollup.unknown) })
          : t(lang, 'digest.schools.counts', {
              met: count(lang, rollup.met),
              notMet: count(lang, rollup.notMet),
              unknown: count(lang, rollup.unknown),
            }),
  };
}

/** What a failing or changed school line says about its figure. */
export function lineCells(lang: Lang, line: SchoolLine) {
  return {
    indicator: indicatorName(lang, line),
    status: statusName(lang, line.status),
    value: schoolValue(lang, line),
    target: threshold(lang, line.indicator, line.threshold),
    reason:
      line.unknownReason === null ? '' : t(lang, `ledger.unknownReason.${line.unknownReason}`),
    since: line.failingSince ?? '',
  };
}

export function agentCells(lang: Lang, agent: StaleAgent, timeZone: string) {
  return {
    lastReport:
      agent.lastReportAt === null
        ? t(lang, 'digest.stale.never')
        : dateTime(lang, agent.lastReportAt, timeZone),
    schools: agent.schools.join(t(lang, 'digest.list.separator')),
  };
}

/** Failing lines grouped by school, in order, at most MAX_FAILING_LINES lines. */
export function failingBySchool(content: DigestContent) {
  const shown = content.failing.slice(0, MAX_FAILING_LINES);
  const groups: { school: SchoolLine; lines: SchoolLine[] }[] = [];
  for (const line of shown) {
    const last = groups.at(-1);
    if (last?.school.schoolId === line.schoolId) last.lines.push(line);
    else groups.push({ school: line, lines: [line] });
  }
  const schools = new Set(content.failing.map((l) => l.schoolId)).size;
  return { groups, schools, hidden: content.failing.length - shown.length };
}
