/**
 * The live outputs of Obiettivi: part grades, Grado calcolato and finale, band, premio, expected
 * progress and Stato, raw weight, points and Peso %. How each objective is graded, which basket
 * it is weighed in and with which multiplier are the engine's published decisions.
 */
import { message } from '../../i18n';
import { bandFormula, bandLabel } from '../../rules/bands';
import { stringLiteral } from '../../rules/formulaText';
import { computedGradeFormula, finalGradeFormula, partMeanFormula, pointsFormula } from '../../rules/objectiveGrade';
import { IMPLEMENTATION_STATUSES, implementationStatusFormula, objectiveExpectedProgressFormula, type ImplementationStatus } from '../../rules/status';
import { weightShareFormula } from '../../rules/weights';
import type { Objective } from '../../schema/model';
import type { CellValue } from '../../schema/raw';
import { MAX_ARGUMENTS, MAX_FORMULA_LENGTH, sheetPrefix } from './a1';
import { field, formula, isNumber, output, type CellReason, type Column, type LiveContext, type Table } from './context';
import type { TableGrid } from './geometry';
import { eachRow, type Steps } from '../cooperative';

const OBJECTIVE_KEYS = [
  'weightShare', 'indicatorGrade', 'phaseGrade', 'computedGrade', 'finalGrade', 'band', 'reward',
  'expectedProgress', 'status', 'rawWeight', 'points',
] as const;

type ObjectiveKey = (typeof OBJECTIVE_KEYS)[number];

export function* objectiveCells(ctx: LiveContext): Steps<void> {
  const start = ctx.start('objectives', OBJECTIVE_KEYS, ctx.plan.objectives.length);
  if (!start) return;
  const { g, table, from } = start;
  const { plan, results, analysis } = ctx;
  const col = (key: ObjectiveKey) => table.get(key) as Column;
  const op = start.op;
  const cap = ctx.names.ref('cap');
  const decimals = ctx.names.ref('decimals');
  const ind = ctx.grid('indicators');
  const ph = ctx.grid('phases');
  const words = Object.fromEntries(
    IMPLEMENTATION_STATUSES.map((s) => [s, stringLiteral(message(`status-${s}`, {}, ctx.input.lang))]),
  ) as Record<ImplementationStatus, string>;
  const statusNames = { decimals, onTrackThreshold: ctx.names.ref('onTrackThreshold'), lateThreshold: ctx.names.ref('lateThreshold') };

  yield* eachRow(plan.objectives, (_, i) => {
    const r = results.objectives[i];
    const finalCell = g.cell(output('finalGrade'), i, from);
    if (ctx.byFormula(i)) {
      const code = g.cell(field('code'), i, from);
      const gi = g.cell(output('indicatorGrade'), i, from);
      const gf = g.cell(output('phaseGrade'), i, from);
      const expected = g.cell(output('expectedProgress'), i, from);
      col('indicatorGrade').values[i] = ind && ind.has(field('objective'))
        ? formula(partMeanFormula(ctx.partRows('indicators', i, code, from), 'countedWeight'), r.indicatorGrade)
        : formula('""', null);
      if (ph && ph.has(field('objective'))) {
        const rows = ctx.partRows('phases', i, code, from);
        col('phaseGrade').values[i] = formula(partMeanFormula(rows, 'countedShare'), r.phaseGrade);
        // E over the phases with both planned dates (those with Punti attesi); undated ones are left out (SPEC §3.5).
        col('expectedProgress').values[i] = formula(objectiveExpectedProgressFormula(rows), r.expectedProgress);
      } else {
        col('phaseGrade').values[i] = formula('""', null);
        col('expectedProgress').values[i] = formula('""', null);
      }
      const pI = op('indicatorShare', i);
      const pF = op('phaseShare', i);
      const override = op('override', i);
      if (pI === null || pF === null || override === null) objectiveValues(ctx, table, i, 'unreadable');
      else {
        col('computedGrade').values[i] = formula(computedGradeFormula(gi, gf, pI, pF, cap), r.computedGrade);
        col('finalGrade').values[i] = formula(finalGradeFormula(override, g.cell(output('computedGrade'), i, from), cap), r.finalGrade);
        col('status').values[i] = formula(
          implementationStatusFormula(gf, expected, statusNames, words),
          r.status === null ? null : message(`status-${r.status}`, {}, ctx.input.lang),
        );
      }
    } else {
      const grading = analysis.grading[i];
      objectiveValues(ctx, table, i, grading === 'parts' ? 'codes' : grading);
    }

    // Band and premio follow the final grade, whether formula or value.
    if (col('finalGrade').values[i] !== null) {
      col('band').values[i] = formula(bandFormula(finalCell, plan.bands, decimals, 'label', ctx.bandCells(from)), bandLabel(plan.bands, r.band));
      col('reward').values[i] = formula(bandFormula(finalCell, plan.bands, decimals, 'reward', ctx.bandCells(from)), r.reward);
    }
    rawWeightCells(ctx, table, g, i, finalCell);
  });
  weightShares(ctx, table, g);
}

/** Every computed output of objective i as the engine's value. */
function objectiveValues(ctx: LiveContext, table: Table, i: number, reason: CellReason): void {
  const r = ctx.results.objectives[i];
  const values: Partial<Record<ObjectiveKey, CellValue>> = {
    indicatorGrade: r.indicatorGrade,
    phaseGrade: r.phaseGrade,
    computedGrade: r.computedGrade,
    finalGrade: r.finalGrade,
    expectedProgress: r.expectedProgress,
    status: r.status === null ? null : message(`status-${r.status}`, {}, ctx.input.lang),
  };
  for (const [key, value] of Object.entries(values)) ctx.putValue(table.get(key) as Column, i, value ?? null, reason);
}

/** Peso grezzo and Punti of a basket candidate: blank while the objective has no final grade. */
function rawWeightCells(ctx: LiveContext, table: Table, g: TableGrid, i: number, finalCell: string): void {
  if (ctx.analysis.basketCandidate[i] !== 1) return;
  const r = ctx.results.objectives[i];
  const rawColumn = table.get('rawWeight') as Column;
  const expression = ctx.rawWeightExpression(i, g.sheet);
  if (expression === null) ctx.putValue(rawColumn, i, r.rawWeight, 'unreadable');
  else rawColumn.values[i] = formula(`IF(ISNUMBER(${finalCell}),${expression},"")`, r.rawWeight);
  const rawCell = g.cell(output('rawWeight'), i, g.sheet);
  (table.get('points') as Column).values[i] = formula(pointsFormula(rawCell, finalCell), r.rawWeight === null || r.finalGrade === null ? null : r.rawWeight * r.finalGrade);
}

const hasFloor = (o: Objective): boolean => isNumber(o.minShare) && o.minShare > 0;

/** Peso % in the objective's own basket: a formula when the basket has no floors. */
function weightShares(ctx: LiveContext, table: Table, g: TableGrid): void {
  const { plan, results, analysis } = ctx;
  const from = g.sheet;
  const shareColumn = table.get('weightShare') as Column;
  const rawColumn = table.get('rawWeight') as Column;
  const members = new Map<string, number[]>();
  plan.objectives.forEach((_, i) => {
    for (const key of analysis.baskets[i]) {
      const list = members.get(key);
      if (list) list.push(i);
      else members.set(key, [i]);
    }
  });
  const rawRange = g.range(output('rawWeight'), from);
  plan.objectives.forEach((o, i) => {
    const share = results.objectives[i].weightShare;
    const own = analysis.ownBasket[i];
    if (own === null || rawColumn.values[i] === null) {
      ctx.putValue(shareColumn, i, share, share === null ? 'none' : 'blocked');
      return;
    }
    const basket = members.get(own) ?? [];
    if (basket.some((m) => hasFloor(plan.objectives[m]))) {
      ctx.putValue(shareColumn, i, share, 'floors');
      return;
    }
    const total = basketTotal(ctx, o, own, basket, g, rawRange);
    const text = total === null ? null : weightShareFormula(g.cell(output('rawWeight'), i, from), total);
    if (text === null || text.length > MAX_FORMULA_LENGTH) ctx.putValue(shareColumn, i, share, total === null ? 'codes' : 'length');
    else shareColumn.values[i] = formula(text, share);
  });
}

/** Σ raw weights of a basket as a formula, null when the codes cannot be SUMIFS criteria. */
function basketTotal(ctx: LiveContext, o: Objective, own: string, basket: readonly number[], g: TableGrid, rawRange: string): string | null {
  const { plan, results, analysis } = ctx;
  const from = g.sheet;
  // An owner SUMIFS can match: the cell holds exactly the plan's text.
  const owner = (m: number): string | null => (ctx.typed('objectives', 'owner', m) ? plan.objectives[m].owner : null);
  if (plan.rules.basket === 'ente') return `SUM(${rawRange})`;
  if (plan.rules.basket === 'responsabile') {
    if (!g.has(field('owner')) || o.owner === null || !ctx.owners.safe(owner(basket[0]))) return null;
    const owners = new Set(basket.map(owner));
    if (owners.size !== 1) return null;
    return `SUMIFS(${rawRange},${g.range(field('owner'), from)},${stringLiteral([...owners][0] as string)})`;
  }
  if (!g.has(field('unit')) || !ctx.unitCodes.safe(own)) return null;
  // A unit without child units: its Σ pesi in Riepilogo is exactly this basket's total.
  const n = results.units.findIndex((u) => u.code === own);
  if (n >= 0 && !analysis.units[n].hasChildren) return `${sheetPrefix(ctx.input.summarySheet)}$${ctx.summaryColumns.weights}$${ctx.input.summaryFirstRow + n}`;
  const extras = basket.filter((m) => plan.objectives[m].unit !== own).map((m) => g.cell(output('rawWeight'), m, from));
  if (extras.length > MAX_ARGUMENTS) return null;
  const direct = `SUMIFS(${rawRange},${g.range(field('unit'), from)},${stringLiteral(own)})`;
  return extras.length === 0 ? direct : `(${direct}+SUM(${extras.join(',')}))`;
}
