import { describe, expect, it } from 'vitest';
import { interfaceSchema } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import type { WalkSet } from '../snmp/walk-set.ts';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import { nameIfType } from './if-types.ts';
import { interfacesCheck, computeSpeedMbps, nameStatus, suspectSpeed } from './interfaces.ts';

const CTX: PollContext = { sysObjectID: null, enterprise: null, sysDescr: null };
const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';

function walk(...lines: string[]): WalkSet {
  const { varbinds } = parseSnmprec(lines.join('\n'));
  return walkSetFromVarbinds(varbinds, interfacesCheck.plan(CTX));
}

function rows(...lines: string[]) {
  return interfacesCheck.extract(walk(...lines), CTX).interfaces;
}

function row(ifIndex: number, ...lines: string[]) {
  const found = rows(...lines).find((r) => r.ifIndex === ifIndex);
  if (found === undefined) throw new Error(`no row ${ifIndex}`);
  return found;
}

describe('interfaces: rows (J1)', () => {
  it('makes one row per ifIndex seen in any column of either table, ascending', () => {
    const out = rows(
      `${IF}.2.10|4|GE1`,
      `${IF}.2.2|4|GE2`,
      `${IFX}.1.7|4|Vlanif7`,
      `${IFX}.18.2|4|uplink`,
    );
    expect(out.map((r) => r.ifIndex)).toEqual([2, 7, 10]);
    const seven = out[1];
    expect(seven?.ifName).toBe('Vlanif7');
    expect(seven?.ifDescr).toBeNull();
    expect(seven?.ifType).toBeNull();
    expect(seven?.ifSpeedMbps).toBeNull();
    expect(seven?.inOctets).toBeNull();
    expect(seven?.octetsAre64bit).toBe(false);
    expect(out[0]?.ifAlias).toBe('uplink');
  });

  it('gives no rows for a device without IF-MIB', () => {
    expect(rows('1.3.6.1.2.1.1.5.0|4|x')).toEqual([]);
  });

  it('reads nothing it did not plan: the system group stays out', () => {
    const ws = walk(`${IF}.2.1|4|GE1`, '1.3.6.1.2.1.1.5.0|4|x');
    expect(ws.scalar('1.3.6.1.2.1.1.5.0')).toBeUndefined();
  });

  it('produces rows the report schema accepts', () => {
    const out = rows(
      `${IF}.2.1|4|GE1`,
      `${IF}.3.1|2|6`,
      `${IF}.5.1|66|1000000000`,
      `${IF}.6.1|4x|00E0FC123456`,
      `${IF}.7.1|2|1`,
      `${IF}.8.1|2|2`,
      `${IF}.9.1|67|1234`,
      `${IF}.10.1|65|5`,
      `${IF}.16.1|65|6`,
      `${IFX}.19.1|67|99`,
    );
    for (const r of out) expect(() => interfaceSchema.parse(r)).not.toThrow();
    expect(out[0]?.ifLastChange).toBe(1234);
    expect(out[0]?.ifCounterDiscontinuityTime).toBe(99);
  });
});

describe('interfaces: speed (J2)', () => {
  it('uses ifHighSpeed when present, even 0', () => {
    const r = row(1, `${IF}.5.1|66|1000000000`, `${IFX}.15.1|66|0`);
    expect(r.ifSpeedMbps).toBe(0);
    expect(r.ifSpeed).toBe(1000000000);
    expect(r.ifHighSpeed).toBe(0);
  });

  it('falls back to ifSpeed / 10^6, keeping fractions and whole numbers', () => {
    expect(row(1, `${IF}.5.1|66|4294967295`).ifSpeedMbps).toBe(4294.967295);
    expect(row(1, `${IF}.5.1|66|1000000000`).ifSpeedMbps).toBe(1000);
    expect(Number.isInteger(row(1, `${IF}.5.1|66|1000000000`).ifSpeedMbps)).toBe(true);
    expect(row(1, `${IF}.5.1|66|1500000`).ifSpeedMbps).toBe(1.5);
    expect(row(1, `${IF}.2.1|4|x`).ifSpeedMbps).toBeNull();
  });

  it('flags an ifHighSpeed sent in bit/s without changing the speed', () => {
    const r = row(1, `${IFX}.15.1|66|100000000000`);
    expect(r.ifSpeedMbps).toBe(100000000000);
    expect(r.speedSuspect).toMatch(/bit\/s/);
    expect(suspectSpeed(10_000_000, 10_000_000)).toMatch(/bit\/s/);
    expect(suspectSpeed(1_000_000_000, 1000)).toBeNull();
    expect(suspectSpeed(4_294_967_295, 10_000)).toBeNull();
    expect(suspectSpeed(null, 10_000_000)).toBeNull();
    expect(suspectSpeed(null, null)).toBeNull();
    expect(row(1, `${IFX}.15.1|66|10000`).speedSuspect).toBeNull();
  });

  it('computes J2 directly', () => {
    expect(computeSpeedMbps(null, null)).toBeNull();
    expect(computeSpeedMbps(10_000_000, null)).toBe(10);
    expect(computeSpeedMbps(10_000_000, 100)).toBe(100);
  });
});

describe('interfaces: status, type and address (J3)', () => {
  it('names the IF-MIB statuses and keeps unknown numbers', () => {
    const names = [1, 2, 3, 4, 5, 6, 7].map(nameStatus);
    expect(names).toEqual([
      'up',
      'down',
      'testing',
      'unknown',
      'dormant',
      'notPresent',
      'lowerLayerDown',
    ]);
    expect(nameStatus(9)).toBe(9);
    expect(nameStatus(0)).toBe(0);
    expect(nameStatus(undefined)).toBeNull();
    const r = row(3, `${IF}.7.3|2|1`, `${IF}.8.3|2|7`);
    expect([r.ifAdminStatus, r.ifOperStatus]).toEqual(['up', 'lowerLayerDown']);
  });

  it('names IANAifType numbers and returns null for unknown ones', () => {
    expect(nameIfType(6)).toBe('ethernetCsmacd');
    expect(nameIfType(24)).toBe('softwareLoopback');
    expect(nameIfType(161)).toBe('ieee8023adLag');
    expect(nameIfType(136)).toBe('l3ipvlan');
    expect(nameIfType(99999)).toBeNull();
    expect(nameIfType(null)).toBeNull();
    expect(row(1, `${IF}.3.1|2|53`).ifTypeName).toBe('propVirtual');
    expect(row(1, `${IF}.3.1|2|4242`).ifTypeName).toBeNull();
  });

  it('writes ifPhysAddress as lower-case colon hex, null when empty', () => {
    expect(row(1, `${IF}.6.1|4x|00E0FCABCDEF`).ifPhysAddress).toBe('00:e0:fc:ab:cd:ef');
    expect(row(1, `${IF}.6.1|4x|`).ifPhysAddress).toBeNull();
    expect(row(1, `${IF}.2.1|4|x`).ifPhysAddress).toBeNull();
  });
});

describe('interfaces: counters (J4)', () => {
  it('uses the 64-bit counters when the row has ifHCInOctets', () => {
    const r = row(
      1,
      `${IF}.10.1|65|4294967295`,
      `${IF}.16.1|65|7`,
      `${IFX}.6.1|70|8589934592`,
      `${IFX}.10.1|70|12`,
    );
    expect(r).toMatchObject({ inOctets: '8589934592', outOctets: '12', octetsAre64bit: true });
  });

  it('uses the 32-bit counters otherwise', () => {
    const r = row(1, `${IF}.10.1|65|4294967295`, `${IF}.16.1|65|7`);
    expect(r).toMatchObject({ inOctets: '4294967295', outOctets: '7', octetsAre64bit: false });
  });

  it('keeps Counter64 values above 2^53 exact', () => {
    const r = row(1, `${IFX}.6.1|70|9007199254740993`, `${IFX}.10.1|70|18446744073709551615`);
    expect(r.inOctets).toBe('9007199254740993');
    expect(r.outOctets).toBe('18446744073709551615');
  });

  it('leaves a missing 64-bit out counter null rather than mixing widths', () => {
    const r = row(1, `${IFX}.6.1|70|5`, `${IF}.16.1|65|7`);
    expect(r).toMatchObject({ inOctets: '5', outOctets: null, octetsAre64bit: true });
  });
});

describe('interfaces: text (J5)', () => {
  it('decodes UTF-8 and GB18030 ifAlias and keeps leading spaces', () => {
    const utf8 = Buffer.from('教学楼-3F 上联').toString('hex');
    const gbk = Buffer.from([0xbd, 0xcc, 0xd1, 0xa7, 0xc2, 0xa5]).toString('hex');
    const out = rows(`${IFX}.18.1|4x|${utf8}`, `${IFX}.18.2|4x|${gbk}`, `${IFX}.18.3|4| to core`);
    expect(out.map((r) => r.ifAlias)).toEqual(['教学楼-3F 上联', '教学楼', ' to core']);
  });

  it('drops trailing NULs and keeps an empty alias as an empty string', () => {
    const out = rows(`${IFX}.1.1|4x|4745300000`, `${IFX}.18.1|4|`);
    expect(out[0]?.ifName).toBe('GE0');
    expect(out[0]?.ifAlias).toBe('');
  });
});
