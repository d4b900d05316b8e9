/**
 * The live `Riepilogo`: per unit and for the organisation, the count of members, Σ raw weights,
 * Σ points, the grade, band and premio, the coverage (graded objectives of all, by number and by
 * weight), and the performance di ente. The unit tree, the members of each unit and the baskets
 * with floors are the engine's published decisions.
 */
import type { Coverage } from '../../engine/results';
import { message, type Lang } from '../../i18n';
import { bandFormula, bandLabel } from '../../rules/bands';
import { numberLiteral, stringLiteral } from '../../rules/formulaText';
import { basketGradeFormula, enteFormula, rollupGradeFormula } from '../../rules/rollup';
import type { OutputValue } from '../port';
import { MAX_ARGUMENTS, MAX_FORMULA_LENGTH } from './a1';
import { field, formula, isNumber, output, type LiveContext, type ValueReason } from './context';
import type { TableGrid } from './geometry';
import type { Steps } from '../cooperative';

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
  objectivesTotal: OutputValue;
  weights: OutputValue;
  weightGraded: OutputValue;
  coverage: OutputValue;
  grade: OutputValue;
  band: OutputValue;
  reward: OutputValue;
  points: OutputValue;
  /** Note on the grade cell. */
  note: string | null;
  /** Note on the Peso valutato % cell. */
  weightNote: string | null;
}

interface Rolled extends Coverage {
  objectives: number;
  weightSum: number;
  grade: number | null;
  band: number | null;
  reward: number | null;
}

interface MemberSums {
  count: string;
  weights: string;
  points: string;
}

/** Σ raw weights of all the candidates of a roll-up: a formula, or why there is none. */
type TotalWeight = { formula: string } | { reason: ValueReason };

/** The Copertura text of a roll-up with `graded` of `total` objectives graded; none without objectives. */
function coverageText(coverage: Coverage['coverage'], graded: number, total: number, lang: Lang): string | null {
  if (coverage === 'empty') return null;
  return message(`coverage-${coverage}${total === 1 ? '-one' : ''}`, { graded, total }, lang);
}

/**
 * Copertura as a formula on the live count of graded objectives: the total is structure (which
 * objectives a roll-up ranges over changes only with rows, codes, levels or units, and then
 * Verifica asks for a new Calcola), so it is written into the texts.
 */
function coverageFormula(gradedCell: string, total: number, lang: Lang): string {
  if (total === 0) return '""';
  const text = (kind: Coverage['coverage']): string =>
    message(`coverage-${kind}${total === 1 ? '-one' : ''}`, { total }, lang)
      .split('{graded}')
      .map(stringLiteral)
      .join(`&${gradedCell}&`);
  return `IF(${gradedCell}=0,${text('none')},IF(${gradedCell}<${total},${text('partial')},${text('complete')}))`;
}

export function* summaryCells(ctx: LiveContext): Steps<SummaryCells> {
  const g = ctx.grid('objectives');
  const from = ctx.input.summarySheet;
  const units: SummaryRow[] = [];
  // Each unit scans the objectives for its members: yield between units, not between chunks of them.
  for (const [n, u] of ctx.results.units.entries()) {
    units.push(unitRow(ctx, u.code, n, g, from));
    yield;
  }
  const organization = organizationRow(ctx, g, from);
  const ente = enteCell(ctx, g, from);
  return { units, organization, ente: ente.value, enteNote: ente.note };
}

/** The A1 address of a Riepilogo cell by its column key. */
function summaryCell(ctx: LiveContext, key: 'objectives' | 'weights' | 'grade' | 'points', row: number): string {
  return `${ctx.summaryColumns[key]}${row}`;
}

/** Count, weights, points, grade, band and premio of a summary row from its member sums. */
function summaryRow(
  ctx: LiveContext,
  n: number,
  sums: MemberSums | null,
  result: Rolled,
  points: number,
  gradeReason: ValueReason | null,
  totalWeight: TotalWeight,
  gradeFormula: string | null = null,
): SummaryRow {
  const row = ctx.input.summaryFirstRow + n;
  const [count, weights, grade, pointsCell] = (['objectives', 'weights', 'grade', 'points'] as const).map((key) => summaryCell(ctx, key, row));
  const lang = ctx.input.lang;
  const valueRow = (reason: ValueReason): SummaryRow => ({
    objectives: result.objectives,
    objectivesTotal: result.objectivesTotal,
    weights: result.weightSum,
    weightGraded: result.weightGraded,
    coverage: coverageText(result.coverage, result.objectives, result.objectivesTotal, lang),
    grade: result.grade,
    band: bandLabel(ctx.plan.bands, result.band),
    reward: result.reward,
    points,
    note: ctx.notes.value(reason, result.grade),
    weightNote: ctx.notes.value(reason, result.weightGraded),
  });
  if (sums === null) return valueRow('codes');
  const lengths = [sums.count, sums.weights, sums.points].map((s) => s.length);
  if (Math.max(...lengths) > MAX_FORMULA_LENGTH) return valueRow('length');
  const gradeText = gradeFormula ?? rollupGradeFormula(count, pointsCell, weights);
  const gradeValue: OutputValue = gradeReason === null && gradeText.length <= MAX_FORMULA_LENGTH ? formula(gradeText, result.grade) : result.grade;
  const note = gradeReason === null ? null : ctx.notes.value(gradeReason, result.grade);
  const decimals = ctx.names.ref('decimals');
  // Only a total of 0 can make the division fail: the terms are raw weight expressions the parser read as numbers.
  const weightGradedText = 'formula' in totalWeight ? `IFERROR(100*${weights}/(${totalWeight.formula}),"")` : null;
  let weightGraded: OutputValue = result.weightGraded;
  let weightNote: string | null = null;
  if (weightGradedText !== null && weightGradedText.length <= MAX_FORMULA_LENGTH) weightGraded = formula(weightGradedText, result.weightGraded);
  else weightNote = ctx.notes.value('reason' in totalWeight ? totalWeight.reason : 'length', result.weightGraded);
  return {
    objectives: formula(sums.count, result.objectives),
    objectivesTotal: result.objectivesTotal,
    weights: formula(sums.weights, result.weightSum),
    weightGraded,
    coverage: formula(coverageFormula(count, result.objectivesTotal, lang), coverageText(result.coverage, result.objectives, result.objectivesTotal, lang)),
    points: formula(sums.points, points),
    grade: gradeValue,
    band: formula(bandFormula(grade, ctx.plan.bands, decimals, 'label', ctx.bandCells(ctx.input.summarySheet)), bandLabel(ctx.plan.bands, result.band)),
    reward: formula(bandFormula(grade, ctx.plan.bands, decimals, 'reward', ctx.bandCells(ctx.input.summarySheet)), result.reward),
    note,
    weightNote,
  };
}

/** Candidates counted for a set of units (own unit or a Strutture coinvolte in the set), in row order. */
function candidatesIn(ctx: LiveContext, units: ReadonlySet<string>): number[] {
  const found: number[] = [];
  ctx.analysis.rollupUnits.forEach((own, i) => {
    if (own.some((u) => units.has(u))) found.push(i);
  });
  return found;
}

/**
 * Σ raw weights of all the candidates a roll-up ranges over, as a formula: each one's raw weight
 * expression (Peso, or its Pesatura Punteggio), so a changed weight or score moves Peso valutato %.
 * A candidate whose Pesatura row has an error has no raw weight and is left out, as in the engine.
 */
function totalWeightFormula(ctx: LiveContext, indices: readonly number[], from: string): TotalWeight {
  const terms: string[] = [];
  for (const i of indices) {
    const raw = ctx.analysis.rawWeights[i];
    if (raw === null) continue;
    // A row with an error (a negative Peso…) weighs what the engine made of it until it is fixed and computed again.
    const expression = ctx.input.blocked.objectives.has(i) ? numberLiteral(raw) : ctx.rawWeightExpression(i, from);
    if (expression === null) return { reason: 'unreadable' };
    terms.push(expression);
  }
  return { formula: terms.length === 0 ? '0' : terms.join('+') };
}

function memberPoints(ctx: LiveContext, indices: readonly number[]): number {
  let points = 0;
  for (const i of indices) {
    const r = ctx.results.objectives[i];
    if (r.rawWeight !== null && r.finalGrade !== null) points += r.rawWeight * r.finalGrade;
  }
  return points;
}

function unitRow(ctx: LiveContext, code: string, n: number, g: TableGrid | undefined, from: string): SummaryRow {
  const { plan, results, analysis } = ctx;
  const unit = results.units[n];
  const node = analysis.units[n];
  const subtree = new Set(node.subtree);
  const memberIndices = candidatesIn(ctx, subtree);
  const points = memberPoints(ctx, memberIndices);
  if (!g || !g.has(field('unit')) || [...subtree].some((u) => ctx.usedUnits.has(u) && !ctx.unitCodes.safe(u))) {
    return summaryRow(ctx, n, null, unit, points, null, { reason: 'codes' });
  }
  const unitRange = g.range(field('unit'), from);
  const rawRange = g.range(output('rawWeight'), from);
  const pointsRange = g.range(output('points'), from);
  const used = [...subtree].filter((u) => ctx.usedUnits.has(u));
  const extras = memberIndices.filter((i) => !subtree.has(plan.objectives[i].unit ?? ''));
  if (extras.length > MAX_ARGUMENTS) return summaryRow(ctx, n, null, unit, points, null, { reason: 'codes' });
  const sum = (range: string, column: string, counting: boolean): string => {
    const direct = used.map((u) =>
      counting ? `COUNTIFS(${unitRange},${stringLiteral(u)},${range},">=0")` : `SUMIFS(${range},${unitRange},${stringLiteral(u)})`,
    );
    const extra = extras.map((i) => g.cell(output(column), i, from));
    const parts = [...direct, ...(extra.length > 0 ? [`${counting ? 'COUNT' : 'SUM'}(${extra.join(',')})`] : [])];
    return parts.length === 0 ? '0' : parts.join('+');
  };
  const sums = { count: sum(rawRange, 'rawWeight', true), weights: sum(rawRange, 'rawWeight', false), points: sum(pointsRange, 'points', false) };
  const total = totalWeightFormula(ctx, memberIndices, from);
  if (!node.hasChildren && plan.rules.basket === 'struttura' && memberIndices.some((i) => isNumber(plan.objectives[i].minShare) && (plan.objectives[i].minShare as number) > 0)) {
    const grade = floorsGrade(ctx, code, n, g, from);
    if (grade !== null) return summaryRow(ctx, n, sums, unit, points, null, total, grade);
  }
  return summaryRow(ctx, n, sums, unit, points, unit.objectives > 0 && unit.weightSum === 0 ? 'zero-weights' : null, total);
}

/**
 * A unit whose basket has floors: Σ Peso % × Grado finale / 100 over its members. The shares are
 * values (the floors are iterated), the grades stay live: a changed actual still moves the unit.
 * A member shared from another unit has its share in this basket written as a number.
 */
function floorsGrade(ctx: LiveContext, code: string, n: number, g: TableGrid, from: string): string | null {
  const basket = ctx.analysis.unitBaskets?.get(code);
  const shares = basket?.shares ?? null;
  if (!basket || shares === null) return null;
  const count = summaryCell(ctx, 'objectives', ctx.input.summaryFirstRow + n);
  const members = basket.members.map((i, k) => ({
    grade: g.cell(output('finalGrade'), i, from),
    share: ctx.plan.objectives[i].unit === code ? g.cell(output('weightShare'), i, from) : numberLiteral(shares[k]),
  }));
  return basketGradeFormula(count, members);
}

function organizationRow(ctx: LiveContext, g: TableGrid | undefined, from: string): SummaryRow {
  const org = ctx.results.organization;
  const n = ctx.results.units.length;
  const candidates: number[] = [];
  ctx.analysis.basketCandidate.forEach((c, i) => {
    if (c === 1) candidates.push(i);
  });
  const points = memberPoints(ctx, candidates);
  if (!g) return summaryRow(ctx, n, null, org, points, null, { reason: 'codes' });
  const rawRange = g.range(output('rawWeight'), from);
  const sums = { count: `COUNT(${rawRange})`, weights: `SUM(${rawRange})`, points: `SUM(${g.range(output('points'), from)})` };
  const total = totalWeightFormula(ctx, candidates, from);
  return summaryRow(ctx, n, sums, org, points, org.objectives > 0 && org.weightSum === 0 ? 'zero-weights' : null, total);
}

/** Performance di ente: the raw-weighted mean of the final grades of level-Ente objectives. */
function enteCell(ctx: LiveContext, g: TableGrid | undefined, from: string): { value: OutputValue; note: string | null } {
  const { plan, results, analysis } = ctx;
  const value = results.organization.entePerformance;
  const ente = plan.objectives.map((_, i) => i).filter((i) => plan.objectives[i].level === 'ente' && results.objectives[i].finalGrade !== null);
  if (!g || ente.length === 0) return { value, note: null };
  const members: { raw: string; grade: string }[] = [];
  let total = 0;
  for (const i of ente) {
    const raw = analysis.rawWeights[i];
    if (raw === null) continue;
    const expression = ctx.rawWeightExpression(i, from);
    if (expression === null) return { value, note: ctx.notes.value('unreadable', value) };
    members.push({ raw: expression, grade: g.cell(output('finalGrade'), i, from) });
    total += raw;
  }
  if (members.length === 0) return { value, note: null };
  if (total === 0) return { value, note: ctx.notes.value('zero-weights', value) };
  const text = enteFormula(members);
  if (text.length > MAX_FORMULA_LENGTH || members.length > MAX_ARGUMENTS) return { value, note: ctx.notes.value('length', value) };
  return { value: formula(text, value), note: null };
}
