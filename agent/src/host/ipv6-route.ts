import { formatIpv6 } from '../checks/ipv6-address.ts';

/** `/proc/net/ipv6_route` flags: RTF_REJECT marks an unreachable route, not a way out. */
const RTF_REJECT = 0x0200;
const ZERO = '0'.repeat(32);

export interface RouteFinding {
  readonly found: boolean;
  readonly tried: string;
}

function hexToAddress(hex: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
  return formatIpv6(bytes);
}

/**
 * Finds an IPv6 default route (destination ::, prefix 0) in the kernel's route table text,
 * ignoring loopback and reject routes, which exist on every Linux host.
 */
export function findDefaultRoute(text: string): RouteFinding {
  let rejected = 0;
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [dest, prefix, , , nextHop = ZERO, , , , flagsHex = '0', device = ''] = fields;
    if (dest !== ZERO || prefix !== '00') continue;
    const flags = parseInt(flagsHex, 16);
    if (device === 'lo' || (flags & RTF_REJECT) !== 0) {
      rejected++;
      continue;
    }
    const via = nextHop === ZERO ? '' : ` via ${hexToAddress(nextHop)}`;
    return { found: true, tried: `IPv6 default route${via} on ${device}` };
  }
  const note = rejected > 0 ? ` (ignored ${rejected} loopback/reject route(s))` : '';
  return { found: false, tried: `no IPv6 default route${note}` };
}
