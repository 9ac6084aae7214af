import { hash, randomBytes } from 'node:crypto';

/*
 * Enrollment codes and agent tokens: random, shown once, stored only as SHA-256. A code is
 * typed by a person at a school, so it uses Crockford's base32 (no I, L, O, U) in groups.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_SYMBOLS = 16; // 16 × 5 bits = 80 bits
export const TOKEN_PREFIX = 'xw_';
const HINT_LENGTH = TOKEN_PREFIX.length + 4;

/** A new code such as `7K3Q-M9XD-2HRT-P4VB`. */
export function generateEnrollmentCode(): string {
  const bytes = randomBytes((CODE_SYMBOLS * 5) / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((value >> bits) & 31);
    }
    value &= (1 << bits) - 1;
  }
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

/** Upper case without separators; the letters people confuse with digits read as those digits. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function looksLikeEnrollmentCode(code: string): boolean {
  const normalized = normalizeEnrollmentCode(code);
  return normalized.length === CODE_SYMBOLS && [...normalized].every((ch) => ALPHABET.includes(ch));
}

export function hashEnrollmentCode(code: string): string {
  return sha256(normalizeEnrollmentCode(code));
}

/** 32 random bytes, base64url, with a prefix that secret scanners and people recognise. */
export function generateAgentToken(): { token: string; hash: string; hint: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: sha256(token), hint: token.slice(0, HINT_LENGTH) };
}

export function hashAgentToken(token: string): string {
  return sha256(token);
}

// One-shot: every report's token is hashed, and a Hash object per call cost more than that.
function sha256(value: string): string {
  return hash('sha256', value, 'hex');
}
