import type { MessageKey } from '@xiaowang/shared';
import type { Db } from '../../db/schema.ts';
import { notFound, validationError } from '../../errors.ts';
import { findCounty, findTown } from './queries.ts';
import { findRoom, findSchool } from './queries-schools.ts';
import type { County, Room, School, Town } from './schema.ts';

/* Loads a place or fails the way callers need: 404 for the URL's own id, 400 naming the field for a reference in the body. */

function orThrow<T>(value: T | undefined, error: () => Error): T {
  if (value === undefined) throw error();
  return value;
}

export const countyOrNotFound = async (db: Db, id: number): Promise<County> =>
  orThrow(await findCounty(db, { id }), () => notFound('api.notFound.county', id));

export const townOrNotFound = async (db: Db, id: number): Promise<Town> =>
  orThrow(await findTown(db, { id }), () => notFound('api.notFound.town', id));

export const schoolOrNotFound = async (db: Db, id: number): Promise<School> =>
  orThrow(await findSchool(db, { id }), () => notFound('api.notFound.school', id));

export const roomOrNotFound = async (db: Db, id: number): Promise<Room> =>
  orThrow(await findRoom(db, { id }), () => notFound('api.notFound.room', id));

const missingRef = (path: string, key: MessageKey, id: number) => () =>
  validationError([{ path, key, params: { id } }]);

export const referencedCounty = async (db: Db, id: number, path: string): Promise<County> =>
  orThrow(await findCounty(db, { id }), missingRef(path, 'api.notFound.county', id));

export const referencedTown = async (db: Db, id: number, path: string): Promise<Town> =>
  orThrow(await findTown(db, { id }), missingRef(path, 'api.notFound.town', id));

export const referencedSchool = async (db: Db, id: number, path: string): Promise<School> =>
  orThrow(await findSchool(db, { id }), missingRef(path, 'api.notFound.school', id));
