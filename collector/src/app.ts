import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Clock } from './context.ts';
import type { Db } from './db/schema.ts';
import { mountFeatures, REPORT_ROUTES, UPLOAD_ROUTES } from './features/index.ts';
import { accessLog } from './http/access-log.ts';
import type { BodyLimits } from './http/body-limits.ts';
import { limitBodies } from './http/body-limits.ts';
import type { AppEnv } from './http/env.ts';
import { errorHandler, notFoundHandler } from './http/error-handler.ts';
import { csrf } from './http/csrf.ts';
import { authenticate } from './http/principal.ts';
import type { Logger } from './logger.ts';
import { webRoutes, WEB_UPLOAD_ROUTES } from './web/routes.ts';
import { securityHeaders } from './web/security-headers.ts';
import { webNotFound } from './web/error-page.ts';
import type { Secret } from '@xiaowang/shared';

/** What the HTTP app needs from the configuration. */
export interface HttpConfig extends BodyLimits {
  readonly adminToken: Secret;
  readonly reportRatePerMinute: number;
  readonly reportBurst: number;
  readonly enrollRatePerMinute: number;
  /** XIAOWANG_SECURE_COOKIES: Secure session cookies even when the request looks like http. */
  readonly secureCookies?: boolean;
  /** Sign-in attempts per minute from one client address; 20 when not set. */
  readonly loginRatePerMinute?: number;
}

export interface AppDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: HttpConfig;
}

/**
 * Builds the HTTP app and nothing else: no database is opened, no port bound, no timer
 * started, so tests call `createApp(deps).request(...)` in-process.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(accessLog(deps.logger));
  app.use(securityHeaders());
  const limits = limitBodies(deps.config, [...UPLOAD_ROUTES, ...WEB_UPLOAD_ROUTES], REPORT_ROUTES);
  // GET and HEAD have no body a handler reads (a fetch Request cannot carry one), and asking
  // for it makes @hono/node-server build a full Request with an AbortSignal per request.
  app.use((c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limits(c, next),
  );
  app.use(authenticate({ ...deps, ...deps.config }));
  app.use(csrf());
  mountFeatures(app, deps);
  app.route('/', webRoutes(deps));
  app.notFound((c) => (c.req.path.startsWith('/api/') ? notFoundHandler(c) : webNotFound(c)));
  app.onError(errorHandler(deps.logger));
  return app;
}
