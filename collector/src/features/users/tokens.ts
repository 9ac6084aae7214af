import { createHash, randomBytes } from 'node:crypto';

/* Session tokens: 256 random bits for the cookie; the database keeps only their SHA-256. */

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function generateSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Anything else is not one of ours, and is answered without a query. */
export const looksLikeSessionToken = (token: string): boolean => TOKEN_SHAPE.test(token);

/** The per-session token forms and scripts echo back (http/csrf.ts). */
export const generateCsrfToken = (): string => randomBytes(32).toString('base64url');
