/**
 * Workbooks that other programs wrote, at test time: ExcelJS, openpyxl (a filled Traguardo
 * template, a workbook built from scratch, the same in the 1904 date system), a package whose
 * SpreadsheetML parts carry an `x:` prefix (re-serialised by Python's ElementTree) and
 * LibreOffice (ExcelJS's file through .ods and back to .xlsx). Each holds the Calenzano plan in
 * the Traguardo tables and a sheet of the user's own, «Appunti». On each, `init`,
 * `import --sostituisci` and `score` must give files that every part of parses in a
 * namespace-aware parser, that openpyxl and LibreOffice open, that keep the user's parts byte
 * for byte and the old cells' values, and that score as a fresh Traguardo workbook does.
 */
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { parseInterchange } from '../../src/schema/interchange';
import type { CellValue } from '../../src/schema/raw';
import { importChanges } from '../../src/workbook/outputs';
import { run, type Run } from '../support/cliRun';
import { findSoffice, SOFFICE_INSTALL_HINT } from '../support/libreoffice';
import { changedParts, INDEX_PARTS, packageParts } from '../support/package';

const execFileAsync = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const PLAN = path.join(__dirname, '..', 'fixtures', 'calenzano-2023.json');
const YEAR = '2023';
/** Sheets Traguardo writes besides its tables' (whose names come from `planTables()`). */
const OUTPUT_SHEETS = ['Riepilogo', 'Premi', 'Trasparenza', 'Andamento', 'Riepilogo DUP'];

const WRITERS = ['exceljs', 'openpyxl-template', 'openpyxl-scratch', 'openpyxl-1904', 'openpyxl-plain', 'prefixed', 'libreoffice'] as const;
type Writer = (typeof WRITERS)[number];
const OPERATIONS = ['init', 'import', 'score'] as const;
type Operation = (typeof OPERATIONS)[number];
/** The user's workbook without a plan: nothing to score, and `init` gives the empty template. */
const PLAIN: Writer = 'openpyxl-plain';

/** A Traguardo table as a foreign program writes it: input columns only, the plan's rows. */
interface TableSpec {
  sheet: string;
  table: string;
  top: number;
  left: number;
  headers: string[];
  rows: (string | number | boolean | { date: string } | null)[][];
}

/** Where Traguardo would put the plan's tables and what it would write in them. */
function planTables(): TableSpec[] {
  const raw = parseInterchange(JSON.parse(readFileSync(PLAN, 'utf8')));
  const changes = importChanges(raw, 'it');
  const specs: TableSpec[] = [];
  for (const change of changes) {
    if (change.kind !== 'ensureTable') continue;
    const headers = change.columns.filter((c) => !c.output).map((c) => c.header);
    const fill = changes.find((c) => c.kind === 'writeRows' && c.table === change.table);
    const rows =
      fill?.kind === 'writeRows'
        ? fill.rows.map((row) => headers.map((h) => foreignValue(row[fill.headers.indexOf(h)])))
        : [];
    specs.push({ sheet: change.sheet, table: change.table, top: change.top ?? 1, left: change.left ?? 1, headers, rows });
  }
  return specs;
}

function foreignValue(value: CellValue): TableSpec['rows'][number][number] {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if (typeof value === 'object') throw new Error(`unexpected value in the plan's rows: ${JSON.stringify(value)}`);
  return value;
}

/** ExcelJS builds the workbook: the user's sheet, then each table where Traguardo puts it. */
async function writeWithExcelJs(tables: TableSpec[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Appunti');
  notes.getCell('A1').value = 'Riunione NdV';
  notes.getCell('B2').value = 42;
  notes.getCell('C2').value = { formula: 'B2*2', result: 84 };
  for (const spec of tables) {
    const sheet = wb.getWorksheet(spec.sheet) ?? wb.addWorksheet(spec.sheet);
    const rows = spec.rows.map((row) => row.map((v) => (v !== null && typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)));
    sheet.addTable({
      name: spec.table,
      ref: sheet.getCell(spec.top, spec.left).address,
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: spec.headers.map((name) => ({ name })),
      // A table has at least one data row, blank if the plan has none.
      rows: rows.length > 0 ? rows : [spec.headers.map(() => null)],
    });
  }
  await wb.xlsx.writeFile(file);
}

let sofficeProfile: string;

/** One headless LibreOffice run converting `files` into `outDir`; its own temporary profile. */
async function soffice(format: string, outDir: string, files: string[]): Promise<void> {
  const executable = findSoffice();
  if (executable === null) throw new Error(`LibreOffice (soffice) is not on PATH: ${SOFFICE_INSTALL_HINT}`);
  await execFileAsync(
    executable,
    [`-env:UserInstallation=${pathToFileURL(sofficeProfile).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', format, '--outdir', outDir, ...files],
    { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
  );
}

type OpenpyxlView = { sheets: string[]; cells: Record<string, Record<string, unknown>> } | { error: string };

async function openpyxlViews(files: string[]): Promise<Record<string, OpenpyxlView>> {
  const { stdout } = await execFileAsync(PYTHON, [path.join(__dirname, 'openpyxl_check.py'), ...files], { maxBuffer: 512 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, OpenpyxlView>;
}

/** The first namespace error of an XML text, or null: unbound prefixes are errors. */
function namespaceError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

const XML_PART = /\.(xml|rels|vml)$/;

/** Elements of an XML part, by namespace and local name, with their attributes by local name. */
function elements(xml: string): { uri: string; local: string; attributes: Record<string, string> }[] {
  const parser = new SaxesParser({ xmlns: true });
  const found: { uri: string; local: string; attributes: Record<string, string> }[] = [];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attributes[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    found.push({ uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes });
  });
  parser.write(xml).close();
  return found;
}

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

function relsOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** The targets of a part's relationships, as part names. */
function relationshipTargets(parts: Map<string, Uint8Array>, part: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const e of elements(text(parts.get(relsOf(part))))) {
    if (e.local !== 'Relationship' || e.attributes.TargetMode === 'External') continue;
    const target = e.attributes.Target;
    targets.set(e.attributes.Id, target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(part), target));
  }
  return targets;
}

/** The parts of the Traguardo sheets of a package: worksheets, their relationships and what they point to. */
function traguardoSheetParts(parts: Map<string, Uint8Array>): Set<string> {
  const workbook = relationshipTargets(parts, '').get(
    elements(text(parts.get('_rels/.rels'))).find((e) => e.attributes.Type?.endsWith('/officeDocument'))?.attributes.Id ?? '',
  );
  const owned = new Set<string>();
  if (workbook === undefined) return owned;
  const targets = relationshipTargets(parts, workbook);
  for (const e of elements(text(parts.get(workbook)))) {
    if (e.local !== 'sheet' || !traguardoSheets.has(e.attributes.name)) continue;
    const sheet = targets.get(e.attributes[`{${REL_NS}}id`]);
    if (sheet === undefined) continue;
    owned.add(sheet);
    owned.add(relsOf(sheet));
    for (const target of relationshipTargets(parts, sheet).values()) owned.add(target);
  }
  return owned;
}

interface Outcome {
  run: Run;
  /** The file the operation wrote. */
  file: string;
  /** `score --json` of that file (for `score`, the operation itself). */
  results: ResultsDocument | null;
}

let work: string;
/** `score --json` of fresh Traguardo workbooks: the plan imported, and the empty template. */
let reference: { run: Run; results: ResultsDocument };
/** The sheets Traguardo owns: its tables' (as `planTables()` lays them out) and its output sheets. */
let traguardoSheets: Set<string>;
let emptyReference: ResultsDocument;
const originals = new Map<Writer, string>();
const outcomes = new Map<string, Outcome>();
let views: Record<string, OpenpyxlView> = {};
/** The CSV LibreOffice made of each output (its first sheet, «Appunti»), by output file. */
const converted = new Map<string, string>();
const key = (writer: Writer, op: Operation): string => `${writer}-${op}`;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-corpus-'));
  sofficeProfile = path.join(work, 'soffice-profile');
  const foreign = path.join(work, 'foreign');
  await fs.mkdir(foreign);

  const tables = planTables();
  traguardoSheets = new Set([...tables.map((t) => t.sheet), ...OUTPUT_SHEETS]);
  const planFile = path.join(work, 'plan-tables.json');
  await fs.writeFile(planFile, JSON.stringify({ tables }));
  const template = path.join(work, 'template.xlsx');
  expect((await run('template', template, '--anno', YEAR)).code).toBe(0);
  await execFileAsync(PYTHON, [path.join(__dirname, 'openpyxl_writers.py'), planFile, template, foreign]);
  await writeWithExcelJs(tables, path.join(foreign, 'exceljs.xlsx'));
  await soffice('ods', path.join(work, 'ods'), [path.join(foreign, 'exceljs.xlsx')]);
  await soffice('xlsx:Calc MS Excel 2007 XML', path.join(work, 'lo'), [path.join(work, 'ods', 'exceljs.ods')]);
  await fs.rename(path.join(work, 'lo', 'exceljs.xlsx'), path.join(foreign, 'libreoffice.xlsx'));
  for (const writer of WRITERS) originals.set(writer, path.join(foreign, `${writer}.xlsx`));

  const fresh = path.join(work, 'fresh.xlsx');
  await run('import', PLAN, fresh);
  const freshRun = await run('score', fresh, '-o', path.join(work, 'fresh-scored.xlsx'), '--json');
  reference = { run: freshRun, results: JSON.parse(freshRun.out) as ResultsDocument };
  const emptyRun = await run('score', template, '-o', path.join(work, 'template-scored.xlsx'), '--json');
  emptyReference = JSON.parse(emptyRun.out) as ResultsDocument;

  const out = path.join(work, 'out');
  await fs.mkdir(out);
  const scoreJson = async (file: string): Promise<ResultsDocument | null> => {
    const scored = await run('score', file, '-o', `${file}.scored.xlsx`, '--json');
    if (scored.code !== 0 && scored.code !== 1) throw new Error(`score ${path.basename(file)} exited ${scored.code}: ${scored.err}`);
    return JSON.parse(scored.out) as ResultsDocument;
  };
  for (const writer of WRITERS) {
    const original = originals.get(writer) as string;
    const initFile = path.join(out, `${key(writer, 'init')}.xlsx`);
    await fs.copyFile(original, initFile);
    const init = await run('init', initFile, '--anno', YEAR);
    outcomes.set(key(writer, 'init'), { run: init, file: initFile, results: init.code === 0 ? await scoreJson(initFile) : null });
    const importFile = path.join(out, `${key(writer, 'import')}.xlsx`);
    await fs.copyFile(original, importFile);
    const imported = await run('import', PLAN, importFile, '--sostituisci');
    outcomes.set(key(writer, 'import'), { run: imported, file: importFile, results: imported.code === 0 ? await scoreJson(importFile) : null });
    if (writer === PLAIN) continue;
    const scoreFile = path.join(out, `${key(writer, 'score')}.xlsx`);
    const scored = await run('score', original, '-o', scoreFile, '--json');
    const results = scored.code === 0 || scored.code === 1 ? (JSON.parse(scored.out) as ResultsDocument) : null;
    outcomes.set(key(writer, 'score'), { run: scored, file: scoreFile, results });
  }

  const written = [...outcomes.values()].filter((o) => o.run.code === 0 || o.run.code === 1).map((o) => o.file);
  const csv = path.join(work, 'csv');
  await soffice('csv', csv, written);
  for (const name of await fs.readdir(csv)) {
    converted.set(path.join(out, name.replace(/\.csv$/, '.xlsx')), await fs.readFile(path.join(csv, name), 'utf8'));
  }
  views = await openpyxlViews([...originals.values(), ...written]);
}, 600_000);

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const cases = WRITERS.flatMap((writer) => OPERATIONS.filter((op) => writer !== PLAIN || op !== 'score').map((op) => [writer, op] as const));

describe.each(cases)('%s file, %s', (writer, op) => {
  const outcome = (): Outcome => outcomes.get(key(writer, op)) as Outcome;

  test('the command succeeds', () => {
    const { run: result } = outcome();
    const expected = op === 'score' ? reference.run.code : 0;
    expect([result.code, result.err]).toEqual([expected, '']);
  });

  test('every XML part of the output parses with its namespaces bound', () => {
    const before = packageParts(originals.get(writer) as string);
    const after = packageParts(outcome().file);
    const errors: string[] = [];
    for (const [name, bytes] of after) {
      if (!XML_PART.test(name)) continue;
      // A part the other program wrote and Traguardo copied is that program's, right or wrong.
      const copied = before.get(name);
      if (copied !== undefined && Buffer.compare(Buffer.from(copied), Buffer.from(bytes)) === 0) continue;
      const error = namespaceError(text(bytes));
      if (error !== null) errors.push(`${name}: ${error}`);
    }
    expect(errors).toEqual([]);
  });

  test('openpyxl opens it and lists its sheets', () => {
    const view = views[outcome().file];
    expect(view).toMatchObject({ sheets: expect.arrayContaining(['Appunti', 'Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Regole']) });
  });

  test('LibreOffice opens it (converts it to CSV)', () => {
    expect(converted.get(outcome().file)?.split('\n')[0]).toBe('Riunione NdV,,');
  });

  test('the other program’s parts stay byte for byte, and every old cell keeps its value', () => {
    const before = packageParts(originals.get(writer) as string);
    const after = packageParts(outcome().file);
    const traguardo = traguardoSheetParts(before);
    expect(changedParts(before, after, (name) => INDEX_PARTS.test(name) || traguardo.has(name))).toEqual([]);
    const old = views[originals.get(writer) as string];
    const now = views[outcome().file];
    if (!old || 'error' in old) throw new Error(`openpyxl cannot read the ${writer} file itself: ${JSON.stringify(old)}`);
    if (!now || 'error' in now) throw new Error(`openpyxl cannot read the output: ${JSON.stringify(now)}`);
    const changedCells: string[] = [];
    for (const [sheet, cells] of Object.entries(old.cells)) {
      // `import` replaces the Traguardo tables' contents by design; every other sheet stays.
      if (op === 'import' && traguardoSheets.has(sheet)) continue;
      for (const [cell, value] of Object.entries(cells)) {
        if (now.cells[sheet]?.[cell] !== value) changedCells.push(`${sheet}!${cell}: ${JSON.stringify(value)} → ${JSON.stringify(now.cells[sheet]?.[cell])}`);
      }
    }
    expect(changedCells.slice(0, 10)).toEqual([]);
  });

  test('scores the plan as a fresh Traguardo workbook does', () => {
    const { results } = outcome();
    expect(results).not.toBeNull();
    const expected = writer === PLAIN && op === 'init' ? emptyReference : reference.results;
    expect(results?.organization).toEqual(expected.organization);
    expect(results?.units).toEqual(expected.units);
    expect(results?.objectives).toEqual(expected.objectives);
    expect(results?.indicators).toEqual(expected.indicators);
    // The tables sit where Traguardo puts them, so each finding names the same cell.
    expect(results?.findings).toEqual(expected.findings);
  });
});

test('the corpus holds every writer’s file, each with the plan and the user’s sheet', () => {
  expect(WRITERS.length).toBe(7);
  for (const writer of WRITERS) {
    const view = views[originals.get(writer) as string];
    expect([writer, view && 'sheets' in view ? view.sheets[0] : view]).toEqual([writer, 'Appunti']);
  }
  const prefixed = text(packageParts(originals.get('prefixed') as string).get('xl/workbook.xml'));
  expect(prefixed).toMatch(/<x:workbook [^>]*xmlns:x="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/);
  const epoch = text(packageParts(originals.get('openpyxl-1904') as string).get('xl/workbook.xml'));
  expect(epoch).toMatch(/date1904="(1|true)"/);
});
