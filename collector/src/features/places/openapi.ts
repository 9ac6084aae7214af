import type { RouteDoc } from '../openapi/registry.ts';
import { importQuery, importResult } from './import/schema.ts';
import * as s from './schema.ts';

const V1 = '/api/v1';

/** One entry per route in routes.ts, with the schemas its handler parses. */
export const placesDocs: readonly RouteDoc[] = [
  ...resource('counties', 'county', {
    create: s.createCountyInput,
    update: s.updateCountyInput,
    list: undefined,
    output: s.countyOutput,
  }),
  {
    method: 'post',
    path: `${V1}/counties/{id}/import`,
    summary: 'Import towns, schools and rooms from CSV (UTF-8 or GB18030) or XLSX; all or nothing',
    tag: 'places',
    auth: 'admin',
    params: s.idParams,
    query: importQuery,
    body: {
      files: [
        'text/csv',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'multipart/form-data',
      ],
    },
    response: { status: 200, schema: importResult },
  },
  ...resource('towns', 'town', {
    create: s.createTownInput,
    update: s.updateTownInput,
    list: s.listTownsQuery,
    output: s.townOutput,
  }),
  ...resource('schools', 'school', {
    create: s.createSchoolInput,
    update: s.updateSchoolInput,
    list: s.listSchoolsQuery,
    output: s.schoolOutput,
  }),
  ...resource('rooms', 'room', {
    create: s.createRoomInput,
    update: s.updateRoomInput,
    list: s.listRoomsQuery,
    output: s.roomOutput,
  }),
];

function resource(
  plural: string,
  singular: string,
  schemas: {
    create: NonNullable<RouteDoc['body']>;
    update: NonNullable<RouteDoc['body']>;
    list: RouteDoc['query'];
    output: RouteDoc['response']['schema'];
  },
): RouteDoc[] {
  const base = { tag: 'places', auth: 'admin' } as const;
  const item = `${V1}/${plural}/{id}`;
  return [
    {
      ...base,
      method: 'get',
      path: `${V1}/${plural}`,
      summary: `List ${plural} (those the caller may read)`,
      ...(schemas.list ? { query: schemas.list } : {}),
      response: { status: 200, schema: s.listOf(schemas.output) },
    },
    {
      ...base,
      // A new county is above any county's administrator: the admin token only.
      ...(plural === 'counties' ? { auth: 'token' as const } : {}),
      method: 'post',
      path: `${V1}/${plural}`,
      summary: `Create a ${singular}`,
      body: schemas.create,
      response: { status: 201, schema: schemas.output },
    },
    {
      ...base,
      method: 'get',
      path: item,
      summary: `Get a ${singular}`,
      params: s.idParams,
      response: { status: 200, schema: schemas.output },
    },
    {
      ...base,
      method: 'patch',
      path: item,
      summary: `Change a ${singular}`,
      params: s.idParams,
      body: schemas.update,
      response: { status: 200, schema: schemas.output },
    },
  ];
}
