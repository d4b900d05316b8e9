import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { assessRaw, scoreAssessment } from '../../src/actions/assess';
import { resultsDocument, type ResultsDocument } from '../../src/actions/resultsJson';
import { parseInterchange } from '../../src/schema/interchange';
import { defaultLocator } from '../../src/workbook/grid';
import { run } from '../support/cliRun';

const FIXTURES = ['calenzano-2023', 'capannori-2023', 'livorno-dup-2020', 'provincia-lucca-2022'];
const fixturePath = (name: string): string => path.join(__dirname, '..', 'fixtures', `${name}.json`);


let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);
const sha = async (f: string): Promise<string> => createHash('sha256').update(await fs.readFile(f)).digest('hex');

const PROVENANCE = new Set(['source', 'line', 'knownIssues']);

/**
 * Drops provenance fields and treats null, absent, "" and [] alike: FORMAT.md allows null or
 * absent for a missing value, and a cell holds an empty text only as a blank cell.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (PROVENANCE.has(k) || v === null || v === undefined || v === '') continue;
      if (Array.isArray(v) && v.length === 0 && k === 'sharedWith') continue;
      out[k] = normalise(v);
    }
    return out;
  }
  return value;
}

describe('traguardo import / export', () => {
  test.each(FIXTURES)('%s: JSON → xlsx → JSON loses nothing', async (name) => {
    const xlsx = file(`${name}.xlsx`);
    const json = file(`${name}.export.json`);
    expect((await run('import', fixturePath(name), xlsx)).code).toBe(0);
    expect((await run('export', xlsx, json)).code).toBe(0);
    const original = JSON.parse(readFileSync(fixturePath(name), 'utf8')) as Record<string, unknown>;
    const exported = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;
    for (const table of ['units', 'objectives', 'indicators', 'phases', 'criteria', 'weighting', 'staff']) {
      expect(normalise(exported[table] ?? [])).toEqual(normalise(original[table] ?? []));
    }
    expect(exported.organization).toBe(original.organization);
    expect(exported.year).toBe(original.year);
  });
});

describe('traguardo validate', () => {
  test('reports located findings and exits 1 when the plan has errors', async () => {
    const xlsx = file('validate-calenzano.xlsx');
    await run('import', fixturePath('calenzano-2023'), xlsx);
    const before = await sha(xlsx);
    const result = await run('validate', xlsx, '--json');
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.out) as ResultsDocument;
    expect(doc.format).toBe('traguardo-results/1');
    expect(Object.keys(doc)).toEqual(['format', 'findings']);
    const share = doc.findings.find((f) => f.rule === 'not-a-number' && f.sheet === 'Fasi');
    expect(share).toMatchObject({ severity: 'errore', column: 'Incidenza %' });
    expect(share?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(share?.message).toContain('10 (Marzo - Aprile 2024)');
    expect(await sha(xlsx)).toBe(before);
  });

  test('an empty template has no errors', async () => {
    const xlsx = file('template.xlsx');
    expect((await run('template', xlsx, '--anno', '2025')).code).toBe(0);
    const result = await run('validate', xlsx);
    expect(result.code).toBe(0);
  });

  test('validates an interchange file directly', async () => {
    const result = await run('validate', fixturePath('provincia-lucca-2022'), '--json');
    const doc = JSON.parse(result.out) as ResultsDocument;
    expect(doc.findings.some((f) => f.rule === 'duplicate-title' && f.sheet === 'Obiettivi')).toBe(true);
  });
});

describe('traguardo score', () => {
  test.each(FIXTURES)('%s: grades of the xlsx equal the engine on the JSON', async (name) => {
    const xlsx = file(`score-${name}.xlsx`);
    const scored = file(`score-${name}.out.xlsx`);
    await run('import', fixturePath(name), xlsx);
    const before = await sha(xlsx);
    const result = await run('score', xlsx, '-o', scored, '--json');
    expect([0, 1]).toContain(result.code);
    expect(await sha(xlsx)).toBe(before);
    const viaWorkbook = JSON.parse(result.out) as ResultsDocument;

    const raw = parseInterchange(JSON.parse(readFileSync(fixturePath(name), 'utf8')));
    const direct = resultsDocument(scoreAssessment(assessRaw(raw, defaultLocator(raw), [], 'it')), 'it');
    expect(viaWorkbook.organization).toEqual(direct.organization);
    expect(viaWorkbook.units).toEqual(direct.units);
    expect(viaWorkbook.objectives).toEqual(direct.objectives);
    expect(viaWorkbook.indicators).toEqual(direct.indicators);
  });

  test('says on how many objectives each grade rests: score --json and the printed table', async () => {
    const xlsx = file('coverage.xlsx');
    await run('import', fixturePath('calenzano-2023'), xlsx);
    const json = JSON.parse((await run('score', xlsx, '-o', file('coverage.out.xlsx'), '--json')).out) as ResultsDocument;
    // 24 of the 48 objectives have a grade; they weigh 4 950 of 10 180.
    expect(json.organization).toMatchObject({ objectives: 24, objectivesTotal: 48, weightSum: 4950, weightTotal: 10180, coverage: 'partial' });
    expect(json.organization?.weightGraded).toBeCloseTo((100 * 4950) / 10180, 12);
    expect(json.units?.find((u) => u.code === 'SG')).toMatchObject({ objectives: 0, objectivesTotal: 3, grade: null, coverage: 'none' });
    const table = (await run('score', xlsx, '-o', file('coverage.out2.xlsx'))).out.split('\n');
    expect(table.find((line) => line.startsWith('Ente'))).toMatch(/^Ente\s+24 di 48\s+4950\s+48,62\s+\S+\s+.*Parziale/);
    expect(table.find((line) => line.startsWith('SG '))).toMatch(/0 di 3\s+0\s+0,00\s+n\.d\.\s+Nulla/);
  });

  test('writes the output columns and Riepilogo, in place without -o', async () => {
    const xlsx = file('in-place.xlsx');
    await run('import', fixturePath('calenzano-2023'), xlsx);
    const result = await run('score', xlsx);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Ente');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('Riepilogo')).toBeDefined();
    const sheet = wb.getWorksheet('Obiettivi');
    const headers = (sheet?.getRow(1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(headers).toEqual(expect.arrayContaining(['Grado finale %', 'Peso %', 'Esito verifica']));
  });

  /** Formula and cached result of every cell of a column, read by ExcelJS (a reader that does not recalculate). */
  async function column(xlsx: string, sheetName: string, header: string): Promise<{ formula?: string; result: unknown }[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet(sheetName);
    if (!sheet) throw new Error(`no ${sheetName}`);
    const headers = sheet.getRow(1).values as unknown[];
    const col = headers.indexOf(header);
    const cells: { formula?: string; result: unknown }[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const cell = sheet.getRow(r).getCell(col);
      cells.push(cell.type === ExcelJS.ValueType.Formula ? { formula: cell.formula, result: cell.result } : { result: cell.value });
    }
    return cells;
  }

  test('writes formulas with their computed results, says so, and that the chart is made in Excel', async () => {
    const xlsx = file('formulas.xlsx');
    await run('import', fixturePath('capannori-2023'), xlsx);
    const result = await run('score', xlsx);
    expect(result.out).toContain('Risultati scritti come formule di Excel');
    expect(result.out).toContain('il file xlsx della riga di comando non lo contiene');
    const raw = parseInterchange(JSON.parse(readFileSync(fixturePath('capannori-2023'), 'utf8')));
    const { results } = scoreAssessment(assessRaw(raw, defaultLocator(raw), [], 'it'));
    const grades = await column(xlsx, 'Obiettivi', 'Grado finale %');
    const withFormula = grades.filter((c) => c.formula !== undefined);
    expect(withFormula.length).toBeGreaterThan(0);
    grades.slice(0, results.objectives.length).forEach((cell, i) => {
      const expected = results.objectives[i].finalGrade;
      if (cell.formula === undefined) return;
      expect(cell.result).toBeCloseTo(expected as number, 9);
    });
  });

  test('--valori writes plain values rounded to Decimali, without formulas', async () => {
    const xlsx = file('values.xlsx');
    await run('import', fixturePath('capannori-2023'), xlsx);
    const result = await run('score', xlsx, '--valori');
    expect(result.out).toContain('Risultati scritti come valori fissi');
    const grades = await column(xlsx, 'Obiettivi', 'Grado finale %');
    expect(grades.filter((c) => c.formula !== undefined)).toEqual([]);
    const numbers = grades.map((c) => c.result).filter((v): v is number => typeof v === 'number');
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(Math.round(n * 100) / 100).toBe(n);
  });

  test('validate warns when the inputs changed since a calculation written as values', async () => {
    const xlsx = file('stale.xlsx');
    await run('import', fixturePath('capannori-2023'), xlsx);
    await run('score', xlsx, '--valori');
    expect((await run('validate', xlsx)).err).toBe('');
    const changed = file('stale-changed.xlsx');
    const { openXlsxFile, saveXlsxFile } = await import('../../src/workbook/xlsx/xlsxFile');
    const workbook = await openXlsxFile(xlsx);
    const objectives = (await workbook.readTables()).find((t) => t.name === 'Obiettivi');
    if (!objectives) throw new Error('no Obiettivi');
    const overrides = objectives.rows.map((r) => r[objectives.headers.indexOf('Grado NdV %')]);
    overrides[0] = 42;
    await workbook.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado NdV %', values: overrides }]);
    await saveXlsxFile(workbook, changed);
    const stale = await run('validate', changed);
    expect(stale.err).toMatch(/^I risultati sono stati calcolati il \d\d\/\d\d\/\d{4} e da allora sono cambiati dei dati/);
    // The command line has no Calcola button: it says which command to run.
    expect(stale.err).toContain('Eseguire di nuovo «traguardo score» su questo file.');
    expect(stale.err).not.toContain('Calcola');
  });
});

describe('traguardo demo and schema', () => {
  test('demo writes the workbook and prints the results by unit', async () => {
    const out = path.join(dir, 'demo');
    const result = await run('demo', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out).toContain('ILLUSTRATIVI');
    expect(result.out).toMatch(/SCI\b/);
    await expect(fs.stat(path.join(out, 'traguardo-demo.xlsx'))).resolves.toBeTruthy();
  });

  test('schema prints the committed JSON Schema', async () => {
    const result = await run('schema');
    expect(result.code).toBe(0);
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema', 'traguardo.schema.json'), 'utf8');
    expect(result.out + '\n').toBe(committed);
  });

  test('speaks English with --lingua en', async () => {
    const result = await run('--lingua', 'en', 'validate', fixturePath('livorno-dup-2020'));
    expect(result.out).toContain('Check:');
  });
});

describe('bad input: one Italian line, exit 2, input untouched', () => {
  test('no command prints the usage and exits 2', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.out).toContain('Uso: traguardo');
  });

  test('unknown command', async () => {
    const result = await run('calcola');
    expect(result.code).toBe(2);
    expect(result.err).toBe('Comando sconosciuto «calcola». Usare «traguardo --aiuto» per l’elenco dei comandi.');
  });

  test('missing file', async () => {
    const result = await run('validate', file('nope.xlsx'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('File non trovato');
    expect(result.err.split('\n')).toHaveLength(1);
  });

  test.each([
    ['random bytes', Buffer.from('questo non è un file excel')],
    ['a zip that is not xlsx', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
    ['an encrypted (OLE) file', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])],
  ])('%s gives exit 2 and stays as it was', async (_label, bytes) => {
    const bad = file(`bad-${bytes.length}.xlsx`);
    await fs.writeFile(bad, bytes);
    for (const command of ['validate', 'score', 'export']) {
      const args = command === 'export' ? [command, bad, file('bad.json')] : [command, bad];
      const result = await run(...args);
      expect(result.code).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).not.toMatch(/\bat .*\(/);
    }
    expect(await fs.readFile(bad)).toEqual(bytes);
  });

  test('a workbook without Traguardo tables', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Foglio1').getCell('A1').value = 'altro';
    const other = file('other.xlsx');
    await wb.xlsx.writeFile(other);
    const before = await sha(other);
    const result = await run('score', other);
    expect(result.code).toBe(2);
    expect(await sha(other)).toBe(before);
  });

  test('a password-protected sheet: exit 2 naming the sheet, file untouched', async () => {
    const xlsx = file('protected.xlsx');
    await run('import', fixturePath('provincia-lucca-2022'), xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    await wb.getWorksheet('Obiettivi')?.protect('segreta', {});
    await wb.xlsx.writeFile(xlsx);
    const before = await sha(xlsx);
    const result = await run('score', xlsx);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Obiettivi');
    expect(result.err.split('\n')).toHaveLength(1);
    expect(await sha(xlsx)).toBe(before);
  });

  test('a table without a required column: one located finding, exit 1', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Obiettivi').addTable({
      name: 'Obiettivi',
      ref: 'A1',
      columns: [{ name: 'Codice' }, { name: 'Livello' }],
      rows: [
        ['A-1', 'Strategico'],
        ['A-2', 'Strategico'],
      ],
    });
    const xlsx = file('missing-column.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const result = await run('validate', xlsx, '--json');
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.out) as ResultsDocument;
    expect(doc.findings.filter((f) => f.column === 'Titolo')).toEqual([
      expect.objectContaining({ rule: 'column-missing', sheet: 'Obiettivi', severity: 'errore' }),
    ]);
  });

  test('a JSON file that is not traguardo/1', async () => {
    const json = file('wrong.json');
    await fs.writeFile(json, JSON.stringify({ format: 'altro', objectives: 3 }));
    const result = await run('import', json, file('wrong.xlsx'));
    expect(result.code).toBe(2);
    await expect(fs.stat(file('wrong.xlsx'))).rejects.toThrow();
  });

  test('invalid JSON text', async () => {
    const json = file('broken.json');
    await fs.writeFile(json, '{ "format": ');
    const result = await run('validate', json);
    expect(result.code).toBe(2);
    expect(result.err).toContain('non è un JSON valido');
  });

  test('a bad year and a bad language', async () => {
    expect((await run('template', file('t.xlsx'), '--anno', 'duemila')).code).toBe(2);
    expect((await run('--lingua', 'fr', 'schema')).code).toBe(2);
  });
});
