import type { Lang } from '@xiaowang/shared';
import { t } from '@xiaowang/shared';
import type { DigestContent } from './content.ts';
import { CHANGE_KINDS } from './content.ts';
import { plain } from './format.ts';
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

/** The plain-text part: complete on its own, for clients that show no HTML. */
export function renderText(content: DigestContent, lang: Lang, links: DigestLinks): string {
  const out: string[] = [title(content, lang), intro(content, lang), ''];
  const heading = (text: string) => out.push(t(lang, 'digest.text.heading', { title: text }));
  const sep = t(lang, 'digest.list.separator');

  heading(t(lang, 'digest.section.targets'));
  const targets = content.indicators.flatMap((f) => targetLine(lang, f) ?? []);
  if (targets.length === 0) out.push(t(lang, 'digest.target.none', { date: content.day }));
  for (const line of targets) out.push(`- ${plain(line)}`);
  out.push('');

  heading(t(lang, 'digest.section.indicators'));
  for (const figure of content.indicators) {
    out.push(`- ${t(lang, 'digest.indicator.line', figureCells(lang, figure))}`);
  }
  out.push('');

  heading(t(lang, 'digest.section.changes', { date: content.previousDay }));
  const { changes } = content;
  if (changes === null)
    out.push(t(lang, 'digest.changes.noPrevious', { date: content.previousDay }));
  else if (changes.length === 0) out.push(t(lang, 'digest.changes.none'));
  for (const kind of CHANGE_KINDS) {
    const mine = (changes ?? []).filter((c) => c.kind === kind);
    if (mine.length === 0) continue;
    out.push(
      t(lang, 'digest.change.heading', {
        kind: t(lang, `digest.change.${kind}`),
        count: mine.length,
      }),
    );
    for (const c of mine) {
      const cells = lineCells(lang, c);
      const line = t(lang, 'digest.change.line', {
        school: c.school,
        town: c.town,
        indicator: cells.indicator,
        before: statusName(lang, c.before),
        after: cells.status,
        value: cells.value,
      });
      const reason = cells.reason === '' ? '' : t(lang, 'digest.reason', { reason: cells.reason });
      out.push(`- ${plain(line)}${reason}`);
    }
  }
  out.push('');

  const failing = failingBySchool(content);
  heading(t(lang, 'digest.section.failing', { count: failing.schools }));
  if (content.failing.length === 0) out.push(t(lang, 'digest.failing.none'));
  for (const { school, lines } of failing.groups) {
    out.push(
      `- ${plain(t(lang, 'digest.failing.school', { school: school.school, town: school.town, code: school.code }))}`,
    );
    const url = links.school(school.schoolId);
    for (const line of lines) {
      const cells = lineCells(lang, line);
      let text = t(lang, 'digest.failing.item', cells);
      if (cells.since !== '') text += t(lang, 'digest.failing.since', { date: cells.since });
      if (cells.reason !== '') text += t(lang, 'digest.reason', { reason: cells.reason });
      out.push(`    ${text}`);
    }
    if (url !== undefined) out.push(`    ${url}`);
  }
  if (failing.hidden > 0) out.push(t(lang, 'digest.failing.more', { count: failing.hidden }));
  out.push('');

  heading(t(lang, 'digest.section.stale', { count: content.staleAgents.length }));
  if (content.staleAgents.length === 0) out.push(t(lang, 'digest.stale.none'));
  for (const agent of content.staleAgents) {
    const cells = agentCells(lang, agent, content.county.timezone);
    const line = t(lang, 'digest.stale.line', {
      agent: agent.name,
      hostname: agent.hostname ?? '-',
      lastReport: cells.lastReport,
      schools: cells.schools === '' ? '-' : cells.schools,
    });
    out.push(`- ${plain(line)}`);
  }

  const aps = content.unattributedAps;
  if (aps !== null && aps.total > 0) {
    out.push('');
    heading(t(lang, 'digest.section.unattributed', { count: aps.total }));
    out.push(t(lang, 'digest.unattributed.hint'));
    const more = aps.total - aps.names.length;
    const names = aps.names.map(plain).join(sep);
    out.push(
      more > 0 ? `${names}${sep}${t(lang, 'digest.unattributed.more', { count: more })}` : names,
    );
  }

  out.push('');
  if (links.dashboard !== undefined)
    out.push(t(lang, 'digest.link.text', { url: links.dashboard }));
  out.push(t(lang, 'digest.footer'));
  return `${out.join('\n')}\n`;
}
