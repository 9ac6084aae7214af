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
 */
export function limitBodies(
  limits: BodyLimits,
  uploadRoutes: readonly RegExp[],
  reportRoutes: readonly RegExp[] = [],
): MiddlewareHandler<AppEnv> {
  const tooLarge = (limit: number) => () => {
    throw new AppError('PAYLOAD_TOO_LARGE', 'api.error.PAYLOAD_TOO_LARGE', { params: { limit } });
  };
  const upload = bodyLimit({
    maxSize: limits.maxImportBytes,
    onError: tooLarge(limits.maxImportBytes),
  });
  const report = bodyLimit({
    maxSize: limits.maxReportBytes,
    onError: tooLarge(limits.maxReportBytes),
  });
  const json = bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge(limits.maxBodyBytes) });
  return (c, next) => {
    if (uploadRoutes.some((route) => route.test(c.req.path))) return upload(c, next);
    if (reportRoutes.some((route) => route.test(c.req.path))) return report(c, next);
    return json(c, next);
  };
}
