/**
 * Pieces of formula text in Excel's invariant English form: A1 references, sheet prefixes and
 * constants. Nothing here knows about Traguardo's tables.
 */
import { cellAddress } from '../port';

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  return cellAddress(1, column).replace(/\d+$/, '');
}

const ADDRESS = /^\$?([A-Z]+)\$?([1-9][0-9]*)$/;

/** 1-based row and column of an A1 address (`P4`, `$P$4`) that Traguardo wrote; null for anything else. */
export function cellPosition(address: string): { row: number; column: number } | null {
  const match = ADDRESS.exec(address);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

const PLAIN_SHEET = /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/;
/** A sheet named like a cell (`AB12`) or like R1C1 must be quoted too. */
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$/;

/** `Obiettivi!` or `'Piano 2024'!`: the prefix of a reference to another sheet. */
export function sheetPrefix(sheet: string): string {
  if (PLAIN_SHEET.test(sheet) && !LOOKS_LIKE_CELL.test(sheet)) return `${sheet}!`;
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** Excel refuses formulas longer than 8 192 characters; past this Traguardo writes a value instead. */
export const MAX_FORMULA_LENGTH = 8000;

/** Excel's SUM takes at most 255 arguments. */
export const MAX_ARGUMENTS = 250;
