/**
 * The live workbook (issue #4): every output cell Calcola writes, as a native Excel formula that
 * implements SPEC §3 on the row's own cells, the helper columns and the `Regole` names — or, where
 * no plain formula can (floors redistributed by iteration, parent objectives rolled up through a
 * tree, cells a formula cannot read), as the engine's value with a note saying so.
 *
 * Each formula cell carries the engine's result as its cached value, so the workbook shows the
 * right numbers before any recalculation, and the parity tests can check formula against engine.
 *
 * How a grade is built, column by column (what a reader follows):
 *   Indicatori  Grado % → Peso usato (weight when graded) → Punti (= Peso usato × Grado %) → Peso %
 *   Fasi        Incidenza usata (plan-year phases) → Punti, Avanzamento atteso %, Punti attesi, Scostamento
 *   Obiettivi   Grado indicatori % = Σ Punti / Σ Peso usato (SUMIFS by code), Grado fasi % likewise,
 *               Grado calcolato %, Grado finale %, Fascia, Premio %, Avanzamento atteso %, Stato,
 *               Peso grezzo → Punti (= Peso grezzo × Grado finale %) → Peso %
 *   Riepilogo   Σ pesi, Σ punti by unit (SUMIFS by unit code) → Grado % = Σ punti / Σ pesi → Fascia, Premio %
 */
import { computedGrade as engineComputedGrade, indicatorPart, phasePart, type IndicatorEntry, type PhaseEntry } from '../../engine/objective';
import type { ScoreResults } from '../../engine/results';
import type { BlockedRows } from '../../engine/score';
import { basketKeys, ownBasketKey, rawWeight, splitBaskets, type BasketMember } from '../../engine/weights';
import { message, type Lang } from '../../i18n';
import { isBlank, normalizeKey } from '../../schema/cells';
import type { TableKey } from '../../schema/findings';
import { TYPE_MULTIPLIERS, type Band, type Objective, type Plan } from '../../schema/model';
import type { CellValue, RawRow, RawTables } from '../../schema/raw';
import { columnId } from '../headers';
import type { DefinedName, FormulaCell, OutputValue } from '../port';
import { MAX_ARGUMENTS, MAX_FORMULA_LENGTH, numberLiteral, sheetPrefix, stringLiteral } from './a1';
import type { TableGrid } from './geometry';
import { regoleNames, type RuleNames } from './names';
import { blankOr, isYes, operand, readable, type Operand, type OperandKind } from './operands';

/** Why a cell holds a value instead of a formula (the note says it). */
export type ValueReason = 'floors' | 'rollup' | 'unreadable' | 'codes' | 'length' | 'zero-weights' | 'blocked';

/** A cell left without formula because it has nothing to compute (an excluded row, a non-member). */
type CellReason = ValueReason | 'none';

/** The cells of one output column, by plan row. */
export interface ColumnCells {
  values: OutputValue[];
  /** A note on the cell (values written where a formula cannot be), or null. */
  notes: (string | null)[];
}

export interface SummaryCells {
  /** Per unit of `results.units`, then the organisation, then the performance di ente. */
  units: SummaryRow[];
  organization: SummaryRow;
  ente: OutputValue;
  enteNote: string | null;
}

/** Riepilogo columns, in sheet order after code and name. */
export interface SummaryRow {
  objectives: OutputValue;
  weights: OutputValue;
  grade: OutputValue;
  band: OutputValue;
  reward: OutputValue;
  points: OutputValue;
  /** Note on the grade cell. */
  note: string | null;
}

export interface LiveOutputs {
  tables: Map<TableKey, Map<string, ColumnCells>>;
  summary: SummaryCells;
  names: DefinedName[];
  /** Cells whose value does not follow the inputs (values with a note, blocked rows, unreadable rules). */
  frozen: number;
  /** Of those, the values written with a note saying why. */
  noted: number;
}

export interface LiveInput {
  plan: Plan;
  raw: RawTables;
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

const output = (key: string): string => columnId({ role: 'output', key });
const field = (key: string): string => columnId({ role: 'field', key });
const criterion = (name: string): string => columnId({ role: 'criterion', name });

/** Criteria of SUMIFS/COUNTIFS read `*`, `?`, `~` as wildcards and a leading `<`, `>`, `=` as a comparison. */
const CRITERION_UNSAFE = /[*?~]|^[<>=]/;
/** A criterion that looks like a number, a date or a logical also matches cells of that type. */
const NUMBER_LIKE = /^[+-]?(\d|\.\d)|^(true|false|vero|falso)$/i;

function criterionSafe(text: string): boolean {
  return text !== '' && !CRITERION_UNSAFE.test(text) && !NUMBER_LIKE.test(text);
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

const formula = (text: string, result: string | number | boolean | null): FormulaCell => ({ formula: `=${text}`, result });

/**
 * Codes compared by SUMIFS, which ignores case and reads wildcards: a code is usable as a
 * criterion when every cell that SUMIFS would match holds exactly that code, as text.
 */
class CriterionIndex {
  private readonly seen = new Map<string, Set<string>>();

  add(raw: CellValue): void {
    if (raw === null || raw === undefined || raw === '') return;
    const text = typeof raw === 'string' ? raw : `\u0000${String(raw)}`;
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

class Column implements ColumnCells {
  values: OutputValue[];
  notes: (string | null)[];

  constructor(size: number) {
    this.values = new Array<OutputValue>(size).fill(null);
    this.notes = new Array<string | null>(size).fill(null);
  }
}

type Table = Map<string, Column>;

function tableOf(keys: readonly string[], size: number): Table {
  return new Map(keys.map((k) => [k, new Column(size)]));
}

const OBJECTIVE_KEYS = [
  'weightShare', 'indicatorGrade', 'phaseGrade', 'computedGrade', 'finalGrade', 'band', 'reward',
  'expectedProgress', 'status', 'rawWeight', 'points',
] as const;
const INDICATOR_KEYS = ['grade', 'weightShare', 'countedWeight', 'points'] as const;
const PHASE_KEYS = ['expectedProgress', 'deviation', 'countedShare', 'points', 'expectedPoints'] as const;
const WEIGHTING_KEYS = ['score', 'weightShare'] as const;

/** Rows of one objective listed cell by cell at most (beyond, SUMIFS on the code). */
const SCATTERED_ROWS = 40;

/** Totals over the rows of one objective in a part table (Indicatori, Fasi). */
interface PartRows {
  sum(column: string): string;
  count(column: string): string;
  /** Σ `column` over the rows where `condition` holds a number (≥ 0, as every helper column does). */
  sumWhereNumber(column: string, condition: string): string;
}

/** The whole computation in formulas. */
export function liveOutputs(input: LiveInput): LiveOutputs {
  return new LiveBuilder(input).build();
}

class LiveBuilder {
  private readonly plan: Plan;
  private readonly results: ScoreResults;
  private readonly notes: Notes;
  private readonly names: RuleNames;
  private readonly codes = new CriterionIndex();
  private readonly unitCodes = new CriterionIndex();
  private readonly owners = new CriterionIndex();
  /** Objective row of each primary code. */
  private readonly objectiveIndex = new Map<string, number>();
  private readonly indicatorsOf = new Map<number, number[]>();
  private readonly phasesOf = new Map<number, number[]>();
  /** The Pesatura row weighing each objective (its first). */
  private readonly weightingOf = new Map<number, number>();
  private readonly children = new Map<number, number[]>();
  /** Objectives graded by formulas (their SUMIFS can be trusted). */
  /** How each objective is graded: by formulas, or as values for this reason (set once, by classifyObjectives). */
  private readonly objectiveMode: (CellReason | 'formula')[];
  /** Executive, primary objectives that are not parent roll-ups: the possible basket members. */
  private readonly candidate: boolean[];
  private readonly isRollup: boolean[];
  private readonly out = new Map<TableKey, Table>();
  /** Unit codes some objective names as its Struttura (only those need a SUMIFS). */
  private readonly usedUnits = new Set<string>();

  constructor(private readonly input: LiveInput) {
    this.plan = input.plan;
    this.results = input.results;
    this.notes = new Notes(input.lang, input.calculatedOn);
    this.names = regoleNames(input.plan, input.raw, input.grids.get('rules'), input.lang);
    this.notes.frozen += this.names.frozen;
    const n = this.plan.objectives.length;
    this.objectiveMode = new Array<CellReason | 'formula'>(n).fill('none');
    this.candidate = new Array<boolean>(n).fill(false);
    this.isRollup = new Array<boolean>(n).fill(false);
    this.index();
    this.classifyObjectives();
    for (const o of input.plan.objectives) if (o.unit !== null) this.usedUnits.add(o.unit);
  }

  private grid(key: TableKey): TableGrid | undefined {
    return this.input.grids.get(key);
  }

  private rawRows(key: 'objectives' | 'indicators' | 'phases' | 'units'): RawRow[] {
    return this.input.raw[key] ?? [];
  }

  private index(): void {
    const { plan } = this;
    const rawObjectives = this.rawRows('objectives');
    plan.objectives.forEach((o, i) => {
      this.codes.add(rawObjectives[i]?.code);
      this.unitCodes.add(rawObjectives[i]?.unit);
      this.owners.add(rawObjectives[i]?.owner);
      if (o.code !== null && !this.objectiveIndex.has(o.code)) this.objectiveIndex.set(o.code, i);
    });
    this.rawRows('indicators').forEach((r) => this.codes.add(r.objective));
    this.rawRows('phases').forEach((r) => this.codes.add(r.objective));
    const group = (map: Map<number, number[]>, code: string | null, row: number) => {
      const o = code === null ? undefined : this.objectiveIndex.get(code);
      if (o === undefined) return;
      const list = map.get(o);
      if (list) list.push(row);
      else map.set(o, [row]);
    };
    plan.indicators.forEach((ind, k) => group(this.indicatorsOf, ind.objective, k));
    plan.phases.forEach((ph, p) => group(this.phasesOf, ph.objective, p));
    plan.weighting.forEach((w, j) => {
      const o = w.objective === null ? undefined : this.objectiveIndex.get(w.objective);
      if (o !== undefined && !this.weightingOf.has(o)) this.weightingOf.set(o, j);
    });
    plan.objectives.forEach((o, i) => {
      if (this.objectiveIndex.get(o.code ?? '') !== i || o.parent === null) return;
      const parent = this.objectiveIndex.get(o.parent);
      if (parent !== undefined) group(this.children, plan.objectives[parent].code, i);
    });
  }

  build(): LiveOutputs {
    this.indicators();
    this.phases();
    this.objectives();
    this.weighting();
    const summary = this.summary();
    const tables = new Map<TableKey, Map<string, ColumnCells>>();
    for (const [key, table] of this.out) tables.set(key, table);
    return { tables, summary, names: this.names.names, frozen: this.notes.frozen, noted: this.notes.noted };
  }

  /**
   * The output table of one sheet and how its formulas read the row's own input cells: `op`
   * gives the operand of a field (undefined: the column is not there; null: unreadable).
   */
  private start(key: 'indicators' | 'phases' | 'objectives', keys: readonly string[], size: number) {
    const g = this.grid(key);
    if (!g) return null;
    const table = tableOf(keys, size);
    this.out.set(key, table);
    const raw = this.rawRows(key);
    const from = g.sheet;
    const op = (name: string, row: number, kind: OperandKind): Operand | null | undefined =>
      operand(g.has(field(name)) ? g.cell(field(name), row, from) : undefined, raw[row]?.[name], kind);
    return { g, table, raw, from, op };
  }

  // -------------------------------------------------------------------------------------------
  // Indicatori

  private indicators(): void {
    const start = this.start('indicators', INDICATOR_KEYS, this.plan.indicators.length);
    if (!start) return;
    const { g, table, from, op } = start;
    const { plan, results } = this;
    plan.indicators.forEach((ind, k) => {
      const result = results.indicators[k];
      const gradeCell = g.cell(output('grade'), k, from);
      const grade = this.input.blocked.indicators.has(k) ? null : this.indicatorFormula(k, op);
      const gradeColumn = table.get('grade') as Column;
      if (grade === null) this.putValue(gradeColumn, k, result.grade, ind.excluded ? 'none' : result.status === 'blocked' ? 'blocked' : 'unreadable');
      else gradeColumn.values[k] = formula(grade, result.grade);

      const weight = op('weight', k, 'number');
      const counted = result.grade === null ? null : ind.weight ?? 1;
      const countedColumn = table.get('countedWeight') as Column;
      if (weight === null) this.putValue(countedColumn, k, counted, 'unreadable');
      else countedColumn.values[k] = formula(`IF(${gradeCell}="","",${blankOr(weight, '1', (w) => w)})`, counted);
      const countedCell = g.cell(output('countedWeight'), k, from);
      (table.get('points') as Column).values[k] = formula(
        `IF(${countedCell}="","",${countedCell}*${gradeCell})`,
        counted === null || result.grade === null ? null : counted * result.grade,
      );

      const share = table.get('weightShare') as Column;
      const o = ind.objective === null ? undefined : this.objectiveIndex.get(ind.objective);
      if (o !== undefined && this.objectiveFormulaPossible(o) && g.has(field('objective'))) {
        const objectiveCell = g.cell(field('objective'), k, from);
        share.values[k] = formula(`IF(${countedCell}="","",100*${countedCell}/${this.partRows('indicators', o, objectiveCell, from).sum('countedWeight')})`, result.weightShare);
      } else this.putValue(share, k, result.weightShare, result.weightShare === null ? 'none' : 'codes');
    });
  }

  /** The grade formula of indicator k (SPEC §3.1), specialised to its type, polarity and method; null when cells cannot be read. */
  private indicatorFormula(k: number, op: (key: string, k: number, kind: OperandKind) => Operand | null | undefined): string | null {
    const ind = this.plan.indicators[k];
    const result = this.results.indicators[k];
    if (ind.excluded || result.status === 'blocked') return null;
    const rules = this.plan.rules;
    const cap = this.names.ref('cap');
    const clamp = (x: string) => `MIN(${cap},MAX(0,${x}))`;
    const missing = rules.missingActual === 'zero' ? '0' : '""';
    switch (ind.type) {
      case 'numero':
      case 'percentuale': {
        const a = op('actual', k, 'number');
        const t = op('target', k, 'number');
        const s = op('threshold', k, 'number');
        if (!a || !t || s === null) return null;
        const increasing = ind.polarity === 'crescente';
        const method = ind.method ?? (increasing ? rules.increasingMethod : rules.decreasingMethod);
        const [A, T] = [a.value, t.value];
        let core: string;
        if (method === 'lineare') {
          const b = op('baseline', k, 'number');
          if (!b) return null;
          const B = b.value;
          core = clamp(increasing ? `100*(${A}-${B})/(${T}-${B})` : `100*(${B}-${A})/(${B}-${T})`);
        } else if (increasing) core = clamp(`IF(${T}=0,IF(${A}>=0,100,0),100*${A}/${T})`);
        else if (method === 'speculare') core = clamp(`IF(${T}=0,IF(${A}<=0,100,0),100*(2*${T}-${A})/${T})`);
        else core = clamp(`IF(${T}=0,IF(${A}<=0,100,0),IF(${A}<=0,${cap},100*${T}/${A}))`);
        const guarded = s === undefined ? core : `IF(AND(ISNUMBER(${s.ref}),${A}${increasing ? '<' : '>'}${s.value}),0,${core})`;
        return `IF(${a.ref}="",${missing},${guarded})`;
      }
      case 'si_no': {
        const a = op('actual', k, 'yesno');
        if (!a) return null;
        const expected = ind.target?.kind === 'yesno' ? ind.target.value : true;
        return `IF(${a.ref}="",${missing},${clamp(`IF(${isYes(a)},${expected ? '100,0' : '0,100'})`)})`;
      }
      case 'scadenza': {
        const a = op('actual', k, 'date');
        const t = op('target', k, 'date');
        if (!a || !t) return null;
        const [A, T] = [a.value, t.value];
        const tolerance = this.names.ref('deadlineToleranceDays');
        const late = `IF(${tolerance}>0,100*(1-(${A}-${T})/${tolerance}),0)`;
        return `IF(${a.ref}="",IF(${this.names.ref('referenceDate')}>${T},0,""),${clamp(`IF(${A}<=${T},100,${late})`)})`;
      }
      default:
        return null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Fasi

  private phases(): void {
    const start = this.start('phases', PHASE_KEYS, this.plan.phases.length);
    if (!start) return;
    const { g, table, raw, from, op } = start;
    const { plan, results } = this;
    const rules = plan.rules;
    const reference = this.names.ref('referenceDate');
    plan.phases.forEach((phase, p) => {
      const result = results.phases[p];
      const columns = (key: (typeof PHASE_KEYS)[number]) => table.get(key) as Column;
      if (this.input.blocked.phases.has(p)) {
        for (const key of PHASE_KEYS) this.putValue(columns(key), p, null, 'blocked');
        return;
      }
      const progress = op('progress', p, 'number');
      const progressValue = progress === null ? null : blankOr(progress, '0', (v) => v);

      const start = op('plannedStart', p, 'date');
      const end = op('plannedEnd', p, 'date');
      const expectedCell = g.cell(output('expectedProgress'), p, from);
      const dateBlank = isBlank(raw[p]?.plannedStart) || isBlank(raw[p]?.plannedEnd);
      if (start && end && (result.expectedProgress !== null || dateBlank)) {
        const [S, E] = [start.value, end.value];
        columns('expectedProgress').values[p] = formula(
          `IF(OR(${start.ref}="",${end.ref}=""),"",IF(${reference}<${S},0,IF(${reference}>${E},100,100*(${reference}-${S}+1)/(${E}-${S}+1))))`,
          result.expectedProgress,
        );
      } else if (start === undefined || end === undefined) columns('expectedProgress').values[p] = formula('""', null);
      else this.putValue(columns('expectedProgress'), p, result.expectedProgress, 'unreadable');

      if (progressValue === null) this.putValue(columns('deviation'), p, result.deviation, 'unreadable');
      else columns('deviation').values[p] = formula(`IF(${expectedCell}="","",${progressValue}-${expectedCell})`, result.deviation);

      const year = op('year', p, 'number');
      const share = op('share', p, 'number');
      const inPlanYear = phase.year === null || phase.year === rules.year;
      const counted = inPlanYear ? phase.share ?? 1 : null;
      const sharedCell = g.cell(output('countedShare'), p, from);
      if (year === null || share === null) this.putValue(columns('countedShare'), p, counted, 'unreadable');
      else {
        const used = blankOr(share, '1', (v) => v);
        const text = year === undefined ? used : `IF(OR(${year.ref}="",${year.value}=${this.names.ref('year')}),${used},"")`;
        columns('countedShare').values[p] = formula(text, counted);
      }
      const progressNumber = phase.progress ?? 0;
      if (progressValue === null) this.putValue(columns('points'), p, counted === null ? null : counted * progressNumber, 'unreadable');
      else columns('points').values[p] = formula(`IF(${sharedCell}="","",${sharedCell}*${progressValue})`, counted === null ? null : counted * progressNumber);
      columns('expectedPoints').values[p] = formula(
        `IF(OR(${sharedCell}="",${expectedCell}=""),"",${sharedCell}*${expectedCell})`,
        counted === null || result.expectedProgress === null ? null : counted * result.expectedProgress,
      );
    });
  }

  // -------------------------------------------------------------------------------------------
  // Obiettivi

  /**
   * Whether objective o can be graded by formulas: a primary code SUMIFS can match, no error on
   * it or its rows, not excluded, not a parent roll-up, and parts the engine could compute.
   */
  private objectiveFormulaPossible(o: number): boolean {
    return this.objectiveMode[o] === 'formula';
  }

  private classifyObjectives(): void {
    const { plan, results } = this;
    const blocked = this.input.blocked;
    plan.objectives.forEach((objective, i) => {
      const primary = objective.code !== null && this.objectiveIndex.get(objective.code) === i;
      if (!primary || objective.excluded) return;
      const indicators = this.indicatorsOf.get(i) ?? [];
      const phases = this.phasesOf.get(i) ?? [];
      const planYear = phases.filter((p) => plan.phases[p].year === null || plan.phases[p].year === plan.rules.year);
      const rollup = indicators.length === 0 && planYear.length === 0 && objective.override === null && (this.children.get(i)?.length ?? 0) > 0;
      this.candidate[i] = objective.level === 'esecutivo' && !rollup;
      const hasError = blocked.objectives.has(i) || phases.some((p) => blocked.phases.has(p));
      this.isRollup[i] = rollup && !hasError;
      this.objectiveMode[i] = rollup && !hasError ? 'rollup' : 'blocked';
      if (rollup || hasError) return;
      const entries: IndicatorEntry[] = indicators.map((k) => ({ grade: results.indicators[k].grade, status: results.indicators[k].status, weight: plan.indicators[k].weight }));
      const phaseEntries: PhaseEntry[] = planYear.map((p) => ({ share: plan.phases[p].share, progress: plan.phases[p].progress, blocked: false }));
      const iPart = indicatorPart(entries).outcome;
      const fPart = phasePart(phaseEntries);
      if (iPart.kind === 'invalid' || fPart.kind === 'invalid') return;
      // A split the engine rejects (negative Peso indicatori/fasi %) leaves the grade to validation.
      if (engineComputedGrade(objective, iPart, fPart, Number.POSITIVE_INFINITY) === null && (iPart.kind !== 'empty' || fPart.kind !== 'empty')) return;
      this.objectiveMode[i] = this.codes.safe(objective.code) ? 'formula' : 'codes';
    });
  }

  private objectives(): void {
    const start = this.start('objectives', OBJECTIVE_KEYS, this.plan.objectives.length);
    if (!start) return;
    const { g, table, from } = start;
    const { plan, results } = this;
    const col = (key: (typeof OBJECTIVE_KEYS)[number]) => table.get(key) as Column;
    const op = (key: string, i: number) => start.op(key, i, 'number');
    const cap = this.names.ref('cap');
    const decimals = this.names.ref('decimals');
    const ind = this.grid('indicators');
    const ph = this.grid('phases');

    plan.objectives.forEach((objective, i) => {
      const r = results.objectives[i];
      const finalCell = g.cell(output('finalGrade'), i, from);
      if (this.objectiveMode[i] === 'formula') {
        const code = g.cell(field('code'), i, from);
        const gi = g.cell(output('indicatorGrade'), i, from);
        const gf = g.cell(output('phaseGrade'), i, from);
        const expected = g.cell(output('expectedProgress'), i, from);
        col('indicatorGrade').values[i] = ind && ind.has(field('objective'))
          ? formula(this.partMean(this.partRows('indicators', i, code, from), 'countedWeight'), r.indicatorGrade)
          : formula('""', null);
        if (ph && ph.has(field('objective'))) {
          const rows = this.partRows('phases', i, code, from);
          col('phaseGrade').values[i] = formula(this.partMean(rows, 'countedShare'), r.phaseGrade);
          // E over the phases with both planned dates (those with Punti attesi); undated ones are left out (SPEC §3.5).
          const datedShares = rows.sumWhereNumber('countedShare', 'expectedPoints');
          col('expectedProgress').values[i] = formula(
            `IF(${datedShares}=0,"",${rows.sum('expectedPoints')}/${datedShares})`,
            r.expectedProgress,
          );
        } else {
          col('phaseGrade').values[i] = formula('""', null);
          col('expectedProgress').values[i] = formula('""', null);
        }
        const pI = op('indicatorShare', i);
        const pF = op('phaseShare', i);
        const override = op('override', i);
        if (pI === null || pF === null || override === null) this.objectiveValues(table, i, 'unreadable');
        else {
          const shareOf = (own: Operand | undefined, other: Operand | undefined) =>
            blankOr(own, blankOr(other, '50', (v) => `MAX(0,100-${v})`), (v) => v);
          const PI = shareOf(pI, pF);
          const PF = shareOf(pF, pI);
          col('computedGrade').values[i] = formula(
            `IF(AND(${gi}="",${gf}=""),"",IF(${PI}+${PF}=0,"",MIN(${cap},MAX(0,IF(${gi}="",${gf},IF(${gf}="",${gi},(${PI}*${gi}+${PF}*${gf})/(${PI}+${PF})))))))`,
            r.computedGrade,
          );
          const computedCell = g.cell(output('computedGrade'), i, from);
          col('finalGrade').values[i] = formula(
            override === undefined ? computedCell : `IF(ISNUMBER(${override.ref}),MIN(${cap},MAX(0,${override.value})),${computedCell})`,
            r.finalGrade,
          );
          const round = (x: string) => `ROUND(${x},${decimals})`;
          const [completed, notStarted, onTrack, late, critical] = ['completato', 'nonavviato', 'inlinea', 'inritardo', 'critico'].map((s) =>
            stringLiteral(message(`status-${s}`, {}, this.input.lang)),
          );
          const deviation = round(`${gf}-${expected}`);
          col('status').values[i] = formula(
            `IF(${gf}="","",IF(${round(gf)}>=100,${completed},IF(${expected}="","",IF(AND(${round(gf)}=0,${round(expected)}=0),${notStarted},IF(${deviation}>=${this.names.ref('onTrackThreshold')},${onTrack},IF(${deviation}>=${this.names.ref('lateThreshold')},${late},${critical}))))))`,
            r.status === null ? null : message(`status-${normalizeKey(r.status)}`, {}, this.input.lang),
          );
        }
      } else {
        this.objectiveValues(table, i, this.objectiveMode[i] as CellReason);
      }

      // Band and premio follow the final grade, whether formula or value.
      const hasFinal = col('finalGrade').values[i] !== null;
      if (hasFinal) {
        col('band').values[i] = formula(`IF(ISNUMBER(${finalCell}),${this.bandChoice(finalCell, 'label', from)},"")`, r.band);
        col('reward').values[i] = formula(`IF(ISNUMBER(${finalCell}),${this.bandChoice(finalCell, 'reward', from)},"")`, r.reward);
      }

      this.rawWeightCells(table, g, i, finalCell);
    });
    this.weightShares(table, g);
  }

  /** Σ Punti / Σ counted (Peso usato, Incidenza usata) over the rows of one objective, or "" when no row counts. */
  private partMean(rows: PartRows, counted: string): string {
    return `IF(${rows.count(counted)}=0,"",${rows.sum('points')}/${rows.sum(counted)})`;
  }

  private readonly rowOwners = new Map<'indicators' | 'phases', Int32Array>();

  /**
   * How formulas total a column over the indicator (phase) rows of objective o. When those rows
   * stand together in the sheet (blank rows allowed), a plain SUM/COUNT of their cells — readable,
   * and a spreadsheet recalculates it without scanning the whole table; rows spread over the
   * sheet are listed one by one; only an objective with very many rows gets SUMIFS/COUNTIFS on
   * its code (`codeCell`), which scans the whole table for each objective. Rows added later inside the block are taken in by Excel;
   * any other change of rows is a structure change that Verifica reports (stamp.ts).
   */
  private partRows(part: 'indicators' | 'phases', o: number, codeCell: string, from: string): PartRows {
    const g = this.grid(part) as TableGrid;
    const rows = (part === 'indicators' ? this.indicatorsOf : this.phasesOf).get(o) ?? [];
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
  private ownerOf(part: 'indicators' | 'phases', g: TableGrid): Int32Array {
    let owner = this.rowOwners.get(part);
    if (owner === undefined) {
      owner = new Int32Array(g.placement.rowCount).fill(-1);
      const rows = part === 'indicators' ? this.plan.indicators : this.plan.phases;
      for (let r = 0; r < rows.length; r++) {
        const code = rows[r].objective;
        owner[g.placement.rows[r]] = (code === null ? undefined : this.objectiveIndex.get(code)) ?? -2;
      }
      this.rowOwners.set(part, owner);
    }
    return owner;
  }

  /** Every computed output of objective i as the engine's value. */
  private objectiveValues(table: Table, i: number, reason: CellReason): void {
    const r = this.results.objectives[i];
    const values: Partial<Record<(typeof OBJECTIVE_KEYS)[number], CellValue>> = {
      indicatorGrade: r.indicatorGrade,
      phaseGrade: r.phaseGrade,
      computedGrade: r.computedGrade,
      finalGrade: r.finalGrade,
      expectedProgress: r.expectedProgress,
      status: r.status === null ? null : message(`status-${normalizeKey(r.status)}`, {}, this.input.lang),
    };
    for (const [key, value] of Object.entries(values)) this.putValue(table.get(key) as Column, i, value ?? null, reason);
  }

  /**
   * The Fasce row a grade falls in, as nested IFs from the highest `Da %` down (ties: the first
   * row wins). Each threshold, label and premio is a reference to its Fasce cell where that cell
   * holds the value as typed (bandCell), so editing a band moves the grades; a band that is not
   * a row of the workbook (the defaults of an empty Fasce) is written as constants.
   */
  private bandChoice(grade: string, pick: 'label' | 'reward', from: string): string {
    const decimals = this.names.ref('decimals');
    const bands = this.plan.bands
      .map((band, index) => ({ band, index }))
      .filter(({ band }) => Number.isFinite(band.from))
      .sort((a, b) => b.band.from - a.band.from || a.index - b.index);
    const choice = (band: Band): string => {
      if (pick === 'label') return this.bandCell(band, 'label', from) ?? stringLiteral(band.label);
      // The premio of a proportional band is the grade as shown (engine/rollup.ts bandFor).
      if (band.proportional) return `MIN(100,ROUND(${grade},${decimals}))`;
      return band.reward === null ? '""' : this.bandCell(band, 'reward', from) ?? numberLiteral(band.reward);
    };
    let text = '""';
    for (let b = bands.length - 1; b >= 0; b--) {
      const threshold = this.bandCell(bands[b].band, 'from', from) ?? numberLiteral(bands[b].band.from);
      text = `IF(ROUND(${grade},${decimals})>=${threshold},${choice(bands[b].band)},${text})`;
    }
    return text;
  }

  private bandRows: Map<Band, number> | undefined;

  /** The reference to a band's `Da %`, `Etichetta` or `Premio %` cell, when the Fasce row holds exactly that value. */
  private bandCell(band: Band, key: 'from' | 'label' | 'reward', from: string): string | null {
    const g = this.grid('bands');
    if (!g || !g.has(field(key))) return null;
    if (this.bandRows === undefined) {
      // plan.bands are the readable Fasce rows, sorted: each is found again by its Da % and Etichetta.
      const raw = this.input.raw.bands ?? [];
      const used = new Set<number>();
      this.bandRows = new Map();
      for (const b of this.plan.bands) {
        const row = raw.findIndex((r, j) => !used.has(j) && r.from === b.from && typeof r.label === 'string' && r.label.trim() === b.label);
        if (row < 0) continue;
        used.add(row);
        this.bandRows.set(b, row);
      }
    }
    const row = this.bandRows.get(band);
    if (row === undefined) return null;
    const value = this.input.raw.bands?.[row]?.[key];
    const same = key === 'label' ? typeof value === 'string' && value.trim() === band.label : typeof value === 'number' && value === band[key];
    return same ? g.cell(field(key), row, from) : null;
  }

  /**
   * Peso grezzo and Punti of a possible basket member: the Pesatura score (× tipologia
   * multiplier), else Peso, else 1 — blank while the objective has no final grade.
   */
  private rawWeightCells(table: Table, g: TableGrid, i: number, finalCell: string): void {
    const r = this.results.objectives[i];
    const rawColumn = table.get('rawWeight') as Column;
    const pointsColumn = table.get('points') as Column;
    if (!this.candidate[i]) return;
    const expression = this.rawWeightExpression(i, g.sheet);
    const engineRaw = r.rawWeight;
    if (expression === null) this.putValue(rawColumn, i, engineRaw, 'unreadable');
    else rawColumn.values[i] = formula(`IF(ISNUMBER(${finalCell}),${expression},"")`, engineRaw);
    const rawCell = g.cell(output('rawWeight'), i, g.sheet);
    pointsColumn.values[i] = formula(`IF(${rawCell}="","",${rawCell}*${finalCell})`, engineRaw === null || r.finalGrade === null ? null : engineRaw * r.finalGrade);
  }

  /** The raw weight of objective i as a formula seen from `from`, null when it cannot be read ('' never). */
  private rawWeightExpression(i: number, from: string): string | null {
    const objective = this.plan.objectives[i];
    const g = this.grid('objectives') as TableGrid;
    const weightCell = g.has(field('weight')) ? g.cell(field('weight'), i, from) : undefined;
    const weight = operand(weightCell, this.rawRows('objectives')[i]?.weight, 'number');
    if (weight === null) return null;
    const fallback = blankOr(weight, '1', (v) => v);
    const j = this.weightingOf.get(i);
    if (j === undefined) return fallback;
    if (this.input.blocked.weighting.has(j)) return null;
    const w = this.grid('weighting');
    if (!w) return null;
    const score = w.cell(output('score'), j, from);
    const multiplier = this.plan.rules.typeMultipliers && objective.kind !== null ? TYPE_MULTIPLIERS[objective.kind] : 1;
    return `IF(${score}="",${fallback},${score}${multiplier === 1 ? '' : `*${numberLiteral(multiplier)}`})`;
  }

  /** Peso % in the objective's own basket: a formula when the basket has no floors. */
  private weightShares(table: Table, g: TableGrid): void {
    const { plan, results } = this;
    const rules = plan.rules;
    const from = g.sheet;
    const shareColumn = table.get('weightShare') as Column;
    const rawColumn = table.get('rawWeight') as Column;
    const members = new Map<string, number[]>();
    plan.objectives.forEach((o, i) => {
      if (!this.candidate[i]) return;
      for (const key of basketKeys(o, rules.basket)) {
        const list = members.get(key);
        if (list) list.push(i);
        else members.set(key, [i]);
      }
    });
    const rawRange = g.range(output('rawWeight'), from);
    plan.objectives.forEach((o, i) => {
      const share = results.objectives[i].weightShare;
      const own = this.candidate[i] ? ownBasketKey(o, rules.basket) : null;
      if (own === null || rawColumn.values[i] === null) {
        this.putValue(shareColumn, i, share, share === null ? 'none' : 'blocked');
        return;
      }
      const basket = members.get(own) ?? [];
      if (basket.some((m) => isNumber(plan.objectives[m].minShare) && (plan.objectives[m].minShare as number) > 0)) {
        this.putValue(shareColumn, i, share, 'floors');
        return;
      }
      const total = this.basketTotal(o, own, basket, g, from, rawRange);
      const rawCell = g.cell(output('rawWeight'), i, from);
      // A basket whose raw weights are all 0 has no shares (SPEC §3.3).
      const text = total === null ? null : `IF(OR(${rawCell}="",${total}=0),"",100*${rawCell}/${total})`;
      if (text === null || text.length > MAX_FORMULA_LENGTH) this.putValue(shareColumn, i, share, total === null ? 'codes' : 'length');
      else shareColumn.values[i] = formula(text, share);
    });
  }

  /** Σ raw weights of a basket as a formula, null when the codes cannot be SUMIFS criteria. */
  private basketTotal(o: Objective, own: string, basket: readonly number[], g: TableGrid, from: string, rawRange: string): string | null {
    const rules = this.plan.rules;
    if (rules.basket === 'ente') return `SUM(${rawRange})`;
    if (rules.basket === 'responsabile') {
      if (!g.has(field('owner')) || o.owner === null || !this.owners.safe(this.rawText(this.rawRows('objectives')[basket[0]]?.owner))) return null;
      const owners = new Set(basket.map((m) => this.rawText(this.rawRows('objectives')[m]?.owner)));
      if (owners.size !== 1) return null;
      return `SUMIFS(${rawRange},${g.range(field('owner'), from)},${stringLiteral([...owners][0] as string)})`;
    }
    if (!g.has(field('unit')) || !this.unitCodes.safe(own)) return null;
    // A unit without child units: its Σ pesi in Riepilogo is exactly this basket's total.
    const n = this.results.units.findIndex((u) => u.code === own);
    if (n >= 0 && !this.hasChildren(own)) return `${sheetPrefix(this.input.summarySheet)}$D$${this.input.summaryFirstRow + n}`;
    const extras = basket.filter((m) => this.plan.objectives[m].unit !== own).map((m) => g.cell(output('rawWeight'), m, from));
    if (extras.length > MAX_ARGUMENTS) return null;
    const direct = `SUMIFS(${rawRange},${g.range(field('unit'), from)},${stringLiteral(own)})`;
    return extras.length === 0 ? direct : `(${direct}+SUM(${extras.join(',')}))`;
  }

  private rawText(value: CellValue): string | null {
    return typeof value === 'string' ? value : null;
  }

  // -------------------------------------------------------------------------------------------
  // Pesatura

  private weighting(): void {
    const w = this.grid('weighting');
    if (!w) return;
    const { plan, results } = this;
    const table = tableOf(WEIGHTING_KEYS, plan.weighting.length);
    this.out.set('weighting', table);
    const from = w.sheet;
    const objectives = this.grid('objectives');
    const rawWeighting = this.input.raw.weighting ?? [];
    plan.weighting.forEach((row, j) => {
      const result = results.weighting[j];
      const score = table.get('score') as Column;
      const share = table.get('weightShare') as Column;
      if (this.input.blocked.weighting.has(j)) {
        this.putValue(score, j, result.score, 'blocked');
        this.putValue(share, j, result.weightShare, 'blocked');
        return;
      }
      const terms: string[] = [];
      const cells: string[] = [];
      let readableRow = true;
      for (const c of plan.criteria) {
        const id = criterion(c.name);
        if (!w.has(id) || !isNumber(c.weight) || c.weight < 0) continue;
        const rawScore = Object.entries(rawWeighting[j]?.scores ?? {}).find(([name]) => normalizeKey(name) === normalizeKey(c.name))?.[1];
        const op = operand(w.cell(id, j, from), rawScore, 'number');
        if (!op) {
          readableRow = false;
          break;
        }
        cells.push(op.ref);
        terms.push(c.weight === 1 ? op.value : `${numberLiteral(c.weight)}*${op.value}`);
      }
      if (!readableRow) this.putValue(score, j, result.score, 'unreadable');
      else score.values[j] = terms.length === 0 ? formula('""', null) : formula(`IF(COUNT(${cells.join(',')})=0,"",${terms.join('+')})`, result.score);

      const o = row.objective === null ? undefined : this.objectiveIndex.get(row.objective);
      if (o !== undefined && objectives && this.weightingOf.get(o) === j) {
        const target = objectives.cell(output('weightShare'), o, from);
        share.values[j] = formula(`IF(${target}="","",${target})`, result.weightShare);
      } else this.putValue(share, j, result.weightShare, 'none');
    });
  }

  // -------------------------------------------------------------------------------------------
  // Riepilogo

  private summary(): SummaryCells {
    const g = this.grid('objectives');
    const from = this.input.summarySheet;
    const units = this.results.units.map((u, n) => this.unitRow(u.code, n, g, from));
    const organization = this.organizationRow(g, from);
    const ente = this.enteCell(g, from);
    return { units, organization, ente: ente.value, enteNote: ente.note };
  }

  private summaryCell(column: number, row: number): string {
    return `${'CDEFGH'[column - 2]}${row}`;
  }

  /** Count, weights, points, grade, band and premio of a summary row from its member sums. */
  private summaryRow(
    n: number,
    sums: { count: string; weights: string; points: string } | null,
    result: { objectives: number; weightSum: number; grade: number | null; band: string | null; reward: number | null },
    points: number,
    gradeReason: ValueReason | null,
    gradeFormula: string | null = null,
  ): SummaryRow {
    const row = this.input.summaryFirstRow + n;
    const [count, weights, grade, , , pointsCell] = [2, 3, 4, 5, 6, 7].map((c) => this.summaryCell(c, row));
    const valueRow = (reason: ValueReason): SummaryRow => ({
      objectives: result.objectives,
      weights: result.weightSum,
      grade: result.grade,
      band: result.band,
      reward: result.reward,
      points,
      note: this.notes.value(reason, result.grade),
    });
    if (sums === null) return valueRow('codes');
    const lengths = [sums.count, sums.weights, sums.points].map((s) => s.length);
    if (Math.max(...lengths) > MAX_FORMULA_LENGTH) return valueRow('length');
    const gradeText = gradeFormula ?? `IF(${count}=0,"",${pointsCell}/${weights})`;
    const gradeValue: OutputValue = gradeReason === null && gradeText.length <= MAX_FORMULA_LENGTH ? formula(gradeText, result.grade) : result.grade;
    const note = gradeReason === null ? null : this.notes.value(gradeReason, result.grade);
    return {
      objectives: formula(sums.count, result.objectives),
      weights: formula(sums.weights, result.weightSum),
      points: formula(sums.points, points),
      grade: gradeValue,
      band: formula(`IF(ISNUMBER(${grade}),${this.bandChoice(grade, 'label', this.input.summarySheet)},"")`, result.band),
      reward: formula(`IF(ISNUMBER(${grade}),${this.bandChoice(grade, 'reward', this.input.summarySheet)},"")`, result.reward),
      note,
    };
  }

  private unitRow(code: string, n: number, g: TableGrid | undefined, from: string): SummaryRow {
    const { plan, results } = this;
    const unit = results.units[n];
    const subtree = this.subtree(code);
    const hasChildren = this.hasChildren(code);
    const memberIndices = this.candidatesIn(subtree);
    const points = memberIndices.reduce((s, i) => s + (results.objectives[i].rawWeight !== null && results.objectives[i].finalGrade !== null ? (results.objectives[i].rawWeight as number) * (results.objectives[i].finalGrade as number) : 0), 0);
    if (!g || !g.has(field('unit')) || [...subtree].some((u) => this.usedUnits.has(u) && !this.unitCodes.safe(u))) {
      return this.summaryRow(n, null, unit, points, null);
    }
    const unitRange = g.range(field('unit'), from);
    const rawRange = g.range(output('rawWeight'), from);
    const pointsRange = g.range(output('points'), from);
    const used = [...subtree].filter((u) => this.usedUnits.has(u));
    const extras = memberIndices.filter((i) => !subtree.has(plan.objectives[i].unit ?? ''));
    if (extras.length > MAX_ARGUMENTS) return this.summaryRow(n, null, unit, points, null);
    const sum = (range: string, column: string, counting: boolean): string => {
      const direct = used.map((u) =>
        counting ? `COUNTIFS(${unitRange},${stringLiteral(u)},${range},">=0")` : `SUMIFS(${range},${unitRange},${stringLiteral(u)})`,
      );
      const extra = extras.map((i) => g.cell(output(column), i, from));
      const parts = [...direct, ...(extra.length > 0 ? [`${counting ? 'COUNT' : 'SUM'}(${extra.join(',')})`] : [])];
      return parts.length === 0 ? '0' : parts.join('+');
    };
    const sums = { count: sum(rawRange, 'rawWeight', true), weights: sum(rawRange, 'rawWeight', false), points: sum(pointsRange, 'points', false) };
    if (!hasChildren && plan.rules.basket === 'struttura' && memberIndices.some((i) => isNumber(plan.objectives[i].minShare) && (plan.objectives[i].minShare as number) > 0)) {
      const grade = this.floorsGrade(code, n, g, from);
      if (grade !== null) return this.summaryRow(n, sums, unit, points, null, grade);
    }
    return this.summaryRow(n, sums, unit, points, unit.objectives > 0 && unit.weightSum === 0 ? 'zero-weights' : null);
  }

  /**
   * A unit whose basket has floors: Σ Peso % × Grado finale / 100 over its members. The shares are
   * values (the floors are iterated), the grades stay live: a changed actual still moves the unit.
   * A member shared from another unit has its share in this basket written as a number.
   */
  private floorsGrade(code: string, n: number, g: TableGrid, from: string): string | null {
    const basket = this.unitBaskets().get(code);
    const shares = basket?.shares ?? null;
    if (!basket || shares === null) return null;
    const count = this.summaryCell(2, this.input.summaryFirstRow + n);
    const terms = basket.members.map((i, k) => {
      const final = g.cell(output('finalGrade'), i, from);
      const share = this.plan.objectives[i].unit === code ? g.cell(output('weightShare'), i, from) : numberLiteral(shares[k]);
      return `IF(ISNUMBER(${final}),${share}*${final},0)`;
    });
    return `IF(${count}=0,"",(${terms.join('+')})/100)`;
  }

  private baskets: Map<string, { members: number[]; shares: number[] | null }> | null = null;

  /** The Struttura baskets as the engine splits them: graded members, their shares with floors. */
  private unitBaskets(): Map<string, { members: number[]; shares: number[] | null }> {
    if (this.baskets !== null) return this.baskets;
    const { plan, results } = this;
    const indices: number[] = [];
    const members: BasketMember[] = [];
    plan.objectives.forEach((o, i) => {
      const r = results.objectives[i];
      if (!this.candidate[i] || r.finalGrade === null || r.rawWeight === null) return;
      indices.push(i);
      members.push({ raw: r.rawWeight, floor: o.minShare, keys: basketKeys(o, 'struttura') });
    });
    this.baskets = new Map();
    for (const [key, split] of splitBaskets(members)) this.baskets.set(key, { members: split.members.map((m) => indices[m]), shares: split.shares });
    return this.baskets;
  }

  private organizationRow(g: TableGrid | undefined, from: string): SummaryRow {
    const { results } = this;
    const org = results.organization;
    const n = results.units.length;
    let points = 0;
    results.objectives.forEach((r, i) => {
      if (this.candidate[i] && r.rawWeight !== null && r.finalGrade !== null) points += r.rawWeight * r.finalGrade;
    });
    if (!g) return this.summaryRow(n, null, org, points, null);
    const rawRange = g.range(output('rawWeight'), from);
    const sums = { count: `COUNT(${rawRange})`, weights: `SUM(${rawRange})`, points: `SUM(${g.range(output('points'), from)})` };
    return this.summaryRow(n, sums, org, points, org.objectives > 0 && org.weightSum === 0 ? 'zero-weights' : null);
  }

  /** Performance di ente: the raw-weighted mean of the final grades of level-Ente objectives. */
  private enteCell(g: TableGrid | undefined, from: string): { value: OutputValue; note: string | null } {
    const { plan, results } = this;
    const value = results.organization.entePerformance;
    const ente = plan.objectives.map((o, i) => i).filter((i) => plan.objectives[i].level === 'ente' && results.objectives[i].finalGrade !== null);
    if (!g || ente.length === 0) return { value, note: null };
    const weighted: string[] = [];
    const weights: string[] = [];
    const finals: string[] = [];
    let total = 0;
    for (const i of ente) {
      const expression = this.rawWeightExpression(i, from);
      const objective = plan.objectives[i];
      const j = this.weightingOf.get(i);
      const raw = j !== undefined && this.input.blocked.weighting.has(j) ? null : rawWeight(objective, j === undefined ? null : results.weighting[j]?.score ?? null, plan.rules).value;
      if (raw === null) continue;
      if (expression === null) return { value, note: this.notes.value('unreadable', value) };
      const final = g.cell(output('finalGrade'), i, from);
      finals.push(final);
      weighted.push(`IF(ISNUMBER(${final}),${expression}*${final},0)`);
      weights.push(`IF(ISNUMBER(${final}),${expression},0)`);
      total += raw;
    }
    if (finals.length === 0) return { value, note: null };
    if (total === 0) return { value, note: this.notes.value('zero-weights', value) };
    const text = `IF(COUNT(${finals.join(',')})=0,"",(${weighted.join('+')})/(${weights.join('+')}))`;
    if (text.length > MAX_FORMULA_LENGTH || finals.length > MAX_ARGUMENTS) return { value, note: this.notes.value('length', value) };
    return { value: formula(text, value), note: null };
  }

  /** Unit codes whose ancestor chain includes `code` (itself included), as the engine walks it. */
  private subtree(code: string): Set<string> {
    const parentOf = this.unitParents();
    const set = new Set<string>();
    for (const unit of parentOf.keys()) {
      const seen = new Set<string>();
      let current: string | null | undefined = unit;
      while (current !== null && current !== undefined && !seen.has(current)) {
        if (current === code) {
          set.add(unit);
          break;
        }
        seen.add(current);
        current = parentOf.get(current);
      }
    }
    set.add(code);
    return set;
  }

  private parents: Map<string, string | null> | null = null;

  private unitParents(): Map<string, string | null> {
    if (this.parents === null) {
      this.parents = new Map();
      for (const unit of this.plan.units) if (unit.code !== null && !this.parents.has(unit.code)) this.parents.set(unit.code, unit.parent);
    }
    return this.parents;
  }

  private parentUnits: Set<string> | null = null;

  private hasChildren(code: string): boolean {
    if (this.parentUnits === null) {
      this.parentUnits = new Set();
      const parents = this.unitParents();
      for (const [child, parent] of parents) if (parent !== null && parent !== child && parents.has(parent)) this.parentUnits.add(parent);
    }
    return this.parentUnits.has(code);
  }

  private candidatesByUnit: Map<string, number[]> | null = null;

  /** Possible members counted for a set of units: own unit or a Strutture coinvolte in the set, in row order. */
  private candidatesIn(units: ReadonlySet<string>): number[] {
    if (this.candidatesByUnit === null) {
      this.candidatesByUnit = new Map();
      this.plan.objectives.forEach((o, i) => {
        if (!this.candidate[i]) return;
        for (const unit of basketKeys(o, 'struttura')) {
          const list = this.candidatesByUnit?.get(unit);
          if (list) list.push(i);
          else this.candidatesByUnit?.set(unit, [i]);
        }
      });
    }
    const found = new Set<number>();
    for (const unit of units) for (const i of this.candidatesByUnit.get(unit) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b);
  }

  private putValue(column: Column, row: number, value: CellValue, reason: CellReason): void {
    column.values[row] = value ?? null;
    column.notes[row] = this.notes.value(reason, value);
  }
}
