/**
 * The formulas Calcola writes, evaluated by an independent spreadsheet engine (HyperFormula),
 * equal Traguardo's engine to 1e-9 on every output cell: the demo, the four fixtures and
 * generated plans.
 */
import fc from 'fast-check';
import calenzano from '../fixtures/calenzano-2023.json';
import capannori from '../fixtures/capannori-2023.json';
import { bandLabel } from '../../src/rules/bands';
import livorno from '../fixtures/livorno-dup-2020.json';
import lucca from '../fixtures/provincia-lucca-2022.json';
import { buildDemoRaw } from '../../src/demo/demo';
import { parseInterchange } from '../../src/schema/interchange';
import { HyperFormula } from 'hyperformula';
import { expectedCells, checkParity, workbookFrom } from '../support/parity';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { rawPlan } from './arbitraries';
import { BAND_CASES, boundaryPlan, PARENT, STATUS_CASES, UNDATED, zeroWeightPlan } from './boundaries';

function countFormulas(workbook: MemoryWorkbook, pattern: RegExp): number {
  return workbook.snapshot().sheets.reduce((n, sheet) => n + Object.values(sheet.cells).filter((c) => c.formula !== undefined && pattern.test(c.formula)).length, 0);
}

const formulasUsing = (workbook: MemoryWorkbook, text: string): number => countFormulas(workbook, new RegExp(text.replace(/[(!$]/g, '\\$&')));

describe('formulas equal the engine (HyperFormula)', () => {
  it('on the demo, where nearly every output is a formula', async () => {
    const report = await checkParity(await workbookFrom(buildDemoRaw()));
    expect(report.mismatches).toEqual([]);
    expect(report.compared).toBeGreaterThan(500);
    // The rest are floors (Peso minimo %) and SI/NO actuals written «in parte N%».
    expect(report.valuedFormulas / report.valued).toBeGreaterThan(0.9);
    // The demo's indicators stand together by objective: plain sums of their block of rows.
    expect(formulasUsing(report.workbook, 'SUM(Indicatori!')).toBeGreaterThan(10);
  });

  it('on the demo in English', async () => {
    const report = await checkParity(await workbookFrom(buildDemoRaw(), 'en'), 'en');
    expect(report.mismatches).toEqual([]);
  });

  it.each([
    ['calenzano', calenzano],
    ['capannori', capannori],
    ['livorno', livorno],
    ['lucca', lucca],
  ])('on the %s fixture', async (_, doc) => {
    const report = await checkParity(await workbookFrom(parseInterchange(doc)));
    expect(report.mismatches).toEqual([]);
    expect(report.formulaCells).toBeGreaterThan(0);
  });

  it('reading a %-formatted input cell (0,3 shown as 30 %) as the percentage it shows, as the engine does', async () => {
    const workbook = MemoryWorkbook.fromTables([
      { name: 'Strutture', sheet: 'Strutture', top: 1, left: 1, headers: ['Codice', 'Denominazione', 'Responsabile'], rows: [['U1', 'Ufficio', 'Rossi']] },
      { name: 'Obiettivi', sheet: 'Obiettivi', top: 1, left: 1, headers: ['Codice', 'Titolo', 'Struttura', 'Peso indicatori %', 'Peso fasi %'], rows: [['OB1', 'Primo', 'U1', null, null]] },
      { name: 'Indicatori', sheet: 'Indicatori', top: 1, left: 1, headers: ['Codice', 'Obiettivo', 'Descrizione', 'Tipo', 'Polarità', 'Target', 'Consuntivo'], rows: [['I1', 'OB1', 'x', 'Percentuale', 'Crescente', null, 80]] },
      { name: 'Fasi', sheet: 'Fasi', top: 1, left: 1, headers: ['Obiettivo', 'Descrizione', 'Avanzamento %'], rows: [['OB1', 'f', 50]] },
    ]);
    workbook.setCell('Obiettivi', 'D2', 0.3, { numFmt: '0%' });
    workbook.setCell('Obiettivi', 'E2', 0.7, { numFmt: '0%' });
    workbook.setCell('Indicatori', 'F2', 0.9, { numFmt: '0.0%' });
    const report = await checkParity(workbook);
    expect(report.mismatches).toEqual([]);
    expect(report.computed.findings.filter((f) => f.severity === 'errore')).toEqual([]);
    // (30 × 80/90·100 + 70 × 50) / 100
    expect(report.computed.results.objectives[0].computedGrade).toBeCloseTo((30 * (8000 / 90) + 70 * 50) / 100, 9);
  });

  it('with objectives of many scattered indicators, totalled by SUMIFS on the code', async () => {
    const indicators = Array.from({ length: 90 }, (_, i) => ({
      code: `I${i}`,
      objective: i % 2 === 0 ? 'OB-1' : 'OB-2',
      name: 'indicatore',
      type: 'Numero',
      polarity: i % 3 === 0 ? 'Decrescente' : 'Crescente',
      target: 10 + (i % 7),
      actual: 5 + ((i * 3) % 11),
      weight: 1 + (i % 4),
    }));
    const raw = parseInterchange({
      format: 'traguardo/1',
      organization: 'Comune di Prova',
      year: 2023,
      units: [{ code: 'U1', name: 'Ufficio', head: 'Rossi' }],
      objectives: [
        { code: 'OB-1', title: 'Primo', unit: 'U1' },
        { code: 'OB-2', title: 'Secondo', unit: 'U1' },
      ],
      indicators,
    });
    const report = await checkParity(await workbookFrom(raw));
    expect(report.mismatches).toEqual([]);
    expect(formulasUsing(report.workbook, 'SUMIFS(Indicatori!')).toBe(2);
  });

  it('with objectives of many scattered phases, some undated: E over the dated ones by SUMIFS', async () => {
    const months = ['2023-01-31', '2023-03-31', '2023-05-31', '2023-08-31', '2023-10-31'];
    const phases = Array.from({ length: 90 }, (_, i) => ({
      objective: i % 2 === 0 ? 'OB-1' : 'OB-2',
      seq: i + 1,
      name: 'fase',
      plannedStart: '2023-01-01',
      plannedEnd: i % 3 === 0 ? null : months[i % months.length],
      progress: (i * 7) % 101,
    }));
    const raw = parseInterchange({
      format: 'traguardo/1',
      organization: 'Comune di Prova',
      year: 2023,
      rules: { referenceDate: '2023-06-30' },
      units: [{ code: 'U1', name: 'Ufficio', head: 'Rossi' }],
      objectives: [
        { code: 'OB-1', title: 'Primo', unit: 'U1' },
        { code: 'OB-2', title: 'Secondo', unit: 'U1' },
      ],
      phases,
    });
    const report = await checkParity(await workbookFrom(raw));
    expect(report.mismatches).toEqual([]);
    expect(formulasUsing(report.workbook, 'SUMIFS(Fasi!')).toBeGreaterThanOrEqual(4);
    const { results, findings } = report.computed;
    expect(findings.filter((f) => f.rule === 'phase-undated')).toHaveLength(30);
    // E is the mean expected progress of the 30 dated phases of each objective (equal shares), not blank.
    const expectedOf = (parity: number) => {
      const dated = phases.map((p, i) => ({ p, i })).filter(({ p, i }) => i % 2 === parity && p.plannedEnd !== null);
      return dated.reduce((sum, { i }) => sum + (results.phases[i].expectedProgress as number), 0) / dated.length;
    };
    expect(results.objectives[0].expectedProgress).toBeCloseTo(expectedOf(0), 9);
    expect(results.objectives[1].expectedProgress).toBeCloseTo(expectedOf(1), 9);
  });

  it('on baskets whose raw weights are all 0: no Peso %, no unit grade, whether validation reports them or a blocked member leaves them so', async () => {
    const raw = zeroWeightPlan();
    const report = await checkParity(await workbookFrom(raw));
    expect(report.mismatches).toEqual([]);
    const { results, findings } = report.computed;
    expect(findings.filter((f) => f.rule === 'basket-weights-zero').map((f) => f.index)).toEqual([0, 1]);
    expect(results.objectives.map((o) => o.weightShare)).toEqual([null, null, null, null, 100]);
    expect(results.objectives[2].finalGrade).toBe(70);
    expect(results.units.map((u) => u.grade)).toEqual([null, null, 90]);
    // OB-3's Peso % stays a formula: once its Peso is above 0 it takes its share without a new Calcola.
    const share = (await expectedCells(report.workbook, report.computed, 'it')).find((c) => c.what === 'objectives.weightShare' && c.index === 2);
    expect(share && report.workbook.cell(share.sheet, share.address)?.formula).toMatch(/=0\),"",100\*/);
  });

  it('on generated plans', async () => {
    let valued = 0;
    let formulas = 0;
    let scattered = 0;
    await fc.assert(
      fc.asyncProperty(rawPlan, async (raw) => {
        const report = await checkParity(await workbookFrom(raw));
        expect(report.mismatches).toEqual([]);
        valued += report.valued;
        formulas += report.valuedFormulas;
        scattered += countFormulas(report.workbook, /SUM\(Indicatori!\$\w+\$\d+,/);
      }),
      { numRuns: 100 },
    );
    // The plans are messy on purpose (errors, converted text, floors), yet most results are formulas.
    expect(formulas / valued).toBeGreaterThan(0.6);
    // Generated indicators are scattered across objectives: totals list their cells.
    expect(scattered).toBeGreaterThan(0);
  });

  it('on grades and deviations at the thresholds, compared as shown (59,995 → band from 60, premio 60; −10,005 → In ritardo)', async () => {
    const report = await checkParity(await workbookFrom(boundaryPlan()));
    expect(report.mismatches).toEqual([]);
    const { plan, results } = report.computed;
    const row = (code: string) => {
      const r = results.objectives[plan.objectives.findIndex((o) => o.code === code)];
      return { ...r, band: bandLabel(plan.bands, r.band) };
    };
    for (const c of BAND_CASES) expect(row(c.code)).toMatchObject({ finalGrade: c.grade, band: c.band, reward: c.reward });
    for (const c of STATUS_CASES) expect(row(c.code)).toMatchObject({ expectedProgress: c.expected, status: c.status });
    expect(row(UNDATED.code)).toMatchObject({ expectedProgress: UNDATED.expected, phaseGrade: UNDATED.phaseGrade, status: UNDATED.status });
    expect(row(PARENT.code)).toMatchObject({ computedGrade: PARENT.grade, finalGrade: PARENT.grade, band: PARENT.band });
    // Those cells are formulas that HyperFormula evaluated, not values copied from the engine.
    const cells = await expectedCells(report.workbook, report.computed, 'it');
    const watched = cells.filter((c) => ['objectives.band', 'objectives.reward', 'objectives.status', 'objectives.expectedProgress'].includes(c.what) && c.expected !== null);
    expect(watched.length).toBeGreaterThanOrEqual(2 * BAND_CASES.length + 2 * STATUS_CASES.length);
    for (const c of watched) expect(report.workbook.cell(c.sheet, c.address)?.formula).toBeDefined();
    expect(report.computed.findings.filter((f) => f.severity === 'errore')).toEqual([]);
    expect(report.computed.findings.filter((f) => f.rule === 'phase-undated')).toHaveLength(1);
  });

  it('evaluates ROUND as Excel and LibreOffice do, on the shown decimal (HyperFormula alone gives ROUND(1,005;2) = 1)', () => {
    const cases: [string, number][] = [
      ['=ROUND(1.005,2)', 1.01],
      ['=ROUND(-1.005,2)', -1.01],
      ['=ROUND(0.285,2)', 0.29],
      ['=ROUND(1.1*1.15,2)', 1.27],
      ['=ROUND(40.005-50,2)', -10],
      ['=ROUND(74.995-100,2)', -25.01],
      ['=ROUND(59.995,2)', 60],
      ['=ROUND(-2.5,0)', -3],
      ['=ROUND(1234.5,-2)', 1200],
    ];
    const hf = HyperFormula.buildFromArray([cases.map(([formula]) => formula)], { licenseKey: 'gpl-v3' });
    try {
      expect(hf.getSheetValues(0)[0]).toEqual(cases.map(([, value]) => value));
    } finally {
      hf.destroy();
    }
  });
});
