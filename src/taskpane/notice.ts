/**
 * The pane's one message bar: what happened, in the current language, and the way forward
 * (create the sheets, upgrade them, unprotect, finish editing, reload). Texts are functions of
 * the language so a notice follows the language switch.
 */
import type { Computed } from '../actions/assess';
import { UserError } from '../errors';
import { message, type Lang } from '../i18n';
import type { Finding, MessageParams } from '../schema/findings';
import { italianDate } from '../schema/cells';
import { RULES_COLUMNS, tableDef } from '../schema/tables';
import type { Staleness } from '../workbook/formulas/stamp';
import type { WorkbookState } from '../actions/inspect';

export type Intent = 'error' | 'warning' | 'info' | 'success';

export type NoticeAction = 'create-sheets' | 'upgrade-sheets' | 'open-check' | 'reload';

export type LocalText = (lang: Lang) => string;

export interface Notice {
  intent: Intent;
  title?: LocalText;
  text: LocalText;
  /** One line each, under the text (e.g. the accepted names of each missing column). */
  details?: LocalText[];
  /** What to do, when the text itself does not say it precisely enough. */
  hint?: LocalText;
  action?: NoticeAction;
}

export function text(key: string, params: MessageParams = {}): LocalText {
  return (lang) => message(key, params, lang);
}

/**
 * UserError keys of a write refused because a sheet is protected (memory, xlsx and Office ports).
 * Office's own refusal (`office-sheet-protected`) does not name the sheet; its message already
 * says where to unprotect, and so does Excel's `office-cell-editing` for a cell being edited.
 */
const PROTECTED_SHEET_KEYS: ReadonlySet<string> = new Set(['workbook-sheet-protected', 'office-sheet-protected']);

/** Verifica on a workbook whose last Calcola the inputs have moved away from. */
export function staleNotice(stale: NonNullable<Staleness>, errors: number, warnings: number): Notice {
  return {
    intent: 'warning',
    text: text(`stale-${stale.reason}`, { date: italianDate(stale.date) }),
    details: [text(errors === 0 && warnings === 0 ? 'ui-check-clean' : 'ui-check-done', { errors, warnings })],
  };
}

/** Calcola done: how the results were written (formulas, some values with a note, or plain values). */
export function computedNotice(computed: Pick<Computed, 'mode' | 'valueCells'>, summary: string): Notice {
  if (computed.mode === 'valori') return notice('success', 'ui-compute-done-values', { summary });
  if (computed.valueCells > 0) return notice('success', 'ui-compute-done-some-values', { summary, count: computed.valueCells });
  return notice('success', 'ui-compute-done', { summary });
}

export function notice(intent: Intent, key: string, params: MessageParams = {}): Notice {
  return { intent, text: text(key, params) };
}

/** A failed action, explained: every UserError shows its own message. */
export function errorNotice(e: unknown): Notice {
  if (!(e instanceof UserError)) {
    const detail = e instanceof Error ? e.message : String(e);
    return { intent: 'error', title: text('ui-title-error'), text: text('ui-unexpected', { detail }), action: 'reload' };
  }
  const body = text(e.key, e.params);
  if (e.key === 'not-a-traguardo-workbook') {
    return { intent: 'warning', title: text('ui-title-not-traguardo'), text: body, action: 'create-sheets' };
  }
  if (PROTECTED_SHEET_KEYS.has(e.key)) {
    const sheet = e.params.sheet;
    return { intent: 'error', title: text('ui-title-protected'), text: body, ...(sheet === undefined ? {} : { hint: text('ui-hint-protected', { sheet }) }) };
  }
  return { intent: 'error', title: text('ui-title-error'), text: body };
}

/** The header spellings Traguardo accepts for the column a `column-missing` finding names. */
export function acceptedHeaders(f: Finding): string[] {
  const def = tableDef(f.table);
  if (f.field === null) {
    const column = Object.values(RULES_COLUMNS).find((c) => c.it === f.params.column);
    return column ? [column.it, column.en] : [String(f.params.column)];
  }
  const field = def.fields.find((d) => d.key === f.field);
  if (!field) return [String(f.params.column)];
  return [...new Set([field.label.it, field.label.en, ...field.aliases])];
}

/** Missing required columns: which, the names that would be recognised, and «Aggiorna i fogli». */
export function missingColumnsNotice(missing: readonly Finding[]): Notice {
  return {
    intent: 'warning',
    title: text('ui-title-columns-missing'),
    text: text('ui-columns-missing'),
    details: missing.map(columnLine),
    action: 'upgrade-sheets',
  };
}

/** A missing column, with the headers Traguardo accepts for it. */
function columnLine(f: Finding): (lang: Lang) => string {
  return (lang) => {
    const column = String(lang === 'en' ? f.params.columnEn ?? f.params.column : f.params.column);
    return message('ui-column-accepted', { table: String(f.params.table), column, names: acceptedHeaders(f).join(', ') }, lang);
  };
}

/**
 * Tables the workbook lacks, each with what its absence means, then any missing columns of the
 * tables it has: one button adds them all.
 */
function missingTablesNotice(missing: readonly Finding[], columns: readonly Finding[] = []): Notice {
  return {
    intent: missing.some((f) => f.severity === 'errore') ? 'error' : 'warning',
    title: text('ui-title-tables-missing'),
    text: text('ui-tables-missing'),
    details: [...missing.map((f) => (lang: Lang) => message(f.rule, f.params, lang)), ...columns.map(columnLine)],
    action: 'upgrade-sheets',
  };
}

/** What the pane says as it opens: nothing for a sound workbook. */
export function workbookNotice(state: WorkbookState): Notice | null {
  if (state.kind === 'not-traguardo') {
    return { intent: 'warning', title: text('ui-title-not-traguardo'), text: text('not-a-traguardo-workbook'), action: 'create-sheets' };
  }
  if (state.missingTables.length > 0) return missingTablesNotice(state.missingTables, state.missingColumns);
  return state.missingColumns.length > 0 ? missingColumnsNotice(state.missingColumns) : null;
}
