import { Hono } from 'hono';
import { requireAdmin } from '../../../http/admin-auth.ts';
import type { AppEnv } from '../../../http/env.ts';
import { readParams } from '../../../http/validate.ts';
import { idParams } from '../common-schema.ts';
import type { InventoryDeps } from '../deps.ts';
import { getDevice } from './get-device.ts';
import { getDeviceHistory } from './get-device-history.ts';
import { listCountyDevices } from './list-county-devices.ts';
import { listDeviceInterfaces } from './list-device-interfaces.ts';
import { listSchoolDevices } from './list-school-devices.ts';

/** Device inventory reads; admin token until user accounts arrive. */
export function deviceRoutes({ db, adminToken }: InventoryDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin(adminToken);

  app.get('/schools/:id/devices', admin, async (c) => {
    const { id } = readParams(c, idParams);
    return c.json({ items: await listSchoolDevices({ db, input: { schoolId: id } }) });
  });
  app.get('/counties/:id/devices', admin, async (c) => {
    const { id } = readParams(c, idParams);
    return c.json({ items: await listCountyDevices({ db, input: { countyId: id } }) });
  });
  app.get('/devices/:id', admin, async (c) =>
    c.json(await getDevice({ db, input: readParams(c, idParams) })),
  );
  app.get('/devices/:id/interfaces', admin, async (c) =>
    c.json({ items: await listDeviceInterfaces({ db, input: readParams(c, idParams) }) }),
  );
  app.get('/devices/:id/history', admin, async (c) =>
    c.json({ items: await getDeviceHistory({ db, input: readParams(c, idParams) }) }),
  );
  return app;
}
