/**
 * What the command says to the person at the terminal: help per command, the version, Italian
 * singular and plural, severities in the chosen language with the rule id as a code at the end,
 * progress by stage on a terminal only, the workbook's language kept under --lingua en, and a
 * missing table named once with the way forward.
 */
import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { main } from '../../src/cli/main';
import { countMessage } from '../../src/i18n';
import { runCli } from '../support/cliProcess';
import { run } from '../support/cliRun';

const fixturePath = (name: string): string => path.join(__dirname, '..', 'fixtures', `${name}.json`);
const VERSION = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-usage-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const file = (name: string): string => path.join(dir, name);

/** Every option a command accepts, as its help must name it, per language. */
const OPTIONS_OF: Record<string, { it: string[]; en: string[] }> = {
  template: { it: ['--anno'], en: ['--anno'] },
  init: { it: ['--anno'], en: ['--anno'] },
  import: { it: ['--sostituisci', '--replace'], en: ['--replace', '--sostituisci'] },
  export: { it: ['--sostituisci', '--replace'], en: ['--replace', '--sostituisci'] },
  validate: { it: ['--json'], en: ['--json'] },
  score: { it: ['-o, --output', '--sostituisci', '--replace', '--valori', '--values', '--json'], en: ['-o, --output', '--replace', '--sostituisci', '--values', '--valori', '--json'] },
  demo: { it: ['--out'], en: ['--out'] },
  schema: { it: [], en: [] },
};

describe('help and version', () => {
  test.each(Object.keys(OPTIONS_OF))('%s: help in Italian and English lists every option, from «help <command>» and «<command> --aiuto» alike', async (command) => {
    const it = await run(command, '--aiuto');
    expect(it.code).toBe(0);
    expect(it.out).toMatch(new RegExp(`^Uso: traguardo ${command}\\b`));
    for (const option of [...OPTIONS_OF[command].it, '--lingua', '--aiuto']) expect(it.out).toContain(option);
    expect((await run('aiuto', command)).out).toBe(it.out);

    const en = await run('help', command, '--lingua', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toMatch(new RegExp(`^Usage: traguardo ${command}\\b`));
    for (const option of [...OPTIONS_OF[command].en, '--lingua', '--help']) expect(en.out).toContain(option);
    expect((await run(command, '-h', '--lingua', 'en')).out).toBe(en.out);
  });

  test('the Italian general help names --valori, per-command help and --versione', async () => {
    const { out, code } = await run('--aiuto');
    expect(code).toBe(0);
    expect(out).toContain('--valori');
    expect(out).toContain('traguardo aiuto <comando>');
    expect(out).toContain('--versione');
  });

  test('an unknown option points to the command’s own help', async () => {
    const result = await run('score', 'x.xlsx', '--bogus');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Argomenti non validi per «score»: .+\. Le opzioni di ogni comando: «traguardo aiuto <comando>»\.$/);
  });

  test('help on a command that does not exist says so and exits 2', async () => {
    const result = await run('help', 'calcola');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Non esiste il comando «calcola»');
  });

  test.each([['--version'], ['--versione'], ['score', '--version']])('%s prints the package version', async (...argv) => {
    const result = await run(...argv);
    expect(result).toEqual({ code: 0, out: `traguardo ${VERSION}`, err: '' });
  });
});

describe('Italian singular and plural', () => {
  test('one value cell is «1 cella è un valore», three are «3 celle sono valori»', () => {
    expect(countMessage('cli-written-formulas-values', 1)).toContain('; 1 cella è un valore (con una nota');
    expect(countMessage('cli-written-formulas-values', 3)).toContain('; 3 celle sono valori (con una nota');
    expect(countMessage('cli-written-formulas-values', 1, {}, 'en')).toContain('; 1 cell is a value (a note');
  });

  test('a plan with one error and one warning counts them in the singular', async () => {
    const plan = {
      format: 'traguardo/1',
      organization: 'Comune di Prova',
      year: 2025,
      units: [{ code: 'RIS', name: 'Risorse' }],
      objectives: [{ code: 'RIS-1', title: 'Bilancio', unit: 'RIS' }],
      indicators: [{ objective: 'RIS-1', code: 'RIS-1.1', name: 'Tempi di pagamento', type: 'numero', polarity: 'decrescente', target: 'trenta giorni', actual: 28 }],
      phases: [],
    };
    const json = file('one-error.json');
    await fs.writeFile(json, JSON.stringify(plan));
    const result = await run('validate', json);
    const summary = result.out.split('\n')[0];
    expect(summary).toMatch(/^Verifica: 1 errore, (1 avviso|\d+ avvisi), (1 informazione|\d+ informazioni)\.$/);
    expect(summary).not.toMatch(/\b1 (errori|avvisi|informazioni)\b/);
  });
});

describe('severities and rule ids', () => {
  test('--lingua en: severities in English, each line ending with its rule id as a code', async () => {
    const result = await run('validate', fixturePath('calenzano-2023'), '--lingua', 'en');
    expect(result.code).toBe(1);
    const lines = result.out.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toMatch(/^ {2}(error|warning|info) /);
      expect(line).toMatch(/ \[[a-z0-9-]+\]$/);
    }
    expect(result.out).toMatch(/^ {2}error +\d+ × first at Indicators!D\d+: .+ \[type-missing\]$/m);
  });

  test('Italian: severities in Italian, the rule id only at the end of the line', async () => {
    const result = await run('validate', fixturePath('calenzano-2023'));
    const grouped = result.out.split('\n').find((l) => l.includes('[type-missing]'));
    expect(grouped).toMatch(/^ {2}errore +\d+ × la prima in Indicatori!D\d+: Manca il Tipo dell’indicatore\. .+ \[type-missing\]$/);
  });
});

/** Runs the command in this process with a terminal's status line, recording each line drawn. */
async function withStatus(...argv: string[]): Promise<{ code: number; statuses: (string | null)[]; out: string[] }> {
  const statuses: (string | null)[] = [];
  const out: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => out.push(t), status: (line) => statuses.push(line) });
  return { code, statuses, out };
}

describe('progress on a terminal', () => {
  test('score draws each stage with a rising percentage, then clears the line before printing', async () => {
    const xlsx = file('progress.xlsx');
    await run('import', fixturePath('capannori-2023'), xlsx);
    const { statuses, out } = await withStatus('score', xlsx);
    expect(statuses.at(-1)).toBeNull();
    const drawn = statuses.slice(0, -1) as string[];
    const parsed = drawn.map((line) => /^Traguardo: (\S+)… (\d+) %$/.exec(line));
    expect(parsed.every((m) => m !== null)).toBe(true);
    const stages = [...new Set(parsed.map((m) => m![1]))];
    expect(stages).toEqual(['lettura', 'verifica', 'calcolo', 'formule', 'scrittura']);
    const percents = parsed.map((m) => Number(m![2]));
    expect(percents[0]).toBe(0);
    expect(percents.at(-1)).toBe(90);
    for (let i = 1; i < percents.length; i++) expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1]);
    expect(out.length).toBeGreaterThan(5);
  });

  test('in English, validate shows its two stages', async () => {
    const { statuses } = await withStatus('validate', fixturePath('livorno-dup-2020'), '--lingua', 'en');
    expect(statuses).toEqual(['Traguardo: reading… 0%', 'Traguardo: checking… 63%', null]);
  });

  test('nothing with --json, and nothing for a command that takes no time', async () => {
    const xlsx = file('progress-json.xlsx');
    await run('import', fixturePath('livorno-dup-2020'), xlsx);
    expect((await withStatus('score', xlsx, '--json')).statuses).toEqual([]);
    expect((await withStatus('schema')).statuses).toEqual([]);
  });

  test('nothing when stderr is not a terminal (a pipe)', async () => {
    const xlsx = file('progress-pipe.xlsx');
    await run('import', fixturePath('livorno-dup-2020'), xlsx);
    const result = await runCli(['score', xlsx]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\r');
  });
});

async function sheetsAndNames(xlsx: string): Promise<{ sheets: string[]; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const names = (wb.definedNames.model as { name: string }[]).map((n) => n.name);
  return { sheets: wb.worksheets.map((w) => w.name), names };
}

describe('the workbook keeps its language', () => {
  test('scoring an Italian workbook with --lingua en writes Riepilogo and Italian names, and speaks English', async () => {
    const xlsx = file('italian.xlsx');
    await run('import', fixturePath('capannori-2023'), xlsx);
    const result = await run('score', xlsx, '--lingua', 'en');
    expect(result.out).toContain('Check:');
    expect(result.out).toContain('Results written as Excel formulas');
    const { sheets, names } = await sheetsAndNames(xlsx);
    expect(sheets).toEqual(['Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Monitoraggi', 'Regole', 'Riepilogo', 'Riepilogo DUP']);
    expect(names).toContain('Anno_piano');
    expect(names).not.toContain('Plan_year');
  });

  test('an English workbook stays English when scored in Italian', async () => {
    const xlsx = file('english.xlsx');
    await run('import', fixturePath('capannori-2023'), xlsx, '--lingua', 'en');
    const result = await run('score', xlsx);
    expect(result.out).toContain('Verifica:');
    const { sheets, names } = await sheetsAndNames(xlsx);
    expect(sheets).toContain('Summary');
    expect(sheets).not.toContain('Riepilogo');
    expect(names).toContain('Plan_year');
    expect(names).not.toContain('Anno_piano');
  });
});

/** The demo written by the CLI, with one sheet removed by ExcelJS. */
async function demoWithout(sheet: string): Promise<string> {
  const demo = path.join(dir, 'demo');
  await run('demo', '--out', demo);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(demo, 'traguardo-demo.xlsx'));
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no ${sheet}`);
  wb.removeWorksheet(ws.id);
  const out = file(`without-${sheet}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

describe('a missing table is one finding', () => {
  test('without Obiettivi: one error naming it and the way forward, no unknown-reference cascade', async () => {
    const xlsx = await demoWithout('Obiettivi');
    const result = await run('validate', xlsx, '--json');
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.out) as ResultsDocument;
    const missing = doc.findings.filter((f) => f.rule.startsWith('table-missing'));
    expect(missing).toEqual([
      expect.objectContaining({ severity: 'errore', rule: 'table-missing', sheet: 'Obiettivi', row: null, cell: null }),
    ]);
    expect(missing[0].message).toContain('Manca la tabella Obiettivi');
    expect(missing[0].message).toContain('«traguardo init <file.xlsx>»');
    expect(missing[0].message).toContain('«Crea o aggiorna i fogli»');
    expect(doc.findings.filter((f) => f.rule === 'unknown-reference')).toEqual([]);
  });

  test('without Indicatori: no objective is graded on its phases alone, and no «no indicators» on every objective', async () => {
    const xlsx = await demoWithout('Indicatori');
    const result = await run('score', xlsx, '--json', '--lingua', 'en');
    const doc = JSON.parse(result.out) as ResultsDocument;
    const missing = doc.findings.filter((f) => f.rule === 'table-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^The table Indicatori is missing/);
    expect(doc.findings.filter((f) => f.rule === 'no-indicators' || f.rule === 'empty-objective')).toEqual([]);
    expect(doc.objectives?.length).toBe(48);
    expect(doc.objectives?.filter((o) => o.finalGrade !== null || o.phaseGrade !== null)).toEqual([]);
    expect(doc.organization?.grade).toBeNull();
  });

  test('without Pesatura: one warning, and the plan is still scored', async () => {
    const xlsx = await demoWithout('Pesatura');
    const doc = JSON.parse((await run('score', xlsx, '--json')).out) as ResultsDocument;
    expect(doc.findings.filter((f) => f.rule.startsWith('table-missing'))).toEqual([
      expect.objectContaining({ severity: 'avviso', rule: 'table-missing-weighting' }),
    ]);
    expect(doc.findings.filter((f) => f.rule === 'default-weight')).toEqual([]);
    expect(doc.organization?.grade).toEqual(expect.any(Number));
  });
});
