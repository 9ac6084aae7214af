import { encodeMessageWith, encodeVarbind } from '@xiaowang/seeds';
import type { Varbind } from '@xiaowang/shared/varbind';
import { decodeMessage, SPAN } from '../snmp/ber.ts';
import { compareOids } from '../snmp/oid.ts';
import { PackedVarbinds } from '../snmp/packed-varbinds.ts';

/**
 * `varbinds` as a GETBULK walk would hold them: encoded into response datagrams of at most
 * `perDatagram` values, decoded by our decoder, in OID order, each OID once.
 */
export function packVarbinds(varbinds: readonly Varbind[], perDatagram = 64): PackedVarbinds {
  const sorted = [...varbinds].sort((a, b) => compareOids(a.oid, b.oid));
  const unique = sorted.filter((vb, i) => i === 0 || sorted[i - 1]?.oid !== vb.oid);
  const packed = new PackedVarbinds();
  for (let from = 0; from < unique.length; from += perDatagram) {
    const datagram = encodeMessageWith(
      {
        version: 1,
        community: Buffer.from('public'),
        pduType: 'GetResponse',
        requestId: 1,
        errorStatus: 0,
        errorIndex: 0,
      },
      unique.slice(from, from + perDatagram).map((vb) => encodeVarbind(vb.oid, vb)),
    );
    const { buf, spans, count } = decodeMessage(datagram);
    for (let i = 0; i < count; i++) {
      const at = SPAN * i;
      packed.push(buf, spans[at] ?? 0, spans[at + 1] ?? 0, spans[at + 2] ?? 0, spans[at + 3] ?? 0);
    }
  }
  return packed;
}
