/**
 * What a user does in Excel behind Traguardo's back, done directly on the double's model, and a
 * way to look at cells as a user sees them.
 */
import type { CellValue } from '../../../src/schema/raw';
import { isCellError, isPercentCell } from '../../../src/schema/raw';
import { dateFromSerial, serialFromDate } from '../../../src/workbook/office/cells';
import { recognisedNames } from '../../../src/workbook/headers';
import { OfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/workbook/office/officeWorkbook';
import { parseCellAddress } from '../../../src/workbook/memory/memoryWorkbook';
import { bandsOf, type ForeignEdits, type InspectedCell, type PortUnderTest } from '../contract';
import { doubleRun, ExcelModel, rectA1, type DCell, type DSheet } from './excelDouble';

function typedByUser(value: CellValue): Partial<DCell> {
  if (value === null || value === undefined) return { value: '' };
  if (value instanceof Date) return { value: serialFromDate(value), format: 'dd/mm/yyyy' };
  if (isPercentCell(value)) return { value: value.percent / 100, format: '0%' };
  if (isCellError(value)) return { value: value.error };
  return { value };
}

function sheetOf(model: ExcelModel, name: string): DSheet {
  return model.sheet(name) ?? model.addSheet(name);
}

export function foreignEdits(model: ExcelModel): ForeignEdits {
  return {
    addSheet: async (name, rows) => {
      const sheet = model.addSheet(name);
      rows.forEach((row, r) => row.forEach((value, c) => model.update(sheet, r, c, typedByUser(value))));
    },
    insertTableColumn: async (tableName, at, header, values, fill) => {
      const table = model.table(tableName);
      if (!table) throw new Error(`no table ${tableName}`);
      const column = table.column + at;
      model.shiftRight(table, column);
      table.columns++;
      model.update(table.sheet, table.row, column, { value: header });
      values.forEach((v, i) => model.update(table.sheet, table.row + 1 + i, column, { ...typedByUser(v), fill }));
    },
    setCell: async (sheetName, address, value, numFmt) => {
      const { row, column } = parseCellAddress(address);
      model.update(sheetOf(model, sheetName), row - 1, column - 1, { ...typedByUser(value), ...(numFmt ? { format: numFmt } : {}) });
    },
    protectSheet: async (name) => {
      sheetOf(model, name).protected = true;
    },
    inspect: async (sheetName, address) => inspect(model, sheetName, address),
    defineName: async (name, formula) => void model.names.push({ name, formula }),
    definedNames: async () => model.names.map(({ name, formula }) => ({ name, formula })),
    bands: async (sheetName, address) => {
      const sheet = model.sheet(sheetName);
      const { row, column } = parseCellAddress(address);
      const rules = (sheet?.conditional ?? []).filter(
        ({ rect }) => row - 1 >= rect.row && row - 1 < rect.row + rect.rows && column - 1 >= rect.column && column - 1 < rect.column + rect.columns,
      );
      return bandsOf(rules.map((r) => ({ formula: r.formula, color: r.fill ?? '' })));
    },
    charts: async (sheetName) =>
      (model.sheet(sheetName)?.charts ?? []).map((c) => ({
        title: c.title ?? '',
        seriesName: c.seriesName ?? '',
        categories: c.categories ? rectA1(c.categories) : '',
        values: rectA1(c.values),
        anchor: c.anchor ?? '',
      })),
  };
}

const DATE_FORMAT = /[dmy]/i;

export function inspect(model: ExcelModel, sheetName: string, address: string): InspectedCell {
  const sheet = model.sheet(sheetName);
  const { row, column } = parseCellAddress(address);
  const cell = sheet ? model.cell(sheet, row - 1, column - 1) : undefined;
  if (!cell) return { value: null };
  const format = cell.format && cell.format !== 'General' ? cell.format : undefined;
  const value: CellValue =
    cell.value === '' ? null : typeof cell.value === 'number' && format && !format.includes('%') && DATE_FORMAT.test(format) ? dateFromSerial(cell.value) : cell.value;
  return {
    value,
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    ...(format ? { numFmt: format } : {}),
    ...(cell.fill ? { fill: cell.fill } : {}),
    ...(cell.note ? { note: cell.note } : {}),
    ...(cell.bold ? { bold: true } : {}),
  };
}

export function officeUnderTest(model = new ExcelModel(), options: Partial<OfficeWorkbookOptions> = {}): PortUnderTest & { model: ExcelModel; port: OfficeWorkbook } {
  const port = new OfficeWorkbook({ recognises: recognisedNames(), run: doubleRun(model), supports: () => true, ...options });
  return { port, model, foreign: foreignEdits(model), reopen: async () => officeUnderTest(model, options) };
}
