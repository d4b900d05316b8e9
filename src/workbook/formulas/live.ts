/**
 * The live workbook (issue #4): every output cell Calcola writes, as a native Excel formula that
 * implements SPEC §3 on the row's own cells, the helper columns and the `Regole` names — or, where
 * no plain formula can (floors redistributed by iteration, parent objectives rolled up through a
 * tree, cells a formula cannot read), as the engine's value with a note saying so.
 *
 * Each formula cell carries the engine's result as its cached value, so the workbook shows the
 * right numbers before any recalculation, and the parity tests can check formula against engine.
 * The formulas themselves belong to the rules (src/rules, one module per rule of SPEC §3); the
 * decisions they are specialised to (rows of each objective, plan-year phases, baskets, methods,
 * the unit tree) are the engine's, published in `results.analysis`.
 *
 * How a grade is built, column by column (what a reader follows):
 *   Indicatori  Grado % → Peso usato (weight when graded) → Punti (= Peso usato × Grado %) → Peso %
 *   Fasi        Incidenza usata (plan-year phases) → Punti, Avanzamento atteso %, Punti attesi, Scostamento
 *   Obiettivi   Grado indicatori % = Σ Punti / Σ Peso usato (SUMIFS by code), Grado fasi % likewise,
 *               Grado calcolato %, Grado finale %, Fascia, Premio %, Avanzamento atteso %, Stato,
 *               Peso grezzo → Punti (= Peso grezzo × Grado finale %) → Peso %
 *   Riepilogo   Σ pesi, Σ punti by unit (SUMIFS by unit code) → Grado % = Σ punti / Σ pesi → Fascia, Premio %
 *   Persone     component grades (Riepilogo, Obiettivi, Valutazioni) → Punteggio (pay.ts)
 *   Premi       Punteggio → Classe, Coefficiente → Chiave → Quota esatta; cents as values
 */
import type { TableKey } from '../../schema/findings';
import type { DefinedName } from '../port';
import { LiveContext, type ColumnCells, type LiveInput } from './context';
import { objectiveCells } from './objectives';
import { indicatorCells, phaseCells, weightingCells } from './rows';
import { summaryCells, type SummaryCells } from './summary';
import { PayPlacer, payoutCells, peopleCells, type PayCells } from './pay';
import { payoutLayout } from '../paySheets';
import type { Steps } from '../cooperative';

export interface LiveOutputs {
  tables: Map<TableKey, Map<string, ColumnCells>>;
  summary: SummaryCells;
  /** The Premi sheet's cells, when pay was computed. */
  pay: PayCells | null;
  names: DefinedName[];
  /** Cells whose value does not follow the inputs (values with a note, blocked rows, unreadable rules). */
  frozen: number;
  /** Of those, the values written with a note saying why. */
  noted: number;
}

/** The whole computation in formulas, in steps (cooperative.ts). */
export function* liveOutputs(input: LiveInput): Steps<LiveOutputs> {
  const ctx = new LiveContext(input);
  yield* indicatorCells(ctx);
  yield* phaseCells(ctx);
  yield* objectiveCells(ctx);
  yield* weightingCells(ctx);
  const summary = yield* summaryCells(ctx);
  const pay = input.pay ?? null;
  const placer = pay === null ? null : new PayPlacer(ctx, pay.view);
  peopleCells(ctx, placer);
  const payouts = pay === null || placer === null ? null : payoutCells(ctx, placer, payoutLayout(pay.sheet, pay.view.input.funds.length));
  const tables = new Map<TableKey, Map<string, ColumnCells>>(ctx.out);
  return { tables, summary, pay: payouts, names: ctx.names.names, frozen: ctx.notes.frozen, noted: ctx.notes.noted };
}
