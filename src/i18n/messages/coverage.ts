import type { Catalog } from '../index';

/**
 * Coverage (issue 10): how much of a grade rests on graded objectives — the Copertura column of
 * Riepilogo, the pane's cards — and the Esito verifica of an objective that errors in other rows
 * leave without a grade. `{graded}` in the Copertura texts becomes a live cell reference.
 */
export const coverageMessages: Catalog = {
  'coverage-complete': { it: 'Completa: {graded} di {total} obiettivi', en: 'Complete: {graded} of {total} objectives' },
  'coverage-complete-one': { it: 'Completa: {graded} di 1 obiettivo', en: 'Complete: {graded} of 1 objective' },
  'coverage-partial': { it: 'Parziale: {graded} di {total} obiettivi', en: 'Partial: {graded} of {total} objectives' },
  'coverage-partial-one': { it: 'Parziale: {graded} di 1 obiettivo', en: 'Partial: {graded} of 1 objective' },
  'coverage-none': { it: 'Nulla: {graded} di {total} obiettivi', en: 'None: {graded} of {total} objectives' },
  'coverage-none-one': { it: 'Nulla: {graded} di 1 obiettivo', en: 'None: {graded} of 1 objective' },
  'ui-coverage-of': { it: 'su {graded} di {total} obiettivi', en: 'on {graded} of {total} objectives' },
  'ui-coverage-of-one': { it: 'su {graded} di 1 obiettivo', en: 'on {graded} of 1 objective' },
  'ui-coverage-empty': { it: 'nessun obiettivo', en: 'no objectives' },
  'ui-coverage-weight': { it: 'peso valutato {share} %', en: 'weight graded {share} %' },
  'ui-coverage-hint': {
    it: 'Il grado si basa solo sugli obiettivi valutati: gli altri hanno errori o non hanno ancora un grado (vedere Esito verifica in Obiettivi).',
    en: 'The grade rests only on the graded objectives: the others have errors or no grade yet (see Check result in Objectives).',
  },
  'check-not-graded': { it: 'Non calcolato: errori in {cells}', en: 'Not graded: errors in {cells}' },
  'check-not-graded-more': { it: '{cells} e altre {count}', en: '{cells} and {count} more' },
  'ui-coverage-word-complete': { it: 'Completa', en: 'Complete' },
  'ui-coverage-word-partial': { it: 'Parziale', en: 'Partial' },
  'ui-coverage-word-none': { it: 'Nulla', en: 'None' },
  'cli-coverage-count': { it: '{graded} di {total}', en: '{graded} of {total}' },
  'cli-col-coverage': { it: 'Copertura', en: 'Coverage' },
  'cli-col-weight-graded': { it: 'Peso valutato %', en: 'Weight graded %' },
};
