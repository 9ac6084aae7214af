import type { WriteContext } from '../../../context.ts';
import { inTransaction } from '../../../db/tx.ts';
import type { ErrorDetail } from '../../../errors.ts';
import { validationError } from '../../../errors.ts';
import { countyOrNotFound } from '../lookups.ts';
import { selectTowns } from '../queries.ts';
import { selectRooms, selectSchools } from '../queries-schools.ts';
import { applyPlan } from './apply.ts';
import { mapColumns } from './columns.ts';
import { diffWithCounty } from './diff.ts';
import { groupRows } from './group-rows.ts';
import { MAX_ROWS, parseRows } from './parse-rows.ts';
import { readTable } from './read-table.ts';
import type { ImportPlacesInput, ImportResult } from './schema.ts';

/**
 * Imports a county's towns, schools and rooms from the bureau's CSV or XLSX, all or nothing:
 * every row is checked first and any problem means nothing is written, with every problem
 * listed by row and column. With `dryRun` it only checks and reports what it would do.
 */
export async function importPlaces({
  db,
  clock,
  input,
}: WriteContext<ImportPlacesInput>): Promise<ImportResult> {
  const { countyId } = input;
  await countyOrNotFound(db, countyId);
  const table = await readTable(input.file);
  const { columns, errors: headerErrors } = mapColumns(table.header);
  if (headerErrors.length > 0) throw validationError(headerErrors);
  if (table.rows.length === 0) throw validationError([fileProblem('import.error.empty', {})]);
  if (table.rows.length > MAX_ROWS) {
    throw validationError([
      fileProblem('import.error.tooManyRows', { max: MAX_ROWS, rows: table.rows.length }),
    ]);
  }
  const parsed = parseRows(table, columns);
  const grouped = groupRows(parsed.rows, columns);

  return inTransaction(db, async (tx) => {
    const state = {
      towns: await selectTowns(tx, { countyId }),
      schools: await selectSchools(tx, { countyId }),
      rooms: await selectRooms(tx, { countyId }),
    };
    const { plan, errors } = diffWithCounty(grouped.schools, state, columns);
    const all = [...parsed.errors, ...grouped.errors, ...errors].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0),
    );
    if (all.length > 0) throw validationError(all);
    if (!input.dryRun) await applyPlan(tx, plan, { id: countyId, ...state }, clock().toISOString());
    return {
      dryRun: input.dryRun,
      countyId,
      format: table.format,
      rows: table.rows.length,
      ...plan.counts,
    };
  });
}

function fileProblem(
  key: ErrorDetail['key'],
  params: NonNullable<ErrorDetail['params']>,
): ErrorDetail {
  return { path: 'file', key, params };
}
