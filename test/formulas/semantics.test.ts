/**
 * The spreadsheet semantics the formula generator relies on, pinned in the two independent
 * engines that check its formulas: HyperFormula (unit tests) and LibreOffice Calc (end-to-end).
 * Every probe formula is evaluated by both on the same cells; LibreOffice gets them all in one
 * workbook and one recalculation. A probe either states the value both engines agree on, or —
 * marked DISAGREE — each engine's own value, so the generator can steer clear of the difference
 * (and a new version of either engine that changes it shows up here).
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DetailedCellError, HyperFormula, type ConfigParams } from 'hyperformula';
import { roundHalfUp } from '../../src/rules/rounding';
import { cachedValues, disposeSofficeProfile, recalculateXlsx, type SheetValue } from '../support/libreoffice';

/** A cell as written: a string starting with `=` is a formula. */
type Input = number | string | boolean | Date | null;

const INPUTS: Record<string, Input[][]> = {
  // Column A: one value of each kind a plan cell can hold. Column B: codes used as criteria.
  Dati: [
    [5, '1.01_ST'],
    [null, '2022-A1-OP-01'],
    ['abc', 'RIS-2'],
    ['=""', 'A1'],
    [true],
    [new Date(Date.UTC(2023, 11, 31))],
    ['SI'],
    ['Sì'],
  ],
  // Codes, values, and a column mixing numbers, an empty cell, a "" formula result and text.
  Indicatori: [
    ['X1', 10, 3],
    ['X1', 20, null],
    ['X1', 30, '=""'],
    ['x1', 40, 0],
    ['X2', 50, -1],
    ['1.01_ST', 60, 1],
    ['2022-A1-OP-01', 70, 2],
    ['RIS-2', 80, 4],
    ['a1', 90, 5],
    ['X3', 100, 'n.d.'],
  ],
  Regole: [
    ['Parametro', 'Valore'],
    ['Tetto grado (vuoto)', null],
    ['Tetto grado (80)', 80],
    ['Soglia', 60],
  ],
};

/** Workbook-scoped names: two holding a formula (one over an empty cell), one a cell reference. */
const NAMES = [
  { name: 'Tetto_grado', expression: '=IF(ISBLANK(Regole!$B$2),100,Regole!$B$2)' },
  { name: 'Tetto_ottanta', expression: '=IF(ISBLANK(Regole!$B$3),100,Regole!$B$3)' },
  { name: 'Soglia', expression: '=Regole!$B$4' },
];

interface Probe {
  formula: string;
  /** What the generator may take for granted (or must avoid). */
  about: string;
  hyperFormula: SheetValue;
  libreOffice: SheetValue;
}

const same = (formula: string, value: SheetValue, about: string): Probe => ({ formula, about, hyperFormula: value, libreOffice: value });

/** The engines DISAGREE: each one's value is pinned. */
const disagree = (formula: string, hyperFormula: SheetValue, libreOffice: SheetValue, about: string): Probe => ({
  formula,
  about,
  hyperFormula,
  libreOffice,
});

const VALUE_ERROR = { error: '#VALUE!' };

/**
 * ROUND on values a hair's breadth from a half. LibreOffice (like Excel) rounds the decimal
 * the user sees; HyperFormula 3.5 computes Math.round(x·10^d)/10^d, so it DISAGREES whenever
 * the binary product falls below the half (1.005·100 = 100.49999999999999).
 * [number as written in the formula, its value, digits, LibreOffice, HyperFormula]
 */
const ROUNDING: readonly [string, number, number, number, number][] = [
  ['2.675', 2.675, 2, 2.68, 2.68],
  ['1.005', 1.005, 2, 1.01, 1],
  ['-1.005', -1.005, 2, -1.01, -1],
  ['-9.585', -9.585, 2, -9.59, -9.59],
  ['83.335', 83.335, 2, 83.34, 83.34],
  ['0.285', 0.285, 2, 0.29, 0.28],
  ['10.075', 10.075, 2, 10.08, 10.07],
  ['1.1*1.15', 1.1 * 1.15, 2, 1.27, 1.26],
  ['5.015*1', 5.015 * 1, 2, 5.02, 5.01],
  ['40.5*0.07', 40.5 * 0.07, 2, 2.84, 2.84],
  ['0.285/0.3*100', (0.285 / 0.3) * 100, 2, 95, 95],
  ['1234.5675', 1234.5675, 3, 1234.568, 1234.568],
  ['2.5', 2.5, 0, 3, 3],
  ['-2.5', -2.5, 0, -3, -3],
];

const roundFormula = (text: string, digits: number): string => `=ROUND(${text},${digits})`;

const PROBES: readonly Probe[] = [
  // Criteria functions over codes and mixed values.
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,"X1")', 100, 'SUMIFS matches text criteria case-insensitively (x1 counts as X1)'),
  same('=COUNTIFS(Indicatori!A1:A10,"X1",Indicatori!C1:C10,">=0")', 2, '">=0" counts numbers only: not an empty cell, not a "" result'),
  same('=COUNTIFS(Indicatori!C1:C10,">=0")', 6, '">=0" skips empty, "" and text cells'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!C1:C10,">=0")', 350, 'SUMIFS with ">=0" skips empty, "" and text cells'),
  same('=COUNTIFS(Indicatori!C1:C10,"<>")', 9, '"<>" counts every cell but the truly empty one ("" results included)'),
  same('=COUNTIFS(Indicatori!C1:C10,"=")', 1, '"=" counts truly empty cells only'),
  // DISAGREE: HyperFormula's "" criterion matches only truly empty cells, LibreOffice's (and Excel's) also "" results.
  disagree('=COUNTIFS(Indicatori!C1:C10,"")', 1, 2, 'the "" criterion: use "=" for truly empty cells instead'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,"X?")', 250, 'criteria treat ? and * as wildcards (a code holding them matches more)'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,Dati!B1)', 60, 'a criterion cell "1.01_ST" matches that code only'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,Dati!B2)', 70, 'a criterion cell "2022-A1-OP-01" is text, not a date'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,Dati!B3)', 80, 'a criterion cell "RIS-2" matches that code only'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,Dati!B4)', 90, 'a criterion cell "A1" matches the code "a1"'),
  same('=SUMIFS(Indicatori!B1:B10,Indicatori!A1:A10,"a1")', 90, 'a criterion "a1" matches the code "a1"'),
  // Aggregates over "" results.
  same('=SUM(Indicatori!C1:C10)', 14, 'SUM over a range skips empty, "" and text cells'),
  same('=COUNT(Indicatori!C1:C10)', 7, 'COUNT counts numbers only'),
  same('=COUNTA(Indicatori!C1:C10)', 9, 'COUNTA counts "" results'),
  // DISAGREE: HyperFormula's COUNTBLANK does not count "" results, LibreOffice's (and Excel's) does.
  disagree('=COUNTBLANK(Indicatori!C1:C10)', 1, 2, 'COUNTBLANK and "" results: do not use'),
  same('=SUMPRODUCT(Indicatori!B1:B3,Indicatori!C1:C3)', 30, 'SUMPRODUCT of ranges takes empty and "" as 0'),
  // DISAGREE under HyperFormula's default options (useArrayArithmetic: false); see the option test below.
  disagree('=SUMPRODUCT((Indicatori!A1:A10="X1")*Indicatori!B1:B10)', VALUE_ERROR, 100, 'array arithmetic inside SUMPRODUCT'),
  same('=N(Dati!A2)', 0, 'N() of an empty cell'),
  same('=N(Dati!A4)', 0, 'N() of a "" result'),
  // Empty cells and "" results.
  // DISAGREE under HyperFormula's default options (evaluateNullToZero: false); see the option test below.
  disagree('=Dati!A2', null, 0, 'a formula that is only a reference to an empty cell'),
  same('=Dati!A2+1', 1, 'an empty cell is 0 in arithmetic'),
  // DISAGREE: HyperFormula takes "" as 0 in arithmetic; LibreOffice (and Excel) give #VALUE!.
  disagree('=Dati!A4+1', 1, VALUE_ERROR, 'arithmetic on a "" result: guard it with IF(x="",…)'),
  same('=""=Dati!A2', true, 'an empty cell equals ""'),
  same('=Dati!A4=""', true, 'a "" result equals ""'),
  same('=Dati!A2=0', true, 'an empty cell equals 0'),
  same('=ISBLANK(Dati!A2)', true, 'ISBLANK of an empty cell'),
  same('=ISBLANK(Dati!A4)', false, 'ISBLANK of a "" result is FALSE'),
  same('=ISTEXT(Dati!A4)', true, 'a "" result is text'),
  same('=IF(Dati!A4="","vuoto","pieno")', 'vuoto', 'x="" is the test that covers both empty cells and "" results'),
  // Types, text and comparisons.
  same('=ISNUMBER(Dati!A6)', true, 'a date cell is a number'),
  same('=5<"abc"', true, 'any number sorts before any text'),
  same('=Dati!A1<Dati!A3', true, 'any number sorts before any text, through references'),
  same('=ISLOGICAL(Dati!A5)', true, 'a TRUE cell is logical'),
  same('=UPPER(TRIM(" si "))="SI"', true, 'TRIM and UPPER'),
  same('=UPPER(Dati!A8)', 'SÌ', 'UPPER of an accented letter'),
  same('=UPPER("Sì")', 'SÌ', 'UPPER of an accented literal'),
  same('=Dati!A7="si"', true, 'text equality is case-insensitive'),
  // Clamping.
  same('=MIN(100,MAX(0,120))', 100, 'clamp from above'),
  same('=MIN(100,MAX(0,-5))', 0, 'clamp from below'),
  same('=MIN(100,MAX(0,57.5))', 57.5, 'clamp inside'),
  same('=MIN(100,MAX(0,Dati!A4))', 0, 'MAX ignores a referenced "" result'),
  same('=MIN(100,MAX(0,Dati!A3))', 0, 'MAX ignores referenced text'),
  // Rounding.
  ...ROUNDING.map(([text, , digits, libreOffice, hyperFormula]) =>
    libreOffice === hyperFormula
      ? same(roundFormula(text, digits), libreOffice, 'ROUND half away from zero')
      : disagree(roundFormula(text, digits), hyperFormula, libreOffice, 'ROUND near a half: HyperFormula rounds the binary value'),
  ),
  // Dates.
  same('=DATE(2023,12,31)-DATE(2023,1,1)+1', 365, 'days of 2023, both ends included'),
  same('=Dati!A6-45000', 291, 'a date cell minus a serial'),
  same('=Dati!A6', 45291, 'a date cell is its serial'),
  // Names and other sheets.
  same('=Tetto_grado', 100, 'a name holding a formula, over an empty cell'),
  same('=Tetto_ottanta', 80, 'a name holding a formula, over a filled cell'),
  same('=Soglia', 60, 'a name referring to a cell'),
  same('=MIN(Tetto_grado,MAX(0,120))', 100, 'a formula name inside a formula'),
  same('=Indicatori!B2', 20, 'a reference to the sheet Indicatori'),
  same("='Indicatori'!B2*2", 40, 'a quoted reference to the sheet Indicatori'),
  same('=IFERROR(INDEX(Indicatori!B1:B10,MATCH("RIS-2",Indicatori!A1:A10,0)),"")', 80, 'lookup of a code'),
  same('=IFERROR(INDEX(Indicatori!B1:B10,MATCH("NONE",Indicatori!A1:A10,0)),"")', '', 'lookup of a missing code gives ""'),
  same('=IFERROR(INDEX(Indicatori!B1:B10,MATCH("A1",Indicatori!A1:A10,0)),"")', 90, 'MATCH is case-insensitive'),
  // Every formula of the xlsx caches 99; LibreOffice must not keep it.
  same('=1+1', 2, 'a cached result of 99 is recalculated'),
];

/** The result every formula of the xlsx caches: wrong for all probes, so none can pass unrecalculated. */
const WRONG_CACHE = 99;

const withProbes = (formulas: readonly string[]): Record<string, Input[][]> => ({ ...INPUTS, Prove: formulas.map((formula) => [formula]) });

function hyperFormulaValues(formulas: readonly string[], options: Partial<ConfigParams> = {}): SheetValue[] {
  const hf = HyperFormula.buildFromSheets(withProbes(formulas), { licenseKey: 'gpl-v3', ...options }, NAMES);
  try {
    const sheet = hf.getSheetId('Prove');
    if (sheet === undefined) throw new Error('no sheet Prove');
    return formulas.map((_, row) => {
      const value = hf.getCellValue({ sheet, row, col: 0 });
      return value instanceof DetailedCellError ? { error: value.value } : value;
    });
  } finally {
    hf.destroy();
  }
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The probes as an .xlsx. ExcelJS writes defined names of cell ranges only, so every name is
 * written into workbook.xml directly, after <sheets> as the schema orders it.
 */
async function probeWorkbook(formulas: readonly string[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(withProbes(formulas))) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        if (typeof value === 'string' && value.startsWith('=')) {
          cell.value = { formula: value.slice(1), result: WRONG_CACHE };
        } else {
          cell.value = value;
          if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        }
      }),
    );
  }
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const names = NAMES.map(({ name, expression }) => `<definedName name="${name}">${escapeXml(expression.slice(1))}</definedName>`).join('');
  const book = strFromU8(parts['xl/workbook.xml']);
  if (!book.includes('</sheets>') || book.includes('<definedNames')) throw new Error('unexpected workbook.xml from ExcelJS');
  parts['xl/workbook.xml'] = strToU8(book.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`));
  return zipSync(parts);
}

async function libreOfficeValues(formulas: readonly string[]): Promise<SheetValue[]> {
  const { output } = await recalculateXlsx(await probeWorkbook(formulas));
  const cached = await cachedValues(output);
  return formulas.map((_, row) => cached('Prove', `A${row + 1}`));
}

const formulas = PROBES.map((probe) => probe.formula);
let hyperFormula: SheetValue[];
let libreOffice: SheetValue[];

beforeAll(async () => {
  hyperFormula = hyperFormulaValues(formulas);
  libreOffice = await libreOfficeValues(formulas);
});

afterAll(disposeSofficeProfile);

describe('HyperFormula and LibreOffice on the same cells', () => {
  test.each(PROBES.map((probe, index) => [probe.formula, probe.about, index] as const))('%s (%s)', (_formula, _about, index) => {
    const probe = PROBES[index];
    expect({ hyperFormula: hyperFormula[index], libreOffice: libreOffice[index] }).toEqual({
      hyperFormula: probe.hyperFormula,
      libreOffice: probe.libreOffice,
    });
  });
});

test("the engine's roundHalfUp gives LibreOffice's ROUND on every half case", () => {
  const engine = ROUNDING.map(([, value, digits]) => roundHalfUp(value, digits));
  const calc = ROUNDING.map(([text, , digits]) => libreOffice[formulas.indexOf(roundFormula(text, digits))]);
  expect(engine).toEqual(ROUNDING.map(([, , , expected]) => expected));
  expect(calc).toEqual(engine);
});

test('HyperFormula agrees with LibreOffice on array conditions and empty references with two options set', () => {
  const probes = ['=SUMPRODUCT((Indicatori!A1:A10="X1")*Indicatori!B1:B10)', '=Dati!A2'];
  const values = hyperFormulaValues(probes, { useArrayArithmetic: true, evaluateNullToZero: true });
  expect(values).toEqual(probes.map((probe) => libreOffice[formulas.indexOf(probe)]));
  expect(values).toEqual([100, 0]);
});
