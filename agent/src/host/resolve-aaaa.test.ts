import { describe, expect, it } from 'vitest';
import { ipv6Nameservers } from './resolve-aaaa.ts';

describe('ipv6Nameservers', () => {
  it('keeps the IPv6 nameserver lines only, in order, with zones', () => {
    const conf = [
      '# generated',
      'nameserver 10.255.255.53',
      'nameserver 2400:3200::1',
      '  nameserver fe80::1%eth0',
      'search school.local',
      'nameserver not-an-address',
      '#nameserver 2001:db8::53',
    ].join('\n');
    expect(ipv6Nameservers(conf)).toEqual(['2400:3200::1', 'fe80::1%eth0']);
  });

  it('finds none in an IPv4-only file', () => {
    expect(ipv6Nameservers('nameserver 10.255.255.53\n')).toEqual([]);
  });
});
