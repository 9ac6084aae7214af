import type { Lang } from '@xiaowang/shared';
import { DEFAULT_LANG } from '@xiaowang/shared';

/**
 * Picks zh-CN or en from an Accept-Language header by quality; anything else, or no header,
 * gets zh-CN, the language of the people who run the bureaus.
 */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...attrs] = part.trim().split(';');
    const lang = matchLang(tag.trim().toLowerCase());
    if (lang === undefined) continue;
    const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttr === undefined ? 1 : Number(qAttr.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}

function matchLang(tag: string): Lang | undefined {
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}
