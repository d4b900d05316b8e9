/**
 * The two user actions, Verifica and Calcola, on any WorkbookPort: the only place where the
 * layers meet (read → parse → validate → score → write). The CLI, the task pane and the ribbon
 * commands all go through here, so a workbook gives the same findings and grades everywhere.
 */
import { score, type BlockedRows } from '../engine/score';
import type { PayResults } from '../engine/pay';
import type { ScoreResults } from '../engine/results';
import type { Lang } from '../i18n';
import type { Finding, LocatedFinding } from '../schema/findings';
import type { IsoDate, Plan } from '../schema/model';
import type { RawTables } from '../schema/raw';
import { readPlan } from '../schema/read';
import type { CellReadings } from '../schema/readings';
import { blockedRows } from '../validation/blocked';
import { validate } from '../validation/validate';
import { fingerprints, fingerprintSteps, readStamp, type Fingerprints, STAMP_PROPERTY, staleness, writeStamp, type Staleness } from '../workbook/formulas/stamp';
import { readWorkbookTables, type Locator } from '../workbook/grid';
import { checkChanges, computeChanges, computeSteps, type WriteMode } from '../workbook/outputs';
import { drainCooperatively, type Pause } from '../workbook/cooperative';
import type { TableData, WorkbookChange, WorkbookPort } from '../workbook/port';
import { italianDate } from '../schema/cells';
import { writingLanguage } from './language';
import { missingTableFindings, withoutMissingTableEchoes } from './missingTables';
import { monitoringHistory, type MonitoringHistory } from './monitoringHistory';
import { computeTrend, type TrendOutcome } from './trend';
import { structureRollup } from '../engine/structure';
import { MONITORING_TITLE_ROW, structureSheet, trendSheet } from '../workbook/monitoringSheets';
import { sheetSetup, withPrintPages } from '../workbook/layout';
import { STRUCTURE_SHEET, TREND_SHEET } from '../schema/monitoringTables';
import { payOutcome } from './pay';
import { report, type Progress } from './progress';

export interface Assessment {
  raw: RawTables;
  plan: Plan;
  /** How each cell was read (formulas go only where they read what the parser did). */
  readings: CellReadings;
  /** Plan coordinates, in the order: reading, cells, cross-row rules. */
  findings: Finding[];
  /** The same findings, located on the workbook's cells, with messages in `lang`. */
  located: LocatedFinding[];
  locator: Locator;
  /** Tables a plan cannot be scored without (Strutture, Obiettivi, Indicatori, Fasi) that are missing. */
  missingRequired: boolean;
  /** The language of the messages of `located`. */
  messageLang: Lang;
}

export interface Scored extends Assessment {
  results: ScoreResults;
  /** Rows left without results because of an error (from the findings). */
  blocked: BlockedRows;
  /** Scores and premiums of SPEC §8: null without people, or while the pay sheets have errors. */
  pay: PayResults | null;
}

export interface WorkbookAssessment extends Assessment {
  /** Set when a previous Calcola wrote results that the inputs have moved away from since. */
  stale: Staleness;
}

export interface ActionOptions {
  /** Told at each stage; awaited, so the pane can yield to the browser between stages. */
  progress?: Progress;
  /** Given by the pane: long stages run in steps, pausing so the page stays responsive (the CLI runs them straight). */
  pause?: Pause;
}

export interface ComputeOptions extends ActionOptions {
  /** Formule (default) or Valori. */
  mode?: WriteMode;
  /** The moment of the calculation (tests fix it); default now. */
  now?: Date;
  /**
   * Compute with the values recorded in `Monitoraggi` at this date (reference date = that date)
   * instead of the current ones; the outputs are then written as values, since formulas would
   * follow today's cells.
   */
  asOf?: IsoDate;
}

export interface Computed extends Scored {
  /** The trend of the dates recorded in `Monitoraggi` (written to `Andamento`); null when none is. */
  trend: TrendOutcome | null;
  mode: WriteMode;
  /** The language the workbook is written in (its own, or the user's for a workbook that does not say). */
  written: Lang;
  /** Output cells written as values with a note saying why (Formule mode): they do not follow the inputs. */
  valueCells: number;
}

/**
 * Parses and validates raw tables (from a workbook or an interchange file), without scoring the
 * dates of their monitoring history: for a plan scored at one date (the Relazione, the grades at a
 * recorded date). Verifica's full check, with the history's avvisi, is `checkWithHistory`.
 */
export function assessRaw(raw: RawTables, locator: Locator, readFindings: Finding[], lang: Lang): Assessment {
  return checkPlan(readStage(raw, locator, readFindings), lang);
}

interface ReadStage {
  raw: RawTables;
  plan: Plan;
  readings: CellReadings;
  locator: Locator;
  /** Reading and cell findings, the missing tables first. */
  findings: Finding[][];
  missingRequired: boolean;
}

function readStage(raw: RawTables, locator: Locator, readFindings: Finding[]): ReadStage {
  const { plan, findings: cellFindings, readings } = readPlan(raw);
  const missing = missingTableFindings(locator);
  return { raw, plan, readings, locator, findings: [[...missing.findings, ...readFindings], cellFindings], missingRequired: missing.required };
}

/** The reading's findings and validation's, without the echoes of an error already reported. */
function checkedFindings(read: ReadStage): Finding[] {
  return withoutMissingTableEchoes(withoutEchoes([...read.findings, validate(read.plan)]), read.locator);
}

function checkPlan(read: ReadStage, lang: Lang): Assessment {
  const { raw, plan, readings, locator } = read;
  const findings = checkedFindings(read);
  const located = findings.map((f) => locator.locate(f, lang));
  return { raw, plan, readings, findings, located, locator, missingRequired: read.missingRequired, messageLang: lang };
}

/**
 * Each stage sees only what the previous one could read: a cell the parser could not read is
 * null for validation, and a missing column is blank on every row. A later stage's finding on a
 * cell (or column) where an earlier stage already reported an error says the same thing again
 * («Manca la polarità» after «Polarità non valida»), so it is dropped.
 */
function withoutEchoes(stages: readonly (readonly Finding[])[]): Finding[] {
  const explained = new Set<string>();
  const kept: Finding[] = [];
  for (const stage of stages) {
    const fromThisStage: string[] = [];
    for (const f of stage) {
      if (f.field !== null && (explained.has(`${f.table}:${f.index}:${f.field}`) || explained.has(`${f.table}:null:${f.field}`))) {
        continue;
      }
      kept.push(f);
      if (f.severity === 'errore' && f.field !== null) fromThisStage.push(`${f.table}:${f.index}:${f.field}`);
    }
    for (const key of fromThisStage) explained.add(key);
  }
  return kept;
}

/**
 * Scores what could be read, then shares the pots (actions/pay.ts), whose findings join the
 * others. Without one of the tables every grade rests on, no row is graded: Indicatori alone
 * missing would otherwise grade every objective on its phases, silently.
 */
export function scoreAssessment(assessment: Assessment, graded: Graded = grade(assessment)): Scored {
  const { blocked, results } = graded;
  const { pay, findings } = payOutcome(assessment.plan, results, assessment.findings);
  const located = findings.map((f) => assessment.locator.locate(f, assessment.messageLang));
  return { ...assessment, findings: [...assessment.findings, ...findings], located: [...assessment.located, ...located], results, blocked, pay };
}

/** An assessed plan's grades, and the rows left without one. */
interface Graded {
  blocked: BlockedRows;
  results: ScoreResults;
}

function grade(assessment: Pick<Assessment, 'plan' | 'missingRequired' | 'findings'>): Graded {
  const blocked = blockedBy(assessment.plan, assessment.missingRequired, assessment.findings);
  return { blocked, results: score(assessment.plan, { blocked }) };
}

/** The rows left without results: every row when a table grades rest on is missing, else the rows the errors block. */
function blockedBy(plan: Plan, missingRequired: boolean, findings: readonly Finding[]): BlockedRows {
  if (!missingRequired) return blockedRows(findings);
  const all = (rows: readonly unknown[]) => new Set(rows.map((_, i) => i));
  return { objectives: all(plan.objectives), indicators: all(plan.indicators), phases: all(plan.phases), weighting: all(plan.weighting) };
}

interface WorkbookRead {
  assessment: Assessment;
  tables: TableData[];
  trend: TrendOutcome | null;
  /** The grades at `asOf` when the trend graded that date: Calcola's own, not graded again. */
  graded: Graded | null;
}

/**
 * A plan's raw tables validated and scored exactly as Calcola does (the same blocked rows), without
 * locating or wording the findings: each recorded date of the trend.
 */
function scoreQuietly(raw: RawTables, locator: Locator, readFindings: Finding[]): { plan: Plan; results: ScoreResults } {
  const read = readStage(raw, locator, readFindings);
  return { plan: read.plan, results: grade({ ...read, findings: checkedFindings(read) }).results };
}

/** The avvisi of the trend (a missing Nota) join the others, located like them. */
function withTrendFindings(assessment: Assessment, trend: TrendOutcome | null, lang: Lang): Assessment {
  if (trend === null || trend.findings.length === 0) return assessment;
  return {
    ...assessment,
    findings: [...assessment.findings, ...trend.findings],
    located: [...assessment.located, ...trend.findings.map((f) => assessment.locator.locate(f, lang))],
  };
}

export interface CheckedHistory {
  assessment: Assessment;
  /** The trend of the dates recorded in `Monitoraggi`; null when none is. */
  trend: TrendOutcome | null;
  /** The assessment's grades when it is the plan at a recorded date, which the trend graded; else null. */
  graded: Graded | null;
}

/**
 * Verifica's check of a plan and of its monitoring history, whether read from a workbook or from an
 * interchange file: the plan (as it stands, or as recorded at `asOf`) validated, and each recorded
 * date scored for the trend, whose avvisi (an objective In ritardo or Critico without a Nota at that
 * date) join the findings, located by `locator` like the others.
 */
export function checkWithHistory(current: RawTables, locator: Locator, readFindings: Finding[], lang: Lang, asOf?: IsoDate): CheckedHistory {
  const history = monitoringHistory(current);
  return checkParsed(history, parseAt(current, history, locator, readFindings, asOf), locator, readFindings, lang, asOf);
}

/**
 * Lettura's last step: the plan parsed from the tables as they stand, or as recorded at `asOf` —
 * taken from `history`, the same reading of `Monitoraggi` the trend then scores date by date.
 */
function parseAt(current: RawTables, history: MonitoringHistory, locator: Locator, readFindings: Finding[], asOf: IsoDate | undefined): ReadStage {
  return readStage(asOf === undefined ? current : history.at(asOf), locator, readFindings);
}

/**
 * Verifica's part of `checkWithHistory`: the checks, each recorded date scored, the history's
 * avvisi. The plan read at `asOf`, a recorded date, is graded once, for the trend and for Calcola.
 */
function checkParsed(history: MonitoringHistory, read: ReadStage, locator: Locator, readFindings: Finding[], lang: Lang, asOf: IsoDate | undefined): CheckedHistory {
  const checked = checkPlan(read, lang);
  const graded = asOf !== undefined && history.dates.includes(asOf) ? grade(checked) : null;
  const trend = computeTrend(history, read.plan.monitoring ?? [], (date) =>
    graded !== null && date === asOf
      ? { plan: checked.plan, results: graded.results }
      : // The history itself changes no grade: each date is scored without reading it again.
        scoreQuietly({ ...history.at(date), monitoring: undefined }, locator, readFindings),
  );
  return { assessment: withTrendFindings(checked, trend, lang), trend, graded };
}

/** The workbook's tables, parsed (lettura) and validated (verifica). */
async function readAssessment(port: WorkbookPort, lang: Lang, progress: Progress | undefined, asOf?: IsoDate): Promise<WorkbookRead> {
  await report(progress, 'lettura', 0);
  const tables = await port.readTables();
  const { raw, locator, findings } = readWorkbookTables(tables);
  const history = monitoringHistory(raw);
  const read = parseAt(raw, history, locator, findings, asOf);
  await report(progress, 'verifica', 0);
  const { assessment, trend, graded } = checkParsed(history, read, locator, findings, lang, asOf);
  await report(progress, 'verifica', 1);
  return { assessment, tables, trend, graded };
}

/**
 * The workbook read and checked as Verifica does, without reading the calculation stamp: for
 * what needs the findings but not whether the results are stale, which costs a hash of every input.
 */
export async function checkWorkbook(port: WorkbookPort, lang: Lang, options: ActionOptions = {}): Promise<Assessment> {
  return (await readAssessment(port, lang, options.progress)).assessment;
}

/**
 * Verifica: reads the workbook and reports, including whether the results of the last Calcola
 * are out of date (SPEC: inputs changed since, where some outputs are values). Writes nothing.
 */
export async function assessWorkbook(port: WorkbookPort, lang: Lang, options: ActionOptions = {}): Promise<WorkbookAssessment> {
  return (await assessWithTables(port, lang, options)).assessment;
}

async function assessWithTables(port: WorkbookPort, lang: Lang, options: ActionOptions): Promise<{ assessment: WorkbookAssessment; tables: TableData[] }> {
  const { assessment, tables } = await readAssessment(port, lang, options.progress);
  const stamp = readStamp(await port.readProperty(STAMP_PROPERTY));
  if (stamp === null) return { assessment: { ...assessment, stale: null }, tables };
  return { assessment: { ...assessment, stale: staleness(stamp, await fingerprintsOf(assessment.plan, options.pause)) }, tables };
}

function fingerprintsOf(plan: Plan, pause: Pause | undefined): Promise<Fingerprints> {
  return pause ? drainCooperatively(fingerprintSteps(plan), pause) : Promise.resolve(fingerprints(plan));
}

/**
 * The pane's Verifica: the findings, and the `Esito verifica` columns written (in the workbook's
 * language). The findings are returned even when writing fails (a protected sheet), so the user
 * still sees what to fix.
 */
export async function validateWorkbook(port: WorkbookPort, lang: Lang, options: ActionOptions = {}): Promise<{ assessment: WorkbookAssessment; writeError: unknown }> {
  const { assessment, tables } = await assessWithTables(port, lang, options);
  try {
    await report(options.progress, 'scrittura', 0);
    await port.apply(checkChanges({ ...assessment, lang: writingLanguage(tables, lang) }));
    await report(options.progress, 'scrittura', 1);
    return { assessment, writeError: null };
  } catch (e) {
    return { assessment, writeError: e };
  }
}

/**
 * Calcola: validates, computes and writes the output columns (formulas, or values in mode Valori),
 * the `Regole` names, `Riepilogo` and the calculation stamp, in one batch — in the workbook's own
 * language, whatever `lang` the messages are in.
 */
export async function scoreWorkbook(port: WorkbookPort, lang: Lang, options: ComputeOptions = {}): Promise<Computed> {
  const { progress } = options;
  const { assessment, tables, trend, graded } = await readAssessment(port, lang, progress, options.asOf);
  const written = writingLanguage(tables, lang);
  await report(progress, 'calcolo', 0);
  const scored = scoreAssessment(assessment, graded ?? undefined);
  await report(progress, 'formule', 0);
  const mode = options.asOf !== undefined ? 'valori' : (options.mode ?? 'formule');
  const now = options.now ?? new Date();
  const date = now.toISOString().slice(0, 10);
  const input = { ...scored, lang: written, mode, calculatedOn: date };
  const { changes, frozen, noted } = options.pause ? await drainCooperatively(computeSteps(input), options.pause) : computeChanges(input);
  // Hashing every input for the stamp takes as long as a stage of its own on a large plan.
  await report(progress, 'formule', 0.8);
  const stamp = writeStamp({ date, mode, ...(await fingerprintsOf(scored.plan, options.pause)), frozen: frozen > 0 });
  const structure = structureRollup(scored.plan, scored.results);
  const calculatedOn = italianDate(date);
  const print = { organization: scored.plan.organization, calculatedOn, lang: written };
  const monitoring: WorkbookChange[] = withPrintPages([
    ...(trend === null ? [] : [trendSheet(trend.trend, scored.plan, written, calculatedOn), sheetSetup(TREND_SHEET[written], MONITORING_TITLE_ROW, 1, print)]),
    ...(structure.missions.length > 0 || structure.tree.length > 0
      ? [structureSheet(structure, scored.plan, scored.results.referenceDate, written, calculatedOn), sheetSetup(STRUCTURE_SHEET[written], MONITORING_TITLE_ROW, 1, print)]
      : []),
  ]);
  await report(progress, 'scrittura', 0);
  await port.apply([...changes, ...monitoring, { kind: 'setProperty', key: STAMP_PROPERTY, value: stamp }]);
  await report(progress, 'scrittura', 1);
  return { ...scored, mode, valueCells: noted, written, trend };
}

export function hasErrors(findings: readonly { severity: string }[]): boolean {
  return findings.some((f) => f.severity === 'errore');
}
