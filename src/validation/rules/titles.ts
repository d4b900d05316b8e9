/**
 * The same objective written twice: usually a joint objective copied into each unit instead of
 * being listed once with Strutture coinvolte, which would count it twice in the roll-up.
 */
import type { ValidationContext } from '../context';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Titles compare ignoring case, accents, spaces and punctuation. */
export function titleKey(title: string): string {
  return title.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

export function checkDuplicateTitles(ctx: ValidationContext): void {
  const { objectives } = ctx.plan;
  const firstInPlan = new Map<string, number>();
  const firstInUnit = new Map<string, number>();
  objectives.forEach((objective, i) => {
    if (objective.title === null) return;
    const normalised = titleKey(objective.title);
    if (normalised === '') return;
    // A PEG objective titled like its DUP parent is a refinement, not a copy: compare within a level.
    const key = `${objective.level}\u0000${normalised}`;
    const seen = firstInPlan.get(key);
    if (seen === undefined) firstInPlan.set(key, i);
    else {
      ctx.report('avviso', 'duplicate-title', 'objectives', i, 'title', {
        code: objective.code ?? '',
        other: objectives[seen].code ?? '',
        title: objective.title,
      });
    }
    if (objective.unit === null) return;
    const unitKey = `${key}\u0000${objective.unit}`;
    const seenInUnit = firstInUnit.get(unitKey);
    const unit = ctx.unitByCode.get(objective.unit);
    if (seenInUnit === undefined) firstInUnit.set(unitKey, i);
    else if (unit !== undefined) {
      ctx.report('avviso', 'unit-duplicate-objectives', 'units', unit, null, {
        unit: objective.unit,
        code: objective.code ?? '',
        other: objectives[seenInUnit].code ?? '',
      });
    }
  });
}
