import { Hono } from 'hono';
import type { FeatureDeps } from '../context.ts';
import type { AppEnv } from '../http/env.ts';
import type { Logger } from '../logger.ts';
import { adminRoutes } from './admin-routes.ts';
import { assetRoutes } from './assets.ts';
import { authRoutes } from './auth-routes.ts';
import { webErrorHandler } from './error-page.ts';
import { pageRoutes } from './page-routes.ts';

export { WEB_UPLOAD_ROUTES } from './admin-routes.ts';

export interface WebDeps extends FeatureDeps {
  readonly logger: Logger;
}

/** The dashboard: server-rendered pages beside the API, answering errors as pages. */
export function webRoutes(deps: WebDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', assetRoutes());
  app.route('/', authRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.onError(webErrorHandler(deps.logger));
  return app;
}
