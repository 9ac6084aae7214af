import type { Hono } from 'hono';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/env.ts';
import { agentsDocs } from './agents/openapi.ts';
import { agentsRoutes } from './agents/routes.ts';
import { complianceDocs } from './compliance/openapi.ts';
import { complianceRoutes } from './compliance/routes.ts';
import { digestDocs } from './digest/openapi.ts';
import { digestRoutes } from './digest/routes.ts';
import { healthDocs, healthRoutes } from './health/routes.ts';
import { inventoryDocs } from './inventory/openapi.ts';
import { inventoryRoutes } from './inventory/routes.ts';
import { ledgerDocs } from './ledger/openapi.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { openApiDocs, openApiRoutes } from './openapi/routes.ts';
import type { RouteDoc } from './openapi/registry.ts';
import { placesDocs } from './places/openapi.ts';
import { PLACES_UPLOAD_ROUTES, placesRoutes } from './places/routes.ts';
import { reportsDocs } from './reports/openapi.ts';
import { REPORTS_BODY_ROUTES, reportsRoutes } from './reports/routes.ts';
import { targetsDocs } from './targets/openapi.ts';
import { targetsRoutes } from './targets/routes.ts';
import { usersDocs } from './users/openapi.ts';
import { usersRoutes } from './users/routes.ts';

/* The one list of features. A new feature adds its routes, its docs and any upload routes here. */

export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...healthDocs,
  ...placesDocs,
  ...openApiDocs,
  ...agentsDocs,
  ...reportsDocs,
  ...inventoryDocs,
  ...complianceDocs,
  ...targetsDocs,
  ...ledgerDocs,
  ...digestDocs,
  ...usersDocs,
];

/** Routes that take files and so get the import body limit instead of the JSON one. */
export const UPLOAD_ROUTES: readonly RegExp[] = [...PLACES_UPLOAD_ROUTES];

/** Routes that take agents' reports and so get the report body limit. */
export const REPORT_ROUTES: readonly RegExp[] = [...REPORTS_BODY_ROUTES];

export function mountFeatures(app: Hono<AppEnv>, deps: AppDeps): void {
  app.route('/api/v1', healthRoutes(deps));
  app.route('/api/v1', placesRoutes(deps));
  app.route('/api/v1', agentsRoutes({ ...deps, ...deps.config }));
  app.route('/api/v1', reportsRoutes({ ...deps, ...deps.config }));
  app.route('/api/v1', inventoryRoutes(deps));
  app.route('/api/v1', complianceRoutes(deps));
  app.route('/api/v1', targetsRoutes(deps));
  app.route('/api/v1', ledgerRoutes(deps));
  app.route('/api/v1', digestRoutes(deps));
  const loginRatePerMinute = deps.config.loginRatePerMinute ?? 20;
  app.route('/api/v1', usersRoutes({ ...deps, loginRatePerMinute }));
  app.route('/api', openApiRoutes(ROUTE_DOCS));
}
