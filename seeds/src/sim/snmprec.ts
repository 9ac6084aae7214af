import type { Varbind } from '@xiaowang/shared/varbind';

/**
 * The snmprec walk format (`OID|TAG|VALUE`, one variable a line), as snmpsim reads it.
 * Split on the first two `|` only: values may contain `|`. A line that is not of this
 * form is counted, not fatal; a duplicate OID keeps the last value.
 */
export interface SnmprecParse {
  readonly varbinds: Varbind[];
  readonly badLines: number[];
}

function bytesOf(value: string, suffix: string): Uint8Array {
  if (suffix === 'x') {
    const even = value.length % 2 === 1 ? `${value}0` : value;
    return Uint8Array.from(Buffer.from(even, 'hex'));
  }
  if (suffix === 'e') {
    const out: number[] = [];
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 92 && value[i + 1] === 'x') {
        out.push(parseInt(value.slice(i + 2, i + 4), 16));
        i += 3;
      } else out.push(c & 0xff);
    }
    return Uint8Array.from(out);
  }
  return Uint8Array.from(Buffer.from(value, 'latin1'));
}

function ipFromHex(hex: string): string {
  return Array.from(Buffer.from(hex, 'hex')).join('.');
}

export function parseSnmprecLine(line: string): Varbind | undefined {
  const a = line.indexOf('|');
  const b = a < 0 ? -1 : line.indexOf('|', a + 1);
  if (a <= 0 || b < 0) return undefined;
  const oid = line.slice(0, a).replace(/^\./, '');
  const tagText = line.slice(a + 1, b);
  const value = line.slice(b + 1);
  const match = /^(\d+)([xe]?)$/.exec(tagText);
  if (match === null || !/^\d+(\.\d+)*$/.test(oid)) return undefined;
  const tag = Number(match[1]);
  const suffix = match[2] ?? '';
  switch (tag) {
    case 2:
      return { oid, type: 'Integer', value: Number(value) };
    case 4:
      return { oid, type: 'OctetString', value: bytesOf(value, suffix) };
    case 68:
      return { oid, type: 'Opaque', value: bytesOf(value, suffix) };
    case 5:
      return { oid, type: 'Null', value: null };
    case 6:
      return { oid, type: 'ObjectIdentifier', value: value.replace(/^\./, '') };
    case 64:
      return { oid, type: 'IpAddress', value: suffix === 'x' ? ipFromHex(value) : value };
    case 65:
      return { oid, type: 'Counter32', value: Number(value) };
    case 66:
      return { oid, type: 'Gauge32', value: Number(value) };
    case 67:
      return { oid, type: 'TimeTicks', value: Number(value) };
    case 70:
      return { oid, type: 'Counter64', value: BigInt(value) };
    default:
      return undefined;
  }
}

export function parseSnmprec(text: string): SnmprecParse {
  const byOid = new Map<string, Varbind>();
  const badLines: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    // snmpsim strips each whole line, so trailing spaces of a value are not served.
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const vb = parseSnmprecLine(line);
    if (vb === undefined) badLines.push(i + 1);
    else byOid.set(vb.oid, vb);
  });
  return { varbinds: [...byOid.values()], badLines };
}

/** Writes varbinds back as snmprec text (strings as hex, so any bytes survive). */
export function formatSnmprec(varbinds: readonly Varbind[]): string {
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
  return (
    varbinds
      .map((vb) => {
        switch (vb.type) {
          case 'Integer':
            return `${vb.oid}|2|${vb.value}`;
          case 'OctetString':
            return `${vb.oid}|4x|${hex(vb.value)}`;
          case 'Opaque':
            return `${vb.oid}|68x|${hex(vb.value)}`;
          case 'Null':
            return `${vb.oid}|5|`;
          case 'ObjectIdentifier':
            return `${vb.oid}|6|${vb.value}`;
          case 'IpAddress':
            return `${vb.oid}|64|${vb.value}`;
          case 'Counter32':
            return `${vb.oid}|65|${vb.value}`;
          case 'Gauge32':
            return `${vb.oid}|66|${vb.value}`;
          case 'TimeTicks':
            return `${vb.oid}|67|${vb.value}`;
          case 'Counter64':
            return `${vb.oid}|70|${vb.value.toString()}`;
        }
      })
      .join('\n') + '\n'
  );
}
