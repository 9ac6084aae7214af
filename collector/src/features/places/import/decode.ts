export type TextEncodingName = 'utf-8' | 'gb18030';

const CJK = /[\u3400-\u9fff]/;

/**
 * Decodes a CSV file from a Chinese bureau: UTF-8 (with or without BOM) when the bytes are
 * valid UTF-8, else GB18030, which Excel and WPS write on Chinese Windows (it contains GBK
 * and GB2312). Short GB18030 text can happen to be valid UTF-8 ("学校" reads as "ѧУ"), so
 * valid UTF-8 without any Chinese character loses to a GB18030 reading that has some.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  if (utf8 !== undefined && (CJK.test(utf8) || !/[\u0080-\uffff]/.test(utf8)))
    return { text: utf8, encoding: 'utf-8' };
  let gb: string | undefined;
  try {
    gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    gb = undefined;
  }
  if (gb !== undefined && CJK.test(gb)) return { text: gb, encoding: 'gb18030' };
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}
