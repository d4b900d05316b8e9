/**
 * The live `Riepilogo`: per unit and for the organisation, the count of members, Σ raw weights,
 * Σ points, the grade, band and premio, and the performance di ente. The unit tree, the members of
 * each unit and the baskets with floors are the engine's published decisions.
 */
import { bandFormula, bandLabel } from '../../rules/bands';
import { numberLiteral, stringLiteral } from '../../rules/formulaText';
import { basketGradeFormula, enteFormula, rollupGradeFormula } from '../../rules/rollup';
import type { OutputValue } from '../port';
import { MAX_ARGUMENTS, MAX_FORMULA_LENGTH } from './a1';
import { field, formula, isNumber, output, type LiveContext, type ValueReason } from './context';
import type { TableGrid } from './geometry';

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

interface Rolled {
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

export function summaryCells(ctx: LiveContext): SummaryCells {
  const g = ctx.grid('objectives');
  const from = ctx.input.summarySheet;
  const units = ctx.results.units.map((u, n) => unitRow(ctx, u.code, n, g, from));
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
  gradeFormula: string | null = null,
): SummaryRow {
  const row = ctx.input.summaryFirstRow + n;
  const [count, weights, grade, pointsCell] = (['objectives', 'weights', 'grade', 'points'] as const).map((key) => summaryCell(ctx, key, row));
  const valueRow = (reason: ValueReason): SummaryRow => ({
    objectives: result.objectives,
    weights: result.weightSum,
    grade: result.grade,
    band: bandLabel(ctx.plan.bands, result.band),
    reward: result.reward,
    points,
    note: ctx.notes.value(reason, result.grade),
  });
  if (sums === null) return valueRow('codes');
  const lengths = [sums.count, sums.weights, sums.points].map((s) => s.length);
  if (Math.max(...lengths) > MAX_FORMULA_LENGTH) return valueRow('length');
  const gradeText = gradeFormula ?? rollupGradeFormula(count, pointsCell, weights);
  const gradeValue: OutputValue = gradeReason === null && gradeText.length <= MAX_FORMULA_LENGTH ? formula(gradeText, result.grade) : result.grade;
  const note = gradeReason === null ? null : ctx.notes.value(gradeReason, result.grade);
  const decimals = ctx.names.ref('decimals');
  return {
    objectives: formula(sums.count, result.objectives),
    weights: formula(sums.weights, result.weightSum),
    points: formula(sums.points, points),
    grade: gradeValue,
    band: formula(bandFormula(grade, ctx.plan.bands, decimals, 'label', ctx.bandCells(ctx.input.summarySheet)), bandLabel(ctx.plan.bands, result.band)),
    reward: formula(bandFormula(grade, ctx.plan.bands, decimals, 'reward', ctx.bandCells(ctx.input.summarySheet)), result.reward),
    note,
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
    return summaryRow(ctx, n, null, unit, points, null);
  }
  const unitRange = g.range(field('unit'), from);
  const rawRange = g.range(output('rawWeight'), from);
  const pointsRange = g.range(output('points'), from);
  const used = [...subtree].filter((u) => ctx.usedUnits.has(u));
  const extras = memberIndices.filter((i) => !subtree.has(plan.objectives[i].unit ?? ''));
  if (extras.length > MAX_ARGUMENTS) return summaryRow(ctx, n, null, unit, points, null);
  const sum = (range: string, column: string, counting: boolean): string => {
    const direct = used.map((u) =>
      counting ? `COUNTIFS(${unitRange},${stringLiteral(u)},${range},">=0")` : `SUMIFS(${range},${unitRange},${stringLiteral(u)})`,
    );
    const extra = extras.map((i) => g.cell(output(column), i, from));
    const parts = [...direct, ...(extra.length > 0 ? [`${counting ? 'COUNT' : 'SUM'}(${extra.join(',')})`] : [])];
    return parts.length === 0 ? '0' : parts.join('+');
  };
  const sums = { count: sum(rawRange, 'rawWeight', true), weights: sum(rawRange, 'rawWeight', false), points: sum(pointsRange, 'points', false) };
  if (!node.hasChildren && plan.rules.basket === 'struttura' && memberIndices.some((i) => isNumber(plan.objectives[i].minShare) && (plan.objectives[i].minShare as number) > 0)) {
    const grade = floorsGrade(ctx, code, n, g, from);
    if (grade !== null) return summaryRow(ctx, n, sums, unit, points, null, grade);
  }
  return summaryRow(ctx, n, sums, unit, points, unit.objectives > 0 && unit.weightSum === 0 ? 'zero-weights' : null);
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
  if (!g) return summaryRow(ctx, n, null, org, points, null);
  const rawRange = g.range(output('rawWeight'), from);
  const sums = { count: `COUNT(${rawRange})`, weights: `SUM(${rawRange})`, points: `SUM(${g.range(output('points'), from)})` };
  return summaryRow(ctx, n, sums, org, points, org.objectives > 0 && org.weightSum === 0 ? 'zero-weights' : null);
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
