/**
 * «Scarica la relazione» and `traguardo relazione`: the workbook read, checked and scored in
 * memory, then written as a Word document. The workbook is not changed. The CLI and the pane run
 * this same code; only the zip codec differs (Node's zlib, fflate in the browser).
 */
import type { Lang } from '../i18n';
import { message } from '../i18n';
import { buildReport, type ReportGrouping } from '../report/content';
import { renderDocx } from '../report/docx';
import type { ZipCodec } from '../workbook/xlsx/zip';
import type { WorkbookPort } from '../workbook/port';
import { assessWorkbook, scoreAssessment, type Scored } from './assess';
import { report, type Progress } from './progress';

export const REPORT_STAGES = ['lettura', 'verifica', 'calcolo', 'scrittura'] as const;

export interface ReportRequest {
  lang: Lang;
  by: ReportGrouping;
  codec: ZipCodec;
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
  const assessment = await assessWorkbook(port, lang, { progress });
  await report(progress, 'calcolo', 0);
  const scored = scoreAssessment(assessment);
  await report(progress, 'scrittura', 0);
  const now = request.now ?? new Date();
  const doc = buildReport(scored, { lang, by: request.by, generatedOn: now.toISOString().slice(0, 10) });
  const bytes = renderDocx(doc, request.codec, now.toISOString().replace(/\.\d+Z$/, 'Z'));
  await report(progress, 'scrittura', 1);
  return { bytes, fileName: message('report-file-name', { year: String(scored.plan.rules.year) }, lang), scored };
}
