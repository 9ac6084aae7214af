import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { ResultStatus } from '../compliance/indicators.ts';
import type { DigestContent, StatusChange } from './content.ts';
import { CHANGE_KINDS } from './content.ts';
import type { Html } from './html.ts';
import { html } from './html.ts';
import type { DigestLinks } from './links.ts';
import {
  agentCells,
  failingBySchool,
  figureCells,
  intro,
  lineCells,
  statusName,
  targetLine,
  title,
} from './render-sections.ts';

/*
 * The HTML part, for Outlook, QQ Mail and 163 Mail: nested tables, inline styles only, no
 * external CSS, scripts or remote images. Every value goes through `html`, which escapes it.
 */

const FONT = 'Microsoft YaHei,PingFang SC,Hiragino Sans GB,Arial,sans-serif';
const S = {
  page: 'margin:0;padding:0;background:#f3f4f6;',
  card: `width:680px;max-width:100%;background:#ffffff;border:1px solid #d8dde3;font-family:${FONT};font-size:14px;line-height:1.5;color:#1f2328;`,
  header: 'padding:20px 24px;border-bottom:3px solid #1a5fb4;',
  h1: 'margin:0;font-size:20px;font-weight:bold;color:#1f2328;',
  muted: 'margin:4px 0 0;color:#57606a;font-size:13px;',
  section: 'padding:16px 24px 4px;',
  h2: 'margin:0 0 8px;font-size:16px;font-weight:bold;color:#1a5fb4;',
  h3: 'margin:12px 0 6px;font-size:14px;font-weight:bold;',
  table: 'border-collapse:collapse;width:100%;font-size:13px;',
  th: 'padding:6px 8px;border:1px solid #d8dde3;background:#f6f8fa;text-align:left;font-weight:bold;',
  td: 'padding:6px 8px;border:1px solid #d8dde3;vertical-align:top;',
  nowrap: 'white-space:nowrap;',
  p: 'margin:0 0 8px;',
  button:
    'display:inline-block;padding:8px 18px;background:#1a5fb4;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;',
  link: 'color:#1a5fb4;',
  footer: 'padding:16px 24px 20px;color:#57606a;font-size:12px;border-top:1px solid #d8dde3;',
} as const;

const STATUS_COLOUR: Readonly<Record<ResultStatus, string>> = {
  met: '#1a7f37',
  not_met: '#cf222e',
  unknown: '#9a6700',
  no_target: '#57606a',
};

export function renderHtml(content: DigestContent, lang: Lang, links: DigestLinks): string {
  const body = html`<!DOCTYPE html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title(content, lang)}</title>
      </head>
      <body style="${S.page}">
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border="0"
          style="${S.page}"
        >
          <tr>
            <td align="center" style="padding:16px 8px;">
              <table
                role="presentation"
                width="680"
                cellpadding="0"
                cellspacing="0"
                border="0"
                style="${S.card}"
              >
                <tr>
                  <td style="${S.header}">
                    <h1 style="${S.h1}">${title(content, lang)}</h1>
                    <p style="${S.muted}">${intro(content, lang)}</p>
                  </td>
                </tr>
                ${section(t(lang, 'digest.section.targets'), targets(content, lang))}
                ${section(t(lang, 'digest.section.indicators'), indicators(content, lang))}
                ${section(t(lang, 'digest.section.changes', { date: content.previousDay }), changes(content, lang, links))}
                ${section(t(lang, 'digest.section.failing', { count: failingBySchool(content).schools }), failing(content, lang, links))}
                ${section(t(lang, 'digest.section.stale', { count: content.staleAgents.length }), stale(content, lang))}
                ${strayAps(content, lang)}
                ${
                  links.dashboard === undefined
                    ? ''
                    : html`<tr>
                        <td style="${S.section}padding-bottom:16px;">
                          <a href="${links.dashboard}" style="${S.button}"
                            >${t(lang, 'digest.link.label')}</a
                          >
                        </td>
                      </tr>`
                }
                <tr>
                  <td style="${S.footer}">${t(lang, 'digest.footer')}</td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html> `;
  return body.toString();
}

const section = (heading: string, inner: Html): Html =>
  html`<tr>
    <td style="${S.section}">
      <h2 style="${S.h2}">${heading}</h2>
      ${inner}
    </td>
  </tr>`;

const p = (text: string): Html => html`<p style="${S.p}">${text}</p>`;

function table(headings: readonly string[], rows: readonly Html[]): Html {
  return html`<table
    role="presentation"
    cellpadding="0"
    cellspacing="0"
    border="0"
    style="${S.table}"
  >
    <tr>
      ${headings.map((h) => html`<th style="${S.th}">${h}</th>`)}
    </tr>
    ${rows}
  </table>`;
}

const cell = (value: string | Html): Html => html`<td style="${S.td}">${value}</td>`;
/** Short figures and dates, kept on one line. */
const tight = (value: string): Html => html`<td style="${S.td}${S.nowrap}">${value}</td>`;

const status = (lang: Lang, value: ResultStatus | null): Html =>
  html`<td
    style="${S.td}${S.nowrap}color:${value === null ? '#57606a' : STATUS_COLOUR[value]};font-weight:bold;"
  >
    ${statusName(lang, value)}
  </td>`;

function schoolCell(links: DigestLinks, line: { schoolId: number; school: string }): Html {
  const url = links.school(line.schoolId);
  return url === undefined
    ? cell(line.school)
    : cell(html`<a href="${url}" style="${S.link}">${line.school}</a>`);
}

function targets(content: DigestContent, lang: Lang): Html {
  const lines = content.indicators.flatMap((f) => targetLine(lang, f) ?? []);
  if (lines.length === 0) return p(t(lang, 'digest.target.none', { date: content.day }));
  return html`<ul style="margin:0 0 8px;padding-left:20px;">
    ${lines.map((l) => html`<li>${l}</li>`)}
  </ul>`;
}

function indicators(content: DigestContent, lang: Lang): Html {
  const col = (key: 'indicator' | 'value' | 'target' | 'change' | 'schools') =>
    t(lang, `digest.column.${key}`);
  const rows = content.indicators.map((figure) => {
    const c = figureCells(lang, figure);
    return html`<tr>
      ${cell(c.indicator)}${tight(c.value)}${tight(c.target)}${tight(c.change)}${cell(c.schools)}
    </tr>`;
  });
  return table(
    [col('indicator'), col('value'), col('target'), col('change'), col('schools')],
    rows,
  );
}

function changes(content: DigestContent, lang: Lang, links: DigestLinks): Html {
  const all = content.changes;
  if (all === null) return p(t(lang, 'digest.changes.noPrevious', { date: content.previousDay }));
  if (all.length === 0) return p(t(lang, 'digest.changes.none'));
  const headings = ['school', 'town', 'indicator', 'before', 'after', 'value'] as const;
  const groups = CHANGE_KINDS.flatMap((kind) => {
    const mine = all.filter((c) => c.kind === kind);
    if (mine.length === 0) return [];
    const label = t(lang, `digest.change.${kind}`);
    return [
      html`<h3 style="${S.h3}">
        ${t(lang, 'digest.change.heading', { kind: label, count: mine.length })}
      </h3>`,
      table(
        headings.map((h) => t(lang, `digest.column.${h}`)),
        mine.map((c) => changeRow(c, lang, links)),
      ),
    ];
  });
  return html`${groups}`;
}

function changeRow(c: StatusChange, lang: Lang, links: DigestLinks): Html {
  const cells = lineCells(lang, c);
  const value =
    cells.reason === ''
      ? cells.value
      : `${cells.value}${t(lang, 'digest.reason', { reason: cells.reason })}`;
  return html`<tr>
    ${schoolCell(links, c)}${cell(c.town)}${cell(cells.indicator)}${status(lang, c.before)}${status(lang, c.status)}${cell(value)}
  </tr>`;
}

function failing(content: DigestContent, lang: Lang, links: DigestLinks): Html {
  if (content.failing.length === 0) return p(t(lang, 'digest.failing.none'));
  const { groups, hidden } = failingBySchool(content);
  const headings = ['school', 'town', 'indicator', 'after', 'value', 'target', 'since'] as const;
  const rows = groups.flatMap(({ school, lines }) =>
    lines.map((line, i) => {
      const cells = lineCells(lang, line);
      const value =
        cells.reason === ''
          ? cells.value
          : `${cells.value}${t(lang, 'digest.reason', { reason: cells.reason })}`;
      const first = i === 0;
      return html`<tr>
        ${first ? schoolCell(links, school) : cell('')}${cell(first ? school.town : '')}${cell(cells.indicator)}${status(lang, line.status)}${cell(value)}${tight(cells.target)}${tight(cells.since)}
      </tr>`;
    }),
  );
  const more = hidden > 0 ? p(t(lang, 'digest.failing.more', { count: hidden })) : '';
  return html`${table(
    headings.map((h) => t(lang, `digest.column.${h}`)),
    rows,
  )}${more}`;
}

function stale(content: DigestContent, lang: Lang): Html {
  if (content.staleAgents.length === 0) return p(t(lang, 'digest.stale.none'));
  const headings = ['agent', 'hostname', 'lastReport', 'agentSchools'] as const;
  const rows = content.staleAgents.map((agent) => {
    const c = agentCells(lang, agent, content.county.timezone);
    return html`<tr>
      ${cell(agent.name)}${cell(agent.hostname ?? '')}${cell(c.lastReport)}${cell(c.schools)}
    </tr>`;
  });
  return table(
    headings.map((h) => t(lang, `digest.column.${h}`)),
    rows,
  );
}

function strayAps(content: DigestContent, lang: Lang): Html | '' {
  const aps = content.unattributedAps;
  if (aps === null || aps.total === 0) return '';
  const sep = t(lang, 'digest.list.separator');
  const more = aps.total - aps.names.length;
  const names =
    aps.names.join(sep) +
    (more > 0 ? sep + t(lang, 'digest.unattributed.more', { count: more }) : '');
  return section(
    t(lang, 'digest.section.unattributed', { count: aps.total }),
    html`${p(t(lang, 'digest.unattributed.hint'))}${p(names)}`,
  );
}
