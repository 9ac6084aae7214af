import * as z from 'zod';

/**
 * Counter64 values travel as decimal strings: a JavaScript number loses precision above
 * 2^53, and ruijie's ifHCInOctets is already at 73 % of that.
 */
export const COUNTER64_MAX = 2n ** 64n - 1n;

export const counter64String = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,19})$/, 'expected a decimal string of an unsigned 64-bit counter')
  // Only 20 digits can exceed 2^64-1 (20 digits long): shorter text needs no BigInt, which
  // every counter of every report paid for in the agent and again in the collector. zod
  // runs refinements even after the regex failed, so guard before BigInt() can throw.
  .refine(
    (s) => s.length < 20 || !/^\d+$/.test(s) || BigInt(s) <= COUNTER64_MAX,
    'value exceeds 2^64-1',
  );

export type Counter64String = z.infer<typeof counter64String>;

export function counterToString(value: bigint | number): Counter64String {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  if (big < 0n || big > COUNTER64_MAX) {
    throw new RangeError(`counter out of range: expected 0..2^64-1, got ${big}`);
  }
  return big.toString(10);
}

export function counterFromString(value: Counter64String): bigint {
  return BigInt(value);
}

/** Big-endian bytes of any length (net-snmp gives 1–9 bytes) to an unsigned bigint. */
export function counterFromBytes(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}
