/**
 * The two output sheets of result pay (SPEC §8.1), written whole by Calcola like `Riepilogo`:
 * `Premi` — the pots (Stanziato, Distribuito, Residuo, beneficiaries) above one row per person
 * and pot — and `Trasparenza`, aggregates per pot and Categoria and the spread of scores per
 * Valutatore, with no name, no Matricola and no single person's amount.
 */
import { transparency } from '../engine/pay/transparency';
import { message, type Lang } from '../i18n';
import { classLabel } from '../rules/payClass';
import { roundHalfUp } from '../rules/rounding';
import { FUND_TOTALS, PAY_ROLE_OPTIONS, PAYOUTS, TRANSPARENCY } from '../schema/payTables';
import { optionLabel, type OutputDef, type OutputFormat } from '../schema/tables';
import { columnLetters } from './formulas/a1';
import type { FundLine, PayCell, PayCells, PayoutLayout, PayoutLine, PayView } from './formulas/pay';
import { noteLines, organizationLabel, sheetSetup, sheetWidths, type PrintContext } from './layout';
import type { ColumnFormat, OutputValue, SheetNote, WorkbookChange } from './port';

/** Premi's pots block: columns in order, the last one Traguardo's own. */
const FUND_KEYS: readonly (keyof FundLine)[] = ['fund', 'allocated', 'paid', 'unspent', 'beneficiaries', 'pool'];
/** Premi's lines: SPEC's columns with the score, key and exact share the live formulas show. */
const LINE_KEYS: readonly (keyof PayoutLine)[] = ['person', 'fund', 'score', 'class', 'coefficient', 'key', 'share', 'amount', 'bonus', 'total'];
/** Labels of the columns SPEC does not list (the tables' definitions give the others). */
const EXTRA_LABELS: Readonly<Record<string, string>> = { pool: 'pay-sheet-pool', score: 'pay-sheet-score', key: 'pay-sheet-key', share: 'pay-sheet-share' };
/** Their formats: the score as Persone shows it (Decimali punteggio may exceed two). */
const EXTRA_FORMATS: Readonly<Record<string, OutputFormat>> = { pool: 'euro', score: 'number', key: 'number', share: 'euro' };

const letters = <K extends string>(keys: readonly K[]): Record<K, string> => Object.fromEntries(keys.map((k, i) => [k, columnLetters(i + 1)])) as Record<K, string>;

/** The 1-based rows of Premi: title, blank, pots' header, pots, blank, lines' header, lines. */
export function payoutLayout(sheet: string, funds: number): PayoutLayout {
  const firstFund = 4;
  const firstLine = firstFund + funds + 2;
  return {
    sheet,
    fundRow: (n) => firstFund + n,
    lineRow: (k) => firstLine + k,
    fundColumns: letters(FUND_KEYS),
    lineColumns: letters(LINE_KEYS),
  };
}

function header(defs: readonly OutputDef[], key: string, lang: Lang): string {
  const def = defs.find((d) => d.key === key);
  return def ? def.label[lang] : message(EXTRA_LABELS[key], {}, lang);
}

export interface PaySheetInput {
  pay: PayView;
  cells: PayCells;
  lang: Lang;
  /** Italian-style date of the calculation. */
  date: string;
  organization: string | null;
  year: number;
  /** Formule: formulas and notes; Valori: every cell its value. */
  formulas: boolean;
  /** A formula's result as the copy shows it (Valori mode). */
  frozen(value: OutputValue): OutputValue;
}

/** Formats by column of a block of `keys`, as their definitions give them (text columns need none). */
function blockFormats(defs: readonly OutputDef[], keys: readonly string[]): Record<number, ColumnFormat> {
  return Object.fromEntries(
    keys.flatMap((key, c) => {
      const format = defs.find((d) => d.key === key)?.format ?? EXTRA_FORMATS[key];
      return format === undefined || format === 'text' ? [] : [[c, format]];
    }),
  );
}

const FUND_FORMATS = blockFormats(FUND_TOTALS.outputs, FUND_KEYS);
const LINE_FORMATS = blockFormats(PAYOUTS.outputs, LINE_KEYS);

type SheetReplacement = Extract<WorkbookChange, { kind: 'replaceSheet' }>;

/** The sheet with its columns as wide as their amounts and headers need (layout.ts `sheetWidths`). */
const withWidths = (change: SheetReplacement): SheetReplacement => ({ ...change, widths: sheetWidths(change) });

export function payoutsSheet(input: PaySheetInput): WorkbookChange {
  const { cells, lang, formulas } = input;
  const notes: SheetNote[] = [];
  const put = (c: PayCell, row: number, column: number): OutputValue => {
    if (formulas && c.note !== null) notes.push({ row, column, text: c.note });
    return formulas ? c.value : input.frozen(c.value);
  };
  const organization = organizationLabel(input.organization, lang);
  const rows: OutputValue[][] = [[message('pay-sheet-title', { year: String(input.year), organization }, lang)], []];
  rows.push(FUND_KEYS.map((k) => header(FUND_TOTALS.outputs, k, lang)));
  for (const line of cells.funds) rows.push(FUND_KEYS.map((k, c) => put(line[k], rows.length, c)));
  rows.push([]);
  const lineHeader = rows.length;
  rows.push(LINE_KEYS.map((k) => header(PAYOUTS.outputs, k, lang)));
  for (const line of cells.lines) rows.push(LINE_KEYS.map((k, c) => put(line[k], rows.length, c)));
  rows.push([], ...noteLines(message(formulas ? 'pay-sheet-live' : 'summary-values', { date: input.date }, lang), LINE_KEYS.length).map((line) => [line]));
  return withWidths({
    kind: 'replaceSheet',
    sheet: PAYOUTS.sheet[lang],
    rows,
    formats: FUND_FORMATS,
    formatsFrom: { row: lineHeader, formats: LINE_FORMATS },
    headerRows: [0, 2, lineHeader],
    ...(formulas ? { notes } : {}),
  });
}

const TRANSPARENCY_FORMATS = blockFormats(TRANSPARENCY.outputs, TRANSPARENCY.outputs.map((o) => o.key));
/** The evaluators' block under the pots: people, then mean and standard deviation of their scores. */
const EVALUATOR_FORMATS: Readonly<Record<number, ColumnFormat>> = { 1: 'integer', 2: 'points', 3: 'points' };

/** 1-based row of Trasparenza's header: under the title, the subtitle and a blank row. */
const TRANSPARENCY_HEADER_ROW = 4;

export function transparencySheet(input: PaySheetInput): WorkbookChange {
  const { pay, lang } = input;
  const figures = transparency(pay.input, pay.results);
  const roles = new Map(pay.input.funds.map((f) => [f.code, optionLabel(PAY_ROLE_OPTIONS, f.role, lang) ?? f.role]));
  const hasClasses = new Set(pay.input.classes.map((c) => c.fund));
  const organization = organizationLabel(input.organization, lang);
  const rows: OutputValue[][] = [
    [message('transparency-title', { year: String(input.year), organization }, lang)],
    [message('transparency-subtitle', {}, lang)],
    [],
    TRANSPARENCY.outputs.map((o) => o.label[lang]),
  ];
  for (const p of figures.pots) {
    const group = p.category === null ? roles.get(p.fund) ?? null : p.category === '' ? message('transparency-no-category', {}, lang) : p.category;
    const classes = p.classes
      .map((c) => {
        const label = classLabel(c.classIndex, c.from, hasClasses.has(p.fund), pay.input.rules.scoreDecimals, lang);
        return message('transparency-class-count', { class: label, people: String(c.people) }, lang);
      })
      .join(' · ');
    rows.push([p.fund, group, p.evaluated, p.paidPeople, p.allocated, p.paid, p.mean, p.min, p.max, classes, p.scoreMean, p.scoreSd, p.topShare]);
  }
  rows.push([]);
  const evaluatorHeader = rows.length;
  if (figures.evaluators.length > 0) {
    rows.push(['header', 'people', 'mean', 'sd', 'min', 'max'].map((k) => message(`transparency-evaluator-${k}`, {}, lang)));
    for (const e of figures.evaluators) rows.push([message('transparency-evaluator', { number: String(e.evaluator) }, lang), e.people, roundHalfUp(e.mean, 2), roundHalfUp(e.sd, 2), e.min, e.max]);
    rows.push([]);
  }
  rows.push([message('transparency-values', { date: input.date }, lang)]);
  return withWidths({
    kind: 'replaceSheet',
    sheet: TRANSPARENCY.sheet[lang],
    rows,
    formats: TRANSPARENCY_FORMATS,
    ...(figures.evaluators.length > 0 ? { formatsFrom: { row: evaluatorHeader, formats: EVALUATOR_FORMATS } } : {}),
    headerRows: figures.evaluators.length > 0 ? [0, 3, evaluatorHeader] : [0, 3],
  });
}

/**
 * People, but no pay (the pay sheets have errors): Premi and Trasparenza say so instead of
 * keeping the amounts of an earlier Calcola, which no longer follow the sheets.
 */
export function payNotComputed(lang: Lang, date: string): WorkbookChange[] {
  const rows = [[message('pay-sheet-not-computed', { date }, lang)]];
  return [PAYOUTS, TRANSPARENCY].map((def): WorkbookChange => ({ kind: 'replaceSheet', sheet: def.sheet[lang], rows, headerRows: [0] }));
}

/**
 * How Premi and Trasparenza are viewed and printed, like the other sheets: frozen and repeated on
 * every page down to the header of their long block (Premi's lines, under `funds` pots; the pots of
 * Trasparenza). `funds` null: the sheets hold only the message of payNotComputed.
 */
export function paySheetSetups(funds: number | null, print: PrintContext): WorkbookChange[] {
  const { lang } = print;
  if (funds === null) return [PAYOUTS, TRANSPARENCY].map((def) => sheetSetup(def.sheet[lang], 1, 0, print));
  return [
    sheetSetup(PAYOUTS.sheet[lang], payoutLayout(PAYOUTS.sheet[lang], funds).lineRow(0) - 1, 0, print),
    sheetSetup(TRANSPARENCY.sheet[lang], TRANSPARENCY_HEADER_ROW, 0, print),
  ];
}
