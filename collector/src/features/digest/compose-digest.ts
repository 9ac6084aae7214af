import type { Lang } from '@xiaowang/shared';
import type { WriteContext } from '../../context.ts';
import { exportLedger } from '../ledger/export-ledger.ts';
import type { BuildDigestInput } from './build-digest.ts';
import { buildDigest } from './build-digest.ts';
import type { DigestContent } from './content.ts';
import { digestLinks } from './links.ts';
import { renderHtml } from './render-html.ts';
import { renderSubject } from './render-subject.ts';
import { renderText } from './render-text.ts';

export interface DigestMail {
  readonly content: DigestContent;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The day's ledger as XLSX, in the same language and scope as the mail. */
  readonly attachment: {
    readonly fileName: string;
    readonly content: Uint8Array;
    readonly contentType: string;
  };
}

export interface ComposeDigestInput extends BuildDigestInput {
  readonly lang: Lang;
  /** XIAOWANG_PUBLIC_URL; '' for relative links; undefined for none. */
  readonly publicUrl: string | undefined;
}

/** One mail, rendered on the server: subject, HTML and text parts, and the XLSX ledger. */
export async function composeDigest({
  db,
  clock,
  input,
}: WriteContext<ComposeDigestInput>): Promise<DigestMail> {
  const { countyId, day, townId, lang } = input;
  const content = await buildDigest({ db, clock, input: { countyId, day, townId } });
  const links = digestLinks(content, input.publicUrl);
  const ledger = await exportLedger({
    db,
    clock,
    input: {
      countyId,
      date: day,
      format: 'xlsx',
      lang,
      ...(townId === undefined ? {} : { townId }),
    },
  });
  return {
    content,
    subject: renderSubject(content, lang),
    text: renderText(content, lang, links),
    html: renderHtml(content, lang, links),
    attachment: {
      fileName: ledger.fileName,
      content: ledger.bytes,
      contentType: ledger.contentType,
    },
  };
}
