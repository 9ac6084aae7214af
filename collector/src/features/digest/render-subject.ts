import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { DigestContent } from './content.ts';
import { plain, percent } from './format.ts';

/** Indicator values named in the subject; the body has them all. */
const SUBJECT_FIGURES = 3;

/** 青溪县, or 青溪县 城关镇 for a town's mail. */
export function placeName(content: DigestContent, lang: Lang): string {
  const county = content.county.name;
  return content.scope.kind === 'town'
    ? t(lang, 'digest.place.town', { county, town: content.scope.name })
    : county;
}

/** 「校网」青溪县 2026-11-28 达标日报：教室无线覆盖率 86.4%，上联千兆 83.2%，新增未达标 1 所 */
export function renderSubject(content: DigestContent, lang: Lang): string {
  const parts: string[] = [];
  const inForce = content.indicators.filter((i) => i.target !== null);
  for (const figure of inForce.slice(0, SUBJECT_FIGURES)) {
    const value = figure.rollup?.value;
    if (value === undefined || value === null) continue;
    const indicator = t(lang, `compliance.indicator.${figure.indicator}`);
    parts.push(t(lang, 'digest.headline.value', { indicator, value: percent(lang, value) }));
  }
  const newlyFailing = new Set(
    (content.changes ?? []).filter((c) => c.kind === 'newly_failing').map((c) => c.schoolId),
  ).size;
  if (newlyFailing > 0)
    parts.push(t(lang, 'digest.headline.newlyFailing', { count: newlyFailing }));
  if (inForce.length === 0) parts.push(t(lang, 'digest.headline.noTargets'));
  else if (content.computedAt === null) parts.push(t(lang, 'digest.headline.noResults'));
  const headline = parts.join(t(lang, 'digest.list.separator'));
  return plain(
    t(lang, 'digest.subject', { place: placeName(content, lang), date: content.day, headline }),
  );
}
