import { describe, expect, it } from 'vitest';
import type { Varbind } from '@xiaowang/shared/varbind';
import { BerEncodeError, decodeMessage, encodeMessage, encodeValue, encodeVarbind } from './ber.ts';
import type { PduValue, PduVarbind, SnmpMessage } from './ber.ts';
import { GB18030 } from './test-support.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

function decodeOk(bytes: Uint8Array): SnmpMessage {
  const result = decodeMessage(bytes);
  if (!result.ok) throw result.error;
  return result.message;
}

function response(varbinds: PduVarbind[], requestId = 77): SnmpMessage {
  return {
    version: 1,
    community: Buffer.from('public'),
    pdu: { type: 'GetResponse', requestId, errorStatus: 0, errorIndex: 0, varbinds },
  };
}

describe('encodeValue: exact bytes', () => {
  const cases: [string, PduValue, string][] = [
    ['Integer 0', { type: 'Integer', value: 0 }, '020100'],
    ['Integer -1', { type: 'Integer', value: -1 }, '0201ff'],
    ['Integer -128', { type: 'Integer', value: -128 }, '020180'],
    ['Integer -129', { type: 'Integer', value: -129 }, '0202ff7f'],
    ['Integer 128', { type: 'Integer', value: 128 }, '02020080'],
    ['Integer32 max', { type: 'Integer', value: 2147483647 }, '02047fffffff'],
    ['Integer32 min', { type: 'Integer', value: -2147483648 }, '020480000000'],
    ['Counter32 max', { type: 'Counter32', value: 4294967295 }, '410500ffffffff'],
    ['Gauge32 128', { type: 'Gauge32', value: 128 }, '42020080'],
    ['TimeTicks 0', { type: 'TimeTicks', value: 0 }, '430100'],
    ['Counter64 0', { type: 'Counter64', value: 0n }, '460100'],
    ['Counter64 2^64-1', { type: 'Counter64', value: 2n ** 64n - 1n }, '460900ffffffffffffffff'],
    ['Counter64 2^63', { type: 'Counter64', value: 2n ** 63n }, '4609008000000000000000'],
    ['IpAddress', { type: 'IpAddress', value: '192.168.0.254' }, '4004c0a800fe'],
    [
      'OID enterprise',
      { type: 'ObjectIdentifier', value: '1.3.6.1.4.1.2011' },
      '06072b060104018f5b',
    ],
    ['OID arc 2, second > 40', { type: 'ObjectIdentifier', value: '2.999.3' }, '0603883703'],
    ['OID 0.0', { type: 'ObjectIdentifier', value: '0.0' }, '060100'],
    [
      'OID sub-id 2^32-1',
      { type: 'ObjectIdentifier', value: '1.3.4294967295' },
      '06062b8fffffff7f',
    ],
    ['Null', { type: 'Null', value: null }, '0500'],
    ['Opaque', { type: 'Opaque', value: Uint8Array.from([1, 2]) }, '44020102'],
    ['noSuchObject', { type: 'noSuchObject', value: null }, '8000'],
    ['noSuchInstance', { type: 'noSuchInstance', value: null }, '8100'],
    ['endOfMibView', { type: 'endOfMibView', value: null }, '8200'],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(hex(encodeValue(value))).toBe(expected);
  });

  it('uses long-form lengths at 128, 256 and 65536 bytes', () => {
    const header = (n: number): string =>
      hex(encodeValue({ type: 'OctetString', value: new Uint8Array(n) })).slice(0, 10);
    expect(header(127).slice(0, 4)).toBe('047f');
    expect(header(128).slice(0, 6)).toBe('048180');
    expect(header(255).slice(0, 6)).toBe('0481ff');
    expect(header(256).slice(0, 8)).toBe('04820100');
    expect(header(70000)).toBe('0483011170');
  });

  it('refuses values outside their type', () => {
    const bad: PduValue[] = [
      { type: 'Integer', value: 2147483648 },
      { type: 'Integer', value: 1.5 },
      { type: 'Counter32', value: -1 },
      { type: 'Gauge32', value: 4294967296 },
      { type: 'Counter64', value: 2n ** 64n },
      { type: 'Counter64', value: -1n },
      { type: 'IpAddress', value: '10.0.0.256' },
      { type: 'IpAddress', value: '10.0.0' },
      { type: 'ObjectIdentifier', value: '1.40' },
      { type: 'ObjectIdentifier', value: '3.1' },
      { type: 'ObjectIdentifier', value: '1' },
      { type: 'ObjectIdentifier', value: '1..3' },
      { type: 'ObjectIdentifier', value: '1.3.4294967296' },
    ];
    for (const value of bad) expect(() => encodeValue(value), value.type).toThrow(BerEncodeError);
  });
});

describe('decodeMessage', () => {
  it('decodes a GetRequest built by hand', () => {
    // snmpget -v2c -c public, request-id 0x1234, sysName.0
    const bytes = fromHex(`30 27 02 01 01 04 06 7075626c6963
      a0 1a 02 02 1234 02 01 00 02 01 00
      30 0e 30 0c 06 08 2b06010201010500 05 00`);
    expect(decodeOk(bytes)).toEqual({
      version: 1,
      community: Uint8Array.from(Buffer.from('public')),
      pdu: {
        type: 'GetRequest',
        requestId: 0x1234,
        errorStatus: 0,
        errorIndex: 0,
        varbinds: [{ oid: '1.3.6.1.2.1.1.5.0', type: 'Null', value: null }],
      },
    });
  });

  it('decodes a v1 GetBulk-shaped request with a negative request-id and long-form lengths', () => {
    const oid = '06 0b 2b 06 01 04 01 8f 5b 81 81 00 00'; // 1.3.6.1.4.1.2011.16512.0
    const varbind = `30 81 0f ${oid} 05 00`;
    const bytes = fromHex(`30 81 2d 02 01 00 04 03 616263
      a5 81 22 02 04 ffffff85 02 01 03 02 02 00 c8
      30 81 12 ${varbind}`);
    const message = decodeOk(bytes);
    expect(message.version).toBe(0);
    expect(message.pdu.type).toBe('GetBulkRequest');
    expect(message.pdu.requestId).toBe(-123);
    expect(message.pdu.errorStatus).toBe(3);
    expect(message.pdu.errorIndex).toBe(200);
    expect(message.pdu.varbinds[0]?.oid).toBe('1.3.6.1.4.1.2011.16512.0');
  });

  it('round-trips every type and edge through a GetResponse', () => {
    const varbinds: Varbind[] = [
      {
        oid: '1.3.6.1.2.1.1.1.0',
        type: 'OctetString',
        value: new TextEncoder().encode('县教育局'),
      },
      { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: GB18030.bureau },
      { oid: '1.3.6.1.2.1.1.4.0', type: 'OctetString', value: new Uint8Array(0) },
      { oid: '1.3.6.1.2.1.1.9.0', type: 'OctetString', value: new Uint8Array(70000).fill(0xab) },
      { oid: '1.3.6.1.2.1.1.2.0', type: 'ObjectIdentifier', value: '2.999.4294967295.128' },
      { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 4294967295 },
      { oid: '1.3.6.1.2.1.2.2.1.10.1', type: 'Counter32', value: 2147483648 },
      { oid: '1.3.6.1.2.1.2.2.1.5.1', type: 'Gauge32', value: 0 },
      { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: 2n ** 64n - 1n },
      { oid: '1.3.6.1.2.1.31.1.1.1.6.2', type: 'Counter64', value: 2n ** 53n + 1n },
      { oid: '1.3.6.1.2.1.47.1.1.1.1.6.1', type: 'Integer', value: -1 },
      { oid: '1.3.6.1.2.1.47.1.1.1.1.6.2', type: 'Integer', value: -2147483648 },
      { oid: '1.3.6.1.2.1.4.20.1.1.0.0.0.0', type: 'IpAddress', value: '0.0.0.0' },
      { oid: '1.3.6.1.2.1.4.20.1.1.255.255.255.255', type: 'IpAddress', value: '255.255.255.255' },
      { oid: '1.3.6.1.4.1.4294967295.200', type: 'Opaque', value: Uint8Array.from([0x9f, 0x78]) },
      { oid: '0.0', type: 'Null', value: null },
    ];
    const exceptions: PduVarbind[] = [
      { oid: '1.3.6.1.2.1.1.6.0', type: 'noSuchObject', value: null },
      { oid: '1.3.6.1.2.1.1.5.1', type: 'noSuchInstance', value: null },
      { oid: '1.3.6.1.9', type: 'endOfMibView', value: null },
    ];
    const message = response([...varbinds, ...exceptions], -2147483648);
    const bytes = encodeMessage(message);
    expect(bytes.length).toBeGreaterThan(70000);
    expect(hex(bytes.subarray(0, 2))).toBe('3083');
    const decoded = decodeOk(bytes);
    expect(decoded).toEqual({ ...message, community: Uint8Array.from(Buffer.from('public')) });
    expect(encodeMessage(decoded).equals(bytes)).toBe(true);
  });

  it('round-trips error-status and error-index', () => {
    const message: SnmpMessage = {
      version: 0,
      community: Buffer.from(''),
      pdu: { type: 'GetResponse', requestId: 1, errorStatus: 2, errorIndex: 3, varbinds: [] },
    };
    expect(decodeOk(encodeMessage(message)).pdu).toEqual(message.pdu);
  });

  it('reports malformed input with a code instead of throwing', () => {
    const good = encodeMessage(
      response([{ oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: GB18030.school }]),
    );
    const expectCode = (bytes: Uint8Array, code: string): void => {
      const result = decodeMessage(bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(code);
    };
    expectCode(new Uint8Array(0), 'truncated');
    expectCode(fromHex('3080020101'), 'badLength');
    expectCode(fromHex('308500000000000201'), 'badLength');
    expectCode(fromHex('0400'), 'badTag');
    expectCode(Buffer.concat([good, fromHex('00')]), 'trailingBytes');
    expectCode(fromHex('30070201030400a000'), 'unsupportedVersion');
    expectCode(fromHex('300702010104008400'), 'unsupportedPdu');
    for (let cut = 0; cut < good.length; cut++) {
      expect(decodeMessage(good.subarray(0, cut)).ok, `prefix ${cut}`).toBe(false);
    }
  });

  it('never throws on random bytes or single-byte corruptions', () => {
    const good = encodeMessage(
      response([
        { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: 2n ** 64n - 1n },
        { oid: '1.3.6.1.2.1.1.5.0', type: 'IpAddress', value: '10.0.0.1' },
      ]),
    );
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 3000; round++) {
      const bytes = Buffer.from(good);
      bytes[random() % bytes.length] = random() % 256;
      expect(() => decodeMessage(bytes)).not.toThrow();
      const noise = Uint8Array.from({ length: random() % 64 }, () => random() % 256);
      expect(() => decodeMessage(noise)).not.toThrow();
    }
  });

  it('encodes a varbind from parsed sub-ids the same as from text', () => {
    const value: PduValue = { type: 'Integer', value: 5 };
    expect(encodeVarbind([1, 3, 6, 1, 200], value)).toEqual(encodeVarbind('.1.3.6.1.200', value));
  });
});
