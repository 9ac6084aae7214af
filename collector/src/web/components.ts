import type { MessageKey } from '@xiaowang/shared';
import type { Indicator, ResultStatus, UnknownReason } from '../features/compliance/indicators.ts';
import type { IndicatorRollup, TargetView } from '../features/compliance/read/schema.ts';
import type { RollupTrend } from '../features/compliance/read/get-rollup-trend.ts';
import { INDICATOR_UNITS } from '../features/targets/indicator-units.ts';
import type { Html } from './html.ts';
import { html, jsonScript } from './html.ts';
import type { Page } from './page.ts';

/* Small pieces shared by the pages: status badges, figures in their unit, KPI tiles. */

export const indicatorName = (p: Page, indicator: Indicator): string =>
  p.t(`compliance.indicator.${indicator}`);

export function statusBadge(p: Page, status: ResultStatus | null): Html {
  if (status === null) return html`<span class="status">${p.t('web.notComputed')}</span>`;
  return html`<span class="status ${status}" data-status="${status}"
    >${p.t(`compliance.status.${status}`)}</span
  >`;
}

/** A school's own value: a share as a percentage, the IPv6 figure as a level. */
export function schoolValue(p: Page, indicator: Indicator, value: number | null): string {
  if (value === null) return '—';
  return indicator === 'ipv6' ? p.t('web.ipv6Level', { level: value }) : p.fmt.pct(value);
}

/** A threshold in its unit: 60 %, 1000 Mbit/s, level 4. */
export function thresholdText(p: Page, indicator: Indicator, threshold: number | null): string {
  if (threshold === null) return '—';
  switch (INDICATOR_UNITS[indicator]) {
    case 'fraction':
      return p.fmt.pct(threshold);
    case 'mbps':
      return p.fmt.mbps(threshold);
    case 'level':
      return p.t('web.ipv6Level', { level: threshold });
  }
}

export function reasonText(
  p: Page,
  reason: UnknownReason | null,
  lastReportAt: string | null = null,
): string {
  if (reason === null) return '';
  return p.t(`compliance.unknownReason.${reason}`, {
    lastReportAt: p.fmt.dateTime(lastReportAt),
    aps: '?',
  });
}

/** A change in percentage points, with its direction in words for screen readers too. */
export function changeText(p: Page, change: number | null | undefined): Html {
  if (change === null || change === undefined) return html`<span class="muted">—</span>`;
  const points = p.fmt.num(change * 100, 1);
  if (Math.abs(change) < 0.0005) return html`<span>${p.t('web.change.none')}</span>`;
  return change > 0
    ? html`<span class="up">▲ ${p.t('web.change.up', { points })}</span>`
    : html`<span class="down"
        >▼ ${p.t('web.change.down', { points: points.replace('-', '') })}</span
      >`;
}

/** Whether a rollup reaches its target, for the tile's colour. */
function rollupStatus(r: IndicatorRollup, target: TargetView | null): ResultStatus {
  if (r.rollup === null || r.rollup.value === null) return 'unknown';
  if (target === null) return 'no_target';
  return r.rollup.schoolsNotMet === 0 && r.rollup.schoolsUnknown === 0 ? 'met' : 'not_met';
}

export function kpiTile(p: Page, r: IndicatorRollup, target: TargetView | null): Html {
  const roll = r.rollup;
  const status = rollupStatus(r, target);
  return html`<section class="tile ${status}" data-testid="kpi-${r.indicator}">
    <div class="name">${indicatorName(p, r.indicator)}</div>
    <div class="value">${p.fmt.pct(roll?.value)}</div>
    <div class="meta">
      ${
        roll === null
          ? p.t('web.notComputed')
          : p.t('web.kpi.fraction', {
              numerator: p.fmt.num(roll.numerator, 2),
              denominator: p.fmt.num(roll.denominator, 2),
            })
      }
    </div>
    <div class="meta">
      ${
        target === null
          ? p.t('web.kpi.noTarget')
          : p.t('web.kpi.target', { threshold: thresholdText(p, r.indicator, target.threshold) })
      }
    </div>
    ${
      roll === null
        ? ''
        : html`<div class="meta">
            ${p.t('web.kpi.schools', {
              met: roll.schoolsMet,
              notMet: roll.schoolsNotMet,
              unknown: roll.schoolsUnknown,
            })}
          </div>`
    }
    <div class="meta">${p.t('web.kpi.sinceYesterday')} ${changeText(p, r.change?.value)}</div>
  </section>`;
}

export function targetsInForce(p: Page, rollups: readonly IndicatorRollup[]): Html {
  const inForce = rollups.filter((r) => r.target !== null);
  if (inForce.length === 0) return html`<p class="muted">${p.t('web.targets.none')}</p>`;
  return html`<div class="card" data-testid="targets">
    ${inForce.map((r) => {
      const target = r.target;
      if (target === null) return '';
      return html`<h3>
          ${indicatorName(p, r.indicator)}: ${thresholdText(p, r.indicator, target.threshold)}
        </h3>
        <p class="muted">
          ${p.t('web.targets.from', { day: p.fmt.day(target.effectiveFrom), document: target.document })}
        </p>
        <blockquote class="source">${target.sourceSentence}</blockquote>`;
    })}
  </div>`;
}

export function table(
  headers: readonly (string | { label: string; num: true })[],
  rows: readonly Html[],
  testId?: string,
): Html {
  return html`<div class="scroll">
    <table ${testId === undefined ? '' : html`data-testid="${testId}"`}>
      <thead>
        <tr>
          ${headers.map((h) =>
            typeof h === 'string' ? html`<th>${h}</th>` : html`<th class="num">${h.label}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

export function emptyRow(p: Page, columns: number, key: MessageKey = 'web.none'): Html {
  return html`<tr>
    <td colspan="${columns}" class="muted">${p.t(key)}</td>
  </tr>`;
}

/** A county's or town's daily figures as lines, one per indicator that has any value. */
export function trendChart(p: Page, trend: RollupTrend): Html {
  const title = p.t('web.trend.title', { days: trend.days.length });
  return html`<h2>${title}</h2>
    <div class="card">
      <div
        class="chart"
        data-chart="trend"
        data-source="trend-data"
        role="img"
        aria-label="${title}"
      ></div>
      ${jsonScript('trend-data', {
        days: trend.days,
        series: trend.series
          .filter((s) => s.values.some((v) => v !== null))
          .map((s) => ({ name: indicatorName(p, s.indicator), values: s.values })),
      })}
    </div>`;
}
