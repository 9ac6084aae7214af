import type { Html } from './html.ts';
import { html } from './html.ts';
import { assetUrl } from './assets.ts';
import type { Page } from './page.ts';

export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

export interface LayoutOptions {
  readonly title: string;
  readonly body: Html;
  readonly crumbs?: readonly Crumb[];
  /** Loads ECharts; only pages with charts pay for it. */
  readonly charts?: boolean;
  /**
   * What goes in the header's tools instead of `headerTools(p)`: a page kept between
   * requests puts a hole there and fills it per request (web/spliced-page.ts).
   */
  readonly tools?: Html;
}

/** The page shell: header with the way back up, the language switch and who is signed in. */
export function layout(p: Page, options: LayoutOptions): Html {
  const crumbs = options.crumbs ?? [];
  return html`<!doctype html>
    <html lang="${p.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${p.t('web.brand')}</title>
        <link rel="stylesheet" href="${assetUrl('app.css')}" />
        ${options.charts === true ? html`<script src="${assetUrl('echarts.min.js')}" defer></script>` : ''}
        <script src="${assetUrl('app.js')}" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">${p.t('web.brand')}</a>
          <nav class="crumbs" aria-label="${p.t('web.nav.crumbs')}">
            ${crumbs.map((c) =>
              c.href === undefined
                ? html`<span aria-current="page">${c.label}</span>`
                : html`<a href="${c.href}">${c.label}</a><span class="sep">›</span>`,
            )}
          </nav>
          <div class="tools">${options.tools ?? headerTools(p)}</div>
        </header>
        <main id="main">${options.body}</main>
        <footer class="foot">${p.t('web.footer')}</footer>
      </body>
    </html>`;
}

/** The header's per-request part: the language switch back to this page, and who is signed in. */
export function headerTools(p: Page): Html {
  return html`${langSwitch(p)} ${account(p)}`;
}

function langSwitch(p: Page): Html {
  const next = encodeURIComponent(p.here);
  return p.lang === 'zh-CN'
    ? html`<a
        class="lang"
        data-testid="lang-switch"
        href="/lang/en?next=${next}"
        hreflang="en"
        lang="en"
        >English</a
      >`
    : html`<a
        class="lang"
        data-testid="lang-switch"
        href="/lang/zh-CN?next=${next}"
        hreflang="zh-CN"
        lang="zh-CN"
        >中文</a
      >`;
}

function account(p: Page): Html {
  const user = p.principal;
  if (user?.kind !== 'user') return html``;
  return html`<span class="who" title="${p.t(`web.role.${user.role}`)}">${user.displayName}</span>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="_csrf" value="${p.csrf}" />
      <button type="submit" class="link">${p.t('web.logout')}</button>
    </form>`;
}

/** A form's hidden CSRF field. */
export const csrfField = (p: Page): Html =>
  html`<input type="hidden" name="_csrf" value="${p.csrf}" />`;

/** A message box after a form: what happened, or every problem with what to do. */
export function notice(kind: 'ok' | 'error', message: string, items: readonly string[] = []): Html {
  return html`<div class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">
    <p>${message}</p>
    ${
      items.length > 0
        ? html`<ul>
            ${items.map((i) => html`<li>${i}</li>`)}
          </ul>`
        : ''
    }
  </div>`;
}
