import { createCipheriv } from 'node:crypto';
import { isIPv6 } from 'node:net';
import snmp from 'net-snmp';
import type { Varbind } from '@xiaowang/shared/varbind';
import { counterFromBytes } from '@xiaowang/shared';
import type { GetResult, SnmpClient, SnmpStats, WalkOptions, WalkResult } from './client.ts';
import { newStats } from './client.ts';
import type { SnmpCredentials, SnmpTarget, SnmpTiming } from './credentials.ts';
import { DEFAULT_TIMING } from './credentials.ts';
import type { SnmpError } from './errors.ts';
import { snmpError, unreadableReplyError } from './errors.ts';
import { getPolicy, getWithRetries } from './get-with-retries.ts';
import { compareOids, isUnder, normaliseOid } from './oid.ts';

/** The only file that imports net-snmp: everything else sees the SnmpClient interface. */

type RawVarbind = snmp.Varbind;
type Outcome<T> = { ok: true; value: T } | { ok: false; error: SnmpError; tooBig?: boolean };

const DEFAULT_MAX_ROWS = 200_000;

const AUTH_PROTOCOLS = {
  md5: snmp.AuthProtocols.md5,
  sha: snmp.AuthProtocols.sha,
  sha224: snmp.AuthProtocols.sha224,
  sha256: snmp.AuthProtocols.sha256,
  sha384: snmp.AuthProtocols.sha384,
  sha512: snmp.AuthProtocols.sha512,
} as const;

const PRIV_PROTOCOLS = {
  des: snmp.PrivProtocols.des,
  aes: snmp.PrivProtocols.aes,
  aes256b: snmp.PrivProtocols.aes256b,
  aes256r: snmp.PrivProtocols.aes256r,
} as const;

/** DES is in OpenSSL 3's legacy provider, which Node 17+ does not load by default. */
export function desAvailable(): boolean {
  try {
    createCipheriv('des-cbc', Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch {
    return false;
  }
}

/** USM report names → which setting the technician should check. */
const USM_PARAMETER: readonly [RegExp, string][] = [
  [/unknown user/i, '--v3-user'],
  [/digest/i, '--v3-auth-key / --v3-auth-protocol'],
  [/decrypt/i, '--v3-priv-key / --v3-priv-protocol'],
  [/security level/i, '--v3-level'],
  [/time window/i, 'the device clock and snmpEngineBoots'],
];

/** ResponseInvalidCode ECouldNotDecrypt 4, EAuthFailure 5, ENotInTimeWindow 14. */
const USM_FAILURE_CODES = new Set([4, 5, 14]);

function mapError(error: Error): SnmpError {
  // The bundled typings lack some classes and codes, so match by name and number.
  if (error.name === 'RequestTimedOutError') return snmpError('TIMEOUT', error.message);
  if (error.name === 'ResponseInvalidError') {
    const code = (error as { code?: number }).code;
    if (code !== undefined && USM_FAILURE_CODES.has(code)) {
      const setting = USM_PARAMETER.find(([re]) => re.test(error.message))?.[1] ?? '--v3-*';
      return { ...snmpError('AUTH', error.message), setting };
    }
    return snmpError('PROTOCOL', error.message);
  }
  if (error.name === 'RequestFailedError') {
    const status = (error as { status?: number }).status;
    if (status === snmp.ErrorStatus.TooBig) return snmpError('TOO_BIG', error.message);
    if (status === snmp.ErrorStatus.NoSuchName) return snmpError('NO_SUCH_OBJECT', error.message);
    return snmpError('PROTOCOL', error.message);
  }
  const sysCode = (error as NodeJS.ErrnoException).code;
  if (sysCode === 'ENETUNREACH' || sysCode === 'EHOSTUNREACH' || sysCode === 'ENOTFOUND') {
    return snmpError('UNREACHABLE', error.message);
  }
  return snmpError('PROTOCOL', error.message);
}

function convert(vb: RawVarbind): Varbind | undefined {
  const oid = vb.oid;
  const value: unknown = vb.value;
  switch (vb.type) {
    case snmp.ObjectType.Integer:
      return { oid, type: 'Integer', value: Number(value) };
    case snmp.ObjectType.Counter:
      return { oid, type: 'Counter32', value: Number(value) };
    case snmp.ObjectType.Gauge:
      return { oid, type: 'Gauge32', value: Number(value) };
    case snmp.ObjectType.TimeTicks:
      return { oid, type: 'TimeTicks', value: Number(value) };
    case snmp.ObjectType.Counter64:
      return {
        oid,
        type: 'Counter64',
        value: Buffer.isBuffer(value) ? counterFromBytes(value) : BigInt(Number(value)),
      };
    case snmp.ObjectType.OctetString:
    case snmp.ObjectType.Opaque:
      return {
        oid,
        type: vb.type === snmp.ObjectType.Opaque ? 'Opaque' : 'OctetString',
        value: Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'latin1'),
      };
    case snmp.ObjectType.OID:
      return { oid, type: 'ObjectIdentifier', value: normaliseOid(String(value)) };
    case snmp.ObjectType.IpAddress:
      return { oid, type: 'IpAddress', value: String(value) };
    case snmp.ObjectType.Null:
      return { oid, type: 'Null', value: null };
    default:
      return undefined;
  }
}

function createSession(
  target: SnmpTarget,
  credentials: SnmpCredentials,
  timing: SnmpTiming,
): snmp.Session {
  const common = {
    port: target.port,
    // We retry ourselves so that retries are counted and GETBULK can shrink between tries.
    retries: 0,
    timeout: timing.timeoutMs,
    transport: isIPv6(target.host) ? ('udp6' as const) : ('udp4' as const),
    backwardsGetNexts: true,
    idBitsSize: 32 as const,
  };
  if (credentials.version === '2c') {
    return snmp.createSession(target.host, credentials.community.reveal(), {
      ...common,
      version: snmp.Version2c,
    });
  }
  const user: snmp.User = {
    name: credentials.user,
    level: snmp.SecurityLevel[credentials.level],
  };
  if (credentials.level !== 'noAuthNoPriv') {
    user.authProtocol = AUTH_PROTOCOLS[credentials.authProtocol ?? 'sha'];
    user.authKey = credentials.authKey?.reveal() ?? '';
  }
  if (credentials.level === 'authPriv') {
    user.privProtocol = PRIV_PROTOCOLS[credentials.privProtocol ?? 'aes'];
    user.privKey = credentials.privKey?.reveal() ?? '';
  }
  return snmp.createV3Session(target.host, user, {
    ...common,
    version: snmp.Version3,
    context: credentials.context ?? '',
  });
}

/**
 * SnmpClient over net-snmp. One session (one UDP socket) per device, reused for every
 * request of a poll and closed by `close()`, which callers run in `finally`.
 */
export class NetSnmpClient implements SnmpClient {
  readonly stats: SnmpStats = newStats();
  /** GETBULK size that last worked for this device; callers may remember it across polls. */
  repetitions: number;
  readonly #session: snmp.Session;
  readonly #timing: SnmpTiming;
  #lastProtocolError: string | undefined;
  #closed = false;

  constructor(target: SnmpTarget, credentials: SnmpCredentials, timing: Partial<SnmpTiming> = {}) {
    this.#timing = { ...DEFAULT_TIMING, ...timing };
    this.repetitions = Math.max(1, this.#timing.maxRepetitions);
    this.#session = createSession(target, credentials, this.#timing);
    // An unparseable datagram surfaces as a session 'error' event: without a listener it
    // would crash the process. Keep it so the eventual timeout can say what arrived.
    this.#session.on('error', (error: Error) => {
      this.#lastProtocolError = error.message;
    });
  }

  #deadlinePassed(): boolean {
    return this.#timing.deadline !== undefined && Date.now() >= this.#timing.deadline;
  }

  #once<T>(send: (cb: (error: Error | null, value?: T) => void) => void): Promise<Outcome<T>> {
    return new Promise((resolve) => {
      this.stats.requests++;
      try {
        send((error, value) => {
          if (error === null) {
            if (value === undefined)
              resolve({ ok: false, error: snmpError('PROTOCOL', 'empty response') });
            else resolve({ ok: true, value });
          } else {
            const mapped = mapError(error);
            if (mapped.code === 'TIMEOUT') {
              this.stats.timeouts++;
              if (this.#lastProtocolError !== undefined) {
                // net-snmp does not say whether the datagram began as SNMP at all, so no
                // port is named: a defective SNMP reply would be blamed on another service.
                const error = unreadableReplyError(mapped.message, this.#lastProtocolError, false);
                resolve({ ok: false, error });
                return;
              }
            }
            resolve({ ok: false, error: mapped, tooBig: mapped.code === 'TOO_BIG' });
          }
        });
      } catch (error) {
        resolve({ ok: false, error: mapError(error as Error) });
      }
    });
  }

  get(oids: readonly string[]): Promise<GetResult> {
    return getWithRetries(
      oids,
      async (asked) => {
        const outcome = await this.#once<RawVarbind[]>((cb) => this.#session.get([...asked], cb));
        if (!outcome.ok) return outcome;
        const varbinds = outcome.value.map((vb) =>
          snmp.isVarbindError(vb) ? undefined : convert(vb),
        );
        return { ok: true, varbinds };
      },
      getPolicy(this.#timing, this.stats),
    );
  }

  async walk(subtree: string, options: WalkOptions = {}): Promise<WalkResult> {
    const root = normaliseOid(subtree);
    const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    const out: Varbind[] = [];
    let cursor = root;
    let attemptsAtOne = 0;
    for (;;) {
      if (this.#deadlinePassed()) {
        return {
          varbinds: out,
          error: snmpError('DEADLINE', `deadline passed while walking ${root}`),
        };
      }
      const reps = this.repetitions;
      const outcome = await this.#once<(RawVarbind | RawVarbind[])[]>((cb) =>
        this.#session.getBulk([cursor], 0, reps, cb),
      );
      if (!outcome.ok) {
        // Some agents drop replies that would exceed one datagram instead of saying tooBig:
        // silence and tooBig both shrink the request before we give up.
        const shrinkable = outcome.error.code === 'TIMEOUT' || outcome.error.code === 'TOO_BIG';
        if (shrinkable && reps > 1) {
          this.repetitions = Math.max(1, Math.floor(reps / 2));
          this.stats.retries++;
          continue;
        }
        if (outcome.error.code === 'TIMEOUT' && attemptsAtOne < this.#timing.retries) {
          attemptsAtOne++;
          this.stats.retries++;
          continue;
        }
        return { varbinds: out, error: outcome.error };
      }
      attemptsAtOne = 0;
      const first = outcome.value[0];
      const column = first === undefined ? [] : Array.isArray(first) ? first : [first];
      if (column.length === 0) return { varbinds: out };
      // Order is checked against the OID asked from, before the subtree: a step back that
      // lands outside the subtree is a loop with rows unread, not the end of the table.
      let previous = cursor;
      for (const raw of column) {
        if (snmp.isVarbindError(raw)) return { varbinds: out };
        if (compareOids(raw.oid, previous) <= 0) {
          return {
            varbinds: out,
            error: snmpError(
              'WALK_LOOP',
              `the device returned ${raw.oid} after ${previous} while walking ${root}: OIDs must increase, stopped instead of looping`,
            ),
          };
        }
        if (!isUnder(raw.oid, root)) return { varbinds: out };
        const vb = convert(raw);
        previous = raw.oid;
        if (vb === undefined) continue;
        out.push(vb);
        this.stats.varbinds++;
        if (out.length >= maxRows) {
          return {
            varbinds: out,
            error: snmpError('WALK_ROW_CAP', `stopped walking ${root} after ${maxRows} values`),
          };
        }
      }
      cursor = previous;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#session.close();
    } catch {
      // already closed by a socket error; nothing left to release
    }
  }
}
