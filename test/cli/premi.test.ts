/**
 * The CLI of result pay (issue 11) on workbooks written by Traguardo's own xlsx port from the
 * illustrative demo staff: `premi` and `premi --json`, the pots in `score` and `score --json`, `export --anonimo`,
 * and the copy for publication (`score --valori --pubblicazione`), read back with ExcelJS.
 */
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import type { PremiDocument } from '../../src/cli/premi';
import { demoDocument } from '../../src/demo/demo';
import { run } from '../support/cliRun';

let dir: string;
let workbook: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-premi-'));
  const json = path.join(dir, 'demo.json');
  await fs.writeFile(json, JSON.stringify(demoDocument()));
  workbook = path.join(dir, 'demo.xlsx');
  expect((await run('import', json, workbook)).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('traguardo premi', () => {
  test('prints each pot with Stanziato, Distribuito, Residuo and the classes, no names, and writes nothing', async () => {
    const before = await fs.readFile(workbook);
    const result = await run('premi', workbook);
    expect(result.out).toContain('Fondo PERF-IND — Performance individuale (illustrativa) (Dipendente, Coefficienti)');
    expect(result.out).toMatch(/Stanziato 60\.000,00 € · Distribuito 60\.000,00 € · Residuo 0,00 € · Beneficiari della maggiorazione 4/);
    expect(result.out).toMatch(/classe 3 \(da 80\): \d+ persone, [\d.]+,\d\d €/);
    expect(result.out).not.toContain('illustrativo 0');
    expect(Buffer.compare(before, await fs.readFile(workbook))).toBe(0);
  });

  test('in English with --lingua en, and with its own help in both languages', async () => {
    const result = await run('premi', workbook, '--lingua', 'en');
    expect(result.out).toMatch(/Allocated 19,400\.00 € · Paid 19,400\.00 € · Unspent 0\.00 €/);
    expect((await run('premi', '--aiuto')).out).toContain('Uso: traguardo premi <file.xlsx>');
    expect((await run('help', 'premi', '--lingua', 'en')).out).toContain('Writes nothing and prints no names.');
  });

  test('--json: the pots of score --json’s funds, with the beneficiaries counted and the classes, and no name or Matricola', async () => {
    const [premi, scored] = await Promise.all([run('premi', workbook, '--json'), run('score', workbook, '-o', path.join(dir, 'scored-premi.xlsx'), '--json')]);
    expect(premi.code).toBe(scored.code);
    const doc = JSON.parse(premi.out) as PremiDocument;
    const results = JSON.parse(scored.out) as ResultsDocument;
    expect([doc.format, doc.notComputed]).toEqual(['traguardo-premi/1', null]);
    expect([doc.errors, doc.warnings]).toEqual([results.findings.filter((f) => f.severity === 'errore').length, results.findings.filter((f) => f.severity === 'avviso').length]);
    expect(doc.funds.map(({ code, allocated, paid, unspent, beneficiaryCount }) => ({ code, allocated, paid, unspent, beneficiaries: beneficiaryCount }))).toEqual(
      (results.funds ?? []).map(({ code, allocated, paid, unspent, beneficiaries }) => ({ code, allocated, paid, unspent, beneficiaries: beneficiaries.length })),
    );
    expect(doc.funds.map((f) => [f.code, f.role, f.method])).toEqual([
      ['PERF-ORG', 'dipendente', 'coefficienti'],
      ['PERF-IND', 'dipendente', 'coefficienti'],
      ['RIS-EQ', 'eq', 'posizione'],
    ]);
    // Each class: the people whose pot is in it, and what they are paid, from score's per-person rows.
    for (const fund of doc.funds) {
      const pots = (results.people ?? []).flatMap((p) => p.pots.filter((pot) => pot.fund === fund.code));
      const classes = [...new Set(pots.map((pot) => pot.class))].sort((a, b) => (b ?? 0) - (a ?? 0));
      expect(fund.classes.map((c) => [c.class, c.people, Math.round(c.paid * 100)])).toEqual(
        classes.map((c) => {
          const inClass = pots.filter((pot) => pot.class === c);
          return [c, inClass.length, inClass.reduce((cents, pot) => cents + Math.round(pot.total * 100), 0)];
        }),
      );
    }
    expect(doc.funds.find((f) => f.code === 'PERF-IND')?.classes.map((c) => [c.class, c.from])).toEqual([
      [4, 90],
      [3, 80],
      [2, 70],
      [1, 0],
    ]);
    expect(premi.out).not.toMatch(/M\d{3}/);
    expect(premi.out).not.toContain('illustrativo');
  });

  test('--json on a workbook without people: no pots, and why', async () => {
    const plain = path.join(dir, 'template-json.xlsx');
    await run('template', plain, '--anno', '2024');
    const result = await run('premi', plain, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ format: 'traguardo-premi/1', notComputed: 'no-people', funds: [] });
  });

  test('a workbook without people says so', async () => {
    const plain = path.join(dir, 'template.xlsx');
    await run('template', plain, '--anno', '2024');
    const result = await run('premi', plain);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Nessuna persona in Persone: non ci sono premi da calcolare.');
  });
});

describe('traguardo score with people', () => {
  test('--json gains people and funds, whose amounts add up to each pot', async () => {
    const result = await run('score', workbook, '-o', path.join(dir, 'scored.xlsx'), '--json');
    const doc = JSON.parse(result.out) as ResultsDocument;
    expect(doc.people).toHaveLength(45);
    expect(doc.funds?.map((f) => f.code)).toEqual(['PERF-ORG', 'PERF-IND', 'RIS-EQ']);
    for (const f of doc.funds ?? []) {
      const cents = (doc.people ?? []).flatMap((p) => p.pots.filter((pot) => pot.fund === f.code)).reduce((acc, pot) => acc + Math.round(pot.total * 100), 0);
      expect(cents).toBe(Math.round(f.paid * 100));
      expect(f.paid + f.unspent).toBeCloseTo(f.allocated, 9);
    }
    const eq = doc.people?.find((p) => p.id === 'M001');
    expect(eq?.pots.map((p) => p.fund)).toEqual(['RIS-EQ']);
    expect(eq?.components.ente).not.toBeNull();
  });

  test('--valori --pubblicazione writes a new workbook with only Trasparenza and Riepilogo, without names', async () => {
    const out = path.join(dir, 'pubblicazione.xlsx');
    const result = await run('score', workbook, '--valori', '--pubblicazione', '-o', out);
    expect([0, 1]).toContain(result.code);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const sheets = copy.worksheets.map((w) => w.name);
    expect(sheets).toContain('Riepilogo');
    expect(sheets.every((s) => s === 'Riepilogo' || s === 'Trasparenza')).toBe(true);
    const text = JSON.stringify(copy.worksheets.map((w) => w.getSheetValues()));
    expect(text).toContain('PERSONALE');
    expect(text).not.toContain('illustrativo');
  });

  test('--pubblicazione --fogli copies the sheets listed; the publication never replaces the workbook itself', async () => {
    const out = path.join(dir, 'fondi.xlsx');
    const result = await run('score', workbook, '--pubblicazione', '--fogli', 'Fondi, Classi', '-o', out);
    expect([0, 1]).toContain(result.code);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.worksheets.map((w) => w.name)).toEqual(['Fondi', 'Classi']);
    expect(copy.getWorksheet('Fondi')?.getRow(2).getCell(1).value).toBe('PERF-ORG');
    const refused = await run('score', workbook, '--pubblicazione');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('La copia da pubblicare va scritta in un altro file');
  });
});

describe('traguardo export --anonimo', () => {
  test('people by Matricola only: no Nominativo, no Valutatore, and Personale by Matricola', async () => {
    const out = path.join(dir, 'anonimo.json');
    expect((await run('export', workbook, out, '--anonimo')).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const doc = JSON.parse(text) as { people: { id: string; name: unknown; evaluator: unknown }[]; staff: { person: string }[] };
    expect(doc.people).toHaveLength(45);
    expect(doc.people.every((p) => /^M\d{3}$/.test(p.id) && p.name === null && p.evaluator === null)).toBe(true);
    expect(text).not.toContain('illustrativo');
    expect(doc.staff.every((s) => /^M\d{3}$/.test(s.person))).toBe(true);
  });
});
