import type { RollupTrend } from '../../features/compliance/read/get-rollup-trend.ts';
import type { TownCompliance } from '../../features/compliance/read/schema.ts';
import type { Html } from '../html.ts';
import { html } from '../html.ts';
import {
  indicatorName,
  kpiTile,
  reasonText,
  schoolValue,
  statusBadge,
  table,
  trendChart,
} from '../components.ts';
import { layout } from '../layout.ts';
import type { Page } from '../page.ts';

/** A town: its figures against the county's targets, trend, and every school's standing. */
export function townPage(
  p: Page,
  d: { town: TownCompliance; countyName: string; trend: RollupTrend },
): Html {
  const t = d.town;
  const shown = t.indicators.filter((r) => r.target !== null || r.rollup !== null);
  const body = html`
    <h1>${t.name}</h1>
    <p class="sub">
      ${p.t('web.county.sub', { day: p.fmt.day(t.date), computedAt: p.fmt.dateTime(t.computedAt) })}
    </p>
    <form method="get" class="actions" action="/towns/${t.townId}">
      <label for="date">${p.t('web.date')}</label>
      <input type="date" id="date" name="date" value="${t.date}" />
      <button type="submit" class="secondary">${p.t('web.show')}</button>
      <a
        class="button secondary"
        href="/api/v1/ledger?countyId=${t.countyId}&townId=${t.townId}&date=${t.date}&format=xlsx"
        >${p.t('web.export.xlsx')}</a
      >
    </form>
    <h2>${p.t('web.kpi.title')}</h2>
    <div class="grid">${shown.map((r) => kpiTile(p, r, r.target))}</div>
    ${trendChart(p, d.trend)}
    <h2>${p.t('web.town.schools', { count: t.schools.length })}</h2>
    ${table(
      [p.t('web.school'), ...shown.map((r) => indicatorName(p, r.indicator))],
      t.schools.map(
        (s) =>
          html`<tr>
            <td>
              <a href="/schools/${s.schoolId}?date=${t.date}">${s.name}</a><br /><span class="muted"
                >${s.code}${s.teachingPoint ? ` · ${p.t('web.teachingPoint')}` : ''}</span
              >
            </td>
            ${shown.map((r) => {
              const res = s.results.find((x) => x.indicator === r.indicator);
              if (res === undefined) return html`<td>${statusBadge(p, null)}</td>`;
              return html`<td>
                ${statusBadge(p, res.status)}
                ${schoolValue(p, r.indicator, res.value)}${
                  res.unknownReason === null
                    ? ''
                    : html`<br /><span class="muted"
                          >${reasonText(p, res.unknownReason, res.lastReportAt)}</span
                        >`
                }
              </td>`;
            })}
          </tr>`,
      ),
      'town-schools',
    )}
  `;
  return layout(p, {
    title: t.name,
    body,
    charts: true,
    crumbs: [
      { label: d.countyName, href: `/counties/${t.countyId}?date=${t.date}` },
      { label: t.name },
    ],
  });
}
