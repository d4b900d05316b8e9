/**
 * Andamento's line chart through the Office.js adapter (on the Excel double): one line for the
 * organisation and one per unit, each named after its row and reading its grades at the dates.
 */
import { scoreWorkbook } from '../../../src/actions/assess';
import { recordMonitoring } from '../../../src/actions/monitoring';
import { replacePlan } from '../../../src/actions/sheets';
import { parseInterchange } from '../../../src/schema/interchange';
import type { RawTables } from '../../../src/schema/raw';
import { officeUnderTest } from './foreign';

function plan(first: number, second: number): RawTables {
  return parseInterchange({
    format: 'traguardo/1',
    organization: 'Comune di Prova',
    year: 2023,
    units: [
      { code: 'RIS', name: 'Risorse', head: 'Rossi Anna' },
      { code: 'AMB', name: 'Ambiente', head: 'Verdi Luca' },
    ],
    objectives: [
      { code: 'RIS-1', title: 'Nuovo gestionale contabile', unit: 'RIS', weight: 1 },
      { code: 'AMB-1', title: 'Piano del verde', unit: 'AMB', weight: 3 },
    ],
    phases: [
      { objective: 'RIS-1', seq: 1, name: 'Migrazione', plannedStart: '2023-01-01', plannedEnd: '2023-12-31', share: 100, progress: first },
      { objective: 'AMB-1', seq: 1, name: 'Censimento', plannedStart: '2023-01-01', plannedEnd: '2023-12-31', share: 100, progress: second },
    ],
  });
}

test('Calcola draws one named line per row of the grid, over the recorded dates', async () => {
  const { port, model } = officeUnderTest();
  await replacePlan(port, plan(30, 20), 'it');
  await recordMonitoring(port, '2023-06-30', 'it');
  await replacePlan(port, plan(60, 40), 'it');
  await recordMonitoring(port, '2023-09-30', 'it');
  await scoreWorkbook(port, 'it', { now: new Date('2023-10-05T10:00:00Z') });

  const sheet = model.sheet('Andamento');
  if (!sheet) throw new Error('no Andamento sheet');
  expect(sheet.charts).toHaveLength(1);
  const [chart] = sheet.charts;
  expect(chart.type).toBe('Line');
  const lines = chart.lines ?? [];
  // The grid: organisation, then each unit; each line one row of two dates, all sharing the dates' row.
  expect(lines.map((l) => l.name)).toEqual(['Comune di Prova', 'Risorse', 'Ambiente']);
  const categories = lines[0].categories;
  expect(categories).toMatchObject({ rows: 1, columns: 2 });
  lines.forEach((l, i) => {
    expect(l.values).toMatchObject({ rows: 1, columns: 2, column: categories?.column, row: (categories?.row ?? 0) + 1 + i });
    expect(l.categories).toEqual(categories);
  });
  // The line's values are the grades the sheet shows: 22,5 then 45 for the organisation.
  const value = (row: number, column: number) => model.cell(sheet, row, column)?.value;
  const org = lines[0].values!;
  expect([value(org.row, org.column), value(org.row, org.column + 1)]).toEqual([22.5, 45]);
});
