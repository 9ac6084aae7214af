import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';
import type { Secret } from '@xiaowang/shared';

/**
 * County administration endpoints take the admin token as a bearer token until user
 * accounts arrive. Both sides are hashed first so the comparison is constant-time whatever
 * the lengths.
 */
export function requireAdmin(token: Secret): MiddlewareHandler {
  const expected = digest(token.reveal());
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) {
      throw new AppError('UNAUTHENTICATED', 'api.error.adminTokenMissing');
    }
    if (!timingSafeEqual(digest(match[1]), expected)) {
      throw new AppError('UNAUTHENTICATED', 'api.error.adminTokenWrong');
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
