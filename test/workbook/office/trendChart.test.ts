/**
 * Andamento's line chart through the Office.js adapter (on the Excel double): one line for the
 * organisation and one per unit, each named after its row and reading its grades at the dates.
 */
import { scoreWorkbook } from '../../../src/actions/assess';
import { recordMonitoring } from '../../../src/actions/monitoring';
import { replacePlan } from '../../../src/actions/sheets';
import { monitoringPlan as plan } from '../../fixtures/monitoringPlan';
import { officeUnderTest } from './foreign';

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
