/**
 * Formats, widths, frozen panes and print setup of the demo workbook, the same in the memory
 * model and in Excel (the Office.js adapter on the Excel double): template plus Calcola, then a
 * second Calcola after Decimali changed. The xlsx port's files are checked with openpyxl and
 * LibreOffice in test/cli/print.test.ts.
 */
import { scoreWorkbook } from '../../src/actions/assess';
import { buildDemoRaw } from '../../src/demo/demo';
import { summaryColumn } from '../../src/schema/tables';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import { cellAddress, type TableData, type WorkbookPort } from '../../src/workbook/port';
import type { DPageLayout } from './office/excelDouble';
import { officeUnderTest } from './office/foreign';
import { DEMO_PAGES } from '../support/demoPages';

/** What the test reads of a port's workbook, whichever port it is. */
interface Looks {
  port: WorkbookPort;
  /**
   * Whether the port sees a number format cell by cell (memory, xlsx) or, as Office.js reads
   * only the first data row's format, column by column: there a user's format on the first data
   * cell makes the column the user's, and every cell of it keeps its format.
   */
  cellFormats: boolean;
  numFmt(sheet: string, address: string): Promise<string | undefined>;
  /** Sets a cell as a user would, with a number format of their own when given. */
  setCell(sheet: string, address: string, value: number, numFmt?: string): Promise<void>;
  freeze(sheet: string): { rows: number; columns: number } | undefined;
  /** Header and footer parts as Excel codes, e.g. `centerFooter: 'Pagina &P di &N'`. */
  /** `page`: paper, orientation, pages across and columns repeated on each, e.g. `A3 landscape 2 $A:$A`. */
  print(sheet: string): { titleRows?: string; page: string; fitToHeight?: number; parts: Record<string, string> };
  width(sheet: string, column: number): number | undefined;
  wraps(sheet: string, address: string): boolean;
  /** The dropdown entries offered in one cell. */
  list(sheet: string, address: string): string | undefined;
}

function memoryLooks(): Looks {
  const memory = new MemoryWorkbook();
  const code = (pieces: readonly (string | { field: string })[]): string =>
    pieces.map((p) => (typeof p === 'string' ? p : { page: '&P', pages: '&N', sheet: '&A' }[p.field])).join('');
  return {
    port: memory,
    cellFormats: true,
    numFmt: async (sheet, address) => memory.cell(sheet, address)?.numFmt,
    setCell: async (sheet, address, value, numFmt) => memory.setCell(sheet, address, value, numFmt ? { numFmt } : {}),
    freeze: (sheet) => memory.sheetSetup(sheet)?.freeze,
    print: (sheet) => {
      const setup = memory.sheetSetup(sheet);
      if (!setup) throw new Error(`no setup for ${sheet}`);
      const parts: Record<string, string> = {};
      for (const side of ['left', 'center', 'right'] as const) {
        parts[`${side}Header`] = code(setup.header[side]);
        parts[`${side}Footer`] = code(setup.footer[side]);
      }
      // The memory model stores the change: as many pages tall as the rows need is what it means.
      const page = setup.page;
      const columns = page?.titleColumns ? ` $${cellAddress(1, page.titleColumns.from).slice(0, -1)}:$${cellAddress(1, page.titleColumns.to).slice(0, -1)}` : '';
      return {
        titleRows: setup.titleRows && `$${setup.titleRows.from}:$${setup.titleRows.to}`,
        page: page ? `${page.paper} ${page.orientation} ${'scale' in page.fit ? `${page.fit.scale} %` : page.fit.pagesWide}${columns}` : 'none',
        ...(page && 'pagesWide' in page.fit ? { fitToHeight: 0 } : {}),
        parts,
      };
    },
    width: (sheet, column) => memory.columnWidth(sheet, column),
    list: (sheet, address) => memory.cellList(sheet, address)?.join(','),
    wraps: (sheet, address) => {
      const { row, column } = { row: Number(address.replace(/^[A-Z]+/, '')), column: address.replace(/\d+$/, '') };
      const table = memory.snapshot().tables.find((t) => t.sheet === sheet && row > t.top);
      const col = table?.columns.find((_, i) => cellAddress(row, table.left + i).replace(/\d+$/, '') === column);
      return col?.wrap === true;
    },
  };
}

function officeLooks(): Looks {
  const { port, model, foreign } = officeUnderTest();
  const sheetOf = (name: string) => {
    const sheet = model.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };
  const at = (address: string): { row: number; column: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, column: column - 1 };
  };
  return {
    port,
    cellFormats: false,
    numFmt: async (sheet, address) => (await foreign.inspect(sheet, address)).numFmt,
    setCell: (sheet, address, value, numFmt) => foreign.setCell(sheet, address, value, numFmt),
    freeze: (sheet) => sheetOf(sheet).freeze,
    print: (sheet) => {
      const page: DPageLayout | undefined = sheetOf(sheet).page;
      if (!page) throw new Error(`no page layout for ${sheet}`);
      const columns = page.printTitleColumns ? ` ${page.printTitleColumns}` : '';
      return {
        titleRows: page.printTitleRows,
        page: `${page.paperSize} ${page.orientation?.toLowerCase()} ${page.zoom?.scale === undefined ? page.zoom?.horizontalFitToPages : `${page.zoom.scale} %`}${columns}`,
        fitToHeight: page.zoom?.verticalFitToPages,
        parts: page.headersFooters,
      };
    },
    // Office.js takes points: 5.7 a character.
    width: (sheet, column) => {
      const points = sheetOf(sheet).widths.get(column - 1);
      return points === undefined ? undefined : Math.round(points / 5.7);
    },
    wraps: (sheet, address) => {
      const { row, column } = at(address);
      return sheetOf(sheet).cells[row]?.[column]?.wrap === true;
    },
    list: (sheet, address) => {
      const { row, column } = at(address);
      return sheetOf(sheet).validations.find((v) => v.rect.row === row && v.rect.column === column && v.rect.rows === 1 && v.rect.columns === 1)?.source;
    },
  };
}

/** The first unit's cell of a `Riepilogo` column. */
const summaryCell = (key: Parameters<typeof summaryColumn>[0]): string => cellAddress(4, summaryColumn(key) + 1);

/** The A1 address of a table's column (by header) at a 0-based data row. */
function cellOf(tables: readonly TableData[], table: string, header: string, row: number): string {
  const t = tables.find((x) => x.name === table);
  if (!t) throw new Error(`no table ${table}`);
  const index = t.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${table}`);
  return cellAddress(t.top + 1 + row, t.left + index);
}

describe.each([
  ['memory', memoryLooks],
  ['Excel (Office.js on the double)', officeLooks],
])('formats and print setup of the demo: %s', (_name, make) => {
  it('dates, percentages, points and text get their formats; template dates too', async () => {
    const looks = make();
    const raw = buildDemoRaw();
    await looks.port.apply(importChanges(raw, 'it'));
    await scoreWorkbook(looks.port, 'it');
    const tables = await looks.port.readTables();
    const rules = tables.find((t) => t.name === 'Regole')!;
    const referenceRow = rules.rows.findIndex((r) => r[0] === 'Data di riferimento');
    expect(await looks.numFmt('Regole', cellOf(tables, 'Regole', 'Valore', referenceRow))).toBe('dd/mm/yyyy');
    const indicators = tables.find((t) => t.name === 'Indicatori')!;
    const deadline = indicators.rows.findIndex((r) => r[indicators.headers.indexOf('Target')] instanceof Date);
    expect(deadline).toBeGreaterThanOrEqual(0);
    expect(await looks.numFmt('Indicatori', cellOf(tables, 'Indicatori', 'Target', deadline))).toBe('dd/mm/yyyy');
    expect(await looks.numFmt('Fasi', cellOf(tables, 'Fasi', 'Fine prevista', 0))).toBe('dd/mm/yyyy');
    expect(await looks.numFmt('Obiettivi', cellOf(tables, 'Obiettivi', 'Grado finale %', 0))).toBe('0.00');
    expect(await looks.numFmt('Obiettivi', cellOf(tables, 'Obiettivi', 'Punti', 0))).toBe('#,##0.00');
    expect(await looks.numFmt('Indicatori', cellOf(tables, 'Indicatori', 'Punti', 0))).toBe('#,##0.00');
    expect(await looks.numFmt('Fasi', cellOf(tables, 'Fasi', 'Scostamento', 0))).toBe('#,##0.00');
    expect(await looks.numFmt('Riepilogo', summaryCell('grade'))).toBe('0.00');
    expect(await looks.numFmt('Riepilogo', summaryCell('points'))).toBe('#,##0.00');
    expect(looks.wraps('Obiettivi', cellOf(tables, 'Obiettivi', 'Descrizione', 0))).toBe(true);
    expect(looks.wraps('Obiettivi', cellOf(tables, 'Obiettivi', 'Codice', 0))).toBe(false);
  });

  it('every Regole parameter with a set of values offers it as a dropdown in its Valore cell, once however often the template is applied', async () => {
    const looks = make();
    await looks.port.apply(importChanges(buildDemoRaw(), 'it'));
    await looks.port.apply(importChanges(buildDemoRaw(), 'it', await looks.port.readTables()));
    const tables = await looks.port.readTables();
    const rules = tables.find((t) => t.name === 'Regole')!;
    const value = (parameter: string): string => cellOf(tables, 'Regole', 'Valore', rules.rows.findIndex((r) => r[0] === parameter));
    expect(looks.list('Regole', value('Metodo indicatori crescenti'))).toBe('Rapporto,Lineare');
    expect(looks.list('Regole', value('Metodo indicatori decrescenti'))).toBe('Rapporto inverso,Speculare,Lineare');
    expect(looks.list('Regole', value('Consuntivo mancante'))).toBe('Zero,Escludi,Errore');
    expect(looks.list('Regole', value('Perimetro pesatura'))).toBe('Struttura,Responsabile,Ente');
    expect(looks.list('Regole', value('Moltiplicatori tipologia'))).toBe('SI,NO');
    expect(looks.list('Regole', value('Decimali'))).toBeUndefined();
  });

  it('a new Decimali changes the formats Traguardo gave, never one the user chose', async () => {
    const looks = make();
    await looks.port.apply(importChanges(buildDemoRaw(), 'it'));
    await scoreWorkbook(looks.port, 'it');
    let tables = await looks.port.readTables();
    const rules = tables.find((t) => t.name === 'Regole')!;
    const decimals = cellOf(tables, 'Regole', 'Valore', rules.rows.findIndex((r) => r[0] === 'Decimali'));
    await looks.setCell('Regole', decimals, 1);
    const userCell = cellOf(tables, 'Obiettivi', 'Grado finale %', 0);
    await looks.setCell('Obiettivi', userCell, 50, '0.000" punti"');
    await scoreWorkbook(looks.port, 'it');
    tables = await looks.port.readTables();
    expect(await looks.numFmt('Obiettivi', userCell)).toBe('0.000" punti"');
    expect(await looks.numFmt('Obiettivi', cellOf(tables, 'Obiettivi', 'Grado finale %', 1))).toBe(looks.cellFormats ? '0.0' : '0.00');
    expect(await looks.numFmt('Obiettivi', cellOf(tables, 'Obiettivi', 'Grado calcolato %', 0))).toBe('0.0');
    expect(await looks.numFmt('Riepilogo', summaryCell('grade'))).toBe('0.0');
    expect(await looks.numFmt('Obiettivi', cellOf(tables, 'Obiettivi', 'Punti', 0))).toBe('#,##0.00');
  });

  it('every sheet freezes its header (and code column), prints on the page its widths call for, with title rows, header and footer', async () => {
    const looks = make();
    await looks.port.apply(importChanges(buildDemoRaw(), 'it'));
    expect(looks.print('Obiettivi').parts.rightHeader).toBe('Non ancora calcolato');
    await scoreWorkbook(looks.port, 'it');
    expect(looks.freeze('Obiettivi')).toEqual({ rows: 1, columns: 1 });
    expect(looks.freeze('Fasi')).toEqual({ rows: 1, columns: 2 });
    expect(looks.freeze('Regole')).toEqual({ rows: 1, columns: 0 });
    expect(looks.freeze('Riepilogo')).toEqual({ rows: 3, columns: 0 });
    // As the xlsx file gives them to openpyxl (test/cli/print.test.ts); Calcola keeps the pages of the table sheets.
    const pages = Object.fromEntries(
      ['Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Valutazioni', 'Regole', 'Riepilogo'].map((sheet) => [sheet, DEMO_PAGES[sheet]]),
    );
    for (const [sheet, page] of Object.entries(pages)) {
      const print = looks.print(sheet);
      // Fitted one page across and as many tall as the rows need, or printed at a scale.
      const fit = page.endsWith('1') ? { fitToHeight: 0 } : {};
      expect({ sheet, ...print, parts: undefined }).toEqual({ sheet, page, ...fit, titleRows: sheet === 'Riepilogo' ? '$3:$3' : '$1:$1', parts: undefined });
      expect(print.parts).toMatchObject({ leftHeader: 'Comune di Calenzano', centerHeader: '&A', centerFooter: 'Pagina &P di &N' });
      expect(print.parts.rightHeader).toMatch(/^Calcolato il \d\d\/\d\d\/\d{4}$/);
    }
  });

  it('Premi and Trasparenza show amounts in euro and counts as integers, and are frozen and printed like the other sheets', async () => {
    const looks = make();
    const raw = buildDemoRaw();
    await looks.port.apply(importChanges(raw, 'it'));
    await scoreWorkbook(looks.port, 'it');
    const euro = '#,##0.00 "€"';
    // Premi: title, blank, the pots' header in row 3, one row per pot, blank, the lines' header.
    const pots = raw.funds!.length;
    expect(pots).toBe(3);
    const linesHeader = 3 + pots + 2;
    const firstLine = linesHeader + 1;
    for (const column of ['B', 'C', 'D', 'F']) expect(await looks.numFmt('Premi', `${column}4`)).toBe(euro);
    expect(await looks.numFmt('Premi', 'E4')).toBe('0');
    // The lines' columns differ from the pots' above them: Importo, Maggiorazione, Totale in euro, Classe an integer.
    for (const column of ['H', 'I', 'J']) expect(await looks.numFmt('Premi', `${column}${firstLine}`)).toBe(euro);
    expect(await looks.numFmt('Premi', `D${firstLine}`)).toBe('0');
    expect(await looks.numFmt('Premi', `B${firstLine}`)).not.toBe(euro);
    // Trasparenza: the header in row 4, the first pot in row 5.
    for (const column of ['E', 'F', 'G', 'H', 'I']) expect(await looks.numFmt('Trasparenza', `${column}5`)).toBe(euro);
    expect(await looks.numFmt('Trasparenza', 'C5')).toBe('0');
    expect(await looks.numFmt('Trasparenza', 'K6')).toBe('#,##0.00');
    const tables = await looks.port.readTables();
    expect(await looks.numFmt('Persone', cellOf(tables, 'Persone', 'Totale €', 0))).toBe(euro);
    expect(looks.freeze('Premi')).toEqual({ rows: linesHeader, columns: 0 });
    expect(looks.freeze('Trasparenza')).toEqual({ rows: 4, columns: 0 });
    for (const [sheet, titleRows] of [['Premi', `$${linesHeader}:$${linesHeader}`], ['Trasparenza', '$4:$4']]) {
      const print = looks.print(sheet);
      expect(print).toMatchObject({ page: DEMO_PAGES[sheet], ...(DEMO_PAGES[sheet].endsWith('1') ? { fitToHeight: 0 } : {}), titleRows });
      expect(print.parts).toMatchObject({ leftHeader: 'Comune di Calenzano', centerHeader: '&A', centerFooter: 'Pagina &P di &N' });
      expect(print.parts.rightHeader).toMatch(/^Calcolato il \d\d\/\d\d\/\d{4}$/);
    }
  });

  it('columns are as wide as their values, within caps: codes narrow, descriptions capped and wrapped', async () => {
    const looks = make();
    await looks.port.apply(importChanges(buildDemoRaw(), 'it'));
    await scoreWorkbook(looks.port, 'it');
    const tables = await looks.port.readTables();
    const column = (table: string, header: string): number => {
      const t = tables.find((x) => x.name === table)!;
      return t.left + t.headers.indexOf(header);
    };
    // Codes like SPERS-6 and AAGG-1: 7 characters and a margin, not the 14 of a blank template.
    expect(looks.width('Obiettivi', column('Obiettivi', 'Codice'))).toBeLessThanOrEqual(10);
    expect(looks.width('Obiettivi', column('Obiettivi', 'Descrizione'))).toBe(42);
    expect(looks.width('Indicatori', column('Indicatori', 'Calcolo'))).toBe(42);
    expect(looks.width('Obiettivi', column('Obiettivi', 'Grado finale %'))).toBeLessThanOrEqual(9);
    // Riepilogo: the longest unit name, SERVIZI AI CITTADINI E ALLE IMPRESE (35 characters).
    expect(looks.width('Riepilogo', 2)).toBe(37);
  });
});
