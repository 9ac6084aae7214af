import type { HtmlEscapedString } from 'hono/utils/html';
import { html, raw } from 'hono/html';

/*
 * Pages are hono/html tagged templates: every interpolated value is escaped unless it is
 * itself a template or passed through `raw`, so text that came from a device (an AP name,
 * an ifAlias) can only ever show as text. `raw` is for our own constant markup only.
 */
export { html, raw };

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Data for a page script, as a non-executable JSON block: the CSP forbids inline scripts,
 * and escaping `<` keeps a device string such as `</script>` from ending the block.
 */
export function jsonScript(id: string, value: unknown): Html {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => JSON_ESCAPES[ch] ?? ch);
  return html`<script type="application/json" id="${id}">
    ${raw(json)}
  </script>`;
}
