/**
 * The `traguardo` command. Every failure the user can act on ends with one line and exit 2;
 * findings in the data end with exit 1; nothing prints a stack trace.
 */
import type { OrganizationResult, UnitResult } from '../engine/results';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { assessWorkbook, checkWithHistory, hasErrors, scoreWorkbook, type Assessment, type Computed, type Scored } from '../actions/assess';
import { resultsDocument, validationDocument } from '../actions/resultsJson';
import { exportWorkbook } from '../actions/interchange';
import { publicationSheets, RecordingPort, writePublication, type Publication } from '../actions/publication';
import { potLines, potSummaries, premi } from './premi';
import { createOrUpgradeSheets, replacePlan, writeTemplate } from '../actions/sheets';
import { overallPercent, STAGES, type Progress, type Stage } from '../actions/progress';
import { buildDemoRaw } from '../demo/demo';
import { UserError } from '../errors';
import type { LocatedFinding } from '../schema/findings';
import { countMessage, formatNumber, message, type Lang } from '../i18n';
import { interchangeJsonSchema } from '../schema/zod';
import { italianDate } from '../schema/cells';
import { parseInterchange } from '../schema/interchange';
import type { Staleness } from '../workbook/formulas/stamp';
import { defaultLocator } from '../workbook/grid';
import type { XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { createXlsx, openXlsxFile } from '../workbook/xlsx/xlsxFile';
import { bandLabel } from '../rules/bands';
import { roundHalfUp } from '../rules/rounding';
import { commandMonitora } from './monitora';
import { parseMonitoringDate } from '../actions/monitoring';
import { assertReadableFile, checkOutput, fileExists, readInputFile, readingFile, sameFile, writeOutputFile, type OutputPolicy } from './files';
import { commandRelazione } from './relazione';
import { REPORT_STAGES } from '../actions/report';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /**
   * One line of progress that replaces the previous one, and `null` to clear it; absent where
   * stderr is not a terminal (a pipe, a file, a CI log), so nothing but messages goes there.
   */
  status?(line: string | null): void;
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

/** `\r` back to the line's start, ESC [K to clear what a longer previous line left. */
function writeStatus(line: string | null): void {
  if (closedStreams.has(process.stderr)) return;
  if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => closedStreams.add(process.stderr));
  process.stderr.write(line === null ? '\r\x1b[K' : `\r${line}\x1b[K`);
}

const processIO: CliIO = {
  out: (text) => writeLine(process.stdout, text),
  err: (text) => writeLine(process.stderr, text),
  ...(process.stderr.isTTY ? { status: writeStatus } : {}),
};

const OPTIONS = {
  json: { type: 'boolean' },
  valori: { type: 'boolean' },
  values: { type: 'boolean' },
  o: { type: 'string' },
  output: { type: 'string' },
  out: { type: 'string' },
  anno: { type: 'string' },
  al: { type: 'string' },
  per: { type: 'string' },
  lingua: { type: 'string' },
  sostituisci: { type: 'boolean' },
  replace: { type: 'boolean' },
  aiuto: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  versione: { type: 'boolean' },
  version: { type: 'boolean' },
  anonimo: { type: 'boolean' },
  anonymous: { type: 'boolean' },
  pubblicazione: { type: 'boolean' },
  publication: { type: 'boolean' },
  fogli: { type: 'string' },
  sheets: { type: 'string' },
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
    if (values.versione || values.version) {
      io.out(message('cli-version', { version: await packageVersion() }, lang));
      return EXIT_OK;
    }
    const askedHelp = values.aiuto || values.help;
    if (command === 'aiuto' || command === 'help') return printHelp(args[0], lang, io);
    if (command === undefined || (askedHelp && !(command in COMMANDS))) {
      io.out(message('cli-usage', {}, lang));
      return command === undefined && !askedHelp ? EXIT_USAGE : EXIT_OK;
    }
    if (askedHelp) return printHelp(command, lang, io);
    const run = COMMANDS[command];
    if (!run) throw new UserError('cli-unknown-command', { command });
    const progress = values.json || !io.status ? undefined : terminalProgress(io.status, lang, STAGES_OF[command]);
    try {
      return await run({ args, values, lang, io, progress });
    } finally {
      progress?.done();
    }
  } catch (e) {
    if (e instanceof UserError) {
      io.err(message(e.key, e.params, lang));
      return EXIT_USAGE;
    }
    io.err(message('cli-internal-error', { detail: e instanceof Error ? e.message : String(e) }, lang));
    return EXIT_INTERNAL;
  }
}

/** `traguardo help <command>`: that command's help; without a command (or an unknown one), the general usage. */
function printHelp(command: string | undefined, lang: Lang, io: CliIO): number {
  if (command !== undefined && command in COMMANDS) {
    io.out(message(`cli-help-${command}`, {}, lang));
    return EXIT_OK;
  }
  if (command !== undefined) {
    io.err(message('cli-help-unknown', { command }, lang));
    return EXIT_USAGE;
  }
  io.out(message('cli-usage', {}, lang));
  return EXIT_OK;
}

/** The version in package.json, two folders up from this file in src/ (tests) and in lib/ (the command) alike. */
async function packageVersion(): Promise<string> {
  const text = await fs.readFile(path.join(__dirname, '..', '..', 'package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** The stages each long command goes through, in order: the percentages are of these. */
const STAGES_OF: Record<string, readonly Stage[] | undefined> = {
  score: STAGES,
  validate: ['lettura', 'verifica'],
  import: ['lettura', 'scrittura'],
  export: ['lettura', 'scrittura'],
  init: ['lettura', 'scrittura'],
  monitora: ['lettura', 'scrittura'],
  premi: ['lettura', 'verifica'],
  relazione: REPORT_STAGES,
};

interface TerminalProgress {
  /** The actions' reporter: stage and fraction of it. */
  report: Progress;
  done(): void;
}

/**
 * Progress on one overwritten stderr line («Traguardo: calcolo… 55 %»), redrawn only when the
 * text changes: a handful of writes per command, nothing measurable beside reading a workbook.
 */
function terminalProgress(status: (line: string | null) => void, lang: Lang, stages: readonly Stage[] | undefined): TerminalProgress | undefined {
  if (!stages) return undefined;
  let shown: string | null = null;
  return {
    report: (stage, fraction) => {
      if (!stages.includes(stage)) return;
      const line = message('cli-progress', { stage: message(`cli-stage-${stage}`, {}, lang), percent: String(overallPercent(stage, fraction, stages)) }, lang);
      if (line === shown) return;
      shown = line;
      status(line);
    },
    done: () => {
      if (shown !== null) status(null);
      shown = null;
    },
  };
}

/**
 * What the actions report, for a command that saves a file afterwards: their `scrittura` (into
 * the workbook in memory) is the first half of the stage, saving the file the second.
 */
function beforeSaving(progress: TerminalProgress | undefined): Progress | undefined {
  if (!progress) return undefined;
  return (stage, fraction) => progress.report(stage, stage === 'scrittura' ? fraction / 2 : fraction);
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
  /** Present on a terminal, without --json. */
  progress?: TerminalProgress;
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
  monitora: commandMonitora,
  premi: commandPremi,
  relazione: ({ args, values, lang, io, progress }) =>
    commandRelazione({ args, output: values.o ?? values.output, replace: Boolean(values.sostituisci || values.replace), by: values.per, asOf: values.al, lang, out: io.out, progress: progress?.report }),
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
async function commandInit({ args, values, lang, io, progress }: Invocation): Promise<number> {
  const file = required(args, 0, 'la cartella di lavoro da aggiornare', 'traguardo init <file.xlsx> [--anno N]');
  const year = values.anno === undefined ? new Date().getFullYear() : parseYear(values.anno);
  if (!(await fileExists(file))) throw new UserError('cli-init-missing', { file });
  await checkOutput(file, REPLACE);
  await progress?.report('lettura', 0);
  const workbook = await loadWorkbook(file);
  await progress?.report('scrittura', 0);
  const outcome = await createOrUpgradeSheets(workbook, lang, year);
  if (outcome.kind === 'up-to-date') {
    progress?.done();
    io.out(message('cli-init-up-to-date', { file }, lang));
    return EXIT_OK;
  }
  await progress?.report('scrittura', 0.5);
  await saveWorkbook(workbook, file, REPLACE);
  progress?.done();
  if (outcome.kind === 'created') io.out(message('cli-init-created', { file }, lang));
  else {
    if (outcome.tables > 0) io.out(countMessage('cli-init-upgraded', outcome.tables, { file }, lang));
    if (outcome.pages > 0) io.out(countMessage('cli-init-pages', outcome.pages, { file }, lang));
  }
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
async function commandImport({ args, values, lang, io, progress }: Invocation): Promise<number> {
  const usage = 'traguardo import <in.json> <out.xlsx> [--sostituisci]';
  const input = required(args, 0, 'il file JSON', usage);
  const out = required(args, 1, 'il file xlsx da creare', usage);
  await progress?.report('lettura', 0);
  const raw = parseInterchange(await readJson(input));
  const policy = outputPolicy(values, 'cli-import-exists');
  const { existing } = await checkOutput(out, policy);
  const workbook = existing ? await loadWorkbook(out) : createXlsx();
  await progress?.report('scrittura', 0);
  const counts = await replacePlan(workbook, raw, lang);
  await progress?.report('scrittura', 0.5);
  await saveWorkbook(workbook, out, policy);
  progress?.done();
  if (!existing) {
    io.out(message('cli-written', { file: out }, lang));
    return EXIT_OK;
  }
  const counted = {
    units: countMessage('count-units', counts.units, {}, lang),
    objectives: countMessage('count-objectives', counts.objectives, {}, lang),
    indicators: countMessage('count-indicators', counts.indicators, {}, lang),
    phases: countMessage('count-phases', counts.phases, {}, lang),
  };
  io.out(message('cli-import-replaced', { file: out, ...counted }, lang));
  return EXIT_OK;
}

async function commandExport({ args, values, lang, io, progress }: Invocation): Promise<number> {
  const usage = 'traguardo export <in.xlsx> <out.json> [--sostituisci] [--anonimo]';
  const input = required(args, 0, 'il file xlsx', usage);
  const out = required(args, 1, 'il file JSON da creare', usage);
  // The paths first, so that a refusal does not wait for a large workbook to load.
  await assertReadableFile(input);
  if (await sameFile(input, out)) throw new UserError('cli-output-is-input', { file: out });
  const policy = outputPolicy(values, 'cli-output-exists');
  await checkOutput(out, policy);
  await progress?.report('lettura', 0);
  const { json } = await exportWorkbook(await loadWorkbook(input), { anonymous: values.anonimo === true || values.anonymous === true });
  await progress?.report('scrittura', 0);
  await writeOutputFile(out, json, policy);
  progress?.done();
  io.out(message('cli-written', { file: out }, lang));
  return EXIT_OK;
}

async function commandValidate({ args, values, lang, io, progress }: Invocation): Promise<number> {
  const input = required(args, 0, 'il file da verificare', 'traguardo validate <in.xlsx|in.json> [--json]');
  let assessment: Assessment;
  let stale: Staleness = null;
  await progress?.report('lettura', 0);
  if (input.toLowerCase().endsWith('.json')) {
    const raw = parseInterchange(await readJson(input));
    await progress?.report('verifica', 0);
    assessment = checkWithHistory(raw, defaultLocator(raw, lang), [], lang).assessment;
  } else {
    const workbook = await assessWorkbook(await loadWorkbook(input), lang, { progress: progress?.report });
    assessment = workbook;
    stale = workbook.stale;
  }
  progress?.done();
  if (values.json) io.out(JSON.stringify(validationDocument(assessment), null, 2));
  else printFindings(assessment, lang, io);
  if (stale !== null) io.err(message(`cli-stale-${stale.reason}`, { date: italianDate(stale.date) }, lang));
  return hasErrors(assessment.findings) ? EXIT_FINDINGS : EXIT_OK;
}

async function commandScore({ args, values, lang, io, progress }: Invocation): Promise<number> {
  const input = required(args, 0, 'il file da calcolare', 'traguardo score <in.xlsx> [-o <out.xlsx> [--sostituisci]] [--valori] [--al <data>] [--json]');
  const asOf = values.al === undefined ? undefined : parseMonitoringDate(values.al);
  const out = values.o ?? values.output ?? input;
  await assertReadableFile(input);
  // In place is what the command is for; another existing file is replaced only when asked.
  const policy = out === input || (await sameFile(input, out)) ? REPLACE : outputPolicy(values, 'cli-output-exists');
  await checkOutput(out, policy);
  const publication = values.pubblicazione === true || values.publication === true;
  // The copy for publication is a new file: the workbook itself keeps every sheet.
  if (publication && (out === input || (await sameFile(input, out)))) throw new UserError('cli-publication-in-place', { file: input });
  await progress?.report('lettura', 0);
  const workbook = await loadWorkbook(input);
  const mode = publication || values.valori || values.values ? 'valori' : 'formule';
  const recording = new RecordingPort(workbook);
  const scored = await scoreWorkbook(recording, lang, { mode, asOf, progress: beforeSaving(progress) });
  let published: Publication | null = null;
  if (publication) {
    const copy = createXlsx();
    const listed = values.fogli ?? values.sheets;
    const sheets = listed === undefined ? publicationSheets(scored.written) : listed.split(',').map((name) => name.trim()).filter((name) => name !== '');
    published = await writePublication(workbook, recording.changes, sheets, copy);
    await saveWorkbook(copy, out, policy);
  } else await saveWorkbook(workbook, out, policy);
  progress?.done();
  if (values.json) {
    io.out(JSON.stringify(resultsDocument(scored, lang), null, 2));
  } else {
    printFindings(scored, lang, io);
    printResults(scored, lang, io);
    printPay(scored, lang, io);
    if (asOf === undefined) printWritten(scored, lang, io);
    else io.out(message('cli-score-as-of', { date: italianDate(asOf) }, lang));
    if (published !== null) {
      io.out(message('cli-publication-written', { sheets: published.written.join(', ') }, lang));
      if (published.missing.length > 0) io.err(message('cli-publication-missing', { sheets: published.missing.join(', ') }, lang));
    }
    io.out(message('cli-written', { file: out }, lang));
  }
  return hasErrors(scored.findings) ? EXIT_FINDINGS : EXIT_OK;
}

/** `score` and `demo` print the pots after the grades, when the workbook has people. */
function printPay(s: Scored, lang: Lang, io: CliIO): void {
  if (s.pay === null) return;
  io.out('');
  for (const line of potLines(potSummaries(s.plan, s.pay, lang), lang)) io.out(line);
}

async function commandPremi({ args, values, lang, io, progress }: Invocation): Promise<number> {
  const input = required(args, 0, 'il file xlsx', 'traguardo premi <file.xlsx> [--json]');
  await assertReadableFile(input);
  await progress?.report('lettura', 0);
  const outcome = await premi(await loadWorkbook(input), lang);
  progress?.done();
  if (values.json) {
    io.out(JSON.stringify(outcome.document, null, 2));
    return outcome.errors ? EXIT_FINDINGS : EXIT_OK;
  }
  printFindings(outcome.scored, lang, io);
  io.out('');
  for (const line of outcome.lines) io.out(line);
  return outcome.errors ? EXIT_FINDINGS : EXIT_OK;
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
  printPay(scored, lang, io);
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

/** The longest severity label, «warning»: the columns after it line up in both languages. */
const SEVERITY_WIDTH = 7;

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
  const summary = {
    errors: countMessage('count-errors', counts.errore, {}, lang),
    warnings: countMessage('count-warnings', counts.avviso, {}, lang),
    infos: countMessage('count-infos', counts.info, {}, lang),
  };
  io.out(message('cli-findings-summary', summary, lang));
  const severity = (f: LocatedFinding): string => message(`severity-${f.severity}`, {}, lang).padEnd(SEVERITY_WIDTH);
  const sorted = [...a.located].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  const byRule = new Map<string, { first: LocatedFinding; count: number }>();
  for (const f of sorted) {
    const group = byRule.get(f.rule);
    if (group) group.count++;
    else byRule.set(f.rule, { first: f, count: 1 });
  }
  for (const { first, count } of byRule.values()) {
    io.out(`  ${severity(first)} ${String(count).padStart(5)} × ${message('cli-first-at', { cell: where(first) }, lang)}: ${first.message} [${first.rule}]`);
  }
  if (listed > 0) {
    io.out('');
    for (const f of sorted.slice(0, listed)) io.out(`  ${severity(f)} ${where(f).padEnd(16)} ${f.message} [${f.rule}]`);
    if (sorted.length > listed) io.out(countMessage('cli-findings-more', sorted.length - listed, {}, lang));
  }
  if (counts.errore > 0) io.out(message('cli-errors-found', {}, lang));
  io.out('');
}

/** How the results were written: formulas (and how many cells are values), or plain values; no chart in an xlsx. */
function printWritten(c: Computed, lang: Lang, io: CliIO): void {
  if (c.mode === 'valori') io.out(message('cli-written-values', {}, lang));
  else if (c.valueCells > 0) io.out(countMessage('cli-written-formulas-values', c.valueCells, {}, lang));
  else io.out(message('cli-written-formulas', {}, lang));
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
    message('cli-col-weight-graded', {}, lang),
    message('cli-col-grade', {}, lang),
    message('cli-col-band', {}, lang),
    message('cli-col-coverage', {}, lang),
    message('cli-col-reward', {}, lang),
  ];
  const cells = (r: UnitResult | OrganizationResult): string[] => [
    message('cli-coverage-count', { graded: String(r.objectives), total: String(r.objectivesTotal) }, lang),
    weight(r.weightSum),
    fixed(r.weightGraded),
    fixed(r.grade),
    bandLabel(plan.bands, r.band) ?? '',
    r.coverage === 'empty' ? '' : message(`ui-coverage-word-${r.coverage}`, {}, lang),
    fixed(r.reward),
  ];
  const rows = results.units.map((u) => [`${u.code} ${names.get(u.code) ?? ''}`.trim().slice(0, 48), ...cells(u)]);
  rows.push([message('cli-organization', {}, lang), ...cells(results.organization)]);
  io.out(message('cli-results-title', { date: italianDate(results.referenceDate) }, lang));
  io.out(formatTable(header, rows));
  if (results.organization.entePerformance !== null) io.out(message('cli-ente-performance', { value: fixed(results.organization.entePerformance) }, lang));
  io.out('');
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 || c === 5 || c === 6 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
