/**
 * The behaviour every WorkbookPort must have (src/workbook/port.ts), as one suite that each
 * adapter runs against itself: `runWorkbookPortContract('memory', makeMemoryPort)`.
 *
 * The suite drives the port only through its own `apply` / `readTables` / `readProperty`, plus
 * `ForeignEdits`: what a user does in Excel behind Traguardo's back (a sheet of their own, a
 * column inserted into a table, a cell formatted as %, a protected sheet, a name of their own)
 * and a way to look at what a user sees (a cell's formula and formatting, the names, the band
 * colours of a cell, the charts of a sheet). An adapter implements those with its own library
 * (ExcelJS: `addWorksheet`, `table.addColumn` + `commit`, `cell.numFmt`, `cell.fill`,
 * `worksheet.protect`).
 */
import type { CellValue } from '../../src/schema/raw';
import type {
  BandColour,
  BarChart,
  ColumnSpec,
  DefinedName,
  FormulaCell,
  OutputValue,
  TableData,
  WorkbookChange,
  WorkbookPort,
} from '../../src/workbook/port';

/**
 * A cell as a user sees it. Colours are `#RRGGBB` (upper case); `numFmt` absent = General;
 * `formula` (`=…`) only for a formula cell, whose `value` is then its result.
 */
export interface InspectedCell {
  value: CellValue;
  formula?: string;
  numFmt?: string;
  fill?: string;
  note?: string;
  bold?: boolean;
}

export interface ForeignEdits {
  /** Adds a worksheet with plain values from A1 (row by row). */
  addSheet(name: string, rows: readonly (readonly CellValue[])[]): Promise<void>;
  /**
   * Inserts a column into an existing table at a 0-based position (cells of the table's rows
   * shift right, as in Excel), with a header, one value per data row and a fill on its data cells.
   */
  insertTableColumn(table: string, at: number, header: string, values: readonly CellValue[], fill: string): Promise<void>;
  /** Writes one cell with a number format of the user's choice, e.g. `0%`. */
  setCell(sheet: string, address: string, value: CellValue, numFmt?: string): Promise<void>;
  /** Protects a sheet: from now on, the port must refuse to write to it. */
  protectSheet(sheet: string): Promise<void>;
  /** Value and formatting of one cell; a date cell gives a `Date`. */
  inspect(sheet: string, address: string): Promise<InspectedCell>;
  /** Defines a workbook-scoped name, as Formulas › Define Name does. */
  defineName(name: string, formula: string): Promise<void>;
  /** The workbook-scoped names, formulas with their `=`; the comment is not compared. */
  definedNames(): Promise<Omit<DefinedName, 'comment'>[]>;
  /** The band colours (conditional formats) that apply to a cell, by `from`. */
  bands(sheet: string, address: string): Promise<BandColour[]>;
  /** The charts of a sheet. */
  charts(sheet: string): Promise<BarChart[]>;
}

/**
 * Band colours from conditional-format rules as the ports write them
 * (`AND(ISNUMBER(E2),E2>=90,E2<100)`), sorted by `from`.
 */
export function bandsOf(rules: readonly { formula: string; color: string }[]): BandColour[] {
  return rules
    .map((rule) => {
      const from = /,[A-Z]+\d+>=(-?\d+(?:\.\d+)?)/.exec(rule.formula);
      if (!from) throw new Error(`not a band rule: ${rule.formula}`);
      return { from: Number(from[1]), color: rule.color.toUpperCase() };
    })
    .sort((a, b) => a.from - b.from);
}

export interface PortUnderTest {
  port: WorkbookPort;
  foreign: ForeignEdits;
  /** Saves and loads again (file-backed ports); a memory port returns itself. */
  reopen(): Promise<PortUnderTest>;
}

/** Number formats as written by any adapter, checked loosely: what a user would see. */
const FORMAT_CHECKS: Record<ColumnSpec['format'], (numFmt: string) => boolean> = {
  text: (f) => f === '@',
  integer: (f) => /^(0|#,##0)$/.test(f),
  number: (f) => f.toLowerCase() === 'general',
  percent: (f) => /0\.00/.test(f) && !f.includes('%'),
  points: (f) => f === '#,##0.00',
  euro: (f) => f.includes('#,##0.00') && f.includes('€'),
  date: (f) => /d/i.test(f) && /m/i.test(f) && /y/i.test(f),
};

const USER_FILL = '#FFC000';

const OBJECTIVE_COLUMNS: ColumnSpec[] = [
  { header: 'Codice', format: 'text', output: false, note: 'Codice univoco', width: 14 },
  { header: 'Titolo', format: 'text', output: false },
  { header: 'Livello', format: 'text', output: false, list: ['Strategico', 'Operativo', 'Esecutivo', 'Ente'] },
  { header: 'Missione', format: 'integer', output: false },
  { header: 'Peso', format: 'number', output: false },
  { header: 'Peso fasi %', format: 'percent', output: false },
  { header: 'Data fine', format: 'date', output: false },
  { header: 'Grado finale %', format: 'percent', output: true, note: 'calcolato', bands: [{ from: 0, color: '#C00000' }, { from: 90, color: '#00B050' }] },
  { header: 'Esito verifica', format: 'text', output: true, note: 'calcolato' },
];

const INPUT_HEADERS = OBJECTIVE_COLUMNS.filter((c) => !c.output).map((c) => c.header);

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Every kind of value a cell holds, including text that looks like a formula. */
const ROWS: CellValue[][] = [
  ['OB-1', 'Riduzione tempi di pagamento', 'Esecutivo', 1, 230, 50, d('2023-12-31')],
  ['=SUM(A1:A3)', '+39 055 1234', '-3 giorni', 12, 0.5, 12.5, null],
  ['@ufficio', 'Titolo con àccenti “tipografici”', null, null, -4.25, 0, d('2024-02-29')],
  ['12', '', 'Ente', 99, 1234567.891, 100, null],
];

const BOOLEAN_ROWS: CellValue[][] = [
  ['B-1', true],
  ['B-2', false],
];

const f = (formula: string, result: FormulaCell['result']): FormulaCell => ({ formula, result });

const NEW_BANDS: BandColour[] = [
  { from: 0, color: '#FF0000' },
  { from: 60, color: '#FFC000' },
  { from: 90, color: '#00B050' },
];

const CHART: BarChart = { title: 'Grado % per struttura', seriesName: 'Grado %', categories: 'A2:A3', values: 'B2:B3', anchor: 'D2' };

function ensureObjectives(top = 1, left = 1): WorkbookChange {
  return { kind: 'ensureTable', sheet: 'Obiettivi', table: 'Obiettivi', top, left, columns: OBJECTIVE_COLUMNS };
}

function seedObjectives(rows: CellValue[][] = ROWS): WorkbookChange[] {
  return [ensureObjectives(), { kind: 'writeRows', table: 'Obiettivi', headers: INPUT_HEADERS, rows }];
}

function byName(tables: TableData[], name: string): TableData {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new Error(`table ${name} not read back; tables: ${tables.map((t) => t.name).join(', ')}`);
  return table;
}

function column(table: TableData, header: string): CellValue[] {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${table.headers.join(', ')}`);
  return table.rows.map((row) => row[index]);
}

/** The same cell values, with blanks (null/undefined/empty string) compared as one. */
function normalized(values: CellValue[]): CellValue[] {
  return values.map((v) => (v === undefined || v === '' ? null : v));
}

async function inputCells(port: WorkbookPort, table: string): Promise<CellValue[][]> {
  const data = byName(await port.readTables(), table);
  return INPUT_HEADERS.map((h) => normalized(column(data, h)));
}

/**
 * How a port refuses a write to a protected sheet. The memory model and the file know the
 * protection before writing and name the sheet; Office learns it from Excel's refusal at the
 * sync, which names no sheet.
 */
export type ProtectedSheetRefusal = (sheet: string) => { name: 'UserError'; key: unknown; params?: Record<string, unknown> };

export const REFUSED_BEFORE_WRITING: ProtectedSheetRefusal = (sheet) => ({ name: 'UserError', key: 'workbook-sheet-protected', params: { sheet } });

export function runWorkbookPortContract(
  name: string,
  make: () => Promise<PortUnderTest>,
  protectedSheet: ProtectedSheetRefusal = REFUSED_BEFORE_WRITING,
): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    it('ensureTable creates the sheets and tables with the headers in order, where asked', async () => {
      const { port } = await make();
      await port.apply([
        ensureObjectives(),
        { kind: 'ensureTable', sheet: 'Regole', table: 'Regole', columns: [
          { header: 'Parametro', format: 'text', output: false },
          { header: 'Valore', format: 'number', output: false },
        ] },
        { kind: 'ensureTable', sheet: 'Regole', table: 'Fasce', top: 1, left: 4, columns: [
          { header: 'Da %', format: 'percent', output: false },
          { header: 'Etichetta', format: 'text', output: false },
        ] },
      ]);
      const tables = await port.readTables();
      expect(tables.map((t) => t.name).sort()).toEqual(['Fasce', 'Obiettivi', 'Regole']);
      const objectives = byName(tables, 'Obiettivi');
      expect(objectives).toEqual({
        name: 'Obiettivi',
        sheet: 'Obiettivi',
        top: 1,
        left: 1,
        headers: OBJECTIVE_COLUMNS.map((c) => c.header),
        rows: [],
      });
      expect(byName(tables, 'Regole')).toMatchObject({ sheet: 'Regole', top: 1, left: 1, headers: ['Parametro', 'Valore'] });
      expect(byName(tables, 'Fasce')).toMatchObject({ sheet: 'Regole', top: 1, left: 4, headers: ['Da %', 'Etichetta'] });
    });

    it('ensureTable gives data cells the number format of their column, and output headers a fill and the note', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      for (const [i, spec] of OBJECTIVE_COLUMNS.entries()) {
        const address = `${String.fromCharCode(65 + i)}2`;
        const cell = await foreign.inspect('Obiettivi', address);
        const numFmt = cell.numFmt ?? 'General';
        expect({ header: spec.header, ok: FORMAT_CHECKS[spec.format](numFmt) }).toEqual({ header: spec.header, ok: true });
      }
      const outputHeader = await foreign.inspect('Obiettivi', 'H1');
      const inputHeader = await foreign.inspect('Obiettivi', 'A1');
      expect(outputHeader.value).toBe('Grado finale %');
      expect(outputHeader.fill).toBeDefined();
      expect(outputHeader.fill).not.toBe(inputHeader.fill);
      expect(outputHeader.note).toBe('calcolato');
      expect(inputHeader.note).toBe('Codice univoco');
    });

    it('writeRows then readTables gives back the same values: text, formula-like text, numbers, dates, blanks', async () => {
      const { port } = await make();
      await port.apply(seedObjectives());
      const table = byName(await port.readTables(), 'Obiettivi');
      expect(table.rows).toHaveLength(ROWS.length);
      INPUT_HEADERS.forEach((header, c) => {
        expect({ header, values: normalized(column(table, header)) }).toEqual({ header, values: normalized(ROWS.map((r) => r[c])) });
      });
      expect(normalized(column(table, 'Grado finale %'))).toEqual([null, null, null, null]);
    });

    it('writeRows and readTables keep booleans', async () => {
      const { port } = await make();
      await port.apply([
        { kind: 'ensureTable', sheet: 'Flag', table: 'Flag', columns: [
          { header: 'Codice', format: 'text', output: false },
          { header: 'Fatto', format: 'text', output: false },
        ] },
        { kind: 'writeRows', table: 'Flag', headers: ['Codice', 'Fatto'], rows: BOOLEAN_ROWS },
      ]);
      expect(byName(await port.readTables(), 'Flag').rows).toEqual(BOOLEAN_ROWS);
    });

    it('text starting with = + - @ stays text after a reopen, never a formula', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      const reopened = await made.reopen();
      const table = byName(await reopened.port.readTables(), 'Obiettivi');
      expect(column(table, 'Codice')).toEqual(['OB-1', '=SUM(A1:A3)', '@ufficio', '12']);
      expect(column(table, 'Titolo').slice(1, 2)).toEqual(['+39 055 1234']);
      expect(column(table, 'Livello').slice(1, 2)).toEqual(['-3 giorni']);
      expect(await reopened.foreign.inspect('Obiettivi', 'A3')).toMatchObject({ value: '=SUM(A1:A3)' });
      expect((await reopened.foreign.inspect('Obiettivi', 'A3')).formula).toBeUndefined();
    });

    it('writeColumn writes formulas with their results: readTables gives the results, a string stays a value', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      const grades: OutputValue[] = [f('=2*45', 90), 55.5, f('=IF(1>2,1,"")', null), '=non formula'];
      const checks: OutputValue[] = [f('=IF(H2>=90,"OK","KO")', 'OK'), f('=H3>0', true), 'testo', null];
      await made.port.apply([
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: grades },
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: checks },
      ]);
      for (const { port, foreign } of [made, await made.reopen()]) {
        const table = byName(await port.readTables(), 'Obiettivi');
        expect(normalized(column(table, 'Grado finale %'))).toEqual([90, 55.5, null, '=non formula']);
        expect(normalized(column(table, 'Esito verifica'))).toEqual(['OK', true, 'testo', null]);
        expect(await foreign.inspect('Obiettivi', 'H2')).toMatchObject({ value: 90, formula: '=2*45' });
        expect((await foreign.inspect('Obiettivi', 'H4')).formula).toBe('=IF(1>2,1,"")');
        expect(await foreign.inspect('Obiettivi', 'H5')).toMatchObject({ value: '=non formula' });
        expect([(await foreign.inspect('Obiettivi', 'H3')).formula, (await foreign.inspect('Obiettivi', 'H5')).formula]).toEqual([undefined, undefined]);
        // A text column: the formula must not turn into text.
        expect(await foreign.inspect('Obiettivi', 'I2')).toMatchObject({ value: 'OK', formula: '=IF(H2>=90,"OK","KO")' });
        expect(await foreign.inspect('Obiettivi', 'I3')).toMatchObject({ value: true, formula: '=H3>0' });
        expect(await inputCells(port, 'Obiettivi')).toEqual(INPUT_HEADERS.map((_, c) => normalized(ROWS.map((r) => r[c]))));
      }
    });

    it('a value written over a formula cell replaces the formula', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [f('=1+1', 2), f('=2+2', 4), 1, 1] }]);
      await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [7, null, 1, 1] }]);
      expect(await foreign.inspect('Obiettivi', 'H2')).toMatchObject({ value: 7 });
      expect([(await foreign.inspect('Obiettivi', 'H2')).formula, (await foreign.inspect('Obiettivi', 'H3')).formula]).toEqual([undefined, undefined]);
      expect(normalized(column(byName(await port.readTables(), 'Obiettivi'), 'Grado finale %'))).toEqual([7, null, 1, 1]);
    });

    it('replaceSheet writes formulas with their results', async () => {
      const made = await make();
      await made.port.apply([
        { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Totale', f('=SUM(B2:B3)', 3), f('=IF(B1>2,"alto","basso")', 'alto')], ['a', 1], ['b', 2]], formats: { 1: 'percent' } },
      ]);
      for (const { foreign } of [made, await made.reopen()]) {
        expect(await foreign.inspect('Riepilogo', 'B1')).toMatchObject({ value: 3, formula: '=SUM(B2:B3)' });
        expect(FORMAT_CHECKS.percent((await foreign.inspect('Riepilogo', 'B1')).numFmt ?? 'General')).toBe(true);
        expect(await foreign.inspect('Riepilogo', 'C1')).toMatchObject({ value: 'alto', formula: '=IF(B1>2,"alto","basso")' });
        expect(await foreign.inspect('Riepilogo', 'B3')).toMatchObject({ value: 2 });
      }
    });

    it('writeColumn notes: a string sets the note, null removes it, no notes leaves them alone', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      const notes = async (foreign: ForeignEdits): Promise<(string | undefined)[]> =>
        Promise.all(['I1', 'I2', 'I3', 'I4', 'I5'].map(async (a) => (await foreign.inspect('Obiettivi', a)).note));
      const values = ['OK', 'OK', 'OK', 'OK'];
      await made.port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values, notes: ['uno', null, 'tre', null] }]);
      expect(await notes(made.foreign)).toEqual(['calcolato', 'uno', undefined, 'tre', undefined]);
      await made.port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values, notes: [null, 'due', 'tre bis', null] }]);
      expect(await notes(made.foreign)).toEqual(['calcolato', undefined, 'due', 'tre bis', undefined]);
      await made.port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: [f('="K"&"O"', 'KO'), 'OK', 'OK', 'OK'] }]);
      const reopened = await made.reopen();
      expect(await notes(reopened.foreign)).toEqual(['calcolato', undefined, 'due', 'tre bis', undefined]);
      expect(await reopened.foreign.inspect('Obiettivi', 'I2')).toMatchObject({ value: 'KO', formula: '="K"&"O"' });
    });

    it('replaceSheet notes go on the new cells; the next replacement takes them away', async () => {
      const made = await make();
      await made.port.apply([
        { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Struttura', 'Peso %'], ['SASTER', 40]], notes: [{ row: 1, column: 1, text: 'Valore scritto da Traguardo' }] },
      ]);
      expect((await made.foreign.inspect('Riepilogo', 'B2')).note).toBe('Valore scritto da Traguardo');
      expect((await made.foreign.inspect('Riepilogo', 'A2')).note).toBeUndefined();
      await made.port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Struttura', 'Peso %'], ['SASTER', 40]], notes: [{ row: 0, column: 0, text: 'nuova' }] }]);
      const reopened = await made.reopen();
      expect((await reopened.foreign.inspect('Riepilogo', 'B2')).note).toBeUndefined();
      expect((await reopened.foreign.inspect('Riepilogo', 'A1')).note).toBe('nuova');
    });

    it('defineNames creates and redefines workbook names, and leaves the user’s names alone', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      await made.foreign.defineName('MiaArea', '=Obiettivi!$A$1:$B$2');
      await made.port.apply([
        {
          kind: 'defineNames',
          names: [
            { name: 'Tetto', formula: '=Obiettivi!$E$2', comment: 'Tetto grado %' },
            { name: 'Decimali', formula: '=IF(ISBLANK(Obiettivi!$E$3),2,Obiettivi!$E$3)' },
          ],
        },
      ]);
      await made.port.apply([{ kind: 'defineNames', names: [{ name: 'tetto', formula: '=Obiettivi!$E$4' }] }]);
      for (const { foreign } of [made, await made.reopen()]) {
        const names = (await foreign.definedNames()).map((n) => ({ name: n.name.toLowerCase(), formula: n.formula })).sort((a, b) => a.name.localeCompare(b.name));
        expect(names).toEqual([
          { name: 'decimali', formula: '=IF(ISBLANK(Obiettivi!$E$3),2,Obiettivi!$E$3)' },
          { name: 'miaarea', formula: '=Obiettivi!$A$1:$B$2' },
          { name: 'tetto', formula: '=Obiettivi!$E$4' },
        ]);
      }
    });

    it('setProperty writes a custom document property that readProperty gives back, keys ignoring case', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      expect(await made.port.readProperty('Traguardo.Calcolo')).toBeNull();
      await made.port.apply([
        { kind: 'setProperty', key: 'Traguardo.Calcolo', value: '2024-03-31T10:00:00Z' },
        { kind: 'setProperty', key: 'Traguardo.Impronta', value: 'a1b2 & <c3>' },
      ]);
      await made.port.apply([{ kind: 'setProperty', key: 'traguardo.calcolo', value: '2024-04-02T08:30:00Z' }]);
      for (const { port } of [made, await made.reopen()]) {
        await port.readTables();
        expect(await port.readProperty('Traguardo.Calcolo')).toBe('2024-04-02T08:30:00Z');
        expect(await port.readProperty('TRAGUARDO.IMPRONTA')).toBe('a1b2 & <c3>');
        expect(await port.readProperty('Traguardo.Altro')).toBeNull();
      }
    });

    it('colourBands replaces the band colours of a column’s data cells', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      expect(await made.foreign.bands('Obiettivi', 'H3')).toEqual([{ from: 0, color: '#C00000' }, { from: 90, color: '#00B050' }]);
      await made.port.apply([{ kind: 'colourBands', table: 'Obiettivi', header: 'Grado finale %', bands: NEW_BANDS }]);
      await made.port.apply([{ kind: 'colourBands', table: 'Obiettivi', header: 'grado finale %', bands: NEW_BANDS }]);
      const reopened = await made.reopen();
      expect(await reopened.foreign.bands('Obiettivi', 'H2')).toEqual(NEW_BANDS);
      expect(await reopened.foreign.bands('Obiettivi', 'H5')).toEqual(NEW_BANDS);
      expect(await reopened.foreign.bands('Obiettivi', 'G3')).toEqual([]);
      expect(await inputCells(reopened.port, 'Obiettivi')).toEqual(INPUT_HEADERS.map((_, c) => normalized(ROWS.map((r) => r[c]))));
    });

    it('replaceSheet bandRanges colour those cells; the next replacement takes them away', async () => {
      const made = await make();
      const rows = [['Struttura', 'Grado %'], ['SASTER', 91.5], ['SAGEN', 40]];
      await made.port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows, bandRanges: [{ range: 'B2:B3', bands: NEW_BANDS }] }]);
      expect(await made.foreign.bands('Riepilogo', 'B3')).toEqual(NEW_BANDS);
      expect(await made.foreign.bands('Riepilogo', 'A2')).toEqual([]);
      await made.port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows }]);
      expect(await (await made.reopen()).foreign.bands('Riepilogo', 'B3')).toEqual([]);
    });

    it('replaceSheet draws its bar chart where the port supports charts, once however often it runs', async () => {
      const { port, foreign } = await make();
      const rows = [['Struttura', 'Grado %'], ['SASTER', 91.5], ['SAGEN', 40]];
      await port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows, chart: CHART }]);
      await port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows, chart: CHART }]);
      expect(await foreign.charts('Riepilogo')).toEqual(port.supportsCharts ? [CHART] : []);
      await port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows }]);
      expect(await foreign.charts('Riepilogo')).toEqual([]);
    });

    it('writeRows replaces the body: fewer rows leave no stale values behind', async () => {
      const { port } = await make();
      await port.apply(seedObjectives());
      await port.apply([{ kind: 'writeRows', table: 'Obiettivi', headers: ['Codice', 'Titolo'], rows: [['X-1', 'Solo']] }]);
      const table = byName(await port.readTables(), 'Obiettivi');
      expect(table.rows).toHaveLength(1);
      expect(normalized(table.rows[0])).toEqual(['X-1', 'Solo', null, null, null, null, null, null, null]);
    });

    it('ensureTable on an existing table appends only the missing columns, at the right end, keeping user columns', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      await foreign.insertTableColumn('Obiettivi', 1, 'Nota ufficio', ['n1', 'n2', 'n3', 'n4'], USER_FILL);
      await port.apply([
        {
          kind: 'ensureTable',
          sheet: 'Obiettivi',
          table: 'Obiettivi',
          columns: [
            { header: 'codice', format: 'text', output: false },
            ...OBJECTIVE_COLUMNS,
            { header: 'Responsabile', format: 'text', output: false },
            { header: 'Stato di attuazione', format: 'text', output: true },
          ],
        },
      ]);
      const table = byName(await port.readTables(), 'Obiettivi');
      expect(table.headers).toEqual([
        'Codice',
        'Nota ufficio',
        ...OBJECTIVE_COLUMNS.slice(1).map((c) => c.header),
        'Responsabile',
        'Stato di attuazione',
      ]);
      expect(column(table, 'Nota ufficio')).toEqual(['n1', 'n2', 'n3', 'n4']);
      expect(normalized(column(table, 'Titolo'))).toEqual(normalized(ROWS.map((r) => r[1])));
      expect(normalized(column(table, 'Responsabile'))).toEqual([null, null, null, null]);
      expect((await foreign.inspect('Obiettivi', 'B3')).fill).toBe(USER_FILL);
    });

    it('ensureTable never overwrites cells: a new table over occupied cells is refused and the cells stay', async () => {
      const { port, foreign } = await make();
      await foreign.addSheet('Appunti', [['mio testo', 42]]);
      await expect(
        port.apply([{ kind: 'ensureTable', sheet: 'Appunti', table: 'Appunti', columns: [{ header: 'Codice', format: 'text', output: false }] }]),
      ).rejects.toMatchObject({ name: 'UserError', key: 'workbook-range-occupied', params: { sheet: 'Appunti', cell: 'A1' } });
      expect((await foreign.inspect('Appunti', 'A1')).value).toBe('mio testo');
      expect((await foreign.inspect('Appunti', 'B1')).value).toBe(42);
    });

    it('writeColumn writes only its column, found by header wherever it is', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      await foreign.insertTableColumn('Obiettivi', 3, 'Mia colonna', [1, 2, 3, 4], USER_FILL);
      const before = await port.readTables();
      await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: ['OK', 'errore: x', null, '=non formula'] }]);
      const after = byName(await port.readTables(), 'Obiettivi');
      const prior = byName(before, 'Obiettivi');
      for (const header of prior.headers.filter((h) => h !== 'Esito verifica')) {
        expect({ header, values: column(after, header) }).toEqual({ header, values: column(prior, header) });
      }
      expect(normalized(column(after, 'Esito verifica'))).toEqual(['OK', 'errore: x', null, '=non formula']);
      expect(before.filter((t) => t.name !== 'Obiettivi')).toEqual((await port.readTables()).filter((t) => t.name !== 'Obiettivi'));
    });

    it('writeColumn with a wrong number of values is refused and changes nothing', async () => {
      const { port } = await make();
      await port.apply(seedObjectives());
      const before = await port.readTables();
      await expect(
        port.apply([
          { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [1, 2, 3, 4] },
          { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: ['OK'] },
        ]),
      ).rejects.toMatchObject({ name: 'WorkbookChangeError', key: 'change-column-length' });
      expect(await inputCells(port, 'Obiettivi')).toEqual(INPUT_HEADERS.map((h) => normalized(column(byName(before, 'Obiettivi'), h))));
    });

    it('a change aimed at a missing table or column, a bad table name or notes not one per value is refused by its key', async () => {
      const { port } = await make();
      await port.apply(seedObjectives());
      const before = await inputCells(port, 'Obiettivi');
      const refusals: [WorkbookChange, string][] = [
        [{ kind: 'writeColumn', table: 'Assente', header: 'Esito verifica', values: [] }, 'change-table-missing'],
        [{ kind: 'writeColumn', table: 'Obiettivi', header: 'Colonna assente', values: ['a', 'b', 'c', 'd'] }, 'change-column-missing'],
        [{ kind: 'colourBands', table: 'Obiettivi', header: 'Colonna assente', bands: NEW_BANDS }, 'change-column-missing'],
        [{ kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: ['a', 'b', 'c', 'd'], notes: ['n'] }, 'change-notes-length'],
        [{ kind: 'ensureTable', sheet: 'Nuovo', table: 'Nome con spazi', columns: OBJECTIVE_COLUMNS }, 'change-table-name'],
      ];
      for (const [change, key] of refusals) {
        await expect(port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: ['x', 'x', 'x', 'x'] }, change])).rejects.toMatchObject({
          name: 'WorkbookChangeError',
          key,
        });
      }
      expect(await inputCells(port, 'Obiettivi')).toEqual(before);
      expect(normalized(column(byName(await port.readTables(), 'Obiettivi'), 'Esito verifica'))).toEqual([null, null, null, null]);
      expect((await port.readTables()).map((t) => t.name)).toEqual(['Obiettivi']);
    });

    it('replaceSheet replaces that sheet only, with formats and header rows', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      await foreign.addSheet('Appunti', [['mio testo', 42]]);
      await port.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['vecchio'], ['a', 1], ['b', 2], ['c', 3]] }]);
      const before = await port.readTables();
      await port.apply([
        {
          kind: 'replaceSheet',
          sheet: 'Riepilogo',
          rows: [['Struttura', 'Grado %'], ['SASTER', 91.666666], ['=A1', null]],
          formats: { 1: 'percent' },
          headerRows: [0],
        },
      ]);
      expect(await port.readTables()).toEqual(before);
      expect((await foreign.inspect('Riepilogo', 'A1')).value).toBe('Struttura');
      expect((await foreign.inspect('Riepilogo', 'A1')).bold).toBe(true);
      expect((await foreign.inspect('Riepilogo', 'B2')).value).toBe(91.666666);
      expect(FORMAT_CHECKS.percent((await foreign.inspect('Riepilogo', 'B2')).numFmt ?? 'General')).toBe(true);
      expect((await foreign.inspect('Riepilogo', 'A3')).value).toBe('=A1');
      expect(normalized([(await foreign.inspect('Riepilogo', 'A4')).value])).toEqual([null]);
      expect(normalized([(await foreign.inspect('Riepilogo', 'B4')).value])).toEqual([null]);
      expect((await foreign.inspect('Appunti', 'A1')).value).toBe('mio testo');
    });

    it('a user sheet and a user column survive ensureTable, writeColumn, replaceSheet and a reopen', async () => {
      const made = await make();
      await made.port.apply(seedObjectives());
      await made.foreign.addSheet('Appunti', [['mio testo', 42], [null, d('2023-06-30')]]);
      await made.foreign.insertTableColumn('Obiettivi', 2, 'Nota ufficio', ['n1', 'n2', 'n3', 'n4'], USER_FILL);
      await made.port.apply([
        ensureObjectives(),
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [90, null, 55.5, 100] },
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: ['OK', 'OK', 'OK', 'OK'] },
        { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Riepilogo']] },
      ]);
      const reopened = await made.reopen();
      const table = byName(await reopened.port.readTables(), 'Obiettivi');
      expect(table.headers[2]).toBe('Nota ufficio');
      expect(column(table, 'Nota ufficio')).toEqual(['n1', 'n2', 'n3', 'n4']);
      expect(normalized(column(table, 'Grado finale %'))).toEqual([90, null, 55.5, 100]);
      expect((await reopened.foreign.inspect('Obiettivi', 'C2')).fill).toBe(USER_FILL);
      expect((await reopened.foreign.inspect('Obiettivi', 'C5')).value).toBe('n4');
      expect((await reopened.foreign.inspect('Appunti', 'A1')).value).toBe('mio testo');
      expect((await reopened.foreign.inspect('Appunti', 'B1')).value).toBe(42);
      expect((await reopened.foreign.inspect('Appunti', 'B2')).value).toEqual(d('2023-06-30'));
      INPUT_HEADERS.forEach((header, c) => {
        expect({ header, values: normalized(column(table, header)) }).toEqual({ header, values: normalized(ROWS.map((r) => r[c])) });
      });
    });

    it('readTables gives a PercentCell for a number in a %-formatted cell', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      await foreign.setCell('Obiettivi', 'F2', 0.3, '0%');
      await foreign.setCell('Obiettivi', 'F3', 0.125, '0.00%');
      const table = byName(await port.readTables(), 'Obiettivi');
      expect(column(table, 'Peso fasi %').slice(0, 2)).toEqual([{ percent: 30 }, { percent: 12.5 }]);
      expect(column(table, 'Peso fasi %')[2]).toBe(0);
    });

    it('a write to a protected sheet is refused and every input cell stays as it was', async () => {
      const { port, foreign } = await make();
      await port.apply(seedObjectives());
      const before = await inputCells(port, 'Obiettivi');
      await foreign.protectSheet('Obiettivi');
      await expect(
        port.apply([
          { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['x']] },
          { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [1, 2, 3, 4] },
        ]),
      ).rejects.toMatchObject(protectedSheet('Obiettivi'));
      expect(await inputCells(port, 'Obiettivi')).toEqual(before);
      const names = await foreign.definedNames();
      await expect(
        port.apply([
          { kind: 'defineNames', names: [{ name: 'Tetto', formula: '=Obiettivi!$E$2' }] },
          { kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'ieri' },
          { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['x', f('=1+1', 2)]], notes: [{ row: 0, column: 0, text: 'nota' }], chart: CHART },
          { kind: 'colourBands', table: 'Obiettivi', header: 'Grado finale %', bands: NEW_BANDS },
          { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: [f('=1', 1), 'a', 'b', 'c'], notes: ['n', null, null, null] },
        ]),
      ).rejects.toMatchObject(protectedSheet('Obiettivi'));
      expect(await inputCells(port, 'Obiettivi')).toEqual(before);
      expect(await foreign.definedNames()).toEqual(names);
      expect(await port.readProperty('Traguardo.Calcolo')).toBeNull();
      expect(await foreign.bands('Obiettivi', 'H2')).toEqual([{ from: 0, color: '#C00000' }, { from: 90, color: '#00B050' }]);
      expect((await foreign.inspect('Obiettivi', 'I2')).note).toBeUndefined();
      await expect(
        port.apply([{ kind: 'writeRows', table: 'Obiettivi', headers: ['Codice'], rows: [['Z']] }]),
      ).rejects.toMatchObject(protectedSheet('Obiettivi'));
      expect(await inputCells(port, 'Obiettivi')).toEqual(before);
    });

    it('selectCell accepts a sheet and an address', async () => {
      const { port } = await make();
      await port.apply(seedObjectives());
      await expect(port.selectCell('Obiettivi', 'B3')).resolves.toBeUndefined();
    });
  });
}
