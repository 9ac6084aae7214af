import { indexAfter } from '../snmp/oid.ts';
import type { WalkSet } from '../snmp/walk-set.ts';
import { formatIpv6 } from './ipv6-address.ts';

/**
 * lldpRemManAddrTable keeps the address in its index, so one column is enough:
 * lldpRemManAddrIfSubtype, indexed timeMark.localPortNum.remIndex.subtype.<len>.<octets>.
 */
export const LLDP_REM_MAN_ADDR_IF_SUBTYPE = '1.0.8802.1.1.2.1.4.2.1.3';

const IANA_IPV4 = 1;
const IANA_IPV6 = 2;

interface Found {
  ipv4?: string;
  ipv6?: string;
}

/** Management addresses of the neighbours, looked up by lldpRemTable row index. */
export interface ManagementAddresses {
  /** First IPv4 address of the row, else its first IPv6 address, else null. */
  forRow(timeMark: number, portNum: number, remIndex: number): string | null;
}

function isOctets(values: readonly number[]): boolean {
  for (const v of values) if (!Number.isInteger(v) || v < 0 || v > 255) return false;
  return true;
}

/** The address octets after the subtype: length-prefixed, or bare from agents that omit it. */
function addressOctets(rest: readonly number[]): readonly number[] {
  return rest.length > 0 && rest[0] === rest.length - 1 ? rest.slice(1) : rest;
}

/** IPv4 or IPv6 text for one index, or undefined for other families and bad lengths. */
export function decodeManagementAddress(
  subtype: number,
  rest: readonly number[],
): { family: 4 | 6; text: string } | undefined {
  const octets = addressOctets(rest);
  if (!isOctets(octets)) return undefined;
  if (subtype === IANA_IPV4 && octets.length === 4) return { family: 4, text: octets.join('.') };
  if (subtype === IANA_IPV6 && octets.length === 16) return { family: 6, text: formatIpv6(octets) };
  return undefined;
}

function remember(map: Map<string, Found>, key: string, family: 4 | 6, text: string): void {
  const entry = map.get(key) ?? {};
  if (family === 4) entry.ipv4 ??= text;
  else entry.ipv6 ??= text;
  map.set(key, entry);
}

/**
 * Reads the walked column; undefined when the device has no rows at all, so reports from
 * devices without the table stay as they were. Rows are matched on the full index first,
 * then on port and remote index alone, since timeMark is a filter, not an identity.
 */
export function readManagementAddresses(ws: WalkSet): ManagementAddresses | undefined {
  const varbinds = ws.subtree(LLDP_REM_MAN_ADDR_IF_SUBTYPE);
  if (varbinds.length === 0) return undefined;
  const byRow = new Map<string, Found>();
  const byPort = new Map<string, Found>();
  for (const vb of varbinds) {
    const [timeMark, portNum, remIndex, subtype, ...rest] =
      indexAfter(vb.oid, LLDP_REM_MAN_ADDR_IF_SUBTYPE) ?? [];
    if (timeMark === undefined || portNum === undefined || remIndex === undefined) continue;
    const address = subtype === undefined ? undefined : decodeManagementAddress(subtype, rest);
    if (address === undefined) continue;
    remember(byRow, `${timeMark}.${portNum}.${remIndex}`, address.family, address.text);
    remember(byPort, `${portNum}.${remIndex}`, address.family, address.text);
  }
  return {
    forRow: (timeMark, portNum, remIndex) => {
      const found =
        byRow.get(`${timeMark}.${portNum}.${remIndex}`) ?? byPort.get(`${portNum}.${remIndex}`);
      return found?.ipv4 ?? found?.ipv6 ?? null;
    },
  };
}
