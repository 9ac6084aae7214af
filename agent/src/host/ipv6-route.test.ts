import { describe, expect, it } from 'vitest';
import { findDefaultRoute } from './ipv6-route.ts';

const Z = '00000000000000000000000000000000';
const row = (dest: string, prefix: string, hop: string, flags: string, dev: string): string =>
  `${dest} ${prefix} ${Z} 00 ${hop} 00000400 00000002 00000000 ${flags}     ${dev}`;

// A real table: a ULA on-link route, a default via fd00::1, and the kernel's reject route on lo.
const REAL = [
  row('fd000000000000000000000000000000', '40', Z, '00000001', 'eth0'),
  row(Z, '00', 'fd000000000000000000000000000001', '00000003', 'eth0'),
  row('00000000000000000000000000000001', '80', Z, '80200001', 'lo'),
  row(Z, '00', Z, '00200200', 'lo'),
].join('\n');

describe('findDefaultRoute', () => {
  it.each([
    ['default via a gateway', REAL, true, 'IPv6 default route via fd00::1 on eth0'],
    [
      'on-link default (no next hop)',
      row(Z, '00', Z, '00000001', 'ppp0'),
      true,
      'IPv6 default route on ppp0',
    ],
    [
      'only the reject route on lo',
      row(Z, '00', Z, '00200200', 'lo'),
      false,
      'no IPv6 default route (ignored 1 loopback/reject route(s))',
    ],
    [
      'a reject default on eth0',
      row(Z, '00', Z, '00000201', 'eth0'),
      false,
      'no IPv6 default route (ignored 1 loopback/reject route(s))',
    ],
    [
      'a /0 that is not :: is no default',
      row('20010db8000000000000000000000000', '00', Z, '00000001', 'eth0'),
      false,
      'no IPv6 default route',
    ],
    ['an empty file', '', false, 'no IPv6 default route'],
    ['garbage lines', 'not a route table\n1 2 3', false, 'no IPv6 default route'],
  ])('%s', (_name, text, found, tried) => {
    expect(findDefaultRoute(text)).toEqual({ found, tried });
  });
});
