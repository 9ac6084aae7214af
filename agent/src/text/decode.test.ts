import { describe, expect, it } from 'vitest';
import { decodeText, formatMac, macFromSubIds } from './decode.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

describe('decodeText (J5)', () => {
  it.each([
    ['plain ASCII', '474531', 'GE1'],
    ['UTF-8 Chinese', Buffer.from('城关小学-3F-301').toString('hex'), '城关小学-3F-301'],
    ['GB18030 Chinese', 'b3c7b9d8d0a1d1a7', '城关小学'],
    ['trailing NULs dropped', Buffer.from('县第二中学').toString('hex') + '00000000', '县第二中学'],
    ['latin1 fallback keeps bytes', 'e9ff', '\u00e9\u00ff'],
    ['embedded CR/LF kept', '610d0a62', 'a\r\nb'],
    ['leading space kept', '2061', ' a'],
    ['bytes 0x80-0x9f stay as latin1, not windows-1252', '80', '\u0080'],
  ])('%s', (_name, input, expected) => {
    expect(decodeText(hex(input))).toBe(expected);
  });
});

describe('MAC formatting', () => {
  it('formats bytes and index sub-ids', () => {
    expect(formatMac(hex('506f77eadca0'))).toBe('50:6f:77:ea:dc:a0');
    expect(formatMac(new Uint8Array())).toBeNull();
    expect(macFromSubIds([80, 111, 119, 234, 220, 160])).toBe('50:6f:77:ea:dc:a0');
    expect(macFromSubIds([1, 2, 3])).toBeNull();
    expect(macFromSubIds([1, 2, 3, 4, 5, 300])).toBeNull();
  });
});
