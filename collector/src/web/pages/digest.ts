import type { DigestSettings, DigestStatus, Recipient } from '../../features/digest/schema.ts';
import type { County, Town } from '../../features/places/schema.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { emptyRow, table } from '../components.ts';
import { csrfField } from '../layout.ts';
import type { Page } from '../page.ts';
import { adminLayout } from './admin.ts';

/** The nightly email's state on the county page: sent, failing and why, or not configured. */
export function digestStatusBlock(p: Page, s: DigestStatus): Html {
  const problem =
    s.mailConfigured === false
      ? p.t('web.digest.notConfigured')
      : s.lastFailure !== null
        ? p.t(s.lastFailure.gaveUp ? 'web.digest.gaveUp' : 'web.digest.failing', {
            day: s.lastFailure.day,
            email: s.lastFailure.email,
            error: s.lastFailure.error,
            attempts: s.lastFailure.attempts,
            next: p.fmt.dateTime(s.nextAttemptAt),
          })
        : null;
  return html`<h2>${p.t('web.admin.tab.digest')}</h2>
    <div class="card" data-testid="digest-status">
      ${problem === null ? '' : html`<div class="notice error" role="alert"><p>${problem}</p></div>`}
      <p>
        ${
          s.lastSent === null
            ? p.t('web.digest.neverSent')
            : p.t('web.digest.lastSent', {
                day: s.lastSent.day,
                at: p.fmt.dateTime(s.lastSent.at),
                mails: s.lastSent.mails,
              })
        }
      </p>
      <p class="muted">
        ${
          s.enabled
            ? p.t('web.digest.next', { at: p.fmt.dateTime(s.nextSendAt), recipients: s.recipients })
            : p.t('web.digest.off')
        }
      </p>
    </div>`;
}

export function digestTab(
  p: Page,
  county: County,
  d: {
    status: DigestStatus;
    settings: DigestSettings;
    recipients: readonly Recipient[];
    towns: readonly Town[];
  },
): Html {
  return adminLayout(
    p,
    county,
    'digest',
    html`${digestStatusBlock(p, d.status)}
      <form method="post" action="/admin/counties/${county.id}/digest/settings" class="card">
        <h3>${p.t('web.digest.settings')}</h3>
        ${csrfField(p)}
        <div class="form-row">
          <div>
            <label for="sendTime"
              >${p.t('web.digest.sendTime', { timezone: d.status.timezone })}</label
            >
            <input
              id="sendTime"
              name="sendTime"
              type="time"
              value="${d.settings.sendTime}"
              required
            />
          </div>
          <div>
            <label
              ><input
                type="checkbox"
                name="enabled"
                value="1"
                ${d.settings.enabled ? 'checked' : ''}
              />
              ${p.t('web.digest.enabled')}</label
            >
          </div>
          <div><button type="submit">${p.t('web.save')}</button></div>
        </div>
      </form>
      <h3>${p.t('web.digest.recipients')}</h3>
      ${table(
        [
          p.t('web.digest.email'),
          p.t('web.town'),
          p.t('web.digest.lang'),
          p.t('web.apRules.by'),
          '',
        ],
        d.recipients.length === 0
          ? [emptyRow(p, 5, 'web.digest.noRecipients')]
          : d.recipients.map(
              (r) =>
                html`<tr>
                  <td>${r.email}</td>
                  <td>${r.town?.name ?? p.t('web.digest.wholeCounty')}</td>
                  <td>${r.lang === 'en' ? 'English' : '中文'}</td>
                  <td>${r.createdBy}</td>
                  <td>
                    <form
                      method="post"
                      action="/admin/counties/${county.id}/digest/recipients/${r.id}/delete"
                      data-confirm="${p.t('web.confirm')}"
                    >
                      ${csrfField(p)}<button type="submit" class="danger">
                        ${p.t('web.delete')}
                      </button>
                    </form>
                  </td>
                </tr>`,
            ),
        'digest-recipients',
      )}
      <form method="post" action="/admin/counties/${county.id}/digest/recipients" class="card">
        <h3>${p.t('web.digest.addRecipient')}</h3>
        ${csrfField(p)}
        <div class="form-row">
          <div>
            <label for="email">${p.t('web.digest.email')}</label
            ><input id="email" name="email" type="email" required maxlength="254" />
          </div>
          <div>
            <label for="townId">${p.t('web.town')}</label>
            <select id="townId" name="townId">
              <option value="">${p.t('web.digest.wholeCounty')}</option>
              ${d.towns.map((t) => html`<option value="${t.id}">${t.name}</option>`)}
            </select>
          </div>
          <div>
            <label for="lang">${p.t('web.digest.lang')}</label>
            <select id="lang" name="lang">
              <option value="zh-CN">中文</option>
              <option value="en">English</option>
            </select>
          </div>
          <div><button type="submit">${p.t('web.add')}</button></div>
        </div>
      </form>
      <p>
        <a href="/admin/counties/${county.id}/digest/preview">${p.t('web.digest.preview')}</a>
      </p>`,
  );
}
