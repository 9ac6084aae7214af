import type { Varbind } from '../../snmp/varbind.ts';
import type { WalkSet } from '../../snmp/walk-set.ts';
import { walkSetFromVarbinds } from '../../testing/walk-set-from-varbinds.ts';
import type { WalkPlan } from '../check.ts';

/** Builders for the synthetic varbind sets of the wireless unit tests (no fixture content). */
export const int = (oid: string, value: number): Varbind => ({ oid, type: 'Integer', value });
export const gauge = (oid: string, value: number): Varbind => ({ oid, type: 'Gauge32', value });
export const utf8 = (oid: string, value: string): Varbind => ({
  oid,
  type: 'OctetString',
  value: new TextEncoder().encode(value),
});
export const hexOctets = (oid: string, hex: string): Varbind => ({
  oid,
  type: 'OctetString',
  value: Uint8Array.from(Buffer.from(hex, 'hex')),
});

/** GB18030 bytes of the Chinese names used in the tests (Node has no GB18030 encoder). */
export const GB18030 = {
  '河西村小-1F-101': 'bad3cef7b4e5d0a12d31462d313031',
  '实验幼儿园-中一班': 'cab5d1e9d3d7b6f9d4b02dd6d0d2bbb0e0',
  新华小学: 'd0c2bbaad0a1d1a7',
} as const;

/** `aa:bb:…` as six index sub-identifiers. */
export function macSubIds(mac: string): string {
  return mac
    .split(':')
    .map((h) => parseInt(h, 16))
    .join('.');
}

/** `len.<bytes>` index of a string, from UTF-8 text or raw bytes. */
export function stringIndex(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return [bytes.length, ...bytes].join('.');
}

/** What a poll following `plan` would hold: a test can only read what its vendor asked for. */
export function polled(plan: WalkPlan, varbinds: readonly Varbind[]): WalkSet {
  return walkSetFromVarbinds(varbinds, plan);
}
