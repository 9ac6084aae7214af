import type { ErrorDetail } from '../../../errors.ts';
import type { RoomKind } from '../kinds.ts';
import type { Room, School, Town } from '../schema.ts';
import type { ColumnMap } from './columns.ts';
import type { FileSchool } from './group-rows.ts';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What an import will write: computed in full before anything is written. */
export interface ImportPlan {
  readonly townsToCreate: readonly string[];
  readonly schoolsToCreate: readonly FileSchool[];
  readonly schoolsToUpdate: readonly {
    readonly id: number;
    readonly file: FileSchool;
    readonly renamed: boolean;
  }[];
  readonly roomsToCreate: readonly {
    readonly code: string;
    readonly name: string;
    readonly kind: RoomKind;
  }[];
  readonly roomsToUpdate: readonly { readonly id: number; readonly kind: RoomKind }[];
  readonly counts: { readonly towns: Counts; readonly schools: Counts; readonly rooms: Counts };
}

export interface CountyState {
  readonly towns: readonly Town[];
  readonly schools: readonly School[];
  readonly rooms: readonly Room[];
}

/**
 * Compares the file with the county as stored. Schools match by code, towns and rooms by
 * name. Places the file leaves out are kept; a blank bandwidth keeps the stored one.
 */
export function diffWithCounty(
  files: ReadonlyMap<string, FileSchool>,
  state: CountyState,
  columns: ColumnMap,
) {
  const townByName = new Map(state.towns.map((t) => [t.name, t]));
  const townName = new Map(state.towns.map((t) => [t.id, t.name]));
  const schoolByCode = new Map(state.schools.map((s) => [s.code, s]));
  const errors: ErrorDetail[] = [];
  const townsToCreate = [...new Set([...files.values()].map((f) => f.town))].filter(
    (n) => !townByName.has(n),
  );
  const counts = {
    towns: {
      created: townsToCreate.length,
      updated: 0,
      unchanged: new Set([...files.values()].map((f) => f.town)).size - townsToCreate.length,
    },
    schools: { created: 0, updated: 0, unchanged: 0 },
    rooms: { created: 0, updated: 0, unchanged: 0 },
  };

  // Names after the import: stored schools the file does not mention keep theirs.
  const finalNames = new Map<string, string>();
  for (const s of state.schools) {
    if (!files.has(s.code))
      finalNames.set(`${townName.get(s.townId) ?? ''}\u0000${s.name}`, s.code);
  }
  const schoolsToCreate: FileSchool[] = [];
  const schoolsToUpdate: { id: number; file: FileSchool; renamed: boolean }[] = [];
  for (const file of files.values()) {
    const holder = finalNames.get(`${file.town}\u0000${file.name}`);
    if (holder !== undefined) {
      const column = columns.school?.header ?? 'school';
      errors.push({
        path: `rows.${file.firstRow}.school`,
        row: file.firstRow,
        column,
        key: 'import.error.nameTakenInDb',
        params: { name: file.name, code: holder },
      });
      continue;
    }
    const stored = schoolByCode.get(file.code);
    if (stored === undefined) {
      schoolsToCreate.push(file);
      counts.schools.created++;
      continue;
    }
    const renamed = file.name !== stored.name || file.town !== townName.get(stored.townId);
    const changed =
      renamed ||
      file.kind !== stored.kind ||
      (file.contractedMbps !== null && file.contractedMbps !== stored.contractedEgressMbps);
    if (changed) schoolsToUpdate.push({ id: stored.id, file, renamed });
    counts.schools[changed ? 'updated' : 'unchanged']++;
  }

  const roomsBySchool = new Map<number, Map<string, Room>>();
  for (const room of state.rooms) {
    const rooms = roomsBySchool.get(room.schoolId) ?? new Map<string, Room>();
    rooms.set(room.name, room);
    roomsBySchool.set(room.schoolId, rooms);
  }
  const roomsToCreate: { code: string; name: string; kind: RoomKind }[] = [];
  const roomsToUpdate: { id: number; kind: RoomKind }[] = [];
  for (const file of files.values()) {
    const stored = schoolByCode.get(file.code);
    const storedRooms = stored === undefined ? undefined : roomsBySchool.get(stored.id);
    for (const [name, { kind }] of file.rooms) {
      const room = storedRooms?.get(name);
      if (room === undefined) {
        roomsToCreate.push({ code: file.code, name, kind });
        counts.rooms.created++;
      } else if (room.kind !== kind) {
        roomsToUpdate.push({ id: room.id, kind });
        counts.rooms.updated++;
      } else {
        counts.rooms.unchanged++;
      }
    }
  }
  const plan: ImportPlan = {
    townsToCreate,
    schoolsToCreate,
    schoolsToUpdate,
    roomsToCreate,
    roomsToUpdate,
    counts,
  };
  return { plan, errors };
}
