import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isUniqueViolation } from '../db/errors.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { renderError } from './render-error.ts';
import { storageFailure } from './storage-errors.ts';

/**
 * The single onError: AppErrors are rendered as they are; anything else is logged with the
 * request id and answered with a fixed message, never the internal text.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => renderError(c, toAppError(error, c, logger));
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  renderError(
    c,
    new AppError('NOT_FOUND', 'api.error.routeNotFound', {
      params: { method: c.req.method, path: c.req.path },
    }),
  );

function toAppError(error: unknown, c: Context<AppEnv>, logger: Logger): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new AppError('PAYLOAD_TOO_LARGE', 'api.error.PAYLOAD_TOO_LARGE');
    if (error.status === 400) return new AppError('VALIDATION', 'api.error.badRequest');
  }
  // A race another writer won between a verb's uniqueness check and its insert.
  if (isUniqueViolation(error)) return new AppError('CONFLICT', 'api.error.CONFLICT');
  const storage = storageFailure(error);
  if (storage !== undefined) {
    logger.error(`api.error.${storage.error.code}`, {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error,
    });
    c.header('Retry-After', String(storage.retryAfterS));
    return storage.error;
  }
  logger.error('api.error.INTERNAL', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error,
  });
  return new AppError('INTERNAL', 'api.error.INTERNAL');
}
