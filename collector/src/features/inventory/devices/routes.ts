import { Hono } from 'hono';
import { canReadItem } from '../../../http/access.ts';
import type { AppEnv } from '../../../http/env.ts';
import { readParams } from '../../../http/validate.ts';
import { accessGuards } from '../../scope/guards.ts';
import { idParams } from '../common-schema.ts';
import type { InventoryDeps } from '../deps.ts';
import { getDevice } from './get-device.ts';
import { getDeviceHistory } from './get-device-history.ts';
import { listCountyDevices } from './list-county-devices.ts';
import { listDeviceInterfaces } from './list-device-interfaces.ts';
import { listSchoolDevices } from './list-school-devices.ts';

/**
 * Device inventory reads: a school's devices for whoever may read the school, a county's
 * for its readers whole and for a technician their schools' part.
 */
export function deviceRoutes({ db }: InventoryDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);

  app.get('/schools/:id/devices', async (c) => {
    const { id } = readParams(c, idParams);
    await guard.readSchool(c, id);
    return c.json({ items: await listSchoolDevices({ db, input: { schoolId: id } }) });
  });
  app.get('/counties/:id/devices', async (c) => {
    const { id } = readParams(c, idParams);
    const p = guard.listCounty(c, id);
    const items = await listCountyDevices({ db, input: { countyId: id } });
    return c.json({ items: items.filter((device) => canReadItem(p, device)) });
  });
  app.get('/devices/:id', async (c) => {
    const input = readParams(c, idParams);
    await guard.readDevice(c, input.id);
    return c.json(await getDevice({ db, input }));
  });
  app.get('/devices/:id/interfaces', async (c) => {
    const input = readParams(c, idParams);
    await guard.readDevice(c, input.id);
    return c.json({ items: await listDeviceInterfaces({ db, input }) });
  });
  app.get('/devices/:id/history', async (c) => {
    const input = readParams(c, idParams);
    await guard.readDevice(c, input.id);
    return c.json({ items: await getDeviceHistory({ db, input }) });
  });
  return app;
}
