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
  /** The setting to check, when the failure points at one (an SNMPv3 key, the user name). */
  readonly setting?: string;
}

export function snmpError(code: SnmpErrorCode, message: string): SnmpError {
  const retryable = code === 'TIMEOUT' || code === 'UNREACHABLE' || code === 'DEADLINE';
  return { code, message, retryable };
}
