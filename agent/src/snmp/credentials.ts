import type { Secret } from '@xiaowang/shared';

export type AuthProtocol = 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export type PrivProtocol = 'des' | 'aes' | 'aes256b' | 'aes256r';
export type SecurityLevel = 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';

/** How to talk to one device. Lives only on the school's machine; never in a report. */
export type SnmpCredentials =
  | { readonly version: '2c'; readonly community: Secret }
  | {
      readonly version: '3';
      readonly user: string;
      readonly level: SecurityLevel;
      readonly authProtocol?: AuthProtocol;
      readonly authKey?: Secret;
      readonly privProtocol?: PrivProtocol;
      readonly privKey?: Secret;
      readonly context?: string;
    };

export interface SnmpTarget {
  readonly host: string;
  readonly port: number;
}

export interface SnmpTiming {
  /** Per request, before a retry. */
  readonly timeoutMs: number;
  /** Retries of one request at the smallest GETBULK size. */
  readonly retries: number;
  /** GETBULK max-repetitions to start with; halved on tooBig or silence, down to 1. */
  readonly maxRepetitions: number;
  /** Absolute time (ms since epoch) after which no new request is sent. */
  readonly deadline?: number;
}

export const DEFAULT_TIMING: SnmpTiming = { timeoutMs: 2000, retries: 1, maxRepetitions: 20 };
