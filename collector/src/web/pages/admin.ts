import type { EnrollmentCode } from '../../features/agents/schema.ts';
import type { ApRule, ApView, RoomConvention } from '../../features/inventory/aps/schema.ts';
import type { ImportResult } from '../../features/places/import/schema.ts';
import type { County, School } from '../../features/places/schema.ts';
import type { CountyTargets, TargetPresets } from '../../features/targets/schema.ts';
import type { UserView } from '../../features/users/schema.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import { emptyRow, indicatorName, table, thresholdText } from '../components.ts';
import { csrfField, layout } from '../layout.ts';
import type { Page } from '../page.ts';

/* County administration, one tab per job; every form posts with the session's CSRF token. */

export const ADMIN_TABS = [
  'import',
  'ap-rules',
  'targets',
  'enrollment',
  'users',
  'digest',
] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export function adminLayout(p: Page, county: County, tab: AdminTab, body: Html): Html {
  const title = p.t(`web.admin.tab.${tab}`);
  return layout(p, {
    title,
    crumbs: [
      { label: county.name, href: `/counties/${county.id}` },
      { label: p.t('web.admin.title'), href: `/admin/counties/${county.id}` },
      { label: title },
    ],
    body: html`<h1>${p.t('web.admin.title')} · ${county.name}</h1>
      <nav class="tabs">
        ${ADMIN_TABS.map(
          (t) =>
            html`<a
              href="/admin/counties/${county.id}/${t}"
              ${t === tab ? html`aria-current="page"` : ''}
              >${p.t(`web.admin.tab.${t}`)}</a
            >`,
        )}
      </nav>
      ${body}`,
  });
}

/** Import towns, schools and rooms: a dry run lists every bad row before anything is written. */
export function importTab(
  p: Page,
  county: County,
  outcome?: {
    result?: ImportResult;
    problems?: readonly { row?: number; column?: string; message: string }[];
  },
): Html {
  const r = outcome?.result;
  const problems = outcome?.problems ?? [];
  const counts = (k: 'towns' | 'schools' | 'rooms') =>
    r === undefined ? '' : p.t('web.import.counts', { ...r[k] });
  return adminLayout(
    p,
    county,
    'import',
    html`<p>${p.t('web.import.help')}</p>
      <form
        method="post"
        action="/admin/counties/${county.id}/import"
        enctype="multipart/form-data"
        class="card"
        data-testid="import-form"
      >
        ${csrfField(p)}
        <label for="file">${p.t('web.import.file')}</label>
        <input type="file" id="file" name="file" accept=".csv,.xlsx" required />
        <label
          ><input type="checkbox" name="dryRun" value="1" checked />
          ${p.t('web.import.dryRun')}</label
        >
        <div class="actions"><button type="submit">${p.t('web.import.submit')}</button></div>
      </form>
      ${
        problems.length > 0
          ? html`<div class="notice error" role="alert" data-testid="import-errors">
                <p>${p.t('web.import.failed', { count: problems.length })}</p>
              </div>
              ${table(
                [p.t('web.import.row'), p.t('web.import.column'), p.t('web.import.problem')],
                problems.map(
                  (e) =>
                    html`<tr>
                      <td>${e.row ?? ''}</td>
                      <td>${e.column ?? ''}</td>
                      <td>${e.message}</td>
                    </tr>`,
                ),
                'import-problems',
              )}`
          : ''
      }
      ${
        r === undefined
          ? ''
          : html`<div class="notice ok" role="status" data-testid="import-result">
              <p>
                ${p.t(r.dryRun ? 'web.import.dryRunOk' : 'web.import.done', { rows: r.rows, format: r.format })}
              </p>
              <ul>
                <li>${p.t('web.import.towns')}: ${counts('towns')}</li>
                <li>${p.t('web.import.schools')}: ${counts('schools')}</li>
                <li>${p.t('web.import.rooms')}: ${counts('rooms')}</li>
              </ul>
            </div>`
      }`,
  );
}

export function apRulesTab(
  p: Page,
  county: County,
  d: {
    rules: readonly ApRule[];
    schools: readonly School[];
    unattributed: readonly ApView[];
    convention: RoomConvention;
  },
): Html {
  const schoolName = new Map(d.schools.map((s) => [s.id, s.name]));
  return adminLayout(
    p,
    county,
    'ap-rules',
    html`<p>${p.t('web.apRules.help')}</p>
      ${table(
        [
          p.t('web.apRules.kind'),
          p.t('web.apRules.pattern'),
          p.t('web.school'),
          p.t('web.apRules.by'),
          '',
        ],
        d.rules.length === 0
          ? [emptyRow(p, 5)]
          : d.rules.map(
              (r) =>
                html`<tr>
                  <td>${p.t(`web.apRules.kind.${r.kind}`)}</td>
                  <td class="device-text">${r.pattern}</td>
                  <td>${schoolName.get(r.schoolId) ?? r.schoolId}</td>
                  <td>${r.createdBy} · ${p.fmt.dateTime(r.createdAt)}</td>
                  <td>
                    <form
                      method="post"
                      action="/admin/counties/${county.id}/ap-rules/${r.id}/delete"
                      data-confirm="${p.t('web.confirm')}"
                    >
                      ${csrfField(p)}<button class="danger" type="submit">
                        ${p.t('web.delete')}
                      </button>
                    </form>
                  </td>
                </tr>`,
            ),
        'ap-rules',
      )}
      <form method="post" action="/admin/counties/${county.id}/ap-rules" class="card">
        <h3>${p.t('web.apRules.add')}</h3>
        ${csrfField(p)}
        <div class="form-row">
          <div>
            <label for="kind">${p.t('web.apRules.kind')}</label>
            <select id="kind" name="kind">
              ${(['group', 'prefix', 'mac'] as const).map((k) => html`<option value="${k}">${p.t(`web.apRules.kind.${k}`)}</option>`)}
            </select>
          </div>
          <div>
            <label for="pattern">${p.t('web.apRules.pattern')}</label
            ><input id="pattern" name="pattern" required maxlength="200" />
          </div>
          <div>
            <label for="schoolId">${p.t('web.school')}</label>
            <select id="schoolId" name="schoolId">
              ${d.schools.map((s) => html`<option value="${s.id}">${s.code} ${s.name}</option>`)}
            </select>
          </div>
          <div><button type="submit">${p.t('web.add')}</button></div>
        </div>
      </form>
      <form method="post" action="/admin/counties/${county.id}/room-convention" class="card">
        <h3>${p.t('web.apRules.convention')}</h3>
        <p class="muted">${p.t('web.apRules.conventionHelp')}</p>
        ${csrfField(p)}
        <div class="form-row">
          <div>
            <label for="convention">${p.t('web.apRules.pattern')}</label>
            <input
              id="convention"
              name="pattern"
              class="device-text"
              value="${d.convention.pattern ?? ''}"
              maxlength="200"
            />
          </div>
          <div><button type="submit">${p.t('web.save')}</button></div>
        </div>
      </form>
      <h2>${p.t('web.apRules.unattributed', { count: d.unattributed.length })}</h2>
      ${table(
        [p.t('web.aps.name'), p.t('web.aps.mac'), p.t('web.aps.group'), p.t('web.aps.model')],
        d.unattributed.length === 0
          ? [emptyRow(p, 4)]
          : d.unattributed.map(
              (a) =>
                html`<tr>
                  <td class="device-text">${a.name ?? '—'}</td>
                  <td class="device-text">${a.mac}</td>
                  <td class="device-text">${a.apGroup ?? '—'}</td>
                  <td class="device-text">${a.model ?? '—'}</td>
                </tr>`,
            ),
      )}`,
  );
}

export function targetsTab(
  p: Page,
  county: County,
  d: { targets: CountyTargets; presets: TargetPresets },
): Html {
  return adminLayout(
    p,
    county,
    'targets',
    html`<p>${p.t('web.targetsAdmin.help')}</p>
      ${d.targets.items.length === 0 ? html`<p class="muted">${p.t('web.targets.none')}</p>` : ''}
      ${d.targets.items.map(
        (t) =>
          html`<div class="card" data-testid="target-${t.indicator}">
            <h3>${indicatorName(p, t.indicator)} · ${t.document}</h3>
            <blockquote class="source">${t.sourceSentence}</blockquote>
            ${table(
              [
                p.t('web.targetsAdmin.from'),
                { label: p.t('web.threshold'), num: true },
                p.t('web.note'),
              ],
              t.steps.map(
                (s) =>
                  html`<tr>
                    <td>
                      ${s.effectiveFrom}${t.inForce?.effectiveFrom === s.effectiveFrom ? html` <span class="status met">${p.t('web.targetsAdmin.inForce')}</span>` : ''}
                    </td>
                    <td class="num">${thresholdText(p, t.indicator, s.threshold)}</td>
                    <td>${s.note ?? ''}</td>
                  </tr>`,
              ),
            )}
            <form method="post" action="/admin/counties/${county.id}/targets/${t.id}/steps">
              ${csrfField(p)}
              <label for="steps-${t.id}"
                >${p.t('web.targetsAdmin.steps', { unit: p.t(`web.unit.${t.unit}`) })}</label
              >
              <textarea
                id="steps-${t.id}"
                name="steps"
                rows="${Math.max(2, t.steps.length + 1)}"
                cols="40"
                class="device-text"
              >
${t.steps.map((s) => `${s.effectiveFrom} ${s.threshold}${s.note ? ` ${s.note}` : ''}`).join('\n')}</textarea>
              <div class="actions"><button type="submit">${p.t('web.save')}</button></div>
            </form>
            <form
              method="post"
              action="/admin/counties/${county.id}/targets/${t.id}/delete"
              data-confirm="${p.t('web.confirm')}"
            >
              ${csrfField(p)}<button type="submit" class="danger">${p.t('web.delete')}</button>
            </form>
          </div>`,
      )}
      <form method="post" action="/admin/counties/${county.id}/targets/apply-preset" class="card">
        <h3>${p.t('web.targetsAdmin.preset')}</h3>
        ${csrfField(p)}
        <select name="preset" aria-label="${p.t('web.targetsAdmin.preset')}">
          ${d.presets.items.map((x) => html`<option value="${x.key}">${x.document} — ${x.section}</option>`)}
        </select>
        <button type="submit">${p.t('web.targetsAdmin.apply')}</button>
      </form>`,
  );
}

export function enrollmentTab(
  p: Page,
  county: County,
  d: {
    codes: readonly EnrollmentCode[];
    schools: readonly School[];
    collectorUrl: string;
    created?: { code: string; label: string };
  },
): Html {
  return adminLayout(
    p,
    county,
    'enrollment',
    html`<p>${p.t('web.enroll.help')}</p>
      ${
        d.created === undefined
          ? ''
          : html`<div class="notice ok" role="status" data-testid="new-code">
              <p>${p.t('web.enroll.created', { label: d.created.label })}</p>
              <p><code class="secret">${d.created.code}</code></p>
              <p class="device-text">
                npx xiaowang-agent enroll --collector ${d.collectorUrl} --code ${d.created.code}
              </p>
              <p class="muted">${p.t('web.enroll.onlyOnce')}</p>
            </div>`
      }
      <form method="post" action="/admin/counties/${county.id}/enrollment" class="card">
        <h3>${p.t('web.enroll.new')}</h3>
        ${csrfField(p)}
        <div class="form-row">
          <div>
            <label for="label">${p.t('web.enroll.label')}</label
            ><input id="label" name="label" required maxlength="100" />
          </div>
          <div>
            <label for="schools">${p.t('web.enroll.schools')}</label>
            <select id="schools" name="schoolIds" multiple size="6" required>
              ${d.schools.map((s) => html`<option value="${s.id}">${s.code} ${s.name}</option>`)}
            </select>
          </div>
          <div>
            <label for="hours">${p.t('web.enroll.expires')}</label
            ><input id="hours" name="expiresInHours" type="number" min="1" max="720" value="168" />
          </div>
          <div><button type="submit">${p.t('web.enroll.create')}</button></div>
        </div>
      </form>
      ${table(
        [
          p.t('web.enroll.label'),
          p.t('web.enroll.schools'),
          p.t('web.status'),
          p.t('web.enroll.expiresAt'),
        ],
        d.codes.length === 0
          ? [emptyRow(p, 4)]
          : d.codes.map(
              (code) =>
                html`<tr>
                  <td>${code.label}</td>
                  <td>${code.schools.map((s) => s.name).join('、')}</td>
                  <td>${p.t(`web.enroll.status.${code.status}`)}</td>
                  <td>${p.fmt.dateTime(code.expiresAt)}</td>
                </tr>`,
            ),
        'enrollment-codes',
      )}`,
  );
}

export function usersTab(
  p: Page,
  county: County,
  d: { users: readonly UserView[]; schools: readonly School[]; flash?: Html },
): Html {
  const roles = ['county_admin', 'county_viewer', 'technician'] as const;
  return adminLayout(
    p,
    county,
    'users',
    html`<p>${p.t('web.users.help')}</p>
      ${d.flash ?? ''}
      ${table(
        [
          p.t('web.login.username'),
          p.t('web.users.name'),
          p.t('web.users.role'),
          p.t('web.enroll.schools'),
          p.t('web.users.lastLogin'),
          p.t('web.status'),
          '',
        ],
        d.users.map(
          (u) =>
            html`<tr data-user="${u.username}">
              <td>${u.username}</td>
              <td>${u.displayName}</td>
              <td>${p.t(`web.role.${u.role}`)}</td>
              <td>${u.schools.map((s) => s.name).join('、')}</td>
              <td>${p.fmt.dateTime(u.lastLoginAt)}</td>
              <td>
                ${u.disabled ? html`<span class="status not_met">${p.t('web.users.disabled')}</span>` : html`<span class="status met">${p.t('web.users.active')}</span>`}
              </td>
              <td>
                <form
                  method="post"
                  action="/admin/counties/${county.id}/users/${u.id}/${u.disabled ? 'enable' : 'disable'}"
                  class="inline"
                >
                  ${csrfField(p)}<button type="submit" class="secondary">
                    ${p.t(u.disabled ? 'web.users.enable' : 'web.users.disable')}
                  </button>
                </form>
                <form
                  method="post"
                  action="/admin/counties/${county.id}/users/${u.id}/password"
                  class="inline"
                >
                  ${csrfField(p)}
                  <input
                    type="password"
                    name="password"
                    minlength="10"
                    maxlength="1024"
                    required
                    autocomplete="new-password"
                    aria-label="${p.t('web.users.newPassword')}"
                    placeholder="${p.t('web.users.newPassword')}"
                  />
                  <button type="submit" class="secondary">${p.t('web.users.resetPassword')}</button>
                </form>
              </td>
            </tr>`,
        ),
        'users',
      )}
      <form
        method="post"
        action="/admin/counties/${county.id}/users"
        class="card"
        data-testid="new-user"
      >
        <h3>${p.t('web.users.new')}</h3>
        ${csrfField(p)}
        <div class="form-row">
          <div>
            <label for="nu-username">${p.t('web.login.username')}</label
            ><input id="nu-username" name="username" required maxlength="64" autocomplete="off" />
          </div>
          <div>
            <label for="nu-name">${p.t('web.users.name')}</label
            ><input id="nu-name" name="displayName" maxlength="100" />
          </div>
          <div>
            <label for="nu-password">${p.t('web.login.password')}</label
            ><input
              id="nu-password"
              name="password"
              type="password"
              minlength="10"
              maxlength="1024"
              required
              autocomplete="new-password"
            />
          </div>
          <div>
            <label for="nu-role">${p.t('web.users.role')}</label
            ><select id="nu-role" name="role">
              ${roles.map((r) => html`<option value="${r}">${p.t(`web.role.${r}`)}</option>`)}
            </select>
          </div>
          <div>
            <label for="nu-schools">${p.t('web.users.schoolsForTechnician')}</label>
            <select id="nu-schools" name="schoolIds" multiple size="5">
              ${d.schools.map((s) => html`<option value="${s.id}">${s.code} ${s.name}</option>`)}
            </select>
          </div>
          <div><button type="submit">${p.t('web.users.create')}</button></div>
        </div>
      </form>`,
  );
}
