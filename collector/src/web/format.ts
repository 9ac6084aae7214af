import type { Lang } from '@xiaowang/shared';

/** Numbers and times written for the reader's locale, and times in the county's zone. */
export interface Formatters {
  /** A fraction 0–1 as a percentage, one decimal. */
  pct(value: number | null | undefined): string;
  int(value: number | null | undefined): string;
  num(value: number | null | undefined, digits?: number): string;
  /** Bits per second in the largest unit that keeps the number readable. */
  bps(value: number | null | undefined): string;
  mbps(value: number | null | undefined): string;
  /** An ISO timestamp as local date and time in the county's zone. */
  dateTime(iso: string | null | undefined): string;
  /** A YYYY-MM-DD local date, written for the locale. */
  day(day: string | null | undefined): string;
}

const DASH = '—';

const cache = new Map<string, Formatters>();
/** Distinct zones seen before the cache starts over; a deployment has one or a few. */
const CACHE_LIMIT = 64;
/**
 * Formatted days, times and percentages kept per formatter: a list of hundreds of rows
 * repeats a few dozen days and the same few shares (rooms covered of 34, polls of 108), the
 * county page shows the same stale agents' last reports and mail times request after
 * request, and each Intl format() costs microseconds.
 */
const MEMO_LIMIT = 2000;

/**
 * The formatters of a language and zone, built once and shared: constructing the Intl
 * objects costs about as much as rendering a small page.
 */
export function formatters(lang: Lang, timeZone: string): Formatters {
  const key = `${lang}|${timeZone}`;
  let f = cache.get(key);
  if (f === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    f = buildFormatters(lang, timeZone);
    cache.set(key, f);
  }
  return f;
}

function buildFormatters(lang: Lang, timeZone: string): Formatters {
  const pct = new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let f = numbers.get(digits);
    if (f === undefined) {
      f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
      numbers.set(digits, f);
    }
    return f;
  };
  const dateTime = new Intl.DateTimeFormat(lang, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const day = new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  const days = new Map<string, string>();
  const dateTimes = new Map<string, string>();
  const percents = new Map<number, string>();
  const missing = (v: number | null | undefined): v is null | undefined =>
    v === null || v === undefined || !Number.isFinite(v);
  return {
    pct(v) {
      if (missing(v)) return DASH;
      let text = percents.get(v);
      if (text === undefined) {
        text = pct.format(v);
        if (percents.size >= MEMO_LIMIT) percents.clear();
        percents.set(v, text);
      }
      return text;
    },
    int: (v) => (missing(v) ? DASH : int.format(v)),
    num: (v, digits = 1) => (missing(v) ? DASH : num(digits).format(v)),
    bps(v) {
      if (missing(v)) return DASH;
      const units: readonly [number, string][] = [
        [1e9, 'Gbit/s'],
        [1e6, 'Mbit/s'],
        [1e3, 'kbit/s'],
      ];
      for (const [size, unit] of units) {
        if (Math.abs(v) >= size) return `${num(1).format(v / size)} ${unit}`;
      }
      return `${int.format(v)} bit/s`;
    },
    mbps: (v) => (missing(v) ? DASH : `${int.format(v)} Mbit/s`),
    dateTime: (iso) => {
      if (iso === null || iso === undefined) return DASH;
      let text = dateTimes.get(iso);
      if (text === undefined) {
        const at = new Date(iso);
        text = Number.isNaN(at.getTime()) ? DASH : dateTime.format(at);
        if (dateTimes.size >= MEMO_LIMIT) dateTimes.clear();
        dateTimes.set(iso, text);
      }
      return text;
    },
    day: (d) => {
      if (d === null || d === undefined) return DASH;
      let text = days.get(d);
      if (text === undefined) {
        const at = new Date(`${d}T00:00:00Z`);
        text = Number.isNaN(at.getTime()) ? d : day.format(at);
        if (days.size >= MEMO_LIMIT) days.clear();
        days.set(d, text);
      }
      return text;
    },
  };
}
