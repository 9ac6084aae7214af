import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ErrorDetail } from '../../errors.ts';
import { validationError } from '../../errors.ts';

/*
 * Passwords are stored as a self-describing scrypt string, PHC style:
 * `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64 without padding), so the cost can be raised
 * later: a hash with other parameters still verifies, and needsRehash says to store anew.
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

interface KdfParams {
  /** log2 of scrypt's N. */
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

const CURRENT: KdfParams = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// scrypt needs 128·N·r·p bytes (32 MiB now); Node's default cap is exactly that, too tight.
// A stored string asking for more than MAX_COST is refused rather than run.
const MAX_COST = 64 * 1024 * 1024;
const MAX_MEMORY = MAX_COST + 32 * 1024 * 1024;
const FORMAT =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Verified against when the username does not exist, so that such a sign-in costs one KDF
 * run like any other; no password has this key.
 */
export const DUMMY_HASH = encode(CURRENT, Buffer.alloc(SALT_BYTES), Buffer.alloc(KEY_BYTES));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(CURRENT, salt, await derive(password, salt, CURRENT, KEY_BYTES));
}

/** Constant-time comparison; a malformed or absurdly costly stored string never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = decode(stored);
  if (parsed === undefined) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** Whether the stored hash was made with other parameters than today's. */
export function needsRehash(stored: string): boolean {
  const parsed = decode(stored);
  return (
    parsed === undefined ||
    parsed.params.ln !== CURRENT.ln ||
    parsed.params.r !== CURRENT.r ||
    parsed.params.p !== CURRENT.p ||
    parsed.salt.length !== SALT_BYTES ||
    parsed.key.length !== KEY_BYTES
  );
}

/** The password rules, as a VALIDATION error naming `field`. */
export function checkPassword(password: string, field = 'password'): void {
  const length = [...password].length;
  const details: ErrorDetail[] = [];
  if (length < MIN_PASSWORD_LENGTH) {
    details.push({ path: field, key: 'users.validation.passwordTooShort' });
  } else if (length > MAX_PASSWORD_LENGTH) {
    details.push({
      path: field,
      key: 'api.validation.tooLong',
      params: { maximum: MAX_PASSWORD_LENGTH },
    });
  }
  if (details.length > 0) throw validationError(details);
}

function derive(password: string, salt: Buffer, params: KdfParams, length: number) {
  return new Promise<Buffer>((resolve, reject) => {
    const options = { N: 2 ** params.ln, r: params.r, p: params.p, maxmem: MAX_MEMORY };
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function encode(params: KdfParams, salt: Buffer, key: Buffer): string {
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

function decode(stored: string): { params: KdfParams; salt: Buffer; key: Buffer } | undefined {
  const m = FORMAT.exec(stored);
  if (m === null) return undefined;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = Buffer.from(m[4] ?? '', 'base64');
  const key = Buffer.from(m[5] ?? '', 'base64');
  const sane = ln >= 10 && ln <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
  if (!sane || 128 * 2 ** ln * r * p > MAX_COST || salt.length < 8 || key.length < 16) {
    return undefined;
  }
  return { params: { ln, r, p }, salt, key };
}
