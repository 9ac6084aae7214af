import { describe, expect, it } from 'vitest';
import {
  decodeAsciiAddress,
  classifyIpv6,
  formatIpv6,
  formatIpv6Full,
  parseIpv6Text,
} from './ipv6-address.ts';

/** Bytes from eight 16-bit groups, so cases read like addresses. */
function bytes(...groups: number[]): number[] {
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

describe('formatIpv6 (J8, RFC 5952 section 4)', () => {
  it.each([
    ['compresses the longest zero run', bytes(0x2001, 0, 0, 1, 0, 0, 0, 1), '2001:0:0:1::1'],
    ['takes the first run on a tie', bytes(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1), '2001:db8::1:0:0:1'],
    [
      'never compresses a single zero group',
      bytes(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1),
      '2001:db8:0:1:1:1:1:1',
    ],
    ['writes IPv4-mapped in hex', bytes(0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201), '::ffff:c000:201'],
    ['writes IPv4-compatible in hex', bytes(0, 0, 0, 0, 0, 0, 0xc000, 0x0201), '::c000:201'],
    ['unspecified', bytes(0, 0, 0, 0, 0, 0, 0, 0), '::'],
    ['loopback', bytes(0, 0, 0, 0, 0, 0, 0, 1), '::1'],
    ['trailing run', bytes(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), '2001:db8::'],
    [
      'lower case, no leading zeros',
      bytes(0xfe80, 0, 0, 0, 0x0abc, 0xdef0, 0x0001, 0x000f),
      'fe80::abc:def0:1:f',
    ],
    ['no zeros at all', bytes(1, 2, 3, 4, 5, 6, 7, 8), '1:2:3:4:5:6:7:8'],
  ])('%s', (_name, input, expected) => {
    expect(formatIpv6(input)).toBe(expected);
  });

  it('keeps the uncompressed form with four digits a group', () => {
    expect(formatIpv6Full(bytes(0x2001, 0xdb8, 0, 0, 0, 0, 0x1234, 1))).toBe(
      '2001:0db8:0000:0000:0000:0000:1234:0001',
    );
  });
});

describe('classifyIpv6 (J9)', () => {
  it.each([
    ['::1', 'loopback'],
    ['fe80::1', 'linklocal'],
    ['febf:ffff::1', 'linklocal'],
    ['fec0::1', 'other'],
    ['fc00::1', 'ula'],
    ['fd12:3456::9', 'ula'],
    ['2001:db8::1', 'global'],
    ['2002:c000:201::1', 'global'],
    ['3fff::1', 'global'],
    ['4000::1', 'other'],
    ['::', 'other'],
    ['::c000:201', 'other'],
    ['::ffff:c000:201', 'other'],
    ['ff02::1', 'other'],
  ] as const)('%s is %s', (text, type) => {
    const parsed = parseIpv6Text(text);
    expect(parsed).toBeDefined();
    expect(classifyIpv6(parsed ?? [])).toBe(type);
  });
});

describe('parseIpv6Text', () => {
  it('parses the usual forms', () => {
    expect(parseIpv6Text('2001:db8:abcd:12::34:5')).toEqual(
      bytes(0x2001, 0xdb8, 0xabcd, 0x12, 0, 0, 0x34, 5),
    );
    expect(parseIpv6Text('::')).toEqual(bytes(0, 0, 0, 0, 0, 0, 0, 0));
    expect(parseIpv6Text('1:2:3:4:5:6:7:8')).toEqual(bytes(1, 2, 3, 4, 5, 6, 7, 8));
    expect(parseIpv6Text('::ffff:192.0.2.1')).toEqual(bytes(0, 0, 0, 0, 0, 0xffff, 0xc000, 0x201));
    expect(parseIpv6Text('::192.0.2.1')).toEqual(bytes(0, 0, 0, 0, 0, 0, 0xc000, 0x201));
  });

  it.each(['', '1:2:3', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '::1.2.3.256', ':1::'])(
    'rejects %j',
    (text) => {
      expect(parseIpv6Text(text)).toBeUndefined();
    },
  );
});

describe('asciiAddressFromSubIds (J6 malformed index)', () => {
  it('reads address text with a /len', () => {
    expect(decodeAsciiAddress(ascii('2001:db8::1/64'))).toEqual({
      bytes: bytes(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1),
      prefixLength: 64,
    });
  });

  it('reads address text with a leading length sub-id and no /len', () => {
    const text = ascii('fe80::1');
    expect(decodeAsciiAddress([text.length, ...text])).toEqual({
      bytes: bytes(0xfe80, 0, 0, 0, 0, 0, 0, 1),
      prefixLength: null,
    });
  });

  it('refuses binary sub-ids, text that is not an address and a length above 128', () => {
    expect(decodeAsciiAddress([254, 128, 0, 1])).toBeUndefined();
    expect(decodeAsciiAddress(ascii('hello'))).toBeUndefined();
    expect(decodeAsciiAddress(ascii('2001:db8::1/129'))).toBeUndefined();
    expect(decodeAsciiAddress([])).toBeUndefined();
  });
});
