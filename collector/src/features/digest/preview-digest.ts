import type { Lang } from '@xiaowang/shared';
import type { WriteContext } from '../../context.ts';
import { addDays } from '../compliance/engine/local-time.ts';
import { countyOrNotFound } from '../places/lookups.ts';
import { localDay } from '../reports/local-day.ts';
import { buildDigest } from './build-digest.ts';
import { digestLinks } from './links.ts';
import { renderHtml } from './render-html.ts';
import { renderSubject } from './render-subject.ts';
import { renderText } from './render-text.ts';
import type { DigestPreview } from './schema.ts';

/**
 * The mail as a recipient would get it, for the admin page: yesterday's by default, links
 * relative to the dashboard. Reads only; it neither recomputes nor sends.
 */
export async function previewDigest({
  db,
  clock,
  input,
}: WriteContext<{
  countyId: number;
  date?: string | undefined;
  townId?: number | undefined;
  lang: Lang;
}>): Promise<DigestPreview> {
  const county = await countyOrNotFound(db, input.countyId);
  const day = input.date ?? addDays(localDay(clock(), county.timezone), -1);
  const content = await buildDigest({
    db,
    clock,
    input: { countyId: county.id, day, townId: input.townId },
  });
  const links = digestLinks(content, '');
  return {
    day,
    subject: renderSubject(content, input.lang),
    text: renderText(content, input.lang, links),
    html: renderHtml(content, input.lang, links),
  };
}
