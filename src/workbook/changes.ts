/**
 * The checks every port makes on a `WorkbookChange` before applying it, in one place so the
 * memory model, the xlsx file and Office refuse the same changes with the same keys.
 *
 * A change that fails here is Traguardo's own mistake (a caller that counted rows wrong, a
 * column it never created), not the user's: `WorkbookChangeError` is a keyed defect, not a
 * `UserError`, and the port's batch rolls back as for any failure.
 */
import type { WorkbookChange } from './port';

export type WorkbookChangeProblem =
  /** `writeColumn` with not one value per data row. */
  | 'change-column-length'
  /** `writeColumn` with notes, not one per value. */
  | 'change-notes-length'
  /** `ensureTable` with a name Excel does not accept for a table. */
  | 'change-table-name'
  | 'change-table-missing'
  | 'change-column-missing';

export class WorkbookChangeError extends Error {
  constructor(
    readonly key: WorkbookChangeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookChangeError';
  }
}

/** Table names and headers are found ignoring case and surrounding spaces (port.ts). */
export function sameHeader(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Excel's rule for a table name: a letter, `_` or `\` first, then letters, digits, `_` and `.`. */
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

/** What a port knows of the table a change aims at, as the batch has left it so far. */
export interface ChangeTarget {
  name: string;
  /** Data rows (header excluded). */
  rows: number;
}

/**
 * Checks one change before a port applies it. `target` is the table a `writeColumn` writes to
 * (the port resolves it, see `columnIndexOf`); other kinds need none.
 */
export function checkChange(change: WorkbookChange, target?: ChangeTarget): void {
  switch (change.kind) {
    case 'ensureTable':
      if (!TABLE_NAME.test(change.table)) throw new WorkbookChangeError('change-table-name', `invalid table name ${change.table}`);
      return;
    case 'writeColumn': {
      const name = target?.name ?? change.table;
      const rows = target?.rows ?? change.values.length;
      if (change.values.length !== rows) {
        throw new WorkbookChangeError('change-column-length', `writeColumn ${name}.${change.header}: ${change.values.length} values for ${rows} rows`);
      }
      if (change.notes && change.notes.length !== change.values.length) {
        throw new WorkbookChangeError('change-notes-length', `writeColumn ${name}.${change.header}: ${change.notes.length} notes for ${rows} rows`);
      }
      return;
    }
    default:
      return;
  }
}

/** The failure of a change aimed at a table the workbook does not have. */
export function missingTable(name: string): WorkbookChangeError {
  return new WorkbookChangeError('change-table-missing', `no table ${name}`);
}

/** The 0-based position of `header` among a table's headers (compared as `sameHeader`). */
export function columnIndexOf(table: string, headers: readonly string[], header: string): number {
  const index = headers.findIndex((h) => sameHeader(h, header));
  if (index < 0) throw new WorkbookChangeError('change-column-missing', `table ${table} has no column ${header}`);
  return index;
}
