import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';

/** `城口县-达标台账-2026-11-27`: characters no file system takes become `_`. */
export function ledgerFileName(county: string, date: string, lang: Lang): string {
  const safe = county.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
  return t(lang, 'ledger.fileName', { county: safe, date });
}

/**
 * An attachment with an ASCII fallback name and the real one in RFC 5987 form, which
 * browsers and Excel decode as UTF-8. encodeURIComponent leaves ' ( ) * unescaped; 5987 does not.
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
