/**
 * The last column of the standard conceptual rows the agent walks whole, from their MIBs.
 * With it a walk knows where the table ends once it has read the first column: a GETBULK
 * that would run past the last row of the last column is asked for one value past the end
 * instead of a full reply of the next subtree's values (which the device must find and send,
 * and the agent drops). A device without the last columns only loses the saving.
 */
const LAST_COLUMN: ReadonlyMap<string, number> = new Map([
  // IF-MIB ifEntry: ifIndex … ifSpecific
  ['1.3.6.1.2.1.2.2.1', 22],
  // IF-MIB ifXEntry: ifName … ifCounterDiscontinuityTime
  ['1.3.6.1.2.1.31.1.1.1', 19],
  // LLDP-MIB lldpLocPortEntry: lldpLocPortIdSubtype … lldpLocPortDesc
  ['1.0.8802.1.1.2.1.3.7.1', 4],
  // LLDP-MIB lldpRemEntry: lldpRemChassisIdSubtype … lldpRemSysCapEnabled
  ['1.0.8802.1.1.2.1.4.1.1', 12],
]);

/** Where a walk of one conceptual row stands: columns in order, rows in index order. */
export interface TableProgress {
  readonly lastColumn: number;
  /** Column of the first value read; its row count is the table's. */
  firstColumn: number;
  /** Rows of the first column, known once a value of another column arrives. */
  rows: number;
  column: number;
  /** Values read in `column` so far. */
  inColumn: number;
}

/** Progress to keep for a walk of `root`, or undefined when its shape is not known. */
export function tableProgress(root: string): TableProgress | undefined {
  const lastColumn = LAST_COLUMN.get(root);
  return lastColumn === undefined
    ? undefined
    : { lastColumn, firstColumn: 0, rows: 0, column: 0, inColumn: 0 };
}

/** Notes one value of the walk, in column `column` of its table. */
export function noteColumn(progress: TableProgress, column: number): void {
  if (column === progress.column) {
    progress.inColumn++;
    return;
  }
  if (progress.column === 0) progress.firstColumn = column;
  else if (progress.column === progress.firstColumn) progress.rows = progress.inColumn;
  progress.column = column;
  progress.inColumn = 1;
}

/**
 * Values still to read before the walk sees the table's end, that end included; undefined
 * while the row count is not known or the table does not have the shape its MIB gives (a
 * column longer than the first, a column past the last), when nothing is promised.
 */
export function valuesLeft(progress: TableProgress): number | undefined {
  const { rows, column, inColumn, lastColumn } = progress;
  if (rows === 0 || inColumn > rows || column > lastColumn) return undefined;
  return rows - inColumn + rows * (lastColumn - column) + 1;
}
