/**
 * The Relazione as a list of blocks: what it says (text already in the reader's language, numbers
 * already formatted), not how Word draws it. `content.ts` builds the blocks from the results,
 * `docx.ts` writes them as WordprocessingML.
 */

/** A stretch of text; bold for the labels of a «label: value» line. */
export type Run = string | { text: string; bold: true };

export type Align = 'left' | 'right';

export interface Column {
  /** Share of the text width, 0–1; the shares of a table sum to 1. */
  width: number;
  align: Align;
}

export interface Bar {
  label: string;
  /** 0–1: the filled share of the bar. */
  fill: number;
  /** The figure printed after the bar (a grade, a count). */
  text: string;
  /** RRGGBB without #. */
  color: string;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  /** Heading 1–3: Word's own styles, so that the table of contents finds them. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  /** A table with a header row that Word repeats on every page the table runs over. */
  | { kind: 'table'; columns: Column[]; header: string[]; rows: string[][] }
  /** A bar chart drawn as a table: label, bar, figure. */
  | { kind: 'bars'; bars: Bar[] }
  /** Word's TOC field over Heading 1–3; `placeholder` shows until the field is updated. */
  | { kind: 'toc'; placeholder: string }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  /** Document properties: the file's title. */
  title: string;
  language: 'it-IT' | 'en-GB';
  blocks: Block[];
}
