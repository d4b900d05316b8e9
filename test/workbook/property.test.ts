import fc from 'fast-check';
import { readPlan } from '../../src/schema/read';
import type { CellValue } from '../../src/schema/raw';
import { defaultBands, defaultCriteria } from '../../src/schema/model';
import { readWorkbookTables } from '../../src/workbook/grid';
import { tableLayouts } from '../../src/workbook/layout';
import type { TableData } from '../../src/workbook/port';

const layouts = tableLayouts('it', { criteria: defaultCriteria(), bands: defaultBands(), decimals: 2 });

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.constantFrom('=1+1', '+39', '-', '@x', ' ', 'SI', 'in parte 40%', '31/12/2023', '1.234,56', '<b>x</b>', 'Rapporto'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
  fc.constant(null),
  fc.constant(undefined),
  fc.record({ error: fc.constantFrom('#REF!', '#DIV/0!', '#N/D') }),
  fc.record({ percent: fc.double() }),
);

describe('reading any cell value', () => {
  it('never throws, and every finding locates to a cell of the row in that table’s sheet', () => {
    fc.assert(
      fc.property(
        fc.nat(layouts.length - 1),
        fc.nat(),
        cellValue,
        fc.nat(3),
        (t, c, value, top) => {
          const layout = layouts[t];
          const inputs = layout.columns.filter((col) => !col.spec.output);
          const column = c % inputs.length;
          const row: CellValue[] = layout.columns.map(() => null);
          row[column] = value;
          if (layout.def.key === 'rules' && column === 1) row[0] = 'Tetto grado %';
          const data: TableData = {
            name: layout.table,
            sheet: layout.sheet,
            top: top + 1,
            left: layout.left,
            headers: layout.columns.map((col) => col.spec.header),
            rows: [row],
          };
          const read = readWorkbookTables([data]);
          const { findings } = readPlan(read.raw);
          const excelRow = top + 2;
          for (const f of [...read.findings, ...findings]) {
            const located = read.locator.locate(f, 'it');
            expect(located.sheet).toBe(layout.sheet);
            expect(located.row).toBe(excelRow);
            expect(located.cell).toMatch(new RegExp(`^[A-Z]+${excelRow}$`));
            expect(located.message).not.toBe('');
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
