/**
 * Result pay in the live workbook (SPEC §8), evaluated by HyperFormula: every formula Calcola
 * writes on Persone and Premi gives the engine's value; a changed behaviour score moves that
 * person's score and class, and a changed actual moves the scores of the people assigned to the
 * objective, exactly as the engine computes them on the changed plan; Trasparenza holds no name.
 */
import { assessRaw, assessWorkbook, scoreAssessment, scoreWorkbook } from '../../src/actions/assess';
import { readWorkbookTables, type Locator } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { parseInterchange } from '../../src/schema/interchange';
import type { TableKey } from '../../src/schema/findings';
import { PAY_DOCUMENT } from '../fixtures/payPlan';
import { cellAddress } from '../../src/workbook/port';
import { columnId } from '../../src/workbook/headers';
import { evaluate, sameValue } from '../support/hyperformula';
import { workbookFrom } from '../support/parity';

/** Calcola (with pay) on a memory workbook: the engine's pay, and where the tables are. */
async function compute(workbook: MemoryWorkbook) {
  const computed = await scoreWorkbook(workbook, 'it', { now: new Date(Date.UTC(2026, 10, 22)) });
  return { pay: computed.pay!, locator: readWorkbookTables(await workbook.readTables()).locator };
}

/** Every formula of the workbook against its cached result (the engine's value). */
function formulaMismatches(workbook: MemoryWorkbook) {
  const hf = evaluate(workbook);
  try {
    return hf.formulas().flatMap((f) => {
      const actual = hf.value(f.sheet, f.address);
      return sameValue(actual, f.cached) ? [] : [{ where: `${f.sheet}!${f.address}`, formula: f.formula, actual, cached: f.cached }];
    });
  } finally {
    hf.destroy();
  }
}

function personCell(locator: Locator, key: string, row: number): string {
  const p = locator.placement('people')!;
  return cellAddress(p.top + 1 + p.rows[row], p.left + p.columns.get(columnId({ role: 'output', key }))!);
}

/** The cell of an input column of data row `row` of a table, where a test edits the plan. */
function fieldCell(locator: Locator, table: TableKey, key: string, row: number): string {
  const t = locator.placement(table)!;
  return cellAddress(t.top + 1 + t.rows[row], t.left + t.columns.get(columnId({ role: 'field', key }))!);
}

/** After an edit: the workbook's formulas evaluated by HyperFormula, and the engine's pay on the edited plan. */
async function afterEdit(workbook: MemoryWorkbook) {
  const hf = evaluate(workbook);
  const { raw, locator, findings } = readWorkbookTables(await workbook.readTables());
  return { hf, changed: scoreAssessment(assessRaw(raw, locator, findings, 'it')).pay! };
}

describe('pay in the live workbook (HyperFormula)', () => {
  test('every formula of Persone and Premi equals the engine, and the scores, classes and keys are formulas', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    const { pay, locator } = await compute(workbook);
    expect(pay.people.map((p) => p.status)).toEqual(['evaluated', 'evaluated', 'evaluated', 'evaluated', 'excluded', 'evaluated']);
    expect(formulaMismatches(workbook)).toEqual([]);
    const scoreCell = workbook.cell('Persone', personCell(locator, 'score', 0));
    expect(scoreCell?.formula).toMatch(/ROUND\(/);
    expect(scoreCell?.value).toBe(pay.people[0].score);
    // Premi: the pots' block, then one row per person and pot (5 evaluated × 2 pots).
    const premi = workbook.snapshot().sheets.find((s) => s.name === 'Premi')!;
    expect(premi.cells.A4.value).toBe('PROD');
    expect(premi.cells.B4.formula).toMatch(/^=Fondi!\$C\$2$/);
    expect(premi.cells.C4.formula).toBe('=SUM($J$8:$J$12)');
    expect([premi.cells.C4.value, premi.cells.D4.value]).toEqual([12000, 0]);
    expect(['A8', 'B8', 'D8', 'E8'].map((a) => premi.cells[a].value)).toEqual(['M1', 'PROD', pay.people[0].pots[0].class, pay.people[0].pots[0].coefficient]);
    for (const column of ['C', 'D', 'E', 'F', 'G']) expect(premi.cells[`${column}8`].formula).toBeDefined();
    expect(premi.cells.J8.formula).toBeUndefined();
    expect(premi.cells.J8.value).toBe(pay.people[0].pots[0].total);
  });

  test('Comportamenti reads the person’s Valutazioni rows as one range where they follow the profile’s items, blank Peso and Massimo as their defaults', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    const { pay, locator } = await compute(workbook);
    const behaviour = (n: number) => workbook.cell('Persone', personCell(locator, 'comportamenti', n));
    // M1: Collaborazione and Puntualità (blank Peso, Minimo, Massimo) on Valutazioni rows 3–4, Voci rows 2–3.
    expect(behaviour(0)?.formula).toContain('SUMPRODUCT(ISNUMBER(Valutazioni!$C$3:$C$4)*((Voci!$E$2:$E$3+100*(Voci!$E$2:$E$3=""))>Voci!$D$2:$D$3)*(Voci!$C$2:$C$3+(Voci!$C$2:$C$3="")))');
    expect(behaviour(0)?.value).toBeCloseTo(pay.people[0].components.comportamenti as number, 12);
    // M3 has no score on Puntualità: one term per item, the missing score blank.
    expect(behaviour(2)?.formula).not.toContain('SUMPRODUCT');
    expect(behaviour(2)?.formula).toContain('Valutazioni!$C$7');
    // M4: Collaborazione alone (Peso blank, Massimo 5).
    expect(behaviour(3)?.formula).toContain('ISNUMBER(Valutazioni!$C$8:$C$8)*(Voci!$E$5:$E$5>Voci!$D$5:$D$5)');
    expect(formulaMismatches(workbook)).toEqual([]);
  });

  test('in an English workbook too (sheets Pay, Summary; names Score_decimals, Day_basis …)', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT), 'en');
    const computed = await scoreWorkbook(workbook, 'en', { now: new Date(Date.UTC(2026, 10, 22)) });
    expect(computed.pay).not.toBeNull();
    expect(formulaMismatches(workbook)).toEqual([]);
    const sheets = workbook.snapshot().sheets.map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(['Pay', 'Transparency']));
    expect(workbook.cell('Pay', 'E8')?.formula).toContain('Score_decimals');
  });

  test('a changed behaviour score moves that person’s score and class as the engine says', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    const { locator } = await compute(workbook);
    // M4 Collaborazione 5 → 2: Operatori 40 × Struttura + 60 × 25.
    workbook.setCell('Valutazioni', fieldCell(locator, 'evaluations', 'score', 6), 2);
    const { hf, changed } = await afterEdit(workbook);
    try {
      const m4 = changed.people[3];
      expect(hf.value('Persone', personCell(locator, 'score', 3))).toBe(m4.score);
      expect(hf.value('Persone', personCell(locator, 'comportamenti', 3))).toBeCloseTo(25, 9);
      // M4's PROD row is the 4th line of Premi (row 11): class and coefficient follow.
      expect([hf.value('Premi', 'D11'), hf.value('Premi', 'E11')]).toEqual([m4.pots[0].class, m4.pots[0].coefficient]);
      expect(m4.pots[0].class).not.toBe(3);
    } finally {
      hf.destroy();
    }
  });

  test('a changed actual moves the objective’s grade and the scores of the people assigned to it', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    const { pay, locator } = await compute(workbook);
    workbook.setCell('Indicatori', fieldCell(locator, 'indicators', 'actual', 0), 4);
    const { hf, changed } = await afterEdit(workbook);
    try {
      for (const n of [0, 1, 2]) {
        expect(hf.value('Persone', personCell(locator, 'obiettivi', n)) as number).toBeCloseTo(changed.people[n].components.obiettivi as number, 9);
        expect(hf.value('Persone', personCell(locator, 'score', n))).toBe(changed.people[n].score);
      }
      // M1 (OB1 60 %, OB2 40 %) and M2 (OB1) move; M3's Obiettivi (OB2 only) and M4 (Struttura U2, Comportamenti) do not.
      expect(changed.people[0].score).not.toBe(pay.people[0].score);
      expect(changed.people[1].score).not.toBe(pay.people[1].score);
      expect(changed.people[2].components.obiettivi).toBe(pay.people[2].components.obiettivi);
      expect(hf.value('Persone', personCell(locator, 'score', 3))).toBe(pay.people[3].score);
    } finally {
      hf.destroy();
    }
  });

  test('Trasparenza: aggregates per pot and Categoria, numbered evaluators, no name or Matricola', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    await compute(workbook);
    const sheet = workbook.snapshot().sheets.find((s) => s.name === 'Trasparenza')!;
    const text = JSON.stringify(sheet.cells);
    for (const secret of ['Mario', 'Bianchi', 'Rossi', 'Verdi', 'Neri', '"M1"', '"M2"']) expect(text).not.toContain(secret);
    expect(sheet.cells.A5.value).toBe('PROD');
    expect(sheet.cells.B5.value).toBe('Dipendente');
    expect([sheet.cells.C5.value, sheet.cells.E5.value, sheet.cells.F5.value]).toEqual([5, 12000, 12000]);
    expect(text).toContain('Valutatore 1');
  });

  test('with errors in the pay sheets nothing is paid: Premi and Trasparenza say so, Persone has no score', async () => {
    const profiles = PAY_DOCUMENT.profiles.map((p) => (p.profile === 'Operatori' && p.component === 'struttura' ? { ...p, weight: 30 } : p));
    const workbook = await workbookFrom(parseInterchange({ ...PAY_DOCUMENT, profiles }));
    const computed = await scoreWorkbook(workbook, 'it', { now: new Date(Date.UTC(2026, 10, 22)) });
    expect(computed.pay).toBeNull();
    const sheets = workbook.snapshot().sheets;
    for (const name of ['Premi', 'Trasparenza']) {
      const cells = sheets.find((s) => s.name === name)!.cells;
      expect(Object.keys(cells)).toEqual(['A1']);
      expect(cells.A1.value).toBe('Premi non calcolati il 22/11/2026: i fogli dei premi hanno errori (vedi Verifica). Correggerli ed eseguire di nuovo Calcola.');
    }
    const { locator } = readWorkbookTables(await workbook.readTables());
    expect(workbook.cell('Persone', personCell(locator, 'score', 0))?.value ?? null).toBeNull();
  });

  test('after Calcola a changed evaluation makes Verifica say the results are out of date (the cents are values)', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    const { locator } = await compute(workbook);
    expect((await assessWorkbook(workbook, 'it')).stale).toBeNull();
    workbook.setCell('Valutazioni', fieldCell(locator, 'evaluations', 'score', 0), 70);
    expect((await assessWorkbook(workbook, 'it')).stale).toEqual({ reason: 'inputs', date: '2026-11-22' });
  });

  test('Valori: Persone, Premi and Trasparenza hold plain values, the amounts those of the engine', async () => {
    const workbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
    const computed = await scoreWorkbook(workbook, 'it', { mode: 'valori', now: new Date(Date.UTC(2026, 10, 22)) });
    const sheets = workbook.snapshot().sheets.filter((s) => ['Persone', 'Premi', 'Trasparenza'].includes(s.name));
    expect(sheets).toHaveLength(3);
    for (const sheet of sheets) expect(Object.values(sheet.cells).filter((c) => c.formula !== undefined)).toEqual([]);
    const premi = sheets.find((s) => s.name === 'Premi')!.cells;
    expect([premi.A8.value, premi.J8.value, premi.C4.value]).toEqual(['M1', computed.pay!.people[0].pots[0].total, computed.pay!.funds[0].paid]);
  });
});
