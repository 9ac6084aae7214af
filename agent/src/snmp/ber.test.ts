import { describe, expect, it } from 'vitest';
import {
  BerError,
  cellsOf,
  decodeMessage,
  encodeRequest,
  NotSnmpError,
  oidContent,
  oidText,
  PDU_TYPE,
} from './ber.ts';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const community = Buffer.from('public');

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

/** A v2c response around the given varbind octets (hex). */
function response(varbinds: string, requestId = '01', errorStatus = '00'): Buffer {
  const pdu = Buffer.concat([
    tlv(0x02, hex(requestId)),
    hex(`02 01 ${errorStatus} 02 01 00`),
    tlv(0x30, hex(varbinds)),
  ]);
  return tlv(0x30, Buffer.concat([hex('02 01 01'), tlv(0x04, community), tlv(0xa2, pdu)]));
}

describe('encodeRequest', () => {
  it('encodes a GET as RFC 3416 lays it out', () => {
    const got = encodeRequest(community, PDU_TYPE.get, 1, ['1.3.6.1.2.1.1.1.0']);
    expect(got.toString('hex')).toBe(
      '302602010104067075626c6963a019020101020100020100300e300c06082b060102010101000500',
    );
  });

  it('puts non-repeaters and max-repetitions where error-status and index go', () => {
    const got = decodeMessage(
      encodeRequest(community, PDU_TYPE.getBulk, 0x7fffffff, ['1.3.6.1', '1.3.6.2'], 1, 200),
    );
    expect(got).toMatchObject({
      version: 1,
      pduType: 0xa5,
      requestId: 0x7fffffff,
      errorStatus: 1,
      errorIndex: 200,
    });
    expect(cellsOf(got).map((c) => [c.oid, c.type])).toEqual([
      ['1.3.6.1', 'Null'],
      ['1.3.6.2', 'Null'],
    ]);
  });

  it('encodes large sub-identifiers and the 2.x arc base-128', () => {
    expect(Buffer.from(oidContent('1.3.6.1.4.1.2011')).toString('hex')).toBe(
      '2b06010401 8f5b'.replace(' ', ''),
    );
    expect(Buffer.from(oidContent('2.999.4294967295')).toString('hex')).toBe('88378fffffff7f');
    expect(Buffer.from(oidContent('1.3.128.16383.16384')).toString('hex')).toBe('2b8100ff7f818000');
  });

  it('refuses what is not an OID', () => {
    for (const bad of ['', '1', '1..3', '3.1', '1.40', '1.3.x', '1.3.4294967296']) {
      expect(() => encodeRequest(community, PDU_TYPE.get, 1, [bad])).toThrow();
    }
  });

  it('uses long-form lengths once a message passes 127 octets', () => {
    const oids = Array.from({ length: 40 }, (_, i) => `1.3.6.1.2.1.2.2.1.${i + 1}`);
    const got = encodeRequest(community, PDU_TYPE.getBulk, 5, oids, 0, 1);
    expect(got[1]).toBe(0x82);
    expect(cellsOf(decodeMessage(got)).map((c) => c.oid)).toEqual(oids);
  });
});

describe('decodeMessage', () => {
  it('decodes every value type into our varbinds', () => {
    const got = decodeMessage(
      response(
        [
          '300b 0603 2b0601 0204 fffffffe', // Integer -2
          '300a 0603 2b0602 0403 e4b88a', // OctetString (UTF-8 上)
          '3007 0603 2b0603 0500', // Null
          '300a 0603 2b0604 0603 2b0601', // OID
          '300b 0603 2b0605 4004 0a000001', // IpAddress
          '300c 0603 2b0606 4105 00ffffffff', // Counter32 max
          '3008 0603 2b0607 4201 05', // Gauge32
          '3009 0603 2b0608 4302 0100', // TimeTicks 256
          '3008 0603 2b0609 4401 aa', // Opaque
          '3010 0603 2b060a 4609 00ffffffffffffffff', // Counter64 max
          '3007 0603 2b060b 8000', // noSuchObject
          '3007 0603 2b060c 8100', // noSuchInstance
          '3007 0603 2b060d 8200', // endOfMibView
          '3007 0603 2b060e 4700', // a tag we do not read
        ].join(' '),
      ),
    );
    expect(cellsOf(got)).toEqual([
      { oid: '1.3.6.1', type: 'Integer', value: -2 },
      { oid: '1.3.6.2', type: 'OctetString', value: Buffer.from('上') },
      { oid: '1.3.6.3', type: 'Null', value: null },
      { oid: '1.3.6.4', type: 'ObjectIdentifier', value: '1.3.6.1' },
      { oid: '1.3.6.5', type: 'IpAddress', value: '10.0.0.1' },
      { oid: '1.3.6.6', type: 'Counter32', value: 4294967295 },
      { oid: '1.3.6.7', type: 'Gauge32', value: 5 },
      { oid: '1.3.6.8', type: 'TimeTicks', value: 256 },
      { oid: '1.3.6.9', type: 'Opaque', value: Buffer.from([0xaa]) },
      { oid: '1.3.6.10', type: 'Counter64', value: 18446744073709551615n },
      { oid: '1.3.6.11', type: 'noSuchObject' },
      { oid: '1.3.6.12', type: 'noSuchInstance' },
      { oid: '1.3.6.13', type: 'endOfMibView' },
      { oid: '1.3.6.14', type: 'unsupported' },
    ]);
  });

  it('copies strings out of the datagram', () => {
    const buf = response('300a 0603 2b0602 0403 616263');
    const cell = cellsOf(decodeMessage(buf))[0];
    buf.fill(0);
    expect(cell).toEqual({ oid: '1.3.6.2', type: 'OctetString', value: Buffer.from('abc') });
  });

  it('reads error-status and negative request-ids', () => {
    const got = decodeMessage(response('', 'ff', '01'));
    expect(got).toMatchObject({ requestId: -1, errorStatus: 1, count: 0 });
  });

  it('throws BerError on malformed input instead of reading past it', () => {
    const good = response('3009 0603 2b0608 4302 0100');
    for (const bad of [
      good.subarray(0, good.length - 1),
      Buffer.concat([hex('31'), good.subarray(1)]),
      hex('30 84 ffffffff'),
      response('3009 0603 2b0608 4303 0100'),
      response('3008 0603 2b068f 4301 01'),
      response('300a 0603 2b0605 4003 0a0000 00'),
      hex('30 03 02 01 01'),
    ]) {
      expect(() => decodeMessage(bad)).toThrow(BerError);
    }
  });

  it('tells a datagram that is not SNMP at all from an SNMP message with a defect', () => {
    // Another service on the port: an NTP answer, a DNS answer, text.
    for (const other of [
      hex('1c0203e8 00000000'),
      hex('ab12 8180 0001'),
      Buffer.from('HTTP/1.1'),
    ]) {
      expect(() => decodeMessage(other)).toThrow(NotSnmpError);
    }
    // An SNMP message, version read, broken further in: a device's defect, not another service.
    const good = response('3009 0603 2b0608 4302 0100');
    for (const defect of [
      good.subarray(0, good.length - 1),
      response('3009 0603 2b0608 4303 0100'),
      hex('30 03 02 01 01'),
    ]) {
      expect(() => decodeMessage(defect)).toThrow(BerError);
      expect(() => decodeMessage(defect)).not.toThrow(NotSnmpError);
    }
  });

  it('refuses a varbind OID with a sub-identifier not in its fewest octets', () => {
    // 1.3.6.1 with the last arc as 0x80 0x01: equal OIDs must be equal octets (oid-octets.ts).
    expect(() => decodeMessage(response('3008 0604 2b068001 0500'))).toThrow(/fewest octets/);
    expect(cellsOf(decodeMessage(response('3007 0603 2b0601 0500')))[0]?.oid).toBe('1.3.6.1');
  });

  it('checks every value when the datagram arrives, naming the varbind', () => {
    expect(() => decodeMessage(response('300a 0603 2b0605 4003 0a0000'))).toThrow(
      'varbind 1.3.6.5: IpAddress of 3 octets',
    );
    expect(() => decodeMessage(response('300a 0603 2b0606 4103 000000 00'))).toThrow(BerError);
    expect(() => decodeMessage(response('3009 0603 2b0604 0602 2b86'))).toThrow(
      'varbind 1.3.6.4: OID ends inside a sub-identifier',
    );
    expect(() => decodeMessage(response('3007 0603 2b0604 0600'))).toThrow('empty OID');
  });

  it('writes OIDs with many-digit arcs', () => {
    const content = oidContent('1.3.6.1.4.1.2011.6.139.13.3.3.1.4.80.111.160.0.0.255.4294967295');
    expect(oidText(content, 0, content.length)).toBe(
      '1.3.6.1.4.1.2011.6.139.13.3.3.1.4.80.111.160.0.0.255.4294967295',
    );
  });
});
