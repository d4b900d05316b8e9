/**
 * A finding says what is wrong with which cell. Producers (cell parsing, cross-row validation)
 * speak in plan coordinates: the table and the data-row index of `Plan`, and the field key.
 * The workbook layer turns those into a sheet name, an Excel row, a column label and an address
 * (`LocatedFinding`), because only it knows where each table and column sits.
 */

export type Severity = 'errore' | 'avviso' | 'info';

/** Tables of the workbook, by their interchange key. */
export type TableKey =
  | 'units'
  | 'objectives'
  | 'indicators'
  | 'phases'
  | 'weighting'
  | 'staff'
  | 'monitoring'
  | 'rules'
  | 'bands'
  | 'criteria';

export type MessageParams = Record<string, string | number>;

export interface Finding {
  severity: Severity;
  /** Stable kebab-case rule name, e.g. `phase-shares-sum`; also the message key in i18n. */
  rule: string;
  table: TableKey;
  /** Data-row index in the table (0-based, as in `Plan`); null for a finding about the table. */
  index: number | null;
  /** Field key (interchange name); for `weighting` a criterion name; null for the whole row. */
  field: string | null;
  params: MessageParams;
}

export interface LocatedFinding {
  severity: Severity;
  rule: string;
  /** The sheet name as the user sees it, e.g. `Fasi`. */
  sheet: string;
  /** Excel row number (1-based), or null for a finding about a whole table. */
  row: number | null;
  /** The column header as the user sees it, or null for a whole row. */
  column: string | null;
  /** A1 address on the sheet (e.g. `F12`), or null when there is no single cell. */
  cell: string | null;
  message: string;
}
