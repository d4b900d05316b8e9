/**
 * The ribbon's Verifica and Calcola: the same actions as the task pane's, run without opening
 * it, ending in a short notice. Office-free so they can be tested: the host gives the port, the
 * language and the two ways of telling the user (a notice, the task pane).
 */
import { checkWorkbook, scoreWorkbook } from '../actions/assess';
import { UserError } from '../errors';
import { formatNumber, message, type Lang } from '../i18n';
import { bandLabel } from '../rules/bands';
import type { LocatedFinding } from '../schema/findings';
import type { WorkbookPort } from '../workbook/port';
import { euro } from '../i18n/euro';

export type NoticeIntent = 'success' | 'warning' | 'error';

export interface CommandHost {
  port: WorkbookPort;
  lang: Lang;
  /** Shows a short notice; resolves when it is closed (or could not be shown). */
  notify(text: string, intent: NoticeIntent): Promise<void>;
  /** Opens the task pane where it can be opened from a command; false where it cannot. */
  showPane(): Promise<boolean>;
}

function counts(findings: readonly LocatedFinding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'errore') errors++;
    else if (f.severity === 'avviso') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** The text of a failure: a UserError's own message, anything else as Excel's refusal. */
export function failureText(error: unknown, lang: Lang): string {
  const reason =
    error instanceof UserError
      ? message(error.key, error.params, lang)
      : message('office-refused', { code: 'Error', detail: error instanceof Error ? error.message : String(error) }, lang);
  return message('command-failed', { reason }, lang);
}

/** Verifica: counts by severity; with errors, the task pane opens (where it can) to list them. */
export async function checkCommand(host: CommandHost): Promise<void> {
  const { lang } = host;
  try {
    const found = counts((await checkWorkbook(host.port, lang)).located);
    if (found.errors === 0) {
      await host.notify(message('command-check-done', found, lang), found.warnings > 0 ? 'warning' : 'success');
      return;
    }
    await host.showPane();
    await host.notify(message('command-check-errors', found, lang), 'error');
  } catch (error) {
    await host.notify(failureText(error, lang), 'error');
  }
}

/** Calcola: validates, computes, writes the outputs; the notice gives the organisation's grade. */
export async function computeCommand(host: CommandHost): Promise<void> {
  const { lang } = host;
  try {
    const scored = await scoreWorkbook(host.port, lang);
    const found = counts(scored.located);
    const { grade, band } = scored.results.organization;
    const text =
      grade === null
        ? message('command-compute-no-grade', found, lang)
        : message('command-compute-done', { ...found, grade: formatNumber(grade, lang), band: bandLabel(scored.plan.bands, band) ?? '—' }, lang);
    const funds = scored.pay?.funds ?? [];
    const pay = funds.length === 0 ? '' : ` ${message('command-compute-pay', { paid: euro(funds.reduce((a, f) => a + f.paid, 0), lang), allocated: euro(funds.reduce((a, f) => a + f.allocated, 0), lang) }, lang)}`;
    await host.notify(text + pay, found.errors > 0 ? 'warning' : 'success');
  } catch (error) {
    await host.notify(failureText(error, lang), 'error');
  }
}
