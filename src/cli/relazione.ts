/**
 * `traguardo relazione <file.xlsx> -o <relazione.docx> [--al <data>] [--per unita|missione]`: the
 * Relazione as a Word document, of the current sheets or of a date recorded in `Monitoraggi`. The
 * workbook is read, never written.
 */
import { hasErrors } from '../actions/assess';
import type { Progress } from '../actions/progress';
import { parseMonitoringDate } from '../actions/monitoring';
import { reportWorkbook } from '../actions/report';
import { UserError } from '../errors';
import { message, type Lang } from '../i18n';
import type { ReportGrouping } from '../report/content';
import { openXlsxFile } from '../workbook/xlsx/xlsxFile';
import { zlibCodec } from '../workbook/xlsx/zlibCodec';
import { assertReadableFile, checkOutput, readingFile, sameFile, writeOutputFile, type OutputPolicy } from './files';

export interface ReportCommand {
  args: string[];
  /** -o / --output. */
  output: string | undefined;
  /** --sostituisci / --replace. */
  replace: boolean;
  /** --per. */
  by: string | undefined;
  /** --al: the recorded monitoring date to report. */
  asOf: string | undefined;
  lang: Lang;
  out(text: string): void;
  progress?: Progress;
}

const USAGE = 'traguardo relazione <file.xlsx> -o <relazione.docx> [--al <data>] [--per unita|missione]';

function grouping(value: string | undefined): ReportGrouping {
  if (value === undefined || value === 'unita' || value === 'unità' || value === 'unit') return 'unita';
  if (value === 'missione' || value === 'mission') return 'missione';
  throw new UserError('cli-bad-report-by', { value });
}

/** Exit 0, or 1 when the check found errors (the document is written all the same, as score writes). */
export async function commandRelazione(command: ReportCommand): Promise<number> {
  const input = command.args[0];
  if (input === undefined) throw new UserError('cli-missing-argument', { what: 'la cartella di lavoro', usage: USAGE });
  if (command.output === undefined) throw new UserError('cli-report-output-required', {});
  const by = grouping(command.by);
  const asOf = command.asOf === undefined ? undefined : parseMonitoringDate(command.asOf);
  await assertReadableFile(input);
  if (await sameFile(input, command.output)) throw new UserError('cli-output-is-input', { file: command.output });
  const policy: OutputPolicy = command.replace ? { kind: 'replace' } : { kind: 'new', existsKey: 'cli-output-exists' };
  await checkOutput(command.output, policy);
  await command.progress?.('lettura', 0);
  const workbook = await readingFile(input, () => openXlsxFile(input));
  const written = await reportWorkbook(workbook, { lang: command.lang, by, asOf, codec: zlibCodec, progress: command.progress });
  await writeOutputFile(command.output, written.bytes, policy);
  const objectives = written.scored.plan.objectives.length;
  command.out(message('cli-report-written', { file: command.output, objectives: String(objectives) }, command.lang));
  return hasErrors(written.scored.findings) ? 1 : 0;
}
