/**
 * «Scarica la relazione» and `traguardo relazione`: the workbook read, checked and scored in
 * memory — as it stands, or as recorded in `Monitoraggi` at a date — then written as a Word
 * document. The workbook is not changed. The CLI and the pane run
 * this same code; only the zip codec differs (Node's zlib, fflate in the browser).
 */
import type { Lang } from '../i18n';
import { message } from '../i18n';
import { buildReport, type ReportGrouping } from '../report/content';
import { renderDocx } from '../report/docx';
import type { IsoDate } from '../schema/model';
import { readWorkbookTables } from '../workbook/grid';
import type { ZipCodec } from '../workbook/xlsx/zip';
import type { WorkbookPort } from '../workbook/port';
import { assessRaw, scoreAssessment, type Scored } from './assess';
import { rawAsOf } from './monitoringHistory';
import { report, type Progress } from './progress';

export const REPORT_STAGES = ['lettura', 'verifica', 'calcolo', 'scrittura'] as const;

export interface ReportRequest {
  lang: Lang;
  by: ReportGrouping;
  codec: ZipCodec;
  /** Report the plan as recorded in `Monitoraggi` at this date (`--al`); default the current sheets. */
  asOf?: IsoDate;
  /** The moment the document is generated (tests fix it); default now. */
  now?: Date;
  progress?: Progress;
}

export interface WrittenReport {
  bytes: Uint8Array<ArrayBuffer>;
  /** A name to offer for the download: relazione-performance-2023.docx. */
  fileName: string;
  scored: Scored;
}

export async function reportWorkbook(port: WorkbookPort, request: ReportRequest): Promise<WrittenReport> {
  const { lang, progress } = request;
  await report(progress, 'lettura', 0);
  const { raw, locator, findings } = readWorkbookTables(await port.readTables());
  await report(progress, 'verifica', 0);
  const scored = scoreAssessment(assessRaw(request.asOf === undefined ? raw : rawAsOf(raw, request.asOf), locator, findings, lang));
  await report(progress, 'scrittura', 0);
  const now = request.now ?? new Date();
  const doc = buildReport(scored, { lang, by: request.by, generatedOn: now.toISOString().slice(0, 10), asOf: request.asOf });
  const bytes = renderDocx(doc, request.codec, now.toISOString().replace(/\.\d+Z$/, 'Z'));
  await report(progress, 'scrittura', 1);
  return { bytes, fileName: message('report-file-name', { year: String(scored.plan.rules.year) }, lang), scored };
}
