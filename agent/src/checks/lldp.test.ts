import { describe, expect, it } from 'vitest';
import { lldpNeighborSchema } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import {
  CHASSIS_ID_SUBTYPES,
  decodeCapabilities,
  decodeLldpId,
  lldpCheck,
  PORT_ID_SUBTYPES,
  resolveLocalPort,
} from './lldp.ts';

const CTX: PollContext = { sysObjectID: null, enterprise: null, sysDescr: null };
const REM = '1.0.8802.1.1.2.1.4.1.1';
const LOC = '1.0.8802.1.1.2.1.3.7.1';
const IF_NAME = '1.3.6.1.2.1.31.1.1.1.1';
const IF_DESCR = '1.3.6.1.2.1.2.2.1.2';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

function neighbours(...lines: string[]) {
  const { varbinds } = parseSnmprec(lines.join('\n'));
  return lldpCheck.extract(walkSetFromVarbinds(varbinds, lldpCheck.plan(CTX)), CTX).lldpNeighbors;
}

/** Three switch ports whose LLDP port numbers differ from their ifIndex. */
const INTERFACES = [
  `${IF_DESCR}.11|4|GigabitEthernet0/0/1`,
  `${IF_DESCR}.12|4|GigabitEthernet0/0/2`,
  `${IF_DESCR}.13|4|Ethernet port 3`,
  `${IF_NAME}.11|4|GE0/0/1`,
  `${IF_NAME}.12|4|GE0/0/2`,
  `${IF_NAME}.3|4|ge-3`,
];

describe('lldp: local port (J12)', () => {
  const ifaces = [
    { ifIndex: 3, ifName: 'ge-3', ifDescr: null },
    { ifIndex: 11, ifName: 'GE0/0/1', ifDescr: 'GigabitEthernet0/0/1' },
    { ifIndex: 12, ifName: 'GE0/0/2', ifDescr: 'GigabitEthernet0/0/2' },
  ];

  it('matches lldpLocPortId to ifName, then to ifDescr, reporting ifName', () => {
    expect(resolveLocalPort(1, 'GE0/0/1', null, ifaces)).toEqual({
      localPort: 'GE0/0/1',
      localIfIndex: 11,
      localPortResolvedBy: 'lldpLocPortId=ifName/ifDescr',
    });
    expect(resolveLocalPort(2, 'GigabitEthernet0/0/2', null, ifaces)).toMatchObject({
      localPort: 'GE0/0/2',
      localIfIndex: 12,
      localPortResolvedBy: 'lldpLocPortId=ifName/ifDescr',
    });
  });

  it('tries lldpLocPortDesc when the port id matches nothing', () => {
    expect(resolveLocalPort(2, 'Eth 1/2', 'GigabitEthernet0/0/2', ifaces)).toEqual({
      localPort: 'GE0/0/2',
      localIfIndex: 12,
      localPortResolvedBy: 'lldpLocPortDesc=ifName/ifDescr',
    });
  });

  it('takes the port number as an ifIndex only when such an interface exists', () => {
    expect(resolveLocalPort(3, 'Eth 1/3', 'port 3', ifaces)).toEqual({
      localPort: 'ge-3',
      localIfIndex: 3,
      localPortResolvedBy: 'lldpRemLocalPortNum taken as ifIndex',
    });
    expect(resolveLocalPort(9, 'Eth 1/9', null, ifaces)).toEqual({
      localPort: 'Eth 1/9',
      localIfIndex: null,
      localPortResolvedBy: null,
    });
    expect(resolveLocalPort(9, null, null, [])).toMatchObject({ localPort: null });
  });

  it('never matches an empty port id to an empty name', () => {
    const blank = [{ ifIndex: 5, ifName: '', ifDescr: '' }];
    expect(resolveLocalPort(7, '', '', blank).localIfIndex).toBeNull();
  });

  it('resolves ports through the walked tables', () => {
    const out = neighbours(
      ...INTERFACES,
      `${LOC}.3.1|4|GE0/0/1`,
      `${LOC}.3.3|4|Eth 1/3`,
      `${LOC}.3.2|4|Eth 1/2`,
      `${LOC}.4.2|4|GigabitEthernet0/0/2`,
      `${REM}.9.0.1.1|4|core`,
      `${REM}.9.0.2.1|4|ap-1`,
      `${REM}.9.0.3.1|4|printer`,
      `${REM}.9.0.4.1|4|phone`,
    );
    expect(out.map((n) => [n.localPortNum, n.localIfIndex, n.localPortResolvedBy])).toEqual([
      [1, 11, 'lldpLocPortId=ifName/ifDescr'],
      [2, 12, 'lldpLocPortDesc=ifName/ifDescr'],
      [3, 3, 'lldpRemLocalPortNum taken as ifIndex'],
      [4, null, null],
    ]);
  });
});

describe('lldp: remote ids and capabilities (J12)', () => {
  it('writes a 6-byte MAC id as lower-case colon hex and MAC text as it came', () => {
    expect(decodeLldpId(hex('A4B1C2D3E4F5'), 4, CHASSIS_ID_SUBTYPES)).toBe('a4:b1:c2:d3:e4:f5');
    const text = Buffer.from('3C:A8:2A:11:22:33');
    expect(decodeLldpId(text, 4, CHASSIS_ID_SUBTYPES)).toBe('3C:A8:2A:11:22:33');
    expect(decodeLldpId(hex('0011223344ff'), 3, PORT_ID_SUBTYPES)).toBe('00:11:22:33:44:ff');
  });

  it('writes network addresses as IP text', () => {
    expect(decodeLldpId(hex('01c0a80001'), 5, CHASSIS_ID_SUBTYPES)).toBe('192.168.0.1');
    const v6 = hex('02fe800000000000000000000000000001');
    expect(decodeLldpId(v6, 4, PORT_ID_SUBTYPES)).toBe('fe80::1');
  });

  it('writes other ids as text, or hex when not printable', () => {
    expect(decodeLldpId(Buffer.from('GigabitEthernet0/0/9'), 5, PORT_ID_SUBTYPES)).toBe(
      'GigabitEthernet0/0/9',
    );
    expect(decodeLldpId(hex('0102a0ff'), 7, CHASSIS_ID_SUBTYPES)).toBe('0102a0ff');
    expect(decodeLldpId(hex('0011223344'), 4, CHASSIS_ID_SUBTYPES)).toBe('0011223344');
  });

  it('decodes BITS with the first octet MSB as bit 0 and drops unknown bits', () => {
    expect(decodeCapabilities(hex('2800'))).toEqual(['bridge', 'router']);
    expect(decodeCapabilities(hex('0020'))).toEqual(['twoPortMACRelay']);
    expect(decodeCapabilities(hex('ffff'))).toHaveLength(11);
    expect(decodeCapabilities(hex('8000ff'))).toEqual(['other']);
    expect(decodeCapabilities(new Uint8Array())).toEqual([]);
    // Served display text such as "20 4" is decoded as the bytes it is.
    expect(decodeCapabilities(Buffer.from('20 4'))).toEqual([
      'bridge',
      'wlanAccessPoint',
      'docsisCableDevice',
      'twoPortMACRelay',
    ]);
  });

  it('fills a whole neighbour from the remote table', () => {
    const out = neighbours(
      ...INTERFACES,
      `${LOC}.3.1|4|GE0/0/1`,
      `${REM}.4.500.1.3|2|4`,
      `${REM}.5.500.1.3|4x|0A1B2C3D4E5F`,
      `${REM}.6.500.1.3|2|5`,
      `${REM}.7.500.1.3|4|GE0/0/9`,
      `${REM}.8.500.1.3|4|`,
      `${REM}.9.500.1.3|4x|${Buffer.from('教学楼-AP01').toString('hex')}`,
      `${REM}.11.500.1.3|4x|3000`,
      `${REM}.12.500.1.3|4x|2000`,
    );
    expect(out).toEqual([
      {
        localPortNum: 1,
        localPort: 'GE0/0/1',
        localIfIndex: 11,
        localPortResolvedBy: 'lldpLocPortId=ifName/ifDescr',
        remoteChassisId: '0a:1b:2c:3d:4e:5f',
        remoteSysName: '教学楼-AP01',
        remotePortId: 'GE0/0/9',
        remotePortIdSubtype: 5,
        remotePortDesc: '',
        remoteCapabilities: ['bridge'],
        remoteCapabilitiesSupported: ['bridge', 'wlanAccessPoint'],
      },
    ]);
    for (const n of out) expect(() => lldpNeighborSchema.parse(n)).not.toThrow();
  });

  it('keeps a row that has a single column, with the rest null', () => {
    const [row] = neighbours(`${REM}.4.123456.5.1|2|4`);
    expect(row).toMatchObject({
      localPortNum: 5,
      remoteChassisId: null,
      remoteSysName: null,
      remotePortId: null,
      remotePortIdSubtype: null,
      remoteCapabilities: null,
      remoteCapabilitiesSupported: null,
      localPortResolvedBy: null,
    });
  });

  it('sorts by local port, remote index, then time mark', () => {
    const out = neighbours(
      `${REM}.9.900.2.1|4|c`,
      `${REM}.9.100.2.2|4|d`,
      `${REM}.9.700.1.1|4|b`,
      `${REM}.9.100.1.1|4|a`,
    );
    expect(out.map((n) => n.remoteSysName)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives no neighbours without an LLDP table', () => {
    expect(neighbours(...INTERFACES)).toEqual([]);
  });
});
