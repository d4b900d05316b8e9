/**
 * What the live workbook's writers share: the engine's results and published analysis, the
 * `Regole` names, the table grids, the notes of value cells, and the few questions only a writer
 * asks (can SUMIFS match this code, where do an objective's rows stand in the sheet). No engine
 * decision is taken here: rows, memberships and methods come from `results.analysis`.
 */
import type { PlanAnalysis } from '../../engine/analysis';
import { rowsOf } from '../../engine/analysis';
import type { ScoreResults } from '../../engine/results';
import type { BlockedRows } from '../../engine/score';
import { message, type Lang } from '../../i18n';
import type { PartSums } from '../../rules/objectiveGrade';
import type { Operand } from '../../rules/formulaText';
import { rawWeightFormula } from '../../rules/weights';
import type { TableKey } from '../../schema/findings';
import type { BandCells } from '../../rules/bands';
import type { Band, Plan } from '../../schema/model';
import { summaryColumn } from '../../schema/tables';
import type { CellValue } from '../../schema/raw';
import { BLANK, rowForm, TYPED, type CellReadings, type RowTableKey } from '../../schema/readings';
import { columnId } from '../headers';
import type { FormulaCell, OutputValue } from '../port';
import { columnLetters } from './a1';
import type { TableGrid } from './geometry';
import { regoleNames, type RuleNames } from './names';
import { operand } from './operands';

/** Why a cell holds a value instead of a formula (the note says it). */
export type ValueReason = 'floors' | 'rollup' | 'unreadable' | 'codes' | 'length' | 'zero-weights' | 'blocked';

/** A cell left without formula because it has nothing to compute (an excluded row, a non-member). */
export type CellReason = ValueReason | 'none';

/** The cells of one output column, by plan row. */
export interface ColumnCells {
  values: OutputValue[];
  /** A note on the cell (values written where a formula cannot be), or null. */
  notes: (string | null)[];
}

export interface LiveInput {
  plan: Plan;
  /** How the parser read each input cell. */
  readings: CellReadings;
  results: ScoreResults;
  blocked: BlockedRows;
  lang: Lang;
  /** Italian-style date of the calculation, for notes. */
  calculatedOn: string;
  /** The tables present, with their columns after Calcola appends the missing outputs. */
  grids: ReadonlyMap<TableKey, TableGrid>;
  /** The Riepilogo sheet name and the 1-based row of its first unit. */
  summarySheet: string;
  summaryFirstRow: number;
}

export const output = (key: string): string => columnId({ role: 'output', key });
export const field = (key: string): string => columnId({ role: 'field', key });
export const criterion = (name: string): string => columnId({ role: 'criterion', name });

/** Criteria of SUMIFS/COUNTIFS read `*`, `?`, `~` as wildcards and a leading `<`, `>`, `=` as a comparison. */
const CRITERION_UNSAFE = /[*?~]|^[<>=]/;
/** A criterion that looks like a number, a date or a logical also matches cells of that type. */
const NUMBER_LIKE = /^[+-]?(\d|\.\d)|^(true|false|vero|falso)$/i;

function criterionSafe(text: string): boolean {
  return text !== '' && !CRITERION_UNSAFE.test(text) && !NUMBER_LIKE.test(text);
}

export const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export const formula = (text: string, result: string | number | boolean | null): FormulaCell => ({ formula: `=${text}`, result });

/**
 * Codes compared by SUMIFS, which ignores case and reads wildcards: a code is usable as a
 * criterion when every cell that SUMIFS would match holds exactly that code, as text.
 */
export class CriterionIndex {
  private readonly seen = new Map<string, Set<string>>();

  /** A code read from a cell; `typed`: the cell holds exactly that text (not a number, no blanks around it). */
  add(code: string | null, typed: boolean): void {
    if (code === null) return;
    const text = typed ? code : `\u0000${code}`;
    const key = text.toUpperCase();
    const set = this.seen.get(key);
    if (set) set.add(text);
    else this.seen.set(key, new Set([text]));
  }

  safe(code: string | null): boolean {
    if (code === null || !criterionSafe(code)) return false;
    const set = this.seen.get(code.toUpperCase());
    return set !== undefined && set.size === 1 && set.has(code);
  }
}

/** Builds the notes of value cells and counts what does not follow the inputs. */
class Notes {
  frozen = 0;
  /** Value cells that hold something and carry a note. */
  noted = 0;
  private readonly texts = new Map<ValueReason, string>();

  constructor(
    private readonly lang: Lang,
    private readonly date: string,
  ) {}

  /** A value cell: its note when it holds something; all but `none` count as frozen. */
  value(reason: CellReason, value: CellValue): string | null {
    if (reason === 'none') return null;
    this.frozen++;
    if (value === null || value === undefined || reason === 'blocked') return null;
    this.noted++;
    let text = this.texts.get(reason);
    if (text === undefined) {
      text = message('live-value-note', { date: this.date, reason: message(`live-reason-${reason}`, {}, this.lang) }, this.lang);
      this.texts.set(reason, text);
    }
    return text;
  }
}

export class Column implements ColumnCells {
  values: OutputValue[];
  notes: (string | null)[];

  constructor(size: number) {
    this.values = new Array<OutputValue>(size).fill(null);
    this.notes = new Array<string | null>(size).fill(null);
  }
}

export type Table = Map<string, Column>;

/** Column letters of the Riepilogo cells formulas read, from its table definition. */
const SUMMARY_LETTERS = Object.fromEntries(
  (['objectives', 'weights', 'grade', 'points'] as const).map((key) => [key, columnLetters(summaryColumn(key) + 1)]),
) as Record<'objectives' | 'weights' | 'grade' | 'points', string>;

/** Rows of one objective listed cell by cell at most (beyond, SUMIFS on the code). */
const SCATTERED_ROWS = 40;

export type PartTable = 'indicators' | 'phases';

export class LiveContext {
  readonly plan: Plan;
  readonly results: ScoreResults;
  readonly analysis: PlanAnalysis;
  readonly notes: Notes;
  readonly names: RuleNames;
  /** Objective codes as SUMIFS criteria (Obiettivi, Indicatori, Fasi). */
  readonly codes = new CriterionIndex();
  readonly unitCodes = new CriterionIndex();
  readonly owners = new CriterionIndex();
  readonly out = new Map<TableKey, Table>();
  /** Unit codes some objective names as its Struttura (only those need a SUMIFS). */
  readonly usedUnits = new Set<string>();
  /** Column letters of the Riepilogo cells that formulas read. */
  readonly summaryColumns = SUMMARY_LETTERS;
  private readonly rowOwners = new Map<PartTable, Int32Array>();

  constructor(readonly input: LiveInput) {
    this.plan = input.plan;
    this.results = input.results;
    this.analysis = input.results.analysis;
    this.notes = new Notes(input.lang, input.calculatedOn);
    this.names = regoleNames(input.plan, input.readings.rules, input.grids.get('rules'), input.lang);
    this.notes.frozen += this.names.frozen;
    this.plan.objectives.forEach((o, i) => {
      if (o.unit !== null) this.usedUnits.add(o.unit);
      this.codes.add(o.code, this.typed('objectives', 'code', i));
      this.unitCodes.add(o.unit, this.typed('objectives', 'unit', i));
      this.owners.add(o.owner, this.typed('objectives', 'owner', i));
    });
    this.plan.indicators.forEach((r, k) => this.codes.add(r.objective, this.typed('indicators', 'objective', k)));
    this.plan.phases.forEach((r, p) => this.codes.add(r.objective, this.typed('phases', 'objective', p)));
  }

  /** The cell was read as typed: a formula reading it gets the plan's value. */
  typed(table: RowTableKey, key: string, row: number): boolean {
    return rowForm(this.input.readings, table, key, row) === TYPED;
  }

  /** The cell is blank. */
  blank(table: RowTableKey, key: string, row: number): boolean {
    return rowForm(this.input.readings, table, key, row) === BLANK;
  }

  grid(key: TableKey): TableGrid | undefined {
    return this.input.grids.get(key);
  }

  /**
   * The `Fasce` cells band formulas seen from sheet `from` read: a band's cell where the parser
   * read it as typed (a number, the label's text); null otherwise.
   */
  bandCells(from: string): BandCells {
    const rows = this.input.readings.bandRows;
    return (band, key) => {
      const g = this.grid('bands');
      if (!g || !g.has(field(key))) return null;
      const row = rows[this.plan.bands.indexOf(band)];
      return row !== undefined && this.typed('bands', key, row) ? g.cell(field(key), row, from) : null;
    };
  }

  /**
   * The output table of one sheet and how its formulas read the row's own input cells: `op`
   * gives the operand of a field (undefined: the column is not there; null: unreadable).
   */
  start(key: 'indicators' | 'phases' | 'objectives', keys: readonly string[], size: number) {
    const g = this.grid(key);
    if (!g) return null;
    const table: Table = new Map(keys.map((k) => [k, new Column(size)]));
    this.out.set(key, table);
    const from = g.sheet;
    const op = (name: string, row: number): Operand | null | undefined =>
      operand(g.has(field(name)) ? g.cell(field(name), row, from) : undefined, rowForm(this.input.readings, key, name, row));
    return { g, table, from, op };
  }

  putValue(column: Column, row: number, value: CellValue, reason: CellReason): void {
    column.values[row] = value ?? null;
    column.notes[row] = this.notes.value(reason, value);
  }

  /** Objective o is graded by formulas: graded from its parts, with a code SUMIFS can match. */
  byFormula(o: number): boolean {
    return this.analysis.grading[o] === 'parts' && this.codes.safe(this.plan.objectives[o].code);
  }

  /**
   * How formulas total a column over the indicator (phase) rows of objective o. When those rows
   * stand together in the sheet (blank rows allowed), a plain SUM/COUNT of their cells — readable,
   * and a spreadsheet recalculates it without scanning the whole table; rows spread over the
   * sheet are listed one by one; only an objective with very many rows gets SUMIFS/COUNTIFS on
   * its code (`codeCell`), which scans the whole table for each objective. Rows added later inside the block are taken in by Excel;
   * any other change of rows is a structure change that Verifica reports (stamp.ts).
   */
  partRows(part: PartTable, o: number, codeCell: string, from: string): PartSums {
    const g = this.grid(part) as TableGrid;
    const rows = Array.from(rowsOf(part === 'indicators' ? this.analysis.indicatorsOf : this.analysis.phasesOf, o));
    const offsets = rows.map((r) => g.placement.rows[r]);
    const first = Math.min(...offsets);
    const last = Math.max(...offsets);
    const owner = this.ownerOf(part, g);
    let together = rows.length > 0;
    for (let at = first; together && at <= last; at++) together = owner[at] === o || owner[at] === -1;
    if (together) {
      const top = g.placement.top + 1;
      const span = (column: string) => g.span(output(column), top + first, top + last, from);
      return {
        sum: (column) => `SUM(${span(column)})`,
        count: (column) => `COUNT(${span(column)})`,
        sumWhereNumber: (column, condition) => `SUMIFS(${span(column)},${span(condition)},">=0")`,
      };
    }
    // No row: the part is empty until Calcola runs again (a new row is a structure change).
    if (rows.length === 0) return { sum: () => '0', count: () => '0', sumWhereNumber: () => '0' };
    if (rows.length <= SCATTERED_ROWS) {
      const cell = (column: string, r: number) => g.cell(output(column), r, from);
      const cells = (column: string) => rows.map((r) => cell(column, r)).join(',');
      return {
        sum: (column) => `SUM(${cells(column)})`,
        count: (column) => `COUNT(${cells(column)})`,
        sumWhereNumber: (column, condition) => `SUM(${rows.map((r) => `IF(ISNUMBER(${cell(condition, r)}),${cell(column, r)},0)`).join(',')})`,
      };
    }
    const codes = g.range(field('objective'), from);
    return {
      sum: (column) => `SUMIFS(${g.range(output(column), from)},${codes},${codeCell})`,
      count: (column) => `COUNTIFS(${codes},${codeCell},${g.range(output(column), from)},">=0")`,
      sumWhereNumber: (column, condition) => `SUMIFS(${g.range(output(column), from)},${codes},${codeCell},${g.range(output(condition), from)},">=0")`,
    };
  }

  /** The objective of each data row of a part table: -1 for a blank row, -2 for a row of no known objective. */
  private ownerOf(part: PartTable, g: TableGrid): Int32Array {
    let owner = this.rowOwners.get(part);
    if (owner === undefined) {
      owner = new Int32Array(g.placement.rowCount).fill(-1);
      const rows = part === 'indicators' ? this.plan.indicators : this.plan.phases;
      for (let r = 0; r < rows.length; r++) {
        const code = rows[r].objective;
        owner[g.placement.rows[r]] = (code === null ? undefined : this.analysis.objectiveIndex.get(code)) ?? -2;
      }
      this.rowOwners.set(part, owner);
    }
    return owner;
  }

  /** The raw weight of objective i as a formula seen from `from`, null when it cannot be read ('' never). */
  rawWeightExpression(i: number, from: string): string | null {
    const g = this.grid('objectives') as TableGrid;
    const weightCell = g.has(field('weight')) ? g.cell(field('weight'), i, from) : undefined;
    const weight = operand(weightCell, rowForm(this.input.readings, 'objectives', 'weight', i));
    if (weight === null) return null;
    const j = this.analysis.weightingRowOf[i];
    if (j < 0) return rawWeightFormula(weight, null, 1);
    if (this.input.blocked.weighting.has(j)) return null;
    const w = this.grid('weighting');
    if (!w) return null;
    return rawWeightFormula(weight, w.cell(output('score'), j, from), this.analysis.weightMultipliers[i]);
  }
}
