import type { MessageKey, MessageParams } from '@xiaowang/shared';
import type { z } from 'zod';
import type { ErrorDetail } from '../../../errors.ts';
import { describeIssue } from '../../../http/zod-issues.ts';
import type { RoomKind, SchoolKind } from '../kinds.ts';
import { roomName, schoolCode, schoolName, townName } from '../schema.ts';
import type { ColumnMap, Field } from './columns.ts';
import { FIELDS } from './columns.ts';
import type { Table } from './read-table.ts';
import { parseMbps, parseRoomKind, parseSchoolKind } from './values.ts';

/** One valid row of the file. */
export interface ImportRow {
  readonly row: number;
  readonly town: string;
  readonly school: string;
  readonly code: string;
  readonly kind: SchoolKind;
  readonly room: string | null;
  readonly roomKind: RoomKind | null;
  readonly contractedMbps: number | null;
}

export const MAX_ROWS = 50_000;

/**
 * Checks every cell of every row and returns every problem found, with the rows whose school
 * columns are sound, so that checks across rows (duplicates) can still run on them.
 */
export function parseRows(
  table: Table,
  columns: ColumnMap,
): { rows: ImportRow[]; errors: ErrorDetail[] } {
  const rows: ImportRow[] = [];
  const errors: ErrorDetail[] = [];
  for (const { row, cells } of table.rows) {
    const bad = new Set<Field>();
    const cell = (field: Field) => {
      const at = columns[field];
      return at === undefined ? '' : (cells[at.index] ?? '');
    };
    const fail = (field: Field, key: MessageKey, params?: MessageParams) => {
      const column = columns[field]?.header ?? field;
      bad.add(field);
      errors.push({
        path: `rows.${row}.${field}`,
        row,
        column,
        key,
        ...(params ? { params } : {}),
      });
    };
    const text = (field: Field, schema: z.ZodType<string>): string => {
      const value = cell(field);
      if (value === '') {
        fail(field, 'import.error.required');
        return '';
      }
      const parsed = schema.safeParse(value, { reportInput: true });
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      if (issue !== undefined) {
        const { key, params } = describeIssue(issue);
        fail(field, key, params);
      }
      return '';
    };

    const known = new Set(FIELDS.flatMap((f) => (columns[f] ? [columns[f].index] : [])));
    if (cells.some((c, i) => c !== '' && !known.has(i))) {
      errors.push({ path: `rows.${row}`, row, column: '', key: 'import.error.extraCells' });
    }
    const town = text('town', townName);
    const school = text('school', schoolName);
    const code = text('code', schoolCode);
    const kindText = cell('kind');
    const kind = kindText === '' ? undefined : parseSchoolKind(kindText);
    if (kindText === '') fail('kind', 'import.error.required');
    else if (kind === undefined) fail('kind', 'import.error.badSchoolKind', { value: kindText });

    const room = cell('room') === '' ? null : text('room', roomName);
    const roomKindText = cell('roomKind');
    const parsedRoomKind = roomKindText === '' ? undefined : parseRoomKind(roomKindText);
    if (roomKindText !== '' && parsedRoomKind === undefined) {
      fail('roomKind', 'import.error.badRoomKind', { value: roomKindText });
    } else if (roomKindText !== '' && room === null) {
      fail('roomKind', 'import.error.roomKindWithoutRoom');
    }
    // A blank room kind means an ordinary classroom, the usual case.
    const roomKind: RoomKind | null =
      room === null ? null : (parsedRoomKind ?? 'ordinary_classroom');
    const mbpsText = cell('contractedMbps');
    const contractedMbps = mbpsText === '' ? null : (parseMbps(mbpsText) ?? null);
    if (mbpsText !== '' && contractedMbps === null)
      fail('contractedMbps', 'import.error.badMbps', { value: mbpsText });

    const schoolSound = !(['town', 'school', 'code', 'kind', 'room'] as const).some((f) =>
      bad.has(f),
    );
    if (schoolSound && kind !== undefined) {
      rows.push({ row, town, school, code, kind, room, roomKind, contractedMbps });
    }
  }
  return { rows, errors };
}
