/**
 * Why an SNMP exchange failed, in words a caller can act on. `retryable` says whether the
 * same request may succeed later (a timeout may; a bad credential will not).
 */
export type SnmpErrorCode =
  | 'TIMEOUT'
  | 'AUTH'
  | 'UNREACHABLE'
  | 'NO_SUCH_OBJECT'
  | 'TOO_BIG'
  | 'WALK_LOOP'
  | 'WALK_ROW_CAP'
  | 'DEADLINE'
  | 'PROTOCOL'
  | 'CONFIG';

export interface SnmpError {
  readonly code: SnmpErrorCode;
  readonly message: string;
  readonly retryable: boolean;
  /** The setting to check, when the failure points at one (an SNMPv3 key, the user name, the port). */
  readonly setting?: string;
}

export function snmpError(code: SnmpErrorCode, message: string): SnmpError {
  const retryable = code === 'TIMEOUT' || code === 'UNREACHABLE' || code === 'DEADLINE';
  return { code, message, retryable };
}

/** The setting a timeout names when the device's port answered with something not SNMP. */
export const PORT_SETTING = '--port';

/**
 * No SNMP answer came, but the device's address and port sent a datagram that could not be
 * read (`detail` says why). Still a timeout, so a walk shrinks and retries as for silence:
 * a device that garbles only large replies reads at a smaller size. When the datagram did
 * not even begin as an SNMP message (`notSnmp`), another service listens on that port, and
 * the port is named as the setting to check, not the community.
 */
export function unreadableReplyError(
  timedOut: string,
  detail: string,
  notSnmp: boolean,
): SnmpError {
  const error = snmpError('TIMEOUT', `${timedOut}; last datagram was not valid SNMP: ${detail}`);
  return notSnmp ? { ...error, setting: PORT_SETTING } : error;
}
