import { html as honoHtml } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/* The one way mail HTML is written: hono's `html` template, which escapes every interpolated value. */

export type Html = HtmlEscapedString;

/** Like hono's `html`, but synchronous: mail templates never await. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = honoHtml(strings, ...values);
  if (out instanceof Promise) throw new Error('mail templates must be synchronous');
  return out;
}
