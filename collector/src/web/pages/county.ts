import type { Agent } from '../../features/agents/schema.ts';
import type { Indicator, ResultStatus } from '../../features/compliance/indicators.ts';
import type { CountyCompliance } from '../../features/compliance/read/schema.ts';
import type { RollupTrend } from '../../features/compliance/read/get-rollup-trend.ts';
import type { Html } from '../html.ts';
import { html, raw } from '../html.ts';
import {
  changeText,
  emptyRow,
  indicatorName,
  kpiTile,
  reasonText,
  schoolValue,
  statusBadge,
  table,
  trendChart,
  targetsInForce,
} from '../components.ts';
import { layout } from '../layout.ts';
import type { Page } from '../page.ts';

/** The part of the county page that depends only on the day's stored figures: cacheable. */
export interface CountyFigures {
  readonly countyId: number;
  readonly name: string;
  readonly date: string;
  readonly computedAt: string | null;
  /** Targets, KPI tiles, trend, towns and the failing list, rendered. */
  readonly html: string;
}

export interface CountyPageData {
  readonly figures: CountyFigures;
  readonly canAdmin: boolean;
}

/**
 * What the county page shows as it is at each request, after the figures: read anew
 * whenever the database or the time could have changed it (web/county-reads.ts).
 */
export interface CountyLiveData {
  readonly staleAgents: readonly Agent[];
  /** Extra blocks from other features (the nightly email's state), already rendered. */
  readonly extra?: Html;
}

/**
 * The parts of the county page that are not the same for every reader of a version: the
 * header's tools (language switch, who is signed in, the logout form's CSRF token) and
 * what is shown as it is at each request (stale agents, the nightly email). The route
 * passes holes (web/spliced-page.ts) and fills them per request.
 */
export interface CountyPageHoles {
  readonly tools: Html;
  readonly live: Html;
}

/**
 * The figures of a county's day as HTML: targets in force, KPI tiles, trend, towns, and the
 * schools not meeting a target. It depends on nothing but the stored figures and the
 * reader's language, so it is rendered once per version of the day (web/page-cache.ts).
 */
export async function countyFigures(
  p: Page,
  c: CountyCompliance,
  trend: RollupTrend,
): Promise<CountyFigures> {
  const d = { trend };
  const figures = html`
    <h2>${p.t('web.targets.title')}</h2>
    ${targetsInForce(p, c.indicators)}

    <h2>${p.t('web.kpi.title')}</h2>
    <div class="grid">
      ${c.indicators.filter((r) => r.target !== null || r.rollup !== null).map((r) => kpiTile(p, r, r.target))}
    </div>

    ${trendChart(p, d.trend)}

    <h2>${p.t('web.towns.title')}</h2>
    ${townTable(p, c)}

    <h2 id="schools">${p.t('web.county.failing', { count: c.schools.length })}</h2>
    ${failingTable(p, c)}
  `;
  return {
    countyId: c.countyId,
    name: c.name,
    date: c.date,
    computedAt: c.computedAt,
    html: String(await figures),
  };
}

/**
 * The county overview: targets, KPIs, trends, towns, failing and unknown schools, then the
 * live part (stale agents, the nightly email). Rendered once per county, day, language,
 * data version and admin link, with `holes` for the per-request parts; `p` must then carry
 * no reader (see the route), so nothing of one user can end up in another's page.
 */
export function countyPage(p: Page, d: CountyPageData, holes: CountyPageHoles): Html {
  const c = d.figures;
  const ledger = (format: 'csv' | 'xlsx') =>
    `/api/v1/ledger?countyId=${c.countyId}&date=${c.date}&format=${format}`;
  const body = html`
    <h1>${c.name}</h1>
    <p class="sub">
      ${p.t('web.county.sub', { day: p.fmt.day(c.date), computedAt: p.fmt.dateTime(c.computedAt) })}
    </p>
    <form method="get" class="actions" action="/counties/${c.countyId}">
      <label for="date" class="inline-label">${p.t('web.date')}</label>
      <input type="date" id="date" name="date" value="${c.date}" />
      <button type="submit" class="secondary">${p.t('web.show')}</button>
      <a class="button secondary" data-testid="export-csv" href="${ledger('csv')}"
        >${p.t('web.export.csv')}</a
      >
      <a class="button secondary" data-testid="export-xlsx" href="${ledger('xlsx')}"
        >${p.t('web.export.xlsx')}</a
      >
      ${d.canAdmin ? html`<a class="button secondary" href="/admin/counties/${c.countyId}">${p.t('web.admin.title')}</a>` : ''}
    </form>
    ${c.computedAt === null ? html`<div class="notice error" role="status"><p>${p.t('web.county.notComputed')}</p></div>` : ''}
    ${raw(d.figures.html)} ${holes.live}
  `;
  return layout(p, {
    title: c.name,
    body,
    charts: true,
    crumbs: [{ label: c.name }],
    tools: holes.tools,
  });
}

/** Agents that have not reported within the stale window, and other features' blocks. */
export function countyLive(p: Page, d: CountyLiveData): Html {
  return html`<h2>${p.t('web.agents.stale', { count: d.staleAgents.length })}</h2>
    ${table(
      [
        p.t('web.agents.name'),
        p.t('web.agents.schools'),
        p.t('web.agents.lastReport'),
        p.t('web.agents.host'),
      ],
      d.staleAgents.length === 0
        ? [emptyRow(p, 4, 'web.agents.noneStale')]
        : d.staleAgents.map(
            (a) =>
              html`<tr>
                <td>${a.name}</td>
                <td>
                  ${a.schools.map((s, i) => html`${i > 0 ? '、' : ''}<a href="/schools/${s.id}">${s.name}</a>`)}
                </td>
                <td>
                  ${a.lastReportAt === null ? p.t('web.agents.never') : p.fmt.dateTime(a.lastReportAt)}
                </td>
                <td class="device-text">${a.hostname ?? '—'}</td>
              </tr>`,
          ),
      'stale-agents',
    )}
    ${d.extra ?? ''}`;
}

function townTable(p: Page, c: CountyCompliance): Html {
  const shown = c.indicators
    .filter((r) => r.target !== null || r.rollup !== null)
    .map((r) => r.indicator);
  return table(
    [
      p.t('web.towns.name'),
      ...shown.map((i) => ({ label: indicatorName(p, i), num: true as const })),
    ],
    c.towns.map(
      (t) =>
        html`<tr>
          <td><a href="/towns/${t.townId}?date=${c.date}">${t.name}</a></td>
          ${shown.map((ind) => {
            const r = t.indicators.find((x) => x.indicator === ind);
            const roll = r?.rollup ?? null;
            return html`<td class="num">
              ${p.fmt.pct(roll?.value)}<br /><span class="muted"
                >${
                  roll === null
                    ? ''
                    : p.t('web.kpi.schoolsShort', { met: roll.schoolsMet, schools: roll.schools })
                }</span
              ><br />${changeText(p, r?.change?.value)}
            </td>`;
          })}
        </tr>`,
    ),
    'towns',
  );
}

/** `make(key)` once per distinct key: a list of hundreds of rows has a handful of each. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

function failingTable(p: Page, c: CountyCompliance): Html {
  const townName = new Map(c.towns.map((t) => [t.townId, t.name]));
  const name = memo((i: Indicator) => indicatorName(p, i));
  const badge = memo((s: ResultStatus) => statusBadge(p, s));
  const level = memo((v: number | null) => schoolValue(p, 'ipv6', v));
  const value = (s: CountyCompliance['schools'][number]) =>
    s.indicator === 'ipv6' ? level(s.value) : schoolValue(p, s.indicator, s.value);
  return table(
    [
      p.t('web.school'),
      p.t('web.town'),
      p.t('web.indicator'),
      p.t('web.status'),
      { label: p.t('web.value'), num: true },
      p.t('web.reason'),
      p.t('web.failingSince'),
    ],
    c.schools.length === 0
      ? [emptyRow(p, 7, 'web.county.allMet')]
      : c.schools.map(
          (s) =>
            html`<tr>
              <td>
                <a href="/schools/${s.schoolId}?date=${c.date}">${s.name}</a
                >${s.teachingPoint ? html` <span class="muted">${p.t('web.teachingPoint')}</span>` : ''}
              </td>
              <td>${townName.get(s.townId) ?? ''}</td>
              <td>${name(s.indicator)}</td>
              <td>${badge(s.status)}</td>
              <td class="num">${value(s)}</td>
              <td>${reasonText(p, s.unknownReason, s.lastReportAt)}</td>
              <td>${p.fmt.day(s.failingSince)}</td>
            </tr>`,
        ),
    'failing-schools',
  );
}
