import type { County } from '../../features/places/schema.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { layout, notice } from '../layout.ts';
import type { Page } from '../page.ts';

export function loginPage(
  p: Page,
  d: { next: string; pre: string; error?: string; username?: string; firstRun: boolean },
): Html {
  const body = html`<div class="login card">
    <h1>${p.t('web.login.title')}</h1>
    ${d.error === undefined ? '' : notice('error', d.error)}
    <form method="post" action="/login" data-testid="login-form">
      <input type="hidden" name="_pre" value="${d.pre}" />
      <input type="hidden" name="next" value="${d.next}" />
      <label for="username">${p.t('web.login.username')}</label>
      <input
        id="username"
        name="username"
        autocomplete="username"
        required
        maxlength="64"
        value="${d.username ?? ''}"
        autofocus
      />
      <label for="password">${p.t('web.login.password')}</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        maxlength="1024"
      />
      <div class="actions"><button type="submit">${p.t('web.login.submit')}</button></div>
    </form>
    ${d.firstRun ? html`<p><a href="/setup">${p.t('web.login.firstRun')}</a></p>` : ''}
  </div>`;
  return layout(p, { title: p.t('web.login.title'), body });
}

export function setupPage(
  p: Page,
  d: { pre: string; counties: readonly County[]; error?: string; items?: readonly string[] },
): Html {
  const body = html`<div class="login card">
    <h1>${p.t('web.setup.title')}</h1>
    <p>${p.t('web.setup.help')}</p>
    ${d.error === undefined ? '' : notice('error', d.error, d.items ?? [])}
    <form method="post" action="/setup" data-testid="setup-form">
      <input type="hidden" name="_pre" value="${d.pre}" />
      ${
        d.counties.length > 0
          ? html`<label for="countyId">${p.t('web.setup.county')}</label>
              <select id="countyId" name="countyId">
                ${d.counties.map((c) => html`<option value="${c.id}">${c.name}</option>`)}
              </select>`
          : html`<label for="countyName">${p.t('web.setup.countyName')}</label>
              <input id="countyName" name="countyName" required maxlength="64" />`
      }
      <label for="username">${p.t('web.login.username')}</label>
      <input id="username" name="username" autocomplete="username" required maxlength="64" />
      <label for="displayName">${p.t('web.setup.displayName')}</label>
      <input id="displayName" name="displayName" maxlength="100" />
      <label for="password">${p.t('web.login.password')}</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="new-password"
        required
        minlength="10"
        maxlength="1024"
      />
      <label for="password2">${p.t('web.setup.password2')}</label>
      <input
        id="password2"
        name="password2"
        type="password"
        autocomplete="new-password"
        required
        minlength="10"
        maxlength="1024"
      />
      <div class="actions"><button type="submit">${p.t('web.setup.submit')}</button></div>
    </form>
  </div>`;
  return layout(p, { title: p.t('web.setup.title'), body });
}
