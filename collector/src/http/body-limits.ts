import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly maxImportBytes: number;
  /** Agents' reports: a county centre's report can be megabytes. */
  readonly maxReportBytes: number;
}

/**
 * Caps every request body: uploads (the routes listed in `uploadRoutes`) at the import
 * limit, agents' reports (`reportRoutes`) at the report limit, everything else at the
 * smaller JSON limit. Applied once, globally, so a new route cannot forget it.
 *
 * A request that declares its length (Content-Length without Transfer-Encoding) is judged by
 * that header alone, as hono's bodyLimit judges it; Node's HTTP parser then delivers exactly
 * that many bytes or fails the request. Checking it here without asking for the body stream
 * lets @hono/node-server hand the handler the body straight from the socket, instead of
 * building a fetch Request and a web stream for it. Chunked bodies are counted as they are
 * read, by hono's bodyLimit.
 */
export function limitBodies(
  limits: BodyLimits,
  uploadRoutes: readonly RegExp[],
  reportRoutes: readonly RegExp[] = [],
): MiddlewareHandler<AppEnv> {
  const tooLarge = (limit: number) => (): never => {
    throw new AppError('PAYLOAD_TOO_LARGE', 'api.error.PAYLOAD_TOO_LARGE', { params: { limit } });
  };
  const limited = (maxSize: number) => ({
    maxSize,
    declared: tooLarge(maxSize),
    streamed: bodyLimit({ maxSize, onError: tooLarge(maxSize) }),
  });
  const upload = limited(limits.maxImportBytes);
  const report = limited(limits.maxReportBytes);
  const json = limited(limits.maxBodyBytes);
  return (c, next) => {
    const limit = uploadRoutes.some((route) => route.test(c.req.path))
      ? upload
      : reportRoutes.some((route) => route.test(c.req.path))
        ? report
        : json;
    // A fetch Request for GET or HEAD has no body, and hono's bodyLimit lets those through.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return limit.streamed(c, next);
    }
    return Number.parseInt(length, 10) > limit.maxSize ? limit.declared() : next();
  };
}
