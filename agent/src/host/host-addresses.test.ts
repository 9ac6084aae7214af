import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { findGlobalIpv6 } from './host-addresses.ts';

function v6(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    netmask: 'ffff:ffff:ffff:ffff::',
    family: 'IPv6',
    mac: '02:00:00:00:00:01',
    internal,
    cidr: `${address}/64`,
    scopeid: 0,
  };
}

const v4: NetworkInterfaceInfo = {
  address: '10.0.0.2',
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '02:00:00:00:00:01',
  internal: false,
  cidr: '10.0.0.2/24',
};

describe('findGlobalIpv6', () => {
  it.each([
    [
      'a global address',
      { eth0: [v4, v6('fe80::1'), v6('2001:da8:1::5')] },
      true,
      'global IPv6 address on eth0: 2001:da8:1::5',
    ],
    [
      'link-local and ULA only',
      { eth0: [v6('fe80::1'), v6('fd00::2')] },
      false,
      'no global IPv6 address on this host: eth0 has fe80::1, fd00::2 only',
    ],
    [
      'IPv4 only',
      { eth0: [v4] },
      false,
      'no global IPv6 address on this host: no IPv6 address apart from loopback',
    ],
    [
      'loopback ignored even if global-looking',
      { lo: [v6('2001:db8::1', true)] },
      false,
      'no global IPv6 address on this host: no IPv6 address apart from loopback',
    ],
    [
      'internal flag ignored on other names',
      { dummy0: [v6('2001:db8::1', true)] },
      false,
      'no global IPv6 address on this host: no IPv6 address apart from loopback',
    ],
    [
      'several interfaces',
      { eth0: [v6('fe80::1')], eth1: [v4], wlan0: [v6('fd00::9')] },
      false,
      'no global IPv6 address on this host: eth0 has fe80::1; wlan0 has fd00::9 only',
    ],
    [
      'zone suffix tolerated',
      { wlan0: [v6('fe80::1%wlan0')] },
      false,
      'no global IPv6 address on this host: wlan0 has fe80::1%wlan0 only',
    ],
  ])('%s', (_name, table, found, tried) => {
    expect(findGlobalIpv6(table)).toEqual({ found, tried });
  });
});
