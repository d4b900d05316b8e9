/**
 * Where each cell of a Traguardo table is once Calcola has appended the output columns a table
 * lacks: the references formulas are made of.
 */
import type { TablePlacement } from '../grid';
import { columnLetters, sheetPrefix } from './a1';

export class TableGrid {
  readonly sheet: string;
  /** `Indicatori!`: what references from other sheets start with (thousands a table, one prefix). */
  private readonly prefix: string;
  private readonly first: number;
  private readonly last: number;

  /**
   * @param offsets column offset (0-based from the table's first column) by column id, the
   *   appended output columns included.
   */
  constructor(
    readonly placement: TablePlacement,
    private readonly offsets: ReadonlyMap<string, number>,
  ) {
    this.sheet = placement.sheet;
    this.prefix = sheetPrefix(placement.sheet);
    this.first = placement.top + 1;
    this.last = placement.top + placement.rowCount;
  }

  has(id: string): boolean {
    return this.offsets.has(id);
  }

  /** The Excel row of plan row `index`. */
  row(index: number): number {
    return this.first + this.placement.rows[index];
  }

  private readonly lettersOf = new Map<string, string>();

  private letters(id: string): string {
    let letters = this.lettersOf.get(id);
    if (letters === undefined) {
      const offset = this.offsets.get(id);
      if (offset === undefined) throw new Error(`column ${id} is not in table ${this.placement.table}`);
      letters = columnLetters(this.placement.left + offset);
      this.lettersOf.set(id, letters);
    }
    return letters;
  }

  /** `K5` seen from the same sheet, `Indicatori!$K$5` from another one. */
  cell(id: string, index: number, from: string): string {
    const letters = this.letters(id);
    const row = this.row(index);
    return from === this.sheet ? `${letters}${row}` : `${this.prefix}$${letters}$${row}`;
  }

  /** Rows `first`…`last` (Excel rows) of a column: `$K$5:$K$9`, with the sheet when seen from another one. */
  span(id: string, first: number, last: number, from: string): string {
    const letters = this.letters(id);
    return `${from === this.sheet ? '' : this.prefix}$${letters}$${first}:$${letters}$${last}`;
  }

  /** The column's data cells: `K$2:K$40` on the same sheet (rows fixed), `Indicatori!$K$2:$K$40` from another one. */
  range(id: string, from: string): string {
    const letters = this.letters(id);
    if (from === this.sheet) return `$${letters}$${this.first}:$${letters}$${this.last}`;
    return `${this.prefix}$${letters}$${this.first}:$${letters}$${this.last}`;
  }
}
