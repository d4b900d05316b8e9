/**
 * Timing of the xlsx adapter against ExcelJS on a plan of realistic size (not a test: run by
 * hand after compiling, `node xlsxPerf.js <dir> [objectives]`). Prints seconds per step.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { INDICATORS, OBJECTIVES, PHASES, type TableDef } from '../../src/schema/tables';
import type { CellValue } from '../../src/schema/raw';
import type { ColumnSpec, WorkbookChange } from '../../src/workbook/port';
import { createXlsx, openXlsxFile, saveXlsxFile } from '../../src/workbook/xlsx/xlsxFile';

function inputColumns(def: TableDef): ColumnSpec[] {
  return def.fields.map((f) => ({ header: f.label.it, format: 'text', output: false }));
}

function outputColumns(def: TableDef): ColumnSpec[] {
  return def.outputs.map((o) => ({ header: o.label.it, format: o.format === 'text' ? 'text' : 'percent', output: true, note: 'calcolato' }));
}

/** A value for field `f` of row `i`, of the kind a real plan holds there. */
function value(def: TableDef, f: number, i: number): CellValue {
  const field = def.fields[f];
  switch (field.kind.type) {
    case 'code':
      return `${def.table.slice(0, 2).toUpperCase()}-${i}`;
    case 'integer':
    case 'number':
    case 'percent':
    case 'measure':
      return (i * 7 + f) % 101;
    case 'date':
      return new Date(Date.UTC(2023, i % 12, 1 + (i % 28)));
    case 'enum':
      return field.kind.options[i % field.kind.options.length].label.it;
    case 'yesno':
      return i % 3 === 0 ? 'SI' : 'NO';
    default:
      return `${field.label.it} ${i} della struttura ${i % 50}`;
  }
}

function rows(def: TableDef, count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => def.fields.map((_, f) => value(def, f, i)));
}

const sizes: [TableDef, number][] = [
  [OBJECTIVES, 20_000],
  [INDICATORS, 100_000],
  [PHASES, 40_000],
];

async function time<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await work();
  console.log(`${label.padEnd(40)} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`);
  return result;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '.';
  const scale = Number(process.argv[3] ?? 1);
  const generated = path.join(dir, 'generated.xlsx');
  const excelFile = path.join(dir, 'plan.xlsx');
  await time('generate (XlsxWorkbook)', async () => {
    const workbook = createXlsx();
    const changes: WorkbookChange[] = [];
    for (const [def, n] of sizes) {
      changes.push({ kind: 'ensureTable', sheet: def.sheet.it, table: def.table, columns: inputColumns(def) });
      changes.push({ kind: 'writeRows', table: def.table, headers: def.fields.map((f) => f.label.it), rows: rows(def, Math.round(n * scale)) });
    }
    await workbook.apply(changes);
    await saveXlsxFile(workbook, generated);
  });
  await time('ExcelJS: rewrite with shared strings', async () => {
    // A file as Excel-like tools write it (shared strings, styles) is what users bring.
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(generated);
    await excel.xlsx.writeFile(excelFile);
  });

  const total = process.hrtime.bigint();
  const workbook = await time('XlsxWorkbook.load', () => openXlsxFile(excelFile));
  const tables = await time('readTables', () => workbook.readTables());
  await time('apply (outputs)', () =>
    workbook.apply(
      tables.flatMap((t) => {
        const def = sizes.find(([d]) => d.table === t.name)![0];
        const outputs = outputColumns(def);
        return [
          { kind: 'ensureTable', sheet: t.sheet, table: t.name, columns: outputs } as WorkbookChange,
          ...outputs.map((o, k): WorkbookChange => ({
            kind: 'writeColumn',
            table: t.name,
            header: o.header,
            values: t.rows.map((_, i) => (o.format === 'text' ? (i % 9 === 0 ? 'errore: consuntivo mancante' : 'OK') : ((i + k) * 13) % 100)),
          })),
        ];
      }),
    ),
  );
  await time('save', () => saveXlsxFile(workbook, path.join(dir, 'traguardo-out.xlsx')));
  console.log(`${'XlsxWorkbook total'.padEnd(40)} ${(Number(process.hrtime.bigint() - total) / 1e9).toFixed(2)} s`);

  const baseline = new ExcelJS.Workbook();
  await time('baseline ExcelJS readFile', () => baseline.xlsx.readFile(excelFile));
  await time('baseline ExcelJS writeFile', () => baseline.xlsx.writeFile(path.join(dir, 'exceljs-out.xlsx')));
  const cells = baseline.worksheets.reduce((sum, ws) => sum + ws.actualRowCount * ws.actualColumnCount, 0);
  console.log(`cells ${cells}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
