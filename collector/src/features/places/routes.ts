import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import type { AppEnv } from '../../http/env.ts';
import { readUpload } from '../../http/upload.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import type { Secret } from '@xiaowang/shared';
import { createCounty } from './create-county.ts';
import { createRoom } from './create-room.ts';
import { createSchool } from './create-school.ts';
import { createTown } from './create-town.ts';
import { getCounty } from './get-county.ts';
import { getRoom } from './get-room.ts';
import { getSchool } from './get-school.ts';
import { getTown } from './get-town.ts';
import { importPlaces } from './import/import-places.ts';
import { importQuery } from './import/schema.ts';
import { listCounties } from './list-counties.ts';
import { listRooms } from './list-rooms.ts';
import { listSchools } from './list-schools.ts';
import { listTowns } from './list-towns.ts';
import * as s from './schema.ts';
import { updateCounty } from './update-county.ts';
import { updateRoom } from './update-room.ts';
import { updateSchool } from './update-school.ts';
import { updateTown } from './update-town.ts';

export interface PlacesDeps extends FeatureDeps {
  readonly adminToken: Secret;
}

/** The import route takes a file, so the app gives it the larger body limit. */
export const PLACES_UPLOAD_ROUTES: readonly RegExp[] = [/^\/api\/v1\/counties\/[^/]+\/import$/];

/** Places under /api/v1; county administration, so every route needs the admin token. */
export function placesRoutes({ db, clock, adminToken }: PlacesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireAdmin(adminToken);

  app.get('/counties', admin, async (c) =>
    c.json({ items: await listCounties({ db, input: {} }) }),
  );
  app.post('/counties', admin, async (c) =>
    c.json(await createCounty({ db, clock, input: await readJson(c, s.createCountyInput) }), 201),
  );
  app.get('/counties/:id', admin, async (c) =>
    c.json(await getCounty({ db, input: readParams(c, s.idParams) })),
  );
  app.patch('/counties/:id', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    return c.json(
      await updateCounty({
        db,
        clock,
        input: { id, patch: await readJson(c, s.updateCountyInput) },
      }),
    );
  });
  app.post('/counties/:id/import', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    const { dryRun } = readQuery(c, importQuery);
    const file = await readUpload(c);
    const input = { countyId: id, file, dryRun: dryRun === '1' || dryRun === 'true' };
    return c.json(await importPlaces({ db, clock, input }));
  });

  app.get('/towns', admin, async (c) =>
    c.json({ items: await listTowns({ db, input: readQuery(c, s.listTownsQuery) }) }),
  );
  app.post('/towns', admin, async (c) =>
    c.json(await createTown({ db, clock, input: await readJson(c, s.createTownInput) }), 201),
  );
  app.get('/towns/:id', admin, async (c) =>
    c.json(await getTown({ db, input: readParams(c, s.idParams) })),
  );
  app.patch('/towns/:id', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    return c.json(
      await updateTown({ db, clock, input: { id, patch: await readJson(c, s.updateTownInput) } }),
    );
  });

  app.get('/schools', admin, async (c) =>
    c.json({ items: await listSchools({ db, input: readQuery(c, s.listSchoolsQuery) }) }),
  );
  app.post('/schools', admin, async (c) =>
    c.json(await createSchool({ db, clock, input: await readJson(c, s.createSchoolInput) }), 201),
  );
  app.get('/schools/:id', admin, async (c) =>
    c.json(await getSchool({ db, input: readParams(c, s.idParams) })),
  );
  app.patch('/schools/:id', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    return c.json(
      await updateSchool({
        db,
        clock,
        input: { id, patch: await readJson(c, s.updateSchoolInput) },
      }),
    );
  });

  app.get('/rooms', admin, async (c) =>
    c.json({ items: await listRooms({ db, input: readQuery(c, s.listRoomsQuery) }) }),
  );
  app.post('/rooms', admin, async (c) =>
    c.json(await createRoom({ db, clock, input: await readJson(c, s.createRoomInput) }), 201),
  );
  app.get('/rooms/:id', admin, async (c) =>
    c.json(await getRoom({ db, input: readParams(c, s.idParams) })),
  );
  app.patch('/rooms/:id', admin, async (c) => {
    const { id } = readParams(c, s.idParams);
    return c.json(
      await updateRoom({ db, clock, input: { id, patch: await readJson(c, s.updateRoomInput) } }),
    );
  });
  return app;
}
