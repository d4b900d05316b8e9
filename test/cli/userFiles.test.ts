/**
 * Every file a `traguardo` command writes for a user, opened by the programs a user opens it
 * with. Excel is not on a Linux test machine; the nearest independent readers are openpyxl (it
 * refuses a malformed part, and reads every cell, defined name, table and dropdown), LibreOffice
 * Calc (one headless run for all files, recalculating every formula on load and saving each
 * sheet as CSV) and Traguardo's own reader (`score` on the file again). The JSON exports are
 * checked against the committed JSON Schema with Ajv (dates by ajv-formats), a validator that shares no code with the
 * zod schemas it was generated from.
 *
 * Covered elsewhere, so not repeated here: `relazione` (.docx, LibreOffice Writer, in
 * test/report/relazione.test.ts); `init`, `import --sostituisci` and `score` on workbooks other
 * programs wrote (test/corpus/corpus.test.ts; here they run on Traguardo's own files); the demo's
 * and a template's formats, dropdowns and print setup (test/cli/print.test.ts); Andamento's chart
 * (test/workbook/xlsxTrendChart.test.ts).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { writeRecalculatingProfile } from '../../src/bench/libreoffice';
import { openXlsxFile } from '../../src/workbook/xlsx/xlsxFile';
import { run } from '../support/cliRun';
import { findSoffice, SOFFICE_INSTALL_HINT } from '../support/libreoffice';

const execFileAsync = promisify(execFile);
const PYTHON = '/usr/bin/python3';

/**
 * What openpyxl reads of each file: sheets, workbook-level defined names, and per sheet its
 * tables, dropdowns, filled cells and formulas; the warnings it raised while loading; or the
 * error that stopped it.
 */
const OPENPYXL = `
import json, sys, warnings, openpyxl
out = {}
for file in sys.argv[1:]:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            wb = openpyxl.load_workbook(file)
            sheets = {}
            for ws in wb.worksheets:
                cells = [c for row in ws.iter_rows() for c in row if c.value is not None and c.value != '']
                sheets[ws.title] = {
                    'A1': None if ws['A1'].value is None else str(ws['A1'].value),
                    'A2': None if ws['A2'].value is None else str(ws['A2'].value),
                    'filled': len(cells),
                    'formulas': sum(1 for c in cells if c.data_type == 'f'),
                    'tables': sorted(ws.tables.keys()),
                    'dropdowns': len(ws.data_validations.dataValidation),
                }
        out[file] = {
            'sheets': wb.sheetnames,
            'names': sorted(n.name for n in wb.defined_names.definedName),
            'perSheet': sheets,
            'warnings': sorted({str(w.message) for w in caught}),
        }
    except Exception as error:
        out[file] = {'error': type(error).__name__ + ': ' + str(error)}
print(json.dumps(out))
`;

interface OpenpyxlSheet {
  A1: string | null;
  A2: string | null;
  filled: number;
  formulas: number;
  tables: string[];
  dropdowns: number;
}

type OpenpyxlView = { sheets: string[]; names: string[]; perSheet: Record<string, OpenpyxlSheet>; warnings: string[] } | { error: string };

/** CSV in UTF-8 (76), comma-separated, quoted text, every sheet to its own `<file>-<sheet>.csv` (the last token, -1). */
const CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** The error values LibreOffice shows in a cell (Calc's own `Err:nnn` and the Excel codes). */
const SPREADSHEET_ERROR = /(^|,)"?(Err:\d+|#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!)"?(,|$)/m;

/** The workbooks under test, by what wrote them. */
const XLSX = {
  demo: 'demo',
  template: 'template --anno 2023',
  init: 'init (a workbook with only a sheet of the user)',
  import: 'import',
  importReplace: 'import --sostituisci (over a template)',
  scoreInPlace: 'score (in place, formulas)',
  scoreOutput: 'score -o (formulas)',
  scoreValues: 'score --valori',
  publication: 'score --pubblicazione',
  publicationSheets: 'score --pubblicazione --fogli',
  scoreAsOf: 'score --al 30/06/2023',
  monitora: 'monitora --al -o',
  monitoraReplace: 'monitora --al --sostituisci (in place), then a second date',
} as const;
type Writer = keyof typeof XLSX;

const WRITERS = Object.keys(XLSX) as Writer[];
/** Copies of a computed workbook's sheets, not a plan: they hold no Traguardo input tables to score. */
const PUBLICATIONS: Writer[] = ['publication', 'publicationSheets'];

let dir: string;
const file = (writer: Writer): string => path.join(dir, `${writer}.xlsx`);
const openpyxl = new Map<Writer, OpenpyxlView>();
/** Per workbook, its sheets as LibreOffice saved them: sheet name → CSV text. */
const libreOffice = new Map<Writer, Map<string, string>>();

/** Runs a command that must exit with `code`: 0, or 1 for `score` (the demo's plan has findings, reported and written all the same). */
async function expectExit(code: 0 | 1, ...argv: string[]): Promise<void> {
  const result = await run(...argv);
  if (result.code !== code) throw new Error(`traguardo ${argv.join(' ')} exited ${result.code}, not ${code}: ${result.err || result.out.slice(0, 2000)}`);
}
const ok = (...argv: string[]): Promise<void> => expectExit(0, ...argv);
const score = (...argv: string[]): Promise<void> => expectExit(1, 'score', ...argv);

async function writeEveryFile(): Promise<void> {
  await ok('demo', '--out', dir);
  await fs.rename(path.join(dir, 'traguardo-demo.xlsx'), file('demo'));
  await ok('export', file('demo'), path.join(dir, 'export.json'));
  await ok('export', file('demo'), path.join(dir, 'export-anonimo.json'), '--anonimo');
  await ok('template', file('template'), '--anno', '2023');
  await execFileAsync(PYTHON, ['-c', 'import sys, openpyxl\nwb = openpyxl.Workbook()\nwb.active.title = "Appunti"\nwb.active["A1"] = "Riunione NdV"\nwb.save(sys.argv[1])', file('init')]);
  await ok('init', file('init'), '--anno', '2023');
  await ok('import', path.join(dir, 'export.json'), file('import'));
  await fs.copyFile(file('template'), file('importReplace'));
  await ok('import', path.join(dir, 'export.json'), file('importReplace'), '--sostituisci');
  await fs.copyFile(file('import'), file('scoreInPlace'));
  await score(file('scoreInPlace'));
  await score(file('import'), '-o', file('scoreOutput'));
  await score(file('import'), '-o', file('scoreValues'), '--valori');
  await score(file('scoreOutput'), '-o', file('publication'), '--pubblicazione');
  await score(file('scoreOutput'), '-o', file('publicationSheets'), '--pubblicazione', '--fogli', 'Riepilogo,Obiettivi');
  await ok('monitora', file('scoreOutput'), '--al', '30/06/2023', '-o', file('monitora'));
  await fs.copyFile(file('monitora'), file('monitoraReplace'));
  await ok('monitora', file('monitoraReplace'), '--al', '30/06/2023', '--sostituisci');
  await ok('monitora', file('monitoraReplace'), '--al', '30/09/2023');
  await score(file('monitora'), '-o', file('scoreAsOf'), '--al', '30/06/2023');
}

async function readWithOpenpyxl(): Promise<void> {
  const { stdout } = await execFileAsync(PYTHON, ['-c', OPENPYXL, ...WRITERS.map(file)], { maxBuffer: 256 << 20 });
  const views = JSON.parse(stdout) as Record<string, OpenpyxlView>;
  for (const writer of WRITERS) openpyxl.set(writer, views[file(writer)]);
}

async function readWithLibreOffice(): Promise<void> {
  const soffice = findSoffice();
  if (soffice === null) throw new Error(`LibreOffice (soffice) is not on PATH: ${SOFFICE_INSTALL_HINT}`);
  const profile = path.join(dir, 'soffice-profile');
  // Recalculating every formula on load: one LibreOffice cannot evaluate shows as an error in the CSV.
  await writeRecalculatingProfile(profile);
  const csv = path.join(dir, 'csv');
  const { stdout } = await execFileAsync(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', CSV_EVERY_SHEET, '--outdir', csv, ...WRITERS.map(file)],
    { timeout: 300_000, maxBuffer: 16 << 20 },
  );
  // «Writing sheet <name> -> <dir>/<file>-<name>.csv», one line per sheet saved.
  for (const match of stdout.matchAll(/^Writing sheet (.+) -> (.+\.csv)$/gm)) {
    const writer = WRITERS.find((w) => path.basename(match[2]).startsWith(`${w}-`) && path.basename(match[2]) === `${w}-${match[1]}.csv`);
    if (writer === undefined) throw new Error(`unexpected CSV ${match[2]}`);
    const sheets = libreOffice.get(writer) ?? new Map<string, string>();
    sheets.set(match[1], await fs.readFile(match[2], 'utf8'));
    libreOffice.set(writer, sheets);
  }
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-user-files-'));
  await writeEveryFile();
  await readWithOpenpyxl();
  await readWithLibreOffice();
}, 600_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function loaded(writer: Writer): Extract<OpenpyxlView, { sheets: string[] }> {
  const view = openpyxl.get(writer);
  if (view === undefined) throw new Error(`openpyxl did not read ${writer}`);
  if ('error' in view) throw new Error(`openpyxl cannot open the file of ${XLSX[writer]}: ${view.error}`);
  return view;
}

const PLAN_SHEETS = ['Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Monitoraggi', 'Regole'];
const COMPUTED_SHEETS = ['Riepilogo', 'Premi', 'Trasparenza', 'Riepilogo DUP'];

describe.each(WRITERS.filter((w) => !PUBLICATIONS.includes(w)).map((w) => [XLSX[w], w] as const))('the workbook of %s', (_command, writer) => {
  test('openpyxl opens it without a warning and reads the plan sheets, their tables and dropdowns', () => {
    const view = loaded(writer);
    expect(view.warnings).toEqual([]);
    for (const sheet of PLAN_SHEETS) expect(view.sheets).toContain(sheet);
    expect(view.perSheet.Obiettivi.A1).toBe('Codice');
    expect(view.perSheet.Obiettivi.tables).toEqual(['Obiettivi']);
    expect(view.perSheet.Obiettivi.dropdowns).toBeGreaterThanOrEqual(3);
    expect(view.perSheet.Regole.A1).toBe('Parametro');
  });

  test('LibreOffice opens it, recalculates it and saves every sheet, with no error value in any cell', () => {
    const view = loaded(writer);
    const sheets = libreOffice.get(writer);
    expect([...(sheets?.keys() ?? [])]).toEqual(view.sheets);
    for (const [name, text] of sheets ?? []) expect({ name, error: SPREADSHEET_ERROR.exec(text)?.[0] ?? null }).toEqual({ name, error: null });
    expect(sheets?.get('Obiettivi')?.startsWith('Codice,Livello,Titolo,')).toBe(true);
  });

  // Exit 2 would be a file it cannot read; 1 is the demo plan's own findings (an empty plan has none).
  const expectedExit = writer === 'template' || writer === 'init' ? 0 : 1;
  test(`Traguardo's own reader scores it again (exit ${expectedExit}, never 2)`, async () => {
    const again = await run('score', file(writer), '-o', path.join(dir, `${writer}.again.xlsx`), '--json');
    expect({ code: again.code, err: again.err }).toEqual({ code: expectedExit, err: '' });
    const results = JSON.parse(again.out) as { format: string };
    expect(results.format).toBe('traguardo-results/1');
  });
});

describe('what each command wrote, as the three readers see it', () => {
  const DEMO_FIRST_OBJECTIVE = 'T1';

  test('the plan written by demo, import, import --sostituisci, score, monitora reaches every reader: the first objective and the computed sheets', () => {
    for (const writer of WRITERS.filter((w) => !PUBLICATIONS.includes(w) && !['template', 'init'].includes(w))) {
      const view = loaded(writer);
      const seenByLibreOffice = libreOffice.get(writer)?.get('Obiettivi')?.split('\n')[1]?.split(',')[0];
      expect({ writer, openpyxl: view.perSheet.Obiettivi.A2, libreOffice: seenByLibreOffice }).toEqual({ writer, openpyxl: DEMO_FIRST_OBJECTIVE, libreOffice: DEMO_FIRST_OBJECTIVE });
    }
    for (const writer of ['demo', 'scoreInPlace', 'scoreOutput', 'scoreValues', 'scoreAsOf'] as const) {
      for (const sheet of COMPUTED_SHEETS) expect({ writer, sheet, present: loaded(writer).sheets.includes(sheet) }).toEqual({ writer, sheet, present: true });
      expect(libreOffice.get(writer)?.get('Riepilogo')).toMatch(/^Comune di Calenzano — Performance 2023 — situazione al /);
    }
  });

  test('score keeps formulas, score --valori writes none in the output columns', () => {
    expect(loaded('scoreOutput').perSheet.Obiettivi.formulas).toBeGreaterThan(100);
    expect(loaded('scoreInPlace').perSheet.Obiettivi.formulas).toBe(loaded('scoreOutput').perSheet.Obiettivi.formulas);
    expect(loaded('scoreValues').perSheet.Obiettivi.formulas).toBe(0);
  });

  test('score --al reports at the monitoring date and monitora records the dates asked', () => {
    expect(libreOffice.get('scoreAsOf')?.get('Riepilogo')).toMatch(/^Comune di Calenzano — Performance 2023 — situazione al 30\/06\/2023/);
    const dates = (writer: Writer): string[] => [...new Set((libreOffice.get(writer)?.get('Monitoraggi') ?? '').split('\n').slice(1).map((line) => line.split(',')[0]).filter((d) => d !== ''))];
    expect(dates('monitora')).toHaveLength(1);
    expect(dates('monitoraReplace')).toHaveLength(2);
  });

  test('init adds the Traguardo sheets and keeps the sheet of the user with its cell', () => {
    const view = loaded('init');
    expect(view.sheets[0]).toBe('Appunti');
    expect(view.perSheet.Appunti.A1).toBe('Riunione NdV');
    expect(libreOffice.get('init')?.get('Appunti')).toBe('Riunione NdV\n');
  });

  test.each(PUBLICATIONS)('%s: a copy of the listed sheets that openpyxl, LibreOffice and our reader open', async (writer) => {
    // Riepilogo first (Calcola's replaced sheets), then the listed sheets with tables.
    const expected = writer === 'publication' ? ['Riepilogo', 'Trasparenza'] : ['Riepilogo', 'Obiettivi'];
    const view = loaded(writer);
    expect(view.warnings).toEqual([]);
    expect(view.sheets).toEqual(expected);
    for (const sheet of expected) expect(view.perSheet[sheet].formulas).toBe(0);
    expect([...(libreOffice.get(writer)?.keys() ?? [])]).toEqual(expected);
    for (const text of libreOffice.get(writer)?.values() ?? []) expect(SPREADSHEET_ERROR.exec(text)).toBeNull();
    expect(libreOffice.get(writer)?.get('Riepilogo')).toMatch(/^Comune di Calenzano — Performance 2023 — situazione al /);
    // Riepilogo and Trasparenza are plain ranges; a listed Obiettivi comes with its table, as values.
    const tables = await (await openXlsxFile(file(writer))).readTables();
    if (writer === 'publication') expect(tables).toEqual([]);
    else {
      expect(tables.map((t) => [t.sheet, t.name, t.rows.length])).toEqual([['Obiettivi', 'Obiettivi', 48]]);
      expect(tables[0].rows[0][0]).toBe('T1');
    }
  });
});

describe('the JSON export', () => {
  const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'schema', 'traguardo.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // The schema's dates are `format: date`: checked, not ignored with a warning.
  addFormats(ajv, ['date']);
  const validate = ajv.compile(schema);

  test.each(['export.json', 'export-anonimo.json'])('%s parses and is valid against schema/traguardo.schema.json', async (name) => {
    const document = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as { organization: string; objectives: unknown[] };
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(document.objectives.length).toBeGreaterThan(40);
  });

  test('export --anonimo keeps the plan and the Matricole, and blanks every Nominativo and Valutatore', async () => {
    type Exported = { objectives: unknown[]; people: { id: unknown; name: unknown; evaluator: unknown }[] };
    const plain = JSON.parse(await fs.readFile(path.join(dir, 'export.json'), 'utf8')) as Exported;
    const anonymous = JSON.parse(await fs.readFile(path.join(dir, 'export-anonimo.json'), 'utf8')) as Exported;
    expect(anonymous.objectives).toEqual(plain.objectives);
    // The demo's 45 people all have a Nominativo in the plain export.
    expect(plain.people.filter((p) => typeof p.name === 'string')).toHaveLength(45);
    expect(anonymous.people.map((p) => p.id)).toEqual(plain.people.map((p) => p.id));
    expect(anonymous.people.filter((p) => p.name !== null || p.evaluator !== null)).toEqual([]);
  });
});
