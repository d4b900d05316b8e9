/**
 * Input cells as formula operands. A formula may read a cell only where the parser published
 * that it read the cell as typed (schema/readings.ts): a number, a date, a % cell, SI/NO, or
 * nothing. Text the parser had to interpret (`1.750`, `31/12/2023`, `in parte 40%`) is read by
 * Calcola but not by a formula: the outputs that depend on it are written as values.
 */
import type { Operand } from '../../rules/formulaText';
import { formOf, formulaReadable, PERCENT, type CellForm } from '../../schema/readings';

/**
 * The operand of a cell, null when a formula cannot read it. `ref` absent (the column is not in
 * the table) gives the operand of a cell that is always blank: `undefined`.
 */
export function operand(ref: string | undefined, form: CellForm): Operand | null | undefined {
  if (ref === undefined) return undefined;
  if (!formulaReadable(form)) return null;
  return { ref, value: formOf(form) === PERCENT ? `(100*${ref})` : ref };
}
