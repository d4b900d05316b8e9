/**
 * The `Regole` parameters formulas read, as workbook names (`Tetto_grado`, `Data_riferimento` …):
 * each name reads the parameter's Valore cell, with the SPEC default when the cell is blank, so a
 * change of Tetto grado % in `Regole` moves every grade at once. A cell a formula cannot read as
 * Calcola did (text such as `31/12/2023`) gives a name holding the value Calcola used.
 *
 * Enumerated rules (methods, missing actual, perimeter, multipliers) are not names: they choose
 * which formula a row gets, so changing them asks for a new Calcola (see stamp.ts).
 */
import { dayNumber } from '../../rules/dates';
import { effectiveCap, referenceDate } from '../../rules/parameters';
import type { Lang } from '../../i18n';
import { defaultRules, type Plan, type Rules } from '../../schema/model';
import { BLANK, formulaReadable, formOf, PERCENT, REFUSED, type CellForm } from '../../schema/readings';
import { RULES, type Text } from '../../schema/tables';
import { columnId } from '../headers';
import type { DefinedName } from '../port';
import { numberLiteral } from '../../rules/formulaText';
import { columnLetters, sheetPrefix } from './a1';
import type { TableGrid } from './geometry';

export type NamedRule = 'year' | 'referenceDate' | 'cap' | 'deadlineToleranceDays' | 'onTrackThreshold' | 'lateThreshold' | 'decimals';

/**
 * The named parameters, in `Regole` order (the default of Data di riferimento reads Anno_piano,
 * defined before it), with their names from the table definition.
 */
const NAMED: readonly { key: NamedRule; name: Text; label: Text }[] = RULES.fields.flatMap((f) =>
  f.name === undefined ? [] : [{ key: f.key as NamedRule, name: f.name, label: f.label }],
);

function nameOf(key: NamedRule, lang: Lang): string {
  const named = NAMED.find((n) => n.key === key);
  if (named === undefined) throw new Error(`Regole parameter ${key} has no workbook name`);
  return named.name[lang];
}

export interface RuleNames {
  names: DefinedName[];
  /** The name formulas use for a parameter. */
  ref(key: NamedRule): string;
  /** Names holding a constant because their cell could not be read by a formula. */
  frozen: number;
}

/** The value the engine used for a parameter, in the unit a formula compares it in. */
function used(rules: Rules, key: NamedRule): number {
  switch (key) {
    case 'cap':
      return effectiveCap(rules);
    case 'referenceDate':
      return excelSerial(referenceDate(rules));
    default:
      return rules[key];
  }
}

/** Excel's 1900-system serial of an ISO date. */
function excelSerial(iso: string): number {
  return (dayNumber(iso) as number) + 25_569;
}

function dateLiteral(iso: string): string {
  return `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;
}

/** `forms`: how the parser read each parameter's Valore cell. */
export function regoleNames(plan: Plan, forms: Readonly<Record<string, CellForm>>, rulesGrid: TableGrid | undefined, lang: Lang): RuleNames {
  const rules = plan.rules;
  const defaults = defaultRules(rules.year);
  const names: DefinedName[] = [];
  let frozen = 0;
  const valueColumn = columnId({ role: 'rules', key: 'value' });
  for (const { key, label } of NAMED) {
    const fallback = key === 'referenceDate' ? `DATE(${nameOf('year', lang)},12,31)` : key === 'year' ? numberLiteral(rules.year) : numberLiteral(used(defaults, key));
    const constant = key === 'referenceDate' ? dateLiteral(referenceDate(rules)) : numberLiteral(used(rules, key));
    const cell = rulesCell(rulesGrid, key, valueColumn);
    const form = forms[key] ?? BLANK;
    // The parser refuses some readable values (Decimali 2,5; a negative tolerance) and uses the default.
    const agrees = formulaReadable(form) && (form & REFUSED) === 0 && (form !== BLANK || key === 'year' || key === 'referenceDate' || used(defaults, key) === used(rules, key));
    let formula: string;
    if (cell === null) formula = constant;
    else if (!agrees) {
      formula = constant;
      frozen++;
    } else formula = `IF(ISBLANK(${cell}),${fallback},${formOf(form) === PERCENT ? `100*${cell}` : cell})`;
    names.push({ name: nameOf(key, lang), formula: `=${formula}`, comment: label[lang] });
  }
  return { names, ref: (key) => nameOf(key, lang), frozen };
}

/** `Regole!$B$5`: the Valore cell of a parameter, null when the table or its row is missing. */
function rulesCell(grid: TableGrid | undefined, key: NamedRule, valueColumn: string): string | null {
  if (!grid) return null;
  const p = grid.placement;
  const row = p.parameters.get(key);
  const offset = p.columns.get(valueColumn);
  if (row === undefined || offset === undefined) return null;
  return `${sheetPrefix(p.sheet)}$${columnLetters(p.left + offset)}$${p.top + 1 + row}`;
}
