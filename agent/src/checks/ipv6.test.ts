import { describe, expect, it } from 'vitest';
import { ipv6AddressSchema } from '@xiaowang/shared';
import { parseSnmprec } from '@xiaowang/seeds';
import { walkSetFromVarbinds } from '../testing/walk-set-from-varbinds.ts';
import type { PollContext } from './check.ts';
import { decodeIpAddressIndex, extractIpv6, ipv6Check, readPrefixPointer } from './ipv6.ts';

const CTX: PollContext = { sysObjectID: null, enterprise: null, sysDescr: null };
const IPA = '1.3.6.1.2.1.4.34.1';
const PFX = '1.3.6.1.2.1.4.32.1';
const V6 = '1.3.6.1.2.1.55.1.8.1';

// Index octets of a few invented addresses.
const GLOBAL = '32.1.13.184.0.1.0.0.0.0.0.0.0.0.0.1'; // 2001:db8:1::1
const GLOBAL_FULL = '2001:0db8:0001:0000:0000:0000:0000:0001';
const LINK = '254.128.0.0.0.0.0.0.2.17.34.255.254.51.68.85'; // fe80::211:22ff:fe33:4455
const ULA = '253.0.0.0.0.0.0.0.0.0.0.0.0.0.0.9'; // fd00::9

function extract(...lines: string[]) {
  const { varbinds } = parseSnmprec(lines.join('\n'));
  return extractIpv6(walkSetFromVarbinds(varbinds, ipv6Check.plan(CTX)));
}

const ascii = (text: string): string => [...text].map((c) => c.charCodeAt(0)).join('.');

describe('ipv6: ipAddressTable (J6, J7)', () => {
  it('reads an ipv6 row with its prefix pointer and status', () => {
    const { addresses, notes } = extract(
      `${IPA}.3.2.16.${GLOBAL}|2|12`,
      `${IPA}.4.2.16.${GLOBAL}|2|1`,
      `${IPA}.5.2.16.${GLOBAL}|6|${PFX}.5.12.2.16.32.1.13.184.0.1.0.0.0.0.0.0.0.0.0.0.48`,
      `${IPA}.7.2.16.${GLOBAL}|2|1`,
    );
    expect(notes).toEqual([]);
    expect(addresses).toEqual([
      {
        ifIndex: 12,
        address: '2001:db8:1::1',
        addressFull: GLOBAL_FULL,
        prefixLength: 48,
        type: 'global',
        source: 'ipAddressTable',
        ipAddressStatus: 1,
      },
    ]);
    for (const a of addresses) expect(() => ipv6AddressSchema.parse(a)).not.toThrow();
  });

  it('leaves ipAddressStatus out when the walk lacks that column', () => {
    const { addresses } = extract(`${IPA}.3.2.16.${GLOBAL}|2|12`);
    expect(addresses[0]).not.toHaveProperty('ipAddressStatus');
    expect(addresses[0]?.prefixLength).toBeNull();
  });

  it('reads the zone of an ipv6z row', () => {
    const { addresses } = extract(`${IPA}.3.4.20.${LINK}.0.0.1.2|2|7`);
    expect(addresses[0]).toMatchObject({
      ifIndex: 7,
      address: 'fe80::211:22ff:fe33:4455',
      type: 'linklocal',
      zone: 258,
    });
  });

  it('gives no length for a 0.0 pointer or one outside ipAddressPrefixTable', () => {
    expect(readPrefixPointer('0.0')).toBeNull();
    expect(readPrefixPointer('1.3.6.1.2.1.4.99.1.5.64')).toBeNull();
    expect(readPrefixPointer(undefined)).toBeNull();
    expect(readPrefixPointer(`${PFX}.5.1.2.16.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.128`)).toBe(128);
  });

  it('accepts an index without the length sub-id and flags it', () => {
    const { addresses } = extract(`${IPA}.3.2.${ULA}|2|3`);
    expect(addresses[0]).toMatchObject({ address: 'fd00::9', type: 'ula', ifIndex: 3 });
    expect(addresses[0]?.indexAnomaly).toMatch(/length/);
  });

  it('skips a sub-id above 255 or a length that does not fit, with a note', () => {
    const { addresses, notes } = extract(
      `${IPA}.3.2.16.32.1.13.184.0.1.0.0.0.0.0.0.0.0.0.256|2|3`,
      `${IPA}.3.2.4.10.0.0.1|2|4`,
    );
    expect(addresses).toEqual([]);
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => n.includes('.256'))).toMatch(/above 255/);
    expect(notes.find((n) => n.includes('2.4.10'))).toMatch(/length 4 does not match/);
  });

  it('does not walk ipv4 rows, which share the table', () => {
    const { subtrees } = ipv6Check.plan(CTX);
    const ipv4Row = `${IPA}.3.1.4.10.0.0.1`;
    expect(subtrees.some((s) => ipv4Row.startsWith(`${s}.`))).toBe(false);
    expect(extract(`${IPA}.3.1.4.10.0.0.1|2|1`).addresses).toEqual([]);
    expect('skip' in decodeIpAddressIndex([1, 4, 10, 0, 0, 1])).toBe(true);
  });
});

describe('ipv6: ipv6AddrTable fallback and merge (J6, J7)', () => {
  it('reads ipv6AddrTable rows with their prefix length', () => {
    const { addresses } = extract(`${V6}.2.5.${LINK}|2|64`, `${V6}.3.5.${LINK}|2|1`);
    expect(addresses).toEqual([
      {
        ifIndex: 5,
        address: 'fe80::211:22ff:fe33:4455',
        addressFull: 'fe80:0000:0000:0000:0211:22ff:fe33:4455',
        prefixLength: 64,
        type: 'linklocal',
        source: 'ipv6AddrTable',
      },
    ]);
  });

  it('merges the same address on the same ifIndex into one row from both tables', () => {
    const { addresses } = extract(
      `${IPA}.3.2.16.${GLOBAL}|2|12`,
      `${IPA}.5.2.16.${GLOBAL}|6|0.0`,
      `${V6}.2.12.${GLOBAL}|2|64`,
      `${V6}.2.13.${GLOBAL}|2|56`,
    );
    expect(addresses.map((a) => [a.ifIndex, a.source, a.prefixLength])).toEqual([
      [12, 'both', 64],
      [13, 'ipv6AddrTable', 56],
    ]);
  });

  it('keeps the pointer prefix over ipv6AddrPfxLength when merging', () => {
    const { addresses } = extract(
      `${IPA}.3.2.16.${GLOBAL}|2|12`,
      `${IPA}.5.2.16.${GLOBAL}|6|${PFX}.5.12.2.16.32.1.13.184.0.0.0.0.0.0.0.0.0.0.0.0.32`,
      `${V6}.2.12.${GLOBAL}|2|64`,
    );
    expect(addresses).toHaveLength(1);
    expect(addresses[0]?.prefixLength).toBe(32);
  });

  it('accepts an ASCII-text index, taking /len when the column is missing', () => {
    const text = ascii('2001:db8:1::1/64');
    const { addresses } = extract(`${V6}.3.3000.${text}|2|2`);
    expect(addresses[0]).toMatchObject({
      ifIndex: 3000,
      address: '2001:db8:1::1',
      prefixLength: 64,
      source: 'ipv6AddrTable',
      indexAnomaly: 'ipv6AddrTable index is ASCII text (agent bug)',
    });
    const withColumn = extract(`${V6}.2.3000.${text}|2|48`).addresses[0];
    expect(withColumn?.prefixLength).toBe(48);
  });

  it('reads a longer ASCII index, as the FS switch sends it, and one in ipAddressTable', () => {
    const text = ascii('2001:db8:abcd:12::34:5/64');
    expect(extract(`${V6}.2.7.${text}|2|64`).addresses[0]).toMatchObject({
      address: '2001:db8:abcd:12::34:5',
      addressFull: '2001:0db8:abcd:0012:0000:0000:0034:0005',
    });
    const plain = ascii('fd00::9');
    const ipMib = extract(`${IPA}.3.2.7.${plain}|2|4`).addresses[0];
    expect(ipMib).toMatchObject({ address: 'fd00::9', ifIndex: 4 });
    expect(ipMib?.indexAnomaly).toBe('ipAddressTable index is ASCII text (agent bug)');
  });

  it('skips an ipv6AddrTable index with a sub-id above 255', () => {
    const { addresses, notes } = extract(`${V6}.2.1.300.${ULA}|2|64`);
    expect(addresses).toEqual([]);
    expect(notes[0]).toMatch(/ipv6AddrTable row .* skipped/);
  });

  it('sorts by ifIndex, then the full address', () => {
    const { addresses } = extract(
      `${V6}.2.9.${LINK}|2|64`,
      `${V6}.2.2.${LINK}|2|64`,
      `${V6}.2.2.${GLOBAL}|2|64`,
      `${V6}.2.2.${ULA}|2|64`,
    );
    expect(addresses.map((a) => `${a.ifIndex} ${a.address}`)).toEqual([
      '2 2001:db8:1::1',
      '2 fd00::9',
      '2 fe80::211:22ff:fe33:4455',
      '9 fe80::211:22ff:fe33:4455',
    ]);
  });

  it('gives an empty list when neither table is there', () => {
    expect(extract('1.3.6.1.2.1.1.5.0|4|x')).toEqual({ addresses: [], notes: [] });
    const { varbinds } = parseSnmprec('');
    const ws = walkSetFromVarbinds(varbinds, ipv6Check.plan(CTX));
    expect(ipv6Check.extract(ws, CTX)).toEqual({ ipv6: [] });
  });
});
