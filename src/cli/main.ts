/**
 * The `traguardo` command. Every failure the user can act on ends with one line and exit 2;
 * findings in the data end with exit 1; nothing prints a stack trace.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { assessRaw, assessWorkbook, hasErrors, scoreWorkbook, type Assessment, type Computed, type Scored } from '../actions/assess';
import { resultsDocument, validationDocument } from '../actions/resultsJson';
import { exportWorkbook } from '../actions/interchange';
import { createOrUpgradeSheets, replacePlan, writeTemplate } from '../actions/sheets';
import { buildDemoRaw } from '../demo/demo';
import { UserError } from '../errors';
import type { LocatedFinding } from '../schema/findings';
import { formatNumber, message, type Lang } from '../i18n';
import { interchangeJsonSchema } from '../schema/zod';
import { italianDate } from '../schema/cells';
import { parseInterchange } from '../schema/interchange';
import type { Staleness } from '../workbook/formulas/stamp';
import { defaultLocator } from '../workbook/grid';
import type { XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { createXlsx, openXlsxFile } from '../workbook/xlsx/xlsxFile';
import { roundHalfUp } from '../engine/rounding';
import { assertReadableFile, checkOutput, fileExists, readInputFile, readingFile, sameFile, writeOutputFile, type OutputPolicy } from './files';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/**
 * A reader that goes away (`traguardo score x.xlsx | head`) closes the pipe: the rest of the
 * output is dropped and the command finishes its work, instead of dying on EPIPE with a stack trace.
 */
const closedStreams = new WeakSet<NodeJS.WriteStream>();

function writeLine(stream: NodeJS.WriteStream, text: string): void {
  if (closedStreams.has(stream)) return;
  if (stream.listenerCount('error') === 0) stream.on('error', () => closedStreams.add(stream));
  stream.write(text + '\n');
}

const processIO: CliIO = {
  out: (text) => writeLine(process.stdout, text),
  err: (text) => writeLine(process.stderr, text),
};

const OPTIONS = {
  json: { type: 'boolean' },
  valori: { type: 'boolean' },
  values: { type: 'boolean' },
  o: { type: 'string' },
  output: { type: 'string' },
  out: { type: 'string' },
  anno: { type: 'string' },
  lingua: { type: 'string' },
  sostituisci: { type: 'boolean' },
  replace: { type: 'boolean' },
  aiuto: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;

/** How many findings the human-readable output lists before summarising the rest. */
const FINDINGS_SHOWN = 60;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let lang: Lang = process.env.TRAGUARDO_LANG === 'en' ? 'en' : 'it';
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.lingua !== undefined) lang = parseLang(values.lingua);
    const [command, ...args] = positionals;
    if (values.aiuto || values.help || command === undefined || command === 'aiuto' || command === 'help') {
      io.out(message('cli-usage', {}, lang));
      return command === undefined && !values.aiuto && !values.help ? EXIT_USAGE : EXIT_OK;
    }
    const run = COMMANDS[command];
    if (!run) throw new UserError('cli-unknown-command', { command });
    return await run({ args, values, lang, io });
  } catch (e) {
    if (e instanceof UserError) {
      io.err(message(e.key, e.params, lang));
      return EXIT_USAGE;
    }
    io.err(message('cli-internal-error', { detail: e instanceof Error ? e.message : String(e) }, lang));
    return EXIT_INTERNAL;
  }
}

function parseCommandLine(argv: string[]): { values: Options; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { values: parsed.values as Options, positionals: parsed.positionals };
  } catch (e) {
    throw new UserError('cli-bad-arguments', { command: argv[0] ?? '', detail: e instanceof Error ? e.message : String(e) });
  }
}

function parseLang(value: string): Lang {
  if (value === 'it' || value === 'en') return value;
  throw new UserError('cli-bad-language', { value });
}

interface Invocation {
  args: string[];
  values: Options;
  lang: Lang;
  io: CliIO;
}

const COMMANDS: Record<string, (inv: Invocation) => Promise<number>> = {
  template: commandTemplate,
  init: commandInit,
  import: commandImport,
  export: commandExport,
  validate: commandValidate,
  score: commandScore,
  demo: commandDemo,
  schema: commandSchema,
};

function required(args: string[], index: number, what: string, usage: string): string {
  const value = args[index];
  if (value === undefined) throw new UserError('cli-missing-argument', { what, usage });
  return value;
}

const REPLACE: OutputPolicy = { kind: 'replace' };

/** An existing output is replaced only when the user said so with --sostituisci (--replace). */
function outputPolicy(values: Options, existsKey: string): OutputPolicy {
  return values.sostituisci || values.replace ? REPLACE : { kind: 'new', existsKey };
}

async function saveWorkbook(workbook: XlsxWorkbook, file: string, policy: OutputPolicy): Promise<void> {
  await writeOutputFile(file, await workbook.toBytes(), policy);
}

async function commandTemplate({ args, values, lang, io }: Invocation): Promise<number> {
  const out = required(args, 0, 'il file da creare', 'traguardo template <nuovo.xlsx> [--anno N]');
  const year = values.anno === undefined ? new Date().getFullYear() : parseYear(values.anno);
  // A template over a filled plan would empty it: an existing workbook is what `init` is for.
  const policy: OutputPolicy = { kind: 'new', existsKey: 'cli-template-exists' };
  await checkOutput(out, policy);
  const workbook = createXlsx();
  await writeTemplate(workbook, lang, year);
  await saveWorkbook(workbook, out, policy);
  io.out(message('cli-written', { file: out }, lang));
  return EXIT_OK;
}

/** «Crea o aggiorna i fogli» on a file: adds what is missing, moves and deletes nothing. */
async function commandInit({ args, values, lang, io }: Invocation): Promise<number> {
  const file = required(args, 0, 'la cartella di lavoro da aggiornare', 'traguardo init <file.xlsx> [--anno N]');
  const year = values.anno === undefined ? new Date().getFullYear() : parseYear(values.anno);
  if (!(await fileExists(file))) throw new UserError('cli-init-missing', { file });
  await checkOutput(file, REPLACE);
  const workbook = await loadWorkbook(file);
  const outcome = await createOrUpgradeSheets(workbook, lang, year);
  if (outcome.kind === 'up-to-date') {
    io.out(message('cli-init-up-to-date', { file }, lang));
    return EXIT_OK;
  }
  await saveWorkbook(workbook, file, REPLACE);
  io.out(message(outcome.kind === 'created' ? 'cli-init-created' : 'cli-init-upgraded', { file, count: outcome.kind === 'upgraded' ? outcome.tables : 0 }, lang));
  return EXIT_OK;
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1900 || year > 2200) throw new UserError('cli-bad-year', { value });
  return year;
}

/**
 * A new workbook from the plan, or — with --sostituisci — the plan loaded into an existing
 * workbook: only the Traguardo tables' rows are replaced, missing sheets added, the rest kept.
 */
async function commandImport({ args, values, lang, io }: Invocation): Promise<number> {
  const usage = 'traguardo import <in.json> <out.xlsx> [--sostituisci]';
  const input = required(args, 0, 'il file JSON', usage);
  const out = required(args, 1, 'il file xlsx da creare', usage);
  const raw = parseInterchange(await readJson(input));
  const policy = outputPolicy(values, 'cli-import-exists');
  const { existing } = await checkOutput(out, policy);
  const workbook = existing ? await loadWorkbook(out) : createXlsx();
  const counts = await replacePlan(workbook, raw, lang);
  await saveWorkbook(workbook, out, policy);
  io.out(message(existing ? 'cli-import-replaced' : 'cli-written', { file: out, ...counts }, lang));
  return EXIT_OK;
}

async function commandExport({ args, values, lang, io }: Invocation): Promise<number> {
  const usage = 'traguardo export <in.xlsx> <out.json> [--sostituisci]';
  const input = required(args, 0, 'il file xlsx', usage);
  const out = required(args, 1, 'il file JSON da creare', usage);
  // The paths first, so that a refusal does not wait for a large workbook to load.
  await assertReadableFile(input);
  if (await sameFile(input, out)) throw new UserError('cli-output-is-input', { file: out });
  const policy = outputPolicy(values, 'cli-output-exists');
  await checkOutput(out, policy);
  const { json } = await exportWorkbook(await loadWorkbook(input));
  await writeOutputFile(out, json, policy);
  io.out(message('cli-written', { file: out }, lang));
  return EXIT_OK;
}

async function commandValidate({ args, values, lang, io }: Invocation): Promise<number> {
  const input = required(args, 0, 'il file da verificare', 'traguardo validate <in.xlsx|in.json> [--json]');
  let assessment: Assessment;
  let stale: Staleness = null;
  if (input.toLowerCase().endsWith('.json')) {
    const raw = parseInterchange(await readJson(input));
    assessment = assessRaw(raw, defaultLocator(raw), [], lang);
  } else {
    const workbook = await assessWorkbook(await loadWorkbook(input), lang);
    assessment = workbook;
    stale = workbook.stale;
  }
  if (values.json) io.out(JSON.stringify(validationDocument(assessment), null, 2));
  else printFindings(assessment, lang, io);
  if (stale !== null) io.err(message(`stale-${stale.reason}`, { date: italianDate(stale.date) }, lang));
  return hasErrors(assessment.findings) ? EXIT_FINDINGS : EXIT_OK;
}

async function commandScore({ args, values, lang, io }: Invocation): Promise<number> {
  const input = required(args, 0, 'il file da calcolare', 'traguardo score <in.xlsx> [-o <out.xlsx> [--sostituisci]] [--valori] [--json]');
  const out = values.o ?? values.output ?? input;
  await assertReadableFile(input);
  // In place is what the command is for; another existing file is replaced only when asked.
  const policy = out === input || (await sameFile(input, out)) ? REPLACE : outputPolicy(values, 'cli-output-exists');
  await checkOutput(out, policy);
  const workbook = await loadWorkbook(input);
  const scored = await scoreWorkbook(workbook, lang, { mode: values.valori || values.values ? 'valori' : 'formule' });
  await saveWorkbook(workbook, out, policy);
  if (values.json) {
    io.out(JSON.stringify(resultsDocument(scored), null, 2));
  } else {
    printFindings(scored, lang, io);
    printResults(scored, lang, io);
    printWritten(scored, lang, io);
    io.out(message('cli-written', { file: out }, lang));
  }
  return hasErrors(scored.findings) ? EXIT_FINDINGS : EXIT_OK;
}

async function commandDemo({ values, lang, io }: Invocation): Promise<number> {
  const dir = values.out ?? '.';
  const out = path.join(dir, 'traguardo-demo.xlsx');
  await makeFolder(dir);
  // The demo's own file, written again at each run; still refused when read-only.
  await checkOutput(out, REPLACE);
  io.out(message('cli-demo-intro', {}, lang));
  io.out('');
  const workbook = createXlsx();
  await replacePlan(workbook, buildDemoRaw(), lang);
  const scored = await scoreWorkbook(workbook, lang);
  await saveWorkbook(workbook, out, REPLACE);
  printFindings(scored, lang, io, 0);
  io.out(message('cli-demo-note', { file: out }, lang));
  printResults(scored, lang, io);
  printWritten(scored, lang, io);
  io.out(message('cli-written', { file: out }, lang));
  return EXIT_OK;
}

async function commandSchema({ io }: Invocation): Promise<number> {
  io.out(JSON.stringify(interchangeJsonSchema(), null, 2));
  return EXIT_OK;
}

async function makeFolder(dir: string): Promise<void> {
  const stats = await fs.stat(dir).catch(() => null);
  if (stats !== null && !stats.isDirectory()) throw new UserError('cli-not-a-folder', { folder: dir });
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new UserError('cli-folder-unwritable', { folder: dir, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

function loadWorkbook(file: string): Promise<XlsxWorkbook> {
  return readingFile(file, () => openXlsxFile(file));
}

async function readJson(file: string): Promise<unknown> {
  const text = (await readInputFile(file)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError('json-unreadable', { file, detail: e instanceof Error ? e.message : String(e) });
  }
}

const SEVERITY_ORDER = { errore: 0, avviso: 1, info: 2 } as const;

function where(f: LocatedFinding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  return f.row !== null ? `${f.sheet}:${f.row}` : f.sheet;
}

/**
 * The counts by severity, then one line per rule (how many, where the first one is, its
 * message), then — unless `listed` is 0 — the first findings one by one.
 */
function printFindings(a: Assessment, lang: Lang, io: CliIO, listed = FINDINGS_SHOWN): void {
  if (a.located.length === 0) {
    io.out(message('cli-no-findings', {}, lang));
    return;
  }
  const counts = { errore: 0, avviso: 0, info: 0 };
  for (const f of a.located) counts[f.severity]++;
  io.out(message('cli-findings-summary', { errors: counts.errore, warnings: counts.avviso, infos: counts.info }, lang));
  const sorted = [...a.located].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const byRule = new Map<string, { first: LocatedFinding; count: number }>();
  for (const f of sorted) {
    const group = byRule.get(f.rule);
    if (group) group.count++;
    else byRule.set(f.rule, { first: f, count: 1 });
  }
  for (const { first, count } of byRule.values()) {
    io.out(`  ${first.severity.padEnd(6)} ${String(count).padStart(5)} × ${first.rule.padEnd(28)} ${message('cli-first-at', { cell: where(first) }, lang)}: ${first.message}`);
  }
  if (listed > 0) {
    io.out('');
    for (const f of sorted.slice(0, listed)) io.out(`  ${f.severity.padEnd(6)} ${where(f).padEnd(16)} ${f.message}`);
    if (sorted.length > listed) io.out(message('cli-findings-more', { count: sorted.length - listed }, lang));
  }
  if (counts.errore > 0) io.out(message('cli-errors-found', {}, lang));
  io.out('');
}

/** How the results were written: formulas (and how many cells are values), or plain values; no chart in an xlsx. */
function printWritten(c: Computed, lang: Lang, io: CliIO): void {
  if (c.mode === 'valori') io.out(message('cli-written-values', {}, lang));
  else io.out(message(c.valueCells > 0 ? 'cli-written-formulas-values' : 'cli-written-formulas', { count: c.valueCells }, lang));
  io.out(message('cli-no-chart', {}, lang));
}

function printResults(s: Scored, lang: Lang, io: CliIO): void {
  const { results, plan } = s;
  const decimals = plan.rules.decimals;
  const fixed = (g: number | null): string => {
    if (g === null) return message('cli-no-grade', {}, lang);
    const text = roundHalfUp(g, decimals).toFixed(decimals);
    return lang === 'it' ? text.replace('.', ',') : text;
  };
  const weight = (w: number): string => formatNumber(roundHalfUp(w, decimals), lang, decimals);
  const names = new Map(plan.units.map((u) => [u.code, u.name]));
  const header = [
    message('cli-col-unit', {}, lang),
    message('cli-col-objectives', {}, lang),
    message('cli-col-weights', {}, lang),
    message('cli-col-grade', {}, lang),
    message('cli-col-band', {}, lang),
    message('cli-col-reward', {}, lang),
  ];
  const rows = results.units.map((u) => [
    `${u.code} ${names.get(u.code) ?? ''}`.trim().slice(0, 48),
    String(u.objectives),
    weight(u.weightSum),
    fixed(u.grade),
    u.band ?? '',
    fixed(u.reward),
  ]);
  const org = results.organization;
  rows.push([
    message('cli-organization', {}, lang),
    String(org.objectives),
    weight(org.weightSum),
    fixed(org.grade),
    org.band ?? '',
    fixed(org.reward),
  ]);
  io.out(message('cli-results-title', { date: italianDate(results.referenceDate) }, lang));
  io.out(formatTable(header, rows));
  if (org.entePerformance !== null) io.out(message('cli-ente-performance', { value: fixed(org.entePerformance) }, lang));
  io.out('');
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
