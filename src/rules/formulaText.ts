/**
 * The vocabulary the rules write their formulas in: constants and input-cell operands in Excel's
 * invariant English form. Where the cells are (sheets, columns, rows) is the workbook writer's
 * business; a rule's formula receives references as text.
 */

/** How a formula reads one input cell. */
export interface Operand {
  /** The cell itself, for blank tests: `K5=""`. */
  ref: string;
  /** The value on Traguardo's scale: `K5`, or `100*K5` for a % cell (0,3 shown as 30 %). */
  value: string;
}

/** A text constant: `"Raggiunto"`, with inner quotes doubled. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number constant; JavaScript's shortest round-trip form is also valid formula text (`1e-7`). */
export function numberLiteral(value: number): string {
  return String(value);
}

/** `IF(K5="",ifBlank,ifSet)`, or just `ifBlank` for a column that is not there. */
export function blankOr(op: Operand | undefined, ifBlank: string, ifSet: (value: string) => string): string {
  return op === undefined ? ifBlank : `IF(${op.ref}="",${ifBlank},${ifSet(op.value)})`;
}

/** True for SI (also TRUE, Sì), as the parser reads a canonical SI/NO cell. */
export function isYes(op: Operand): string {
  return `IF(ISLOGICAL(${op.ref}),${op.ref},OR(UPPER(TRIM(${op.ref}))="SI",UPPER(TRIM(${op.ref}))="SÌ"))`;
}
