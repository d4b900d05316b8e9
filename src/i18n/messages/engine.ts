import type { Catalog } from '../index';

/**
 * The `Calcolo` trace of an indicator: one line a person can recompute by hand. Numbers arrive
 * formatted where the trace is shown (rules/indicatorGrade.ts renderTrace), dates as dd/mm/yyyy.
 */
export const engineMessages: Catalog = {
  'trace-yes': { it: 'SI', en: 'YES' },
  'trace-no': { it: 'NO', en: 'NO' },
  'trace-ratio': {
    it: '{polarity}, {method}: {numerator} / {denominator} = {grade} %',
    en: '{polarity}, {method}: {numerator} / {denominator} = {grade} %',
  },
  'trace-linear': {
    it: '{polarity}, {method}: ({a} − {b}) / ({c} − {d}) = {grade} %',
    en: '{polarity}, {method}: ({a} − {b}) / ({c} − {d}) = {grade} %',
  },
  'trace-mirror': {
    it: '{polarity}, {method}: (2 × {target} − {actual}) / {target} = {grade} %',
    en: '{polarity}, {method}: (2 × {target} − {actual}) / {target} = {grade} %',
  },
  'trace-zero-target': {
    it: '{polarity}, target 0, consuntivo {actual} → {grade} %',
    en: '{polarity}, target 0, actual {actual} → {grade} %',
  },
  'trace-inverse-nonpositive': {
    it: '{polarity}, {method}: consuntivo {actual} ≤ 0 → {grade} %',
    en: '{polarity}, {method}: actual {actual} ≤ 0 → {grade} %',
  },
  'trace-negative-target': {
    it: '{polarity}, {method}: target {target} negativo, nessun grado. Usare il metodo Lineare con una Baseline.',
    en: '{polarity}, {method}: negative target {target}, no grade. Use the Linear method with a Baseline.',
  },
  'trace-linear-no-baseline': {
    it: '{polarity}, {method}: manca la Baseline, nessun grado. Indicare il valore di partenza.',
    en: '{polarity}, {method}: no Baseline, no grade. Enter the starting value.',
  },
  'trace-linear-baseline-below': {
    it: '{polarity}, {method}: la Baseline ({baseline}) deve essere inferiore al target ({target}), nessun grado.',
    en: '{polarity}, {method}: the Baseline ({baseline}) must be below the target ({target}), no grade.',
  },
  'trace-linear-baseline-above': {
    it: '{polarity}, {method}: la Baseline ({baseline}) deve essere superiore al target ({target}), nessun grado.',
    en: '{polarity}, {method}: the Baseline ({baseline}) must be above the target ({target}), no grade.',
  },
  'trace-threshold-below': {
    it: 'Soglia {threshold} non raggiunta ({actual}) → 0 %',
    en: 'Threshold {threshold} not reached ({actual}) → 0 %',
  },
  'trace-threshold-above': {
    it: 'Soglia {threshold} superata ({actual}) → 0 %',
    en: 'Threshold {threshold} exceeded ({actual}) → 0 %',
  },
  'trace-yesno': {
    it: '{type}: atteso {target}, rilevato {actual} → {grade} %',
    en: '{type}: expected {target}, measured {actual} → {grade} %',
  },
  'trace-yesno-partial': {
    it: '{type}: atteso {target}, realizzato in parte → {grade} %',
    en: '{type}: expected {target}, partly achieved → {grade} %',
  },
  'trace-deadline-on-time': {
    it: 'Scadenza {target}, conclusa il {actual}: nei termini → 100 %',
    en: 'Deadline {target}, completed on {actual}: on time → 100 %',
  },
  'trace-deadline-late': {
    it: 'Scadenza {target}, conclusa il {actual}: {days} giorni di ritardo, tolleranza {tolerance} → {grade} %',
    en: 'Deadline {target}, completed on {actual}: {days} days late, tolerance {tolerance} → {grade} %',
  },
  'trace-deadline-late-no-tolerance': {
    it: 'Scadenza {target}, conclusa il {actual}: {days} giorni di ritardo, nessuna tolleranza → 0 %',
    en: 'Deadline {target}, completed on {actual}: {days} days late, no tolerance → 0 %',
  },
  'trace-deadline-missed': {
    it: 'Scadenza {target} superata al {reference}, non completato → 0 %',
    en: 'Deadline {target} passed at {reference}, not completed → 0 %',
  },
  'trace-not-due': {
    it: 'Non ancora in scadenza (scade il {target}, data di riferimento {reference}): escluso dal calcolo',
    en: 'Not yet due (due on {target}, reference date {reference}): left out',
  },
  'trace-capped': {
    it: '{trace}; limitato al tetto {cap} %',
    en: '{trace}; capped at {cap} %',
  },
  'trace-raised': {
    it: '{trace}; portato a 0 %',
    en: '{trace}; raised to 0 %',
  },
  'trace-missing-zero': {
    it: 'Consuntivo mancante → 0 %',
    en: 'Actual missing → 0 %',
  },
  'trace-missing-excluded': {
    it: 'Consuntivo mancante: escluso dal calcolo (Regole, Consuntivo mancante = Escludi)',
    en: 'Actual missing: left out (Rules, Missing actual = Exclude)',
  },
  'trace-missing-error': {
    it: 'Consuntivo mancante: nessun grado (Regole, Consuntivo mancante = Errore). Inserire il consuntivo.',
    en: 'Actual missing: no grade (Rules, Missing actual = Error). Enter the actual value.',
  },
  'trace-excluded': {
    it: 'Non valutabile: escluso dal calcolo',
    en: 'Excluded: left out',
  },
  'trace-blocked': {
    it: 'Nessun grado: la riga ha errori (vedere Esito verifica)',
    en: 'No grade: the row has errors (see Check result)',
  },
  'trace-no-type': {
    it: 'Nessun grado: manca il Tipo. Indicare Numero, Percentuale, SI/NO o Scadenza.',
    en: 'No grade: Type is missing. Enter Number, Percentage, YES/NO or Deadline.',
  },
  'trace-no-polarity': {
    it: 'Nessun grado: manca la Polarità. Indicare Crescente o Decrescente.',
    en: 'No grade: Polarity is missing. Enter Increasing or Decreasing.',
  },
  'trace-bad-target': {
    it: 'Nessun grado: Target mancante o non adatto al Tipo {type}.',
    en: 'No grade: Target missing or not suited to Type {type}.',
  },
  'trace-bad-actual': {
    it: 'Nessun grado: Consuntivo non adatto al Tipo {type}.',
    en: 'No grade: Actual not suited to Type {type}.',
  },
};
