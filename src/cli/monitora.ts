/**
 * `traguardo monitora <file.xlsx> --al <data> [--sostituisci] [-o out.xlsx]`: records the current
 * Consuntivo, Avanzamento % and Fine effettiva in `Monitoraggi` at a date (actions/monitoring.ts).
 * A date already recorded is replaced only with --sostituisci; otherwise the command refuses
 * before writing anything.
 */
import { recordMonitoring, parseMonitoringDate } from '../actions/monitoring';
import { UserError } from '../errors';
import { countMessage, message, type Lang } from '../i18n';
import { italianDate } from '../schema/cells';
import { openXlsxFile } from '../workbook/xlsx/xlsxFile';
import { assertReadableFile, checkOutput, readingFile, sameFile, writeOutputFile, type OutputPolicy } from './files';

export interface MonitoraInvocation {
  args: string[];
  values: { al?: string; sostituisci?: boolean; replace?: boolean; o?: string; output?: string };
  lang: Lang;
  io: { out(text: string): void; err(text: string): void };
}

const USAGE = 'traguardo monitora <file.xlsx> --al <data> [--sostituisci] [-o <out.xlsx>]';

/** Exit 0 when recorded, 2 (a UserError) when the date is already recorded and not to be replaced. */
export async function commandMonitora({ args, values, lang, io }: MonitoraInvocation): Promise<number> {
  const input = args[0];
  if (input === undefined) throw new UserError('cli-missing-argument', { what: 'la cartella di lavoro', usage: USAGE });
  if (values.al === undefined) throw new UserError('monitoring-date-required', { usage: USAGE });
  const date = parseMonitoringDate(values.al);
  const replace = values.sostituisci === true || values.replace === true;
  const out = values.o ?? values.output ?? input;
  await assertReadableFile(input);
  // In place is what the command is for; another existing file is replaced only with --sostituisci.
  const policy: OutputPolicy =
    out === input || (await sameFile(input, out)) || replace ? { kind: 'replace' } : { kind: 'new', existsKey: 'cli-output-exists' };
  await checkOutput(out, policy);
  const workbook = await readingFile(input, () => openXlsxFile(input));
  const outcome = await recordMonitoring(workbook, date, lang, { replace });
  if (outcome.kind === 'exists') {
    throw new UserError('cli-monitora-exists', { date: italianDate(date), rows: outcome.rows, file: input });
  }
  await writeOutputFile(out, await workbook.toBytes(), policy);
  const counts = {
    date: italianDate(date),
    file: out,
    indicators: countMessage('count-indicators', outcome.indicators, {}, lang),
    phases: countMessage('count-phases', outcome.phases, {}, lang),
  };
  io.out(message('cli-monitora-recorded', counts, lang));
  if (outcome.replaced > 0) io.out(countMessage('cli-monitora-replaced', outcome.replaced, { date: italianDate(date) }, lang));
  return 0;
}
