import { describe, expect, it } from 'vitest';
import { canonicalHost, contains, ipv4Hosts, parseCidr } from './cidr.ts';

function hosts(text: string, limit = 1000): string[] {
  const cidr = parseCidr(text);
  if (cidr === undefined) throw new Error(`bad test subnet ${text}`);
  return [...ipv4Hosts(cidr, limit)];
}

describe('parseCidr', () => {
  it.each([
    ['10.20.0.0/16', 4, [10, 20, 0, 0], 16],
    ['10.20.3.7/16', 4, [10, 20, 0, 0], 16],
    ['192.168.1.128/25', 4, [192, 168, 1, 128], 25],
    ['0.0.0.0/0', 4, [0, 0, 0, 0], 0],
    ['172.16.5.9/32', 4, [172, 16, 5, 9], 32],
    ['2001:db8:12::/48', 6, [0x20, 0x01, 0x0d, 0xb8, 0, 0x12, ...Array<number>(10).fill(0)], 48],
    ['fd00::1/8', 6, [0xfd, ...Array<number>(15).fill(0)], 8],
  ])('%s', (text, family, network, prefix) => {
    expect(parseCidr(text)).toEqual({ family, network, prefix, text });
  });

  it.each([
    '10.20.0.0',
    '10.20.0.0/33',
    '10.20.0/16',
    '10.20.0.256/24',
    '2001:db8::/129',
    'school/24',
    '10.0.0.0/-1',
    '10.0.0.0/ 8',
    '',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('contains', () => {
  it.each([
    ['10.20.0.0/16', '10.20.255.254', true],
    ['10.20.0.0/16', '10.21.0.1', false],
    ['10.20.0.0/16', '10.19.255.255', false],
    ['192.168.1.128/25', '192.168.1.127', false],
    ['192.168.1.128/25', '192.168.1.128', true],
    ['192.168.1.128/25', '192.168.1.255', true],
    ['172.16.5.9/32', '172.16.5.9', true],
    ['172.16.5.9/32', '172.16.5.10', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['10.20.0.0/16', '::ffff:10.20.1.1', true],
    ['10.20.0.0/16', '::ffff:10.21.1.1', false],
    ['10.20.0.0/16', '2001:db8::1', false],
    ['2001:db8:12::/48', '2001:DB8:12:ff::1', true],
    ['2001:db8:12::/48', '2001:db8:13::1', false],
    ['2001:db8:12::/48', '10.20.0.1', false],
    ['fe80::/10', 'febf::1', true],
    ['fe80::/10', 'fec0::1', false],
    ['10.20.0.0/16', 'core.school.local', false],
    ['10.20.0.0/16', '10.20.0.1.5', false],
    ['not-a-subnet', '10.20.0.1', false],
  ])('%s contains %s: %s', (cidr, address, expected) => {
    expect(contains(cidr, address)).toBe(expected);
  });
});

describe('ipv4Hosts', () => {
  it.each([
    ['127.0.0.0/30', ['127.0.0.1', '127.0.0.2']],
    ['10.0.0.0/29', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']],
    ['10.0.0.4/31', ['10.0.0.4', '10.0.0.5']],
    ['10.0.0.7/32', ['10.0.0.7']],
    ['10.0.0.9/30', ['10.0.0.9', '10.0.0.10']],
    ['10.0.0.255/23', ['10.0.0.1', '10.0.0.2', '10.0.0.3']],
  ])('%s', (text, expected) => {
    expect(hosts(text, 3)).toEqual(expected.slice(0, 3));
  });

  it('crosses octet boundaries and stops before the broadcast address', () => {
    const all = hosts('10.1.0.0/23');
    expect(all).toHaveLength(510);
    expect(all.slice(254, 257)).toEqual(['10.1.0.255', '10.1.1.0', '10.1.1.1']);
    expect(all.at(-1)).toBe('10.1.1.254');
  });

  it('is bounded, even for a /0, and yields nothing for IPv6', () => {
    expect(hosts('0.0.0.0/0', 2)).toEqual(['0.0.0.1', '0.0.0.2']);
    expect(hosts('10.0.0.0/8', 0)).toEqual([]);
    const v6 = parseCidr('2001:db8::/126');
    expect(v6 && [...ipv4Hosts(v6, 10)]).toEqual([]);
  });
});

describe('canonicalHost', () => {
  it.each([
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['10.20.0.1', '10.20.0.1'],
    ['Core.School', 'core.school'],
  ])('%s → %s', (text, expected) => {
    expect(canonicalHost(text)).toBe(expected);
  });
});
