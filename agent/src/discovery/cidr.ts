import { isIPv4 } from 'node:net';
import { formatIpv6, parseIpv6Text } from '../checks/ipv6-address.ts';

/** A subnet as its network bytes (host bits cleared) and prefix length. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly network: readonly number[];
  readonly prefix: number;
  readonly text: string;
}

function parseIpv4Bytes(text: string): number[] | undefined {
  return isIPv4(text) ? text.split('.').map(Number) : undefined;
}

/** IPv4 or IPv6 address text as bytes; zone ids (`%eth0`) are not accepted. */
export function parseAddress(text: string): { family: 4 | 6; bytes: number[] } | undefined {
  const v4 = parseIpv4Bytes(text);
  if (v4 !== undefined) return { family: 4, bytes: v4 };
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6Text(text);
  return v6 === undefined ? undefined : { family: 6, bytes: v6 };
}

function maskBytes(bytes: readonly number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
}

/** Parses `10.20.0.0/16` or `2001:db8::/32`; host bits given by mistake are cleared. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^\d{1,3}$/.test(text.slice(slash + 1))) return undefined;
  const address = parseAddress(text.slice(0, slash));
  const prefix = Number(text.slice(slash + 1));
  if (address === undefined || prefix > address.bytes.length * 8) return undefined;
  const network = maskBytes(address.bytes, prefix);
  return { family: address.family, network, prefix, text };
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as its IPv4 bytes, so v4 subnets match it. */
function unmapIpv4(bytes: readonly number[]): number[] | undefined {
  const mapped = bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0);
  return mapped && bytes[10] === 0xff && bytes[11] === 0xff ? bytes.slice(12) : undefined;
}

/** True when `address` lies inside `cidr`; false for bad text or another family. */
export function contains(cidr: Cidr | string, address: string): boolean {
  const net = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const parsed = parseAddress(address);
  if (net === undefined || parsed === undefined) return false;
  const bytes = net.family === 4 && parsed.family === 6 ? unmapIpv4(parsed.bytes) : parsed.bytes;
  if (bytes === undefined || bytes.length !== net.network.length) return false;
  const masked = maskBytes(bytes, net.prefix);
  return masked.every((b, i) => b === net.network[i]);
}

export function containedInAny(cidrs: readonly string[], address: string): boolean {
  return cidrs.some((c) => contains(c, address));
}

function ipv4ToNumber(bytes: readonly number[]): number {
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * Host addresses of an IPv4 subnet in order, at most `limit` of them. The network and
 * broadcast addresses are skipped, except in /31 and /32 where every address is a host.
 */
export function* ipv4Hosts(cidr: Cidr, limit: number): Generator<string> {
  if (cidr.family !== 4) return;
  const size = 2 ** (32 - cidr.prefix);
  const first = ipv4ToNumber(cidr.network);
  const skipEnds = cidr.prefix < 31;
  const start = skipEnds ? first + 1 : first;
  const end = skipEnds ? first + size - 2 : first + size - 1;
  for (let n = start, given = 0; n <= end && given < limit; n++, given++) {
    yield numberToIpv4(n);
  }
}

/** One spelling per address (`2001:DB8::1` and `2001:db8:0::1` agree); names are lower-cased. */
export function canonicalHost(host: string): string {
  const parsed = parseAddress(host);
  if (parsed === undefined) return host.toLowerCase();
  return parsed.family === 4 ? parsed.bytes.join('.') : formatIpv6(parsed.bytes);
}
