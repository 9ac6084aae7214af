import type { MessageKey, MessageParams } from '@xiaowang/shared';
import type { ErrorDetail } from '../../../errors.ts';
import type { RoomKind, SchoolKind } from '../kinds.ts';
import type { ColumnMap, Field } from './columns.ts';
import type { ImportRow } from './parse-rows.ts';

/** A school as the file describes it, gathered from all of its rows. */
export interface FileSchool {
  readonly code: string;
  readonly name: string;
  readonly town: string;
  readonly kind: SchoolKind;
  contractedMbps: number | null;
  readonly firstRow: number;
  readonly rooms: Map<string, { readonly kind: RoomKind; readonly row: number }>;
}

/**
 * Gathers rows into schools keyed by code. The rows of one school must agree; a room or a
 * school-only row listed twice is an error, as is one school name in a town under two codes.
 */
export function groupRows(rows: readonly ImportRow[], columns: ColumnMap) {
  const schools = new Map<string, FileSchool>();
  const bareRows = new Map<string, number>();
  const byName = new Map<string, { code: string; row: number }>();
  const errors: ErrorDetail[] = [];
  const fail = (r: ImportRow, field: Field, key: MessageKey, params: MessageParams) =>
    errors.push({
      path: `rows.${r.row}.${field}`,
      row: r.row,
      column: columns[field]?.header ?? field,
      key,
      params,
    });

  for (const r of rows) {
    let school = schools.get(r.code);
    if (school === undefined) {
      const nameKey = `${r.town}\u0000${r.school}`;
      const sameName = byName.get(nameKey);
      if (sameName !== undefined) {
        fail(r, 'code', 'import.error.nameTwoCodes', {
          name: r.school,
          code: sameName.code,
          firstRow: sameName.row,
        });
        continue;
      }
      byName.set(nameKey, { code: r.code, row: r.row });
      school = {
        code: r.code,
        name: r.school,
        town: r.town,
        kind: r.kind,
        contractedMbps: r.contractedMbps,
        firstRow: r.row,
        rooms: new Map(),
      };
      schools.set(r.code, school);
    } else if (!agrees(school, r, fail)) {
      continue;
    }
    if (r.room === null || r.roomKind === null) {
      const first = bareRows.get(r.code);
      if (first !== undefined) fail(r, 'code', 'import.error.duplicateRow', { firstRow: first });
      else bareRows.set(r.code, r.row);
      continue;
    }
    const existing = school.rooms.get(r.room);
    if (existing !== undefined)
      fail(r, 'room', 'import.error.duplicateRoom', { firstRow: existing.row });
    else school.rooms.set(r.room, { kind: r.roomKind, row: r.row });
  }
  return { schools, errors };
}

/** Compares a later row of a school with its first row; a blank bandwidth agrees with any. */
function agrees(
  school: FileSchool,
  r: ImportRow,
  fail: (r: ImportRow, field: Field, key: MessageKey, params: MessageParams) => void,
): boolean {
  const diffs: [Field, string][] = [];
  if (r.town !== school.town) diffs.push(['town', school.town]);
  if (r.school !== school.name) diffs.push(['school', school.name]);
  if (r.kind !== school.kind) diffs.push(['kind', school.kind]);
  if (
    r.contractedMbps !== null &&
    school.contractedMbps !== null &&
    r.contractedMbps !== school.contractedMbps
  ) {
    diffs.push(['contractedMbps', String(school.contractedMbps)]);
  }
  for (const [field, value] of diffs) {
    fail(r, field, 'import.error.schoolDiffers', {
      code: r.code,
      firstRow: school.firstRow,
      value,
    });
  }
  if (diffs.length === 0 && school.contractedMbps === null)
    school.contractedMbps = r.contractedMbps;
  return diffs.length === 0;
}
