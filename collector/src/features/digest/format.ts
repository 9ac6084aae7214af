import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { Indicator } from '../compliance/indicators.ts';
import { formatThreshold } from '../ledger/format-values.ts';
import { INDICATOR_UNITS } from '../targets/indicator-units.ts';

/* Numbers, shares and times as the recipient's locale writes them. */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.NumberFormat)) {
    format = new Intl.NumberFormat(lang, options);
    cache.set(key, format);
  }
  return format;
}

/** 0.8644 → 86.4%. */
export const percent = (lang: Lang, fraction: number): string =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);

/** 1296 → 1,296; 0.5 → 0.5. */
export const count = (lang: Lang, n: number): string =>
  numberFormat(lang, { maximumFractionDigits: 2 }).format(n);

/** A change of a share in percentage points, signed: −0.017 → −1.7 个百分点. */
export function points(lang: Lang, delta: number): string {
  const value = numberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
    delta * 100,
  );
  return t(lang, 'digest.change.points', { value });
}

/** 86.4% (51/59), or the percentage alone when the counts are missing. */
export function share(
  lang: Lang,
  v: { value: number | null; numerator: number | null; denominator: number | null },
): string {
  if (v.value === null) return t(lang, 'digest.value.none');
  const p = percent(lang, v.value);
  if (v.numerator === null || v.denominator === null) return p;
  return t(lang, 'digest.value.ratio', {
    percent: p,
    numerator: count(lang, v.numerator),
    denominator: count(lang, v.denominator),
  });
}

/** A school's figure: a level for IPv6, else a share (of rooms, polls or APs) with its counts. */
export function schoolValue(
  lang: Lang,
  v: {
    indicator: Indicator;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
  },
): string {
  if (v.indicator === 'ipv6' && v.value !== null) {
    return t(lang, 'ledger.value.level', { value: count(lang, v.value) });
  }
  return share(lang, v);
}

export const threshold = (lang: Lang, indicator: Indicator, value: number | null): string =>
  value === null ? '' : formatThreshold(INDICATOR_UNITS[indicator], value, lang);

/** An instant as local date and time in the county: 2026/11/28 23:57 or 28/11/2026, 23:57. */
export function dateTime(lang: Lang, iso: string, timeZone: string): string {
  const key = `d|${lang}|${timeZone}`;
  let format = cache.get(key);
  if (!(format instanceof Intl.DateTimeFormat)) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cache.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Device and school text on one line of a plain-text mail: no control characters. */
export const plain = (text: string): string => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
