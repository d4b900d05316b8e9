/**
 * Input cells as formula operands. A formula may read a cell only when it holds what the parser
 * read without converting anything: a number, a date, a % cell, SI/NO, or nothing. Text the
 * parser had to interpret (`1.750`, `31/12/2023`, `in parte 40%`) is read by Calcola but not by
 * a formula: the outputs that depend on it are written as values.
 */
import { isBlank } from '../../schema/cells';
import type { Operand } from '../../rules/formulaText';
import { isCellError, isPercentCell, type CellValue } from '../../schema/raw';

export type OperandKind = 'number' | 'date' | 'yesno';

const YES_NO_TEXT = new Set(['SI', 'SÌ', 'NO']);

/** True when a formula reads `raw` as the parser does. */
export function readable(raw: CellValue, kind: OperandKind): boolean {
  if (isBlank(raw)) return true;
  if (isCellError(raw)) return false;
  if (typeof raw === 'boolean') return kind === 'yesno';
  if (typeof raw === 'string') return kind === 'yesno' && YES_NO_TEXT.has(raw.trim().toUpperCase());
  if (raw instanceof Date) return kind === 'date' && raw.getTime() % 86_400_000 === 0;
  if (isPercentCell(raw) || kind === 'yesno') return kind === 'number';
  // A serial with a time of day is a different day count from the date the parser keeps.
  return Number.isFinite(raw) && (kind !== 'date' || Number.isInteger(raw));
}

/**
 * The operand of a cell, null when a formula cannot read it. `ref` absent (the column is not in
 * the table) gives the operand of a cell that is always blank: `undefined`.
 */
export function operand(ref: string | undefined, raw: CellValue, kind: OperandKind): Operand | null | undefined {
  if (ref === undefined) return undefined;
  if (!readable(raw, kind)) return null;
  return { ref, value: isPercentCell(raw) ? `(100*${ref})` : ref };
}
