import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { apRoutes } from './aps/routes.ts';
import type { InventoryDeps } from './deps.ts';
import { deviceRoutes } from './devices/routes.ts';
import { uplinkRoutes } from './uplinks/routes.ts';

export type { InventoryDeps } from './deps.ts';

/** Devices, APs and uplinks under /api/v1; each part mounts its own routes. */
export function inventoryRoutes(deps: InventoryDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', deviceRoutes(deps));
  app.route('/', apRoutes(deps));
  app.route('/', uplinkRoutes(deps));
  return app;
}
