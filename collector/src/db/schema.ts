import type { Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { RoomKind, SchoolKind } from '../features/places/kinds.ts';

/*
 * The tables as the query builder sees them. Column names are snake_case as in SQL;
 * timestamps are ISO-8601 text in UTC so that SQLite and PostgreSQL store them alike.
 * Add a table here in the same change as the migration that creates it.
 */

export interface CountiesTable {
  id: Generated<number>;
  name: string;
  timezone: string;
  created_at: string;
  updated_at: string;
}

export interface TownsTable {
  id: Generated<number>;
  county_id: number;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface SchoolsTable {
  id: Generated<number>;
  /** Copied from the town and tied to it by a composite foreign key, so `code` can be unique per county. */
  county_id: number;
  town_id: number;
  name: string;
  code: string;
  kind: SchoolKind;
  contracted_egress_mbps: number | null;
  created_at: string;
  updated_at: string;
}

export interface RoomsTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  kind: RoomKind;
  created_at: string;
  updated_at: string;
}

export interface Database {
  counties: CountiesTable;
  towns: TownsTable;
  schools: SchoolsTable;
  rooms: RoomsTable;
}

/** The database or an open transaction: verbs and queries accept either. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export type CountyRow = Selectable<CountiesTable>;
export type TownRow = Selectable<TownsTable>;
export type SchoolRow = Selectable<SchoolsTable>;
export type RoomRow = Selectable<RoomsTable>;
