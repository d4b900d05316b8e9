/**
 * The Esito verifica of an objective that errors in other rows leave without a grade: «Non
 * calcolato: errori in Indicatori!K31, K34; Fasi!G46». An error in an indicator or phase row blocks
 * the objective it names (SPEC §3.2), so that objective's own row must not read «OK».
 */
import { message, type Lang } from '../i18n';
import type { Finding } from '../schema/findings';
import { firstIndexByKey } from '../schema/firstIndex';
import type { Plan } from '../schema/model';
import { sheetPrefix } from './formulas/a1';
import type { Locator } from './grid';

/** Cells listed at most; the rest are counted («e altre 3»), so the text stays readable in a cell. */
const MAX_CELLS = 10;

/**
 * Per objective index, the «Non calcolato: errori in …» text naming the cells with errors in its
 * indicator and phase rows, for the objectives `blocked(i)` says are left without a grade by them.
 * Rows belong to the first objective row carrying their code, as in the engine.
 */
export function notGradedTexts(plan: Plan, findings: readonly Finding[], locator: Locator, lang: Lang, blocked: (objective: number) => boolean): Map<number, string> {
  const first = firstIndexByKey(plan.objectives, (o) => o.code);
  /** Per objective, per sheet, the cells in the order found (a Map keeps insertion order and drops repeats). */
  const cells = new Map<number, Map<string, Set<string>>>();
  for (const f of findings) {
    if (f.severity !== 'errore' || f.index === null || (f.table !== 'indicators' && f.table !== 'phases')) continue;
    const code = (f.table === 'indicators' ? plan.indicators : plan.phases)[f.index]?.objective ?? null;
    const objective = code === null ? undefined : first.get(code);
    if (objective === undefined || !blocked(objective)) continue;
    const located = locator.locate(f, lang);
    if (located.row === null) continue;
    const bySheet = cells.get(objective) ?? new Map<string, Set<string>>();
    cells.set(objective, bySheet);
    const list = bySheet.get(located.sheet) ?? new Set<string>();
    bySheet.set(located.sheet, list);
    list.add(located.cell ?? `${located.row}:${located.row}`);
  }
  const texts = new Map<number, string>();
  for (const [objective, bySheet] of cells) {
    let shown = 0;
    let total = 0;
    const parts: string[] = [];
    for (const [sheet, set] of bySheet) {
      total += set.size;
      const room = MAX_CELLS - shown;
      if (room <= 0) continue;
      const listed = [...set].slice(0, room);
      shown += listed.length;
      parts.push(`${sheetPrefix(sheet)}${listed.join(', ')}`);
    }
    const list = total > shown ? message('check-not-graded-more', { cells: parts.join('; '), count: total - shown }, lang) : parts.join('; ');
    texts.set(objective, message('check-not-graded', { cells: list }, lang));
  }
  return texts;
}

