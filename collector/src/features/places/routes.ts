import { Hono } from 'hono';
import type { FeatureDeps } from '../../context.ts';
import { canReadCounty, canReadSchool, listCountyId } from '../../http/access.ts';
import type { AppEnv } from '../../http/env.ts';
import { readUpload } from '../../http/upload.ts';
import { readJson, readParams, readQuery } from '../../http/validate.ts';
import { accessGuards } from '../scope/guards.ts';
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

export type PlacesDeps = FeatureDeps;

/** The import route takes a file, so the app gives it the larger body limit. */
export const PLACES_UPLOAD_ROUTES: readonly RegExp[] = [/^\/api\/v1\/counties\/[^/]+\/import$/];

/**
 * Places under /api/v1. Counties are created with the admin token only; a county's
 * administrator changes its towns, schools and rooms; its readers and a technician (their
 * schools only) read them. Lists hold only what the caller may read.
 */
export function placesRoutes({ db, clock }: PlacesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = accessGuards(db);

  app.get('/counties', async (c) => {
    const p = guard.signedIn(c);
    const items = await listCounties({ db, input: {} });
    return c.json({ items: items.filter((county) => canReadCounty(p, county.id)) });
  });
  app.post('/counties', async (c) => {
    guard.adminToken(c);
    return c.json(
      await createCounty({ db, clock, input: await readJson(c, s.createCountyInput) }),
      201,
    );
  });
  app.get('/counties/:id', async (c) => {
    const input = readParams(c, s.idParams);
    guard.readCounty(c, input.id);
    return c.json(await getCounty({ db, input }));
  });
  app.patch('/counties/:id', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    return c.json(
      await updateCounty({
        db,
        clock,
        input: { id, patch: await readJson(c, s.updateCountyInput) },
      }),
    );
  });
  app.post('/counties/:id/import', async (c) => {
    const { id } = readParams(c, s.idParams);
    guard.adminCounty(c, id);
    const { dryRun } = readQuery(c, importQuery);
    const file = await readUpload(c);
    const input = { countyId: id, file, dryRun: dryRun === '1' || dryRun === 'true' };
    return c.json(await importPlaces({ db, clock, input }));
  });

  app.get('/towns', async (c) => {
    const p = guard.signedIn(c);
    const query = readQuery(c, s.listTownsQuery);
    const countyId = listCountyId(p, query.countyId);
    if (countyId === null) return c.json({ items: [] });
    const items = await listTowns({ db, input: { ...query, countyId } });
    return c.json({ items: items.filter((town) => canReadCounty(p, town.countyId)) });
  });
  app.post('/towns', async (c) => {
    guard.signedIn(c);
    const input = await readJson(c, s.createTownInput);
    guard.adminCounty(c, input.countyId);
    return c.json(await createTown({ db, clock, input }), 201);
  });
  app.get('/towns/:id', async (c) => {
    const input = readParams(c, s.idParams);
    await guard.readTown(c, input.id);
    return c.json(await getTown({ db, input }));
  });
  app.patch('/towns/:id', async (c) => {
    const { id } = readParams(c, s.idParams);
    await guard.adminTown(c, id);
    return c.json(
      await updateTown({ db, clock, input: { id, patch: await readJson(c, s.updateTownInput) } }),
    );
  });

  app.get('/schools', async (c) => {
    const p = guard.signedIn(c);
    const query = readQuery(c, s.listSchoolsQuery);
    const countyId = listCountyId(p, query.countyId);
    if (countyId === null) return c.json({ items: [] });
    const items = await listSchools({ db, input: { ...query, countyId } });
    return c.json({ items: items.filter((school) => canReadSchool(p, school)) });
  });
  app.post('/schools', async (c) => {
    guard.signedIn(c);
    const input = await readJson(c, s.createSchoolInput);
    await guard.adminTown(c, input.townId, { ref: true });
    return c.json(await createSchool({ db, clock, input }), 201);
  });
  app.get('/schools/:id', async (c) => {
    const input = readParams(c, s.idParams);
    await guard.readSchool(c, input.id);
    return c.json(await getSchool({ db, input }));
  });
  app.patch('/schools/:id', async (c) => {
    const { id } = readParams(c, s.idParams);
    await guard.adminSchool(c, id);
    return c.json(
      await updateSchool({
        db,
        clock,
        input: { id, patch: await readJson(c, s.updateSchoolInput) },
      }),
    );
  });

  app.get('/rooms', async (c) => {
    const p = guard.signedIn(c);
    const query = readQuery(c, s.listRoomsQuery);
    const countyId = listCountyId(p, query.countyId);
    if (countyId === null) return c.json({ items: [] });
    const items = await listRooms({ db, input: { ...query, countyId } });
    const readable = (schoolId: number) =>
      countyId === undefined || canReadSchool(p, { id: schoolId, countyId });
    return c.json({ items: items.filter((room) => readable(room.schoolId)) });
  });
  app.post('/rooms', async (c) => {
    guard.signedIn(c);
    const input = await readJson(c, s.createRoomInput);
    await guard.adminSchool(c, input.schoolId, { ref: true });
    return c.json(await createRoom({ db, clock, input }), 201);
  });
  app.get('/rooms/:id', async (c) => {
    const input = readParams(c, s.idParams);
    await guard.readRoom(c, input.id);
    return c.json(await getRoom({ db, input }));
  });
  app.patch('/rooms/:id', async (c) => {
    const { id } = readParams(c, s.idParams);
    await guard.adminRoom(c, id);
    return c.json(
      await updateRoom({ db, clock, input: { id, patch: await readJson(c, s.updateRoomInput) } }),
    );
  });
  return app;
}
