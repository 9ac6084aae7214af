import type { Lang, MessageKey, MessageParams } from '@xiaowang/shared';
import { isLang, t } from '@xiaowang/shared';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../http/env.ts';
import { pickLang } from '../http/lang.ts';
import type { Principal } from '../http/principal.ts';
import type { Formatters } from './format.ts';
import { formatters } from './format.ts';

/** The cookie that remembers the language chosen with one click, for a year. */
export const LANG_COOKIE = 'xw_lang';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** What every page renders with: the reader's language, who they are, and formatters. */
export interface Page {
  readonly lang: Lang;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly principal: Principal | undefined;
  /** The session's CSRF token for forms; empty when signed out. */
  readonly csrf: string;
  /** This page's path and query, where a language switch or a login returns to. */
  readonly here: string;
  readonly fmt: Formatters;
}

/** A chosen language wins, then the account's preference, then the browser's. */
export function langOf(c: Context<AppEnv>): Lang {
  const chosen = getCookie(c, LANG_COOKIE);
  if (chosen !== undefined && isLang(chosen)) return chosen;
  const principal = c.get('principal');
  if (principal?.kind === 'user' && principal.lang !== null) return principal.lang;
  return pickLang(c.req.header('accept-language'));
}

export function pageOf(c: Context<AppEnv>, timeZone: string = DEFAULT_TIME_ZONE): Page {
  const lang = langOf(c);
  const principal = c.get('principal');
  const url = new URL(c.req.url);
  return {
    lang,
    t: (key, params) => t(lang, key, params),
    principal,
    csrf: principal?.kind === 'user' ? principal.csrfToken : '',
    here: `${url.pathname}${url.search}`,
    fmt: formatters(lang, timeZone),
  };
}

/**
 * Where to go after a login or a language switch: only a path on this site, never
 * `//elsewhere` or a full URL, so the link cannot send anyone off-site.
 */
export function localPath(value: string | undefined | null, fallback = '/'): string {
  if (value === undefined || value === null) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return /[\r\n]/.test(value) ? fallback : value;
}
