import type { Catalog } from '../index';

/** Texts of result pay in the pane (tab Persone) and in the Premi and Trasparenza sheets. */
export const payBookMessages: Catalog = {
  'ui-tab-people': { it: 'Persone', en: 'People' },
  'ui-people-what': {
    it: 'I premi dell’ultimo Calcola: i fondi, la distribuzione per classe e la scheda di ogni persona.',
    en: 'Result pay from the last Compute: the pots, the distribution by class and each person’s scheda.',
  },
  'ui-people-not-computed': {
    it: 'Esegui Calcola: qui compariranno i fondi e le schede delle persone.',
    en: 'Run Compute: the pots and the people’s schede will appear here.',
  },
  'ui-people-none': {
    it: 'La cartella non ha persone: compila i fogli Persone, Schede, Valutazioni e Fondi, poi Calcola.',
    en: 'The workbook has no people: fill in the Persone, Schede, Valutazioni and Fondi sheets, then Compute.',
  },
  'ui-pay-funds': { it: 'Fondi', en: 'Pots' },
  'ui-pay-allocated': { it: 'Stanziato', en: 'Allocated' },
  'ui-pay-paid': { it: 'Distribuito', en: 'Paid' },
  'ui-pay-unspent': { it: 'Residuo', en: 'Unspent' },
  'ui-pay-by-class': { it: 'Distribuzione per classe', en: 'Distribution by class' },
  'ui-pay-class-people': { it: '{people} persone · {amount}', en: '{people} people · {amount}' },
  'ui-pay-person': { it: 'Persona', en: 'Person' },
  'ui-pay-scheda': { it: 'Scheda', en: 'Scheda' },
  'ui-pay-component': { it: 'Componente', en: 'Component' },
  'ui-pay-weight': { it: 'Peso', en: 'Weight' },
  'ui-pay-grade': { it: 'Voto', en: 'Grade' },
  'ui-pay-score': { it: 'Punteggio', en: 'Score' },
  'ui-pay-total': { it: 'Totale', en: 'Total' },
  'ui-pay-how': { it: 'Calcolo', en: 'How it was computed' },
  'ui-pay-missing': { it: 'mancante', en: 'missing' },

  'pay-component-ente': { it: 'Ente', en: 'Organisation' },
  'pay-component-struttura': { it: 'Struttura', en: 'Unit' },
  'pay-component-obiettivi': { it: 'Obiettivi', en: 'Objectives' },
  'pay-component-apporto': { it: 'Apporto', en: 'Contribution' },
  'pay-component-comportamenti': { it: 'Comportamenti', en: 'Behaviour' },

  'pay-class-label': { it: 'Classe {index} (da {from})', en: 'Class {index} (from {from})' },
  'pay-class-below': { it: 'Sotto la prima classe', en: 'Below the first class' },
  'pay-class-none': { it: 'Fondo senza classi', en: 'Pot without classes' },

  'pay-trace-profile': { it: 'Profilo «{profile}»', en: 'Profile «{profile}»' },
  'pay-trace-no-profile': { it: 'Nessun profilo in Schede', en: 'No profile in Schede' },
  'pay-trace-excluded': { it: 'Escluso: {reason}. Non partecipa ad alcun fondo.', en: 'Excluded: {reason}. Takes part in no pot.' },
  'pay-trace-excluded-days': {
    it: 'Escluso: giorni di servizio meno assenze sotto i Giorni minimi. Non partecipa ad alcun fondo.',
    en: 'Excluded: days of service less absences below the Minimum days. Takes part in no pot.',
  },
  'pay-trace-not-evaluated': {
    it: 'Non valutato: nessuna componente del profilo ha un voto. Non partecipa ad alcun fondo.',
    en: 'Not evaluated: no component of the profile has a grade. Takes part in no pot.',
  },
  'pay-trace-score': { it: 'Punteggio = ({terms}) / {divisor} = {score}', en: 'Score = ({terms}) / {divisor} = {score}' },
  'pay-trace-score-zero': { it: '{line} (componenti mancanti contate 0)', en: '{line} (missing components counted as 0)' },
  'pay-trace-pot': { it: 'Fondo {fund}', en: 'Pot {fund}' },
  'pay-trace-class': { it: '{class}: {factor}', en: '{class}: {factor}' },
  'pay-trace-class-proportional': { it: '{class}, proporzionale: {factor} pari al punteggio', en: '{class}, proportional: {factor} equal to the score' },
  'pay-trace-class-below': { it: 'Sotto la prima classe: nulla da pagare', en: 'Below the first class: nothing to pay' },
  'pay-trace-class-none': { it: 'Fondo senza classi: {factor}', en: 'Pot without classes: {factor}' },
  'pay-factor-coefficient': { it: 'coefficiente {value}', en: 'coefficient {value}' },
  'pay-factor-payment': { it: 'pagamento {value} %', en: 'payment {value} %' },
  'pay-trace-key-coefficienti': {
    it: 'Chiave = coeff. categoria × coeff. classe × part-time × (giorni − assenze) / base = {category} × {factor} × {partTime} % × ({days} − {absence}) / {dayBasis} = {key}',
    en: 'Key = category coeff. × class coeff. × part-time × (days − absences) / basis = {category} × {factor} × {partTime} % × ({days} − {absence}) / {dayBasis} = {key}',
  },
  'pay-trace-key-budget': {
    it: 'Budget individuale in proporzione a part-time × giorni = {partTime} % × {days}, pagato al {payment} %',
    en: 'Individual budget in proportion to part-time × days = {partTime} % × {days}, paid at {payment} %',
  },
  'pay-trace-key-posizione': {
    it: 'Chiave = retribuzione di posizione × pagamento = {positionPay} × {payment} % = {key}',
    en: 'Key = position pay × payment = {positionPay} × {payment} % = {key}',
  },
  'pay-trace-share-ente': { it: 'Importo {amount}: il fondo ripartito sulle chiavi di tutti', en: 'Amount {amount}: the pot shared by everyone’s keys' },
  'pay-trace-share-struttura': {
    it: 'Importo {amount}: il budget della struttura ripartito sulle chiavi dei suoi componenti (le assenze restano alla struttura)',
    en: 'Amount {amount}: the unit’s budget shared by its people’s keys (absences stay with the unit)',
  },
  'pay-trace-share-economia': {
    it: 'Importo {amount}: in proporzione alle chiavi senza assenze; il non assegnato resta economia',
    en: 'Amount {amount}: in proportion to the keys without absences; what is not assigned stays unspent',
  },
  'pay-trace-share-posizione': { it: 'Importo {amount}: il fondo ripartito sulle chiavi (con l’eventuale tetto)', en: 'Amount {amount}: the pot shared by the keys (capped where set)' },
  'pay-trace-share-fixed': {
    it: 'Importo {amount}: la media del fondo per i beneficiari della maggiorazione Totale',
    en: 'Amount {amount}: the pot’s average, for the beneficiaries of a Totale maggiorazione',
  },
  'pay-trace-bonus': { it: 'Maggiorazione {kind} del {percent} %: {bonus}', en: '{kind} maggiorazione of {percent} %: {bonus}' },
  'pay-bonus-aggiuntiva': { it: 'aggiuntiva', en: 'Aggiuntiva' },
  'pay-bonus-totale': { it: 'totale', en: 'Totale' },
  'pay-trace-total': { it: 'Totale del fondo {fund}: {total}', en: 'Total from pot {fund}: {total}' },
  'pay-trace-grand-total': { it: 'Totale di tutti i fondi: {total}', en: 'Total of all pots: {total}' },

  'live-reason-cents': {
    it: 'gli importi del fondo sono arrotondati al centesimo insieme, con il metodo dei resti maggiori, perché la somma pagata sia esatta',
    en: 'the pot’s amounts are rounded to the cent together, by largest remainder, so that the sum paid is exact',
  },
  'live-reason-sharing': {
    it: 'la maggiorazione si decide sull’intero fondo (beneficiari, pareggi)',
    en: 'the maggiorazione is decided over the whole pot (beneficiaries, ties)',
  },
  'pay-sheet-title': { it: 'Premi {year} — {organization}', en: 'Result pay {year} — {organization}' },
  'pay-sheet-pool': { it: 'Da ripartire €', en: 'To share €' },
  'pay-sheet-score': { it: 'Punteggio', en: 'Score' },
  'pay-sheet-key': { it: 'Chiave', en: 'Key' },
  'pay-sheet-share': { it: 'Quota esatta €', en: 'Exact share €' },
  'pay-sheet-live': {
    it: 'Calcolato da Traguardo il {date}. Punteggio, Classe, Coefficiente, Chiave e Quota esatta sono formule: cambiando una valutazione si aggiornano da sole. Importo, Maggiorazione e Totale sono valori al centesimo (resti maggiori): se cambiano i dati, eseguire di nuovo Calcola.',
    en: 'Computed by Traguardo on {date}. Score, Class, Coefficient, Key and Exact share are formulas: change an evaluation and they follow. Amount, Bonus and Total are values to the cent (largest remainder): when inputs change, run Calcola again.',
  },
  'transparency-title': {
    it: 'Trasparenza dei premi {year} — {organization} (D.Lgs. 33/2013, art. 20)',
    en: 'Result pay transparency {year} — {organization} (D.Lgs. 33/2013, art. 20)',
  },
  'transparency-subtitle': {
    it: 'Dati aggregati, senza nomi né matricole: pubblicabili.',
    en: 'Aggregated figures, without names or staff numbers: fit for publication.',
  },
  'transparency-no-category': { it: '(senza categoria)', en: '(no category)' },
  'transparency-evaluator': { it: 'Valutatore {number}', en: 'Evaluator {number}' },
  'transparency-evaluator-header': { it: 'Valutatore', en: 'Evaluator' },
  'transparency-evaluator-people': { it: 'Persone valutate', en: 'People evaluated' },
  'transparency-evaluator-mean': { it: 'Punteggio medio', en: 'Mean score' },
  'transparency-evaluator-sd': { it: 'Deviazione standard', en: 'Standard deviation' },
  'transparency-evaluator-min': { it: 'Punteggio minimo', en: 'Lowest score' },
  'transparency-evaluator-max': { it: 'Punteggio massimo', en: 'Highest score' },
  'transparency-class-count': { it: '{class}: {people}', en: '{class}: {people}' },
  'transparency-values': {
    it: 'Valori calcolati da Traguardo il {date}: se cambiano i dati, eseguire di nuovo Calcola.',
    en: 'Values computed by Traguardo on {date}: when inputs change, run Calcola again.',
  },
  'command-compute-pay': {
    it: 'Premi: distribuiti {paid} su {allocated} stanziati (fogli Premi e Trasparenza).',
    en: 'Result pay: {paid} paid of {allocated} allocated (sheets Premi and Trasparenza).',
  },
  'pay-sheet-not-computed': {
    it: 'Premi non calcolati il {date}: i fogli dei premi hanno errori (vedi Verifica). Correggerli ed eseguire di nuovo Calcola.',
    en: 'Result pay not computed on {date}: the pay sheets have errors (see Check). Fix them and run Calcola again.',
  },
};
