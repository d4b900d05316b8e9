/**
 * Classes of a pot (SPEC §8.2.4, `Classi`): the class a score falls in and what it gives, the
 * class coefficient k_p (Coefficienti) or the payment share π_p in % (Budget, Posizione).
 */
import { message, type Lang } from '../i18n';
import { formatDecimal, roundHalfUp } from './rounding';
import { numberLiteral } from './formulaText';

export interface PayClassRow {
  from: number;
  coefficient: number | null;
  payment: number | null;
  proportional: boolean;
}

/** Coefficienti reads a row's Coefficiente; Budget and Posizione its Pagamento %. */
export type ClassFactor = 'coefficient' | 'payment';

export interface ClassResult {
  /** 1-based row of the pot's Classi (in sheet order); null below the first row or without rows. */
  index: number | null;
  /** k_p, or π_p in %. */
  factor: number;
}

/** A pot without rows pays everyone coefficient 1 / payment 100 %. */
const UNCLASSED: Readonly<Record<ClassFactor, number>> = { coefficient: 1, payment: 100 };

/**
 * The last row (sheet order) with Da punteggio ≤ the score as shown (`decimals`), as SPEC words
 * it; rows are ascending once validated, so that is the highest threshold reached. Below every
 * row nothing is paid (factor 0); a proportional row gives the shown score itself (k_p = score,
 * π_p = score %); a blank Coefficiente or Pagamento % pays nothing.
 */
export function classFor(score: number, rows: readonly PayClassRow[], pick: ClassFactor, decimals: number): ClassResult {
  if (rows.length === 0) return { index: null, factor: UNCLASSED[pick] };
  const shown = roundHalfUp(score, decimals);
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r];
    if (row.from > shown) continue;
    return { index: r + 1, factor: row.proportional ? shown : (row[pick] ?? 0) };
  }
  return { index: null, factor: 0 };
}

/**
 * The class (its row number, or its factor) of the score in cell `score` as nested IFs from the
 * last row back, compared as shown (`decimals` is the Decimali punteggio name); blank for a
 * blank score (a person not evaluated), and blank for the row number below every row.
 */
export function classFormula(score: string, rows: readonly PayClassRow[], pick: ClassFactor | 'index', decimals: string): string {
  const shown = `ROUND(${score},${decimals})`;
  if (rows.length === 0) return `IF(ISNUMBER(${score}),${pick === 'index' ? '""' : numberLiteral(UNCLASSED[pick])},"")`;
  const choice = (row: PayClassRow, r: number): string => {
    if (pick === 'index') return numberLiteral(r + 1);
    return row.proportional ? shown : numberLiteral(row[pick] ?? 0);
  };
  let text = pick === 'index' ? '""' : '0';
  for (let r = 0; r < rows.length; r++) text = `IF(${shown}>=${numberLiteral(rows[r].from)},${choice(rows[r], r)},${text})`;
  return `IF(ISNUMBER(${score}),${text},"")`;
}

/**
 * A class as Trasparenza, the Relazione and the pane name it: «Classe 2 (da 80)»; below the first
 * class when the pot has Classi (`hasClasses`), else none.
 */
export function classLabel(index: number | null, from: number | null, hasClasses: boolean, decimals: number, lang: Lang): string {
  if (index === null || from === null) return message(hasClasses ? 'pay-class-below' : 'pay-class-none', {}, lang);
  return message('pay-class-label', { index: String(index), from: formatDecimal(from, decimals, lang) }, lang);
}
