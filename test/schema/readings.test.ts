import type { CellValue, RawRow } from '../../src/schema/raw';
import { readPlan } from '../../src/schema/read';
import { BLANK, INTERPRETED, PERCENT, REFUSED, rowForm, TYPED, type CellReadings } from '../../src/schema/readings';

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

/** The forms the parser publishes for one column of phases, one cell per row. */
function phaseForms(key: string, cells: CellValue[]): number[] {
  const { readings } = readPlan({ phases: cells.map((v): RawRow => ({ objective: 'OB1', seq: 1, name: 'Fase', [key]: v })) });
  return cells.map((_, row) => rowForm(readings, 'phases', key, row));
}

function indicatorForms(type: string, key: 'target' | 'actual', cells: CellValue[]): number[] {
  const rows = cells.map((v): RawRow => ({ code: 'I', objective: 'OB1', name: 'I', type, target: 1, [key]: v }));
  const { readings } = readPlan({ indicators: rows });
  return cells.map((_, row) => rowForm(readings, 'indicators', key, row));
}

describe('the parser publishes how it read each cell', () => {
  test('a number: as typed; in a %-formatted cell: percent; written as text (30%, 12,5, 75): interpreted', () => {
    expect(phaseForms('progress', [40, { percent: 30 }, '30%', '12,5', '75', null, '  '])).toEqual([TYPED, PERCENT, INTERPRETED, INTERPRETED, INTERPRETED, BLANK, BLANK]);
  });

  test('a number outside its range is read as typed but refused', () => {
    expect(phaseForms('progress', [140, { percent: 150 }])).toEqual([TYPED | REFUSED, PERCENT | REFUSED]);
  });

  test('a date: a date cell at midnight or a whole serial is as typed; a time of day, a fractional serial or text is interpreted', () => {
    expect(phaseForms('plannedEnd', [utc(2023, 12, 31), 45291, utc(2023, 12, 31, 12), 45291.5, '31/12/2023', { percent: 10 }])).toEqual([
      TYPED, TYPED, INTERPRETED, INTERPRETED, INTERPRETED, INTERPRETED,
    ]);
  });

  test('SI/NO: TRUE/FALSE and SI, Sì, NO (any case, blanks around) are as typed; other spellings and 1/0 are interpreted', () => {
    expect(indicatorForms('SI/NO', 'actual', [true, 'SI', ' sì ', 'no', 'Sí', 'S.I.', 'x', 'in parte 40%', 40])).toEqual([
      TYPED, TYPED, TYPED, TYPED, INTERPRETED, INTERPRETED, INTERPRETED, INTERPRETED, TYPED,
    ]);
    const { readings } = readPlan({ objectives: [{ code: 'OB1', title: 'O', excluded: 1 }, { code: 'OB2', title: 'O', excluded: 'NO' }] });
    expect([0, 1].map((row) => rowForm(readings, 'objectives', 'excluded', row))).toEqual([INTERPRETED, TYPED]);
  });

  test('a target or actual is read by the Tipo of its row', () => {
    expect(indicatorForms('Scadenza', 'actual', [utc(2023, 6, 1), 45200, '01/06/2023'])).toEqual([TYPED, TYPED, INTERPRETED]);
    expect(indicatorForms('Numero', 'actual', [12, utc(2023, 6, 1), true, 'SI'])).toEqual([TYPED, INTERPRETED, INTERPRETED, INTERPRETED]);
  });

  test('text is as typed only when the cell holds exactly that text', () => {
    const { readings } = readPlan({ objectives: [{ code: 'OB1' }, { code: ' OB2 ' }, { code: 12 }] });
    expect([0, 1, 2].map((row) => rowForm(readings, 'objectives', 'code', row))).toEqual([TYPED, INTERPRETED, INTERPRETED]);
  });

  test('Regole parameters, Pesatura scores and the Fasce row of each band', () => {
    const { plan, readings } = readPlan({
      rules: { cap: { percent: 120 }, referenceDate: '30/11/2023', decimals: 2.5, lateThreshold: -20 },
      weighting: [{ objective: 'OB1', scores: { Strategicità: '70', Complessità: 80 } }],
      bands: [
        { from: 90, label: 'Raggiunto', reward: 100 },
        { from: 'x', label: 'Illeggibile' },
        { from: { percent: 60 }, label: 'Parziale', reward: 60 },
      ],
    });
    const rules: CellReadings['rules'] = readings.rules;
    expect([rules.cap, rules.referenceDate, rules.decimals, rules.lateThreshold, rules.year]).toEqual([PERCENT, INTERPRETED, TYPED | REFUSED, TYPED, BLANK]);
    expect([readings.weighting['Strategicità'][0], readings.weighting['Complessità'][0]]).toEqual([INTERPRETED, TYPED]);
    expect(plan.bands.map((b) => b.label)).toEqual(['Parziale', 'Raggiunto']);
    expect(readings.bandRows).toEqual([2, 0]);
    expect(rowForm(readings, 'bands', 'from', 2)).toBe(PERCENT);
  });

  test('the default bands come from no Fasce row', () => {
    expect(readPlan({ bands: [{ from: 'x', label: 'Illeggibile' }] }).readings.bandRows).toEqual([]);
  });
});
