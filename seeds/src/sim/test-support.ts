/**
 * Helpers for the simulator's own tests: a bare UDP client that talks only to 127.0.0.1 and a
 * synthetic walk covering every value type. Not exported from the package.
 */
import dgram from 'node:dgram';
import type { Varbind } from '@xiaowang/shared/varbind';
import { decodeMessage, encodeMessage } from './ber.ts';
import type { PduType, SnmpMessage, SnmpVersion } from './ber.ts';

export interface RequestSpec {
  readonly version?: SnmpVersion;
  readonly community?: string;
  readonly type?: PduType;
  readonly requestId?: number;
  readonly oids: readonly string[];
  readonly nonRepeaters?: number;
  readonly maxRepetitions?: number;
}

export function buildRequest(spec: RequestSpec): Buffer {
  const bulk = spec.type === 'GetBulkRequest';
  return encodeMessage({
    version: spec.version ?? 1,
    community: Buffer.from(spec.community ?? 'public', 'utf8'),
    pdu: {
      type: spec.type ?? 'GetRequest',
      requestId: spec.requestId ?? 4242,
      errorStatus: bulk ? (spec.nonRepeaters ?? 0) : 0,
      errorIndex: bulk ? (spec.maxRepetitions ?? 10) : 0,
      varbinds: spec.oids.map((oid) => ({ oid, type: 'Null', value: null })),
    },
  });
}

/** Sends one datagram to 127.0.0.1:port; resolves with the first reply or undefined on timeout. */
export async function exchange(
  port: number,
  bytes: Uint8Array,
  timeoutMs = 400,
): Promise<Buffer | undefined> {
  const socket = dgram.createSocket('udp4');
  try {
    return await new Promise<Buffer | undefined>((resolve, reject) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      socket.once('message', (msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => socket.send(bytes, port, '127.0.0.1'));
    });
  } finally {
    socket.close();
  }
}

/** exchange + decode; throws when the reply is not valid BER. */
export async function ask(
  port: number,
  spec: RequestSpec,
  timeoutMs?: number,
): Promise<SnmpMessage | undefined> {
  const reply = await exchange(port, buildRequest(spec), timeoutMs);
  if (reply === undefined) return undefined;
  const decoded = decodeMessage(reply);
  if (!decoded.ok) throw decoded.error;
  return decoded.message;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));

/** "学校交换机" etc. in GB18030, hard-coded because TextEncoder only writes UTF-8. */
export const GB18030 = {
  school: hex('d1a7d0a3'),
  switchName: hex('bdbbbbbbbbfa'),
  building: hex('bdccd1a7c2a5c8fdb2e3'),
  bureau: hex('cfd8bdccd3fdbed6'),
} as const;

const MAX_U64 = 2n ** 64n - 1n;

/**
 * About 2,000 OIDs in the shape of a school switch: every value type, Counter64 near 2^64,
 * Chinese text in UTF-8 and GB18030, negative Integers, sub-ids above 127 and 2^32-1.
 */
export function makeSyntheticWalk(ports = 200): Varbind[] {
  const out: Varbind[] = [
    { oid: '1.0.8802.1.1.2.1.4.1.1.9.0.3.1', type: 'OctetString', value: utf8('core-sw') },
    { oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: utf8('教学楼 接入交换机 S5720') },
    { oid: '1.3.6.1.2.1.1.2.0', type: 'ObjectIdentifier', value: '1.3.6.1.4.1.2011.2.23.372' },
    { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 4294967295 },
    { oid: '1.3.6.1.2.1.1.4.0', type: 'OctetString', value: new Uint8Array(0) },
    { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: GB18030.switchName },
    { oid: '1.3.6.1.2.1.1.6.0', type: 'OctetString', value: GB18030.building },
    { oid: '1.3.6.1.2.1.1.7.0', type: 'Integer', value: 2147483647 },
  ];
  for (let i = 1; i <= ports; i++) {
    const alias = i % 3 === 0 ? GB18030.school : i % 3 === 1 ? utf8(`${i}号教室`) : utf8('');
    out.push(
      { oid: `1.3.6.1.2.1.2.2.1.1.${i}`, type: 'Integer', value: i },
      { oid: `1.3.6.1.2.1.2.2.1.2.${i}`, type: 'OctetString', value: utf8(`GE0/0/${i}`) },
      { oid: `1.3.6.1.2.1.2.2.1.5.${i}`, type: 'Gauge32', value: i % 2 === 0 ? 4294967295 : 1e9 },
      { oid: `1.3.6.1.2.1.2.2.1.10.${i}`, type: 'Counter32', value: 4294967295 - i },
      {
        oid: `1.3.6.1.2.1.4.20.1.1.10.${i >> 8}.${i & 255}.1`,
        type: 'IpAddress',
        value: `10.${i >> 8}.${i & 255}.1`,
      },
      {
        oid: `1.3.6.1.2.1.31.1.1.1.1.${i}`,
        type: 'OctetString',
        value: utf8(`GigabitEthernet0/0/${i}`),
      },
      { oid: `1.3.6.1.2.1.31.1.1.1.6.${i}`, type: 'Counter64', value: MAX_U64 - BigInt(i * 1000) },
      { oid: `1.3.6.1.2.1.31.1.1.1.18.${i}`, type: 'OctetString', value: alias },
      { oid: `1.3.6.1.2.1.47.1.1.1.1.6.${i}`, type: 'Integer', value: -i },
      {
        oid: `1.3.6.1.4.1.2011.5.25.31.1.1.1.1.${i}.4294967295`,
        type: 'ObjectIdentifier',
        value: `1.3.6.1.4.1.${i * 1000}.200.4294967295`,
      },
    );
  }
  out.push(
    { oid: '1.3.6.1.4.1.25506.2.75.2.1.1.1.2.1', type: 'Counter64', value: MAX_U64 },
    { oid: '1.3.6.1.4.1.25506.2.75.2.1.1.1.3.1', type: 'Opaque', value: hex('0102ff') },
    { oid: '1.3.6.1.4.1.25506.2.75.2.1.1.1.4.1', type: 'Null', value: null },
    { oid: '1.3.6.1.4.1.25506.2.75.2.1.1.1.5.1', type: 'OctetString', value: GB18030.bureau },
  );
  return out;
}
