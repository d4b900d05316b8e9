/**
 * The `Regole` parameters formulas read, as workbook names (`Tetto_grado`, `Data_riferimento` …):
 * each name reads the parameter's Valore cell, with the SPEC default when the cell is blank, so a
 * change of Tetto grado % in `Regole` moves every grade at once. A cell a formula cannot read as
 * Calcola did (text such as `31/12/2023`) gives a name holding the value Calcola used.
 *
 * Enumerated rules (methods, missing actual, perimeter, multipliers) are not names: they choose
 * which formula a row gets, so changing them asks for a new Calcola (see stamp.ts).
 */
import { dayNumber } from '../../engine/dates';
import { effectiveCap, referenceDate } from '../../engine/rules';
import type { Lang } from '../../i18n';
import { isBlank, percentCellValue } from '../../schema/cells';
import { defaultRules, type Plan, type Rules } from '../../schema/model';
import { isPercentCell, type CellValue, type RawTables } from '../../schema/raw';
import { RULES } from '../../schema/tables';
import { columnId } from '../headers';
import type { DefinedName } from '../port';
import { numberLiteral } from '../../rules/formulaText';
import { columnLetters, sheetPrefix } from './a1';
import type { TableGrid } from './geometry';
import { readable } from './operands';

export type NamedRule = 'year' | 'referenceDate' | 'cap' | 'deadlineToleranceDays' | 'onTrackThreshold' | 'lateThreshold' | 'decimals';

const NAMES: Record<NamedRule, Record<Lang, string>> = {
  year: { it: 'Anno_piano', en: 'Plan_year' },
  referenceDate: { it: 'Data_riferimento', en: 'Reference_date' },
  cap: { it: 'Tetto_grado', en: 'Grade_cap' },
  deadlineToleranceDays: { it: 'Tolleranza_giorni', en: 'Tolerance_days' },
  onTrackThreshold: { it: 'Soglia_in_linea', en: 'On_track_threshold' },
  lateThreshold: { it: 'Soglia_in_ritardo', en: 'Late_threshold' },
  decimals: { it: 'Decimali', en: 'Decimal_places' },
};

/** Names are defined in this order: the default of Data di riferimento reads Anno_piano. */
const ORDER: readonly NamedRule[] = ['year', 'referenceDate', 'cap', 'deadlineToleranceDays', 'onTrackThreshold', 'lateThreshold', 'decimals'];

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

/** What a formula reads from a readable cell, in the same unit as `used`. */
function cellReading(raw: CellValue): number | null {
  if (raw instanceof Date) return Math.round(raw.getTime() / 86_400_000) + 25_569;
  if (isPercentCell(raw)) return percentCellValue(raw.percent);
  return typeof raw === 'number' ? raw : null;
}

export function regoleNames(plan: Plan, raw: RawTables, rulesGrid: TableGrid | undefined, lang: Lang): RuleNames {
  const rules = plan.rules;
  const defaults = defaultRules(rules.year);
  const names: DefinedName[] = [];
  let frozen = 0;
  const nameOf = (key: NamedRule) => NAMES[key][lang];
  const valueColumn = columnId({ role: 'rules', key: 'value' });
  for (const key of ORDER) {
    const label = RULES.fields.find((f) => f.key === key)?.label[lang] ?? key;
    const fallback = key === 'referenceDate' ? `DATE(${nameOf('year')},12,31)` : key === 'year' ? numberLiteral(rules.year) : numberLiteral(used(defaults, key));
    const constant = key === 'referenceDate' ? dateLiteral(referenceDate(rules)) : numberLiteral(used(rules, key));
    const cell = rulesCell(rulesGrid, key, valueColumn);
    const rawValue = raw.rules?.[key] ?? null;
    let formula: string;
    const kind = key === 'referenceDate' ? 'date' : 'number';
    if (cell === null) formula = constant;
    else if (!readable(rawValue, kind)) {
      formula = constant;
      frozen++;
    } else {
      const reading = isBlank(rawValue) ? null : cellReading(rawValue);
      const expected = used(rules, key);
      // The parser rejects some readable values (Decimali 2,5; a negative tolerance) and uses the default.
      const agrees = reading === null ? key === 'year' || key === 'referenceDate' || used(defaults, key) === expected : reading === expected;
      if (!agrees) {
        formula = constant;
        frozen++;
      } else {
        const value = isPercentCell(rawValue) ? `100*${cell}` : cell;
        formula = `IF(ISBLANK(${cell}),${fallback},${value})`;
      }
    }
    names.push({ name: nameOf(key), formula: `=${formula}`, comment: label });
  }
  return { names, ref: nameOf, frozen };
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
