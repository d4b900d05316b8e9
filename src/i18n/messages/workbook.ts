import type { Catalog } from '../index';

/** Messages of the workbook layer: table and column recognition, layout notes, outputs, Riepilogo. */
export const workbookMessages: Catalog = {
  'not-a-traguardo-workbook': {
    it: 'La cartella non contiene tabelle di Traguardo (Strutture, Obiettivi, Indicatori, Fasi, Pesatura, Personale, Regole). Creare i fogli con «Crea/aggiorna fogli» oppure partire dal modello.',
    en: 'The workbook has no Traguardo tables (Strutture, Obiettivi, Indicatori, Fasi, Pesatura, Personale, Regole). Create the sheets with “Create/upgrade sheets” or start from the template.',
  },
  'column-missing': {
    it: 'Nella tabella {table} manca la colonna «{column}». Aggiungerla oppure usare «Crea/aggiorna fogli».',
    en: 'Table {table} has no column “{columnEn}”. Add it or use “Create/upgrade sheets”.',
  },
  'column-duplicate': {
    it: 'Nella tabella {table} la colonna «{column}» compare due volte: si legge solo la prima. Rinominare o eliminare la seconda.',
    en: 'In table {table} the column “{column}” appears twice: only the first is read. Rename or delete the second.',
  },
  'table-duplicate': {
    it: 'La tabella {table} (foglio {sheet}) ripete una tabella già letta ed è ignorata. Unire i dati in una sola tabella.',
    en: 'Table {table} (sheet {sheet}) repeats a table already read and is ignored. Merge the data into one table.',
  },
  'rules-parameter-unknown': {
    it: 'Parametro sconosciuto nelle Regole: «{parameter}». Correggere il nome (es. «Tetto grado %») oppure eliminare la riga.',
    en: 'Unknown parameter in Regole: “{parameter}”. Correct the name (e.g. “Tetto grado %”) or delete the row.',
  },
  'rules-parameter-duplicate': {
    it: 'Il parametro «{parameter}» compare più volte nelle Regole: vale la prima riga. Eliminare i duplicati.',
    en: 'The parameter “{parameter}” appears more than once in Regole: the first row applies. Delete the duplicates.',
  },
  'workbook-sheet-protected': {
    it: 'Il foglio {sheet} è protetto: Traguardo non può scriverci. Rimuovere la protezione e riprovare.',
    en: 'Sheet {sheet} is protected: Traguardo cannot write to it. Unprotect it and try again.',
  },
  'workbook-range-occupied': {
    it: 'Nel foglio {sheet} la cella {cell} è già occupata: Traguardo non sovrascrive i dati. Spostare il contenuto e riprovare.',
    en: 'On sheet {sheet} cell {cell} is in use: Traguardo does not overwrite data. Move the content and try again.',
  },
  'layout-required-note': { it: 'Obbligatorio. {help}', en: 'Required. {help}' },
  'layout-output-note': { it: 'calcolato: {help}', en: 'computed: {help}' },
  'layout-criterion-note': {
    it: 'Criterio di pesatura: punteggio da 0 a {max}, peso {weight}',
    en: 'Weighting criterion: score from 0 to {max}, weight {weight}',
  },
  'layout-rules-value-note': {
    it: 'Vuoto = valore predefinito del parametro',
    en: 'Blank = the parameter’s default',
  },
  'check-ok': { it: 'OK', en: 'OK' },
  'severity-errore': { it: 'errore', en: 'error' },
  'severity-avviso': { it: 'avviso', en: 'warning' },
  'severity-info': { it: 'info', en: 'info' },
  'status-completato': { it: 'Completato', en: 'Completed' },
  'status-non-avviato': { it: 'Non avviato', en: 'Not started' },
  'status-in-linea': { it: 'In linea', en: 'On track' },
  'status-in-ritardo': { it: 'In ritardo', en: 'Late' },
  'status-critico': { it: 'Critico', en: 'Critical' },
  'summary-title': {
    it: '{organization} — Performance {year} — situazione al {date}',
    en: '{organization} — Performance {year} — as at {date}',
  },
  'summary-organization': { it: 'Ente', en: 'Organisation' },
  'summary-ente-performance': {
    it: 'Performance di ente (obiettivi di livello Ente)',
    en: 'Organisational performance (objectives of level Ente)',
  },
  'summary-live': {
    it: 'Calcolato da Traguardo il {date}. Le celle calcolate sono formule: cambiando un dato (es. un consuntivo) i gradi si aggiornano da soli. Le celle con una nota sono valori: se cambiano i dati, eseguire di nuovo Calcola.',
    en: 'Computed by Traguardo on {date}. Computed cells are formulas: change an input (e.g. an actual) and the grades follow. Cells with a note are values: when inputs change, run Calcola again.',
  },
  'summary-values': {
    it: 'Valori calcolati da Traguardo il {date}: copia senza formule, non si aggiorna se cambiano i dati.',
    en: 'Values computed by Traguardo on {date}: a copy without formulas; it does not follow changes to the inputs.',
  },
  'summary-chart-title': { it: 'Grado % per struttura', en: 'Grade % by unit' },
  'stale-structure': {
    it: 'I risultati sono stati calcolati il {date} e da allora sono cambiati righe, codici o regole: eseguire di nuovo Calcola.',
    en: 'The results were computed on {date} and rows, codes or rules have changed since: run Calcola again.',
  },
  'stale-inputs': {
    it: 'I risultati sono stati calcolati il {date} e da allora sono cambiati dei dati: le formule si aggiornano da sole, ma le celle scritte come valori (con nota) no. Eseguire di nuovo Calcola.',
    en: 'The results were computed on {date} and some inputs have changed since: formulas follow, but cells written as values (with a note) do not. Run Calcola again.',
  },
  'live-value-note': {
    it: 'Valore scritto da Traguardo il {date}, non una formula: {reason}. Se cambiano i dati, eseguire di nuovo Calcola.',
    en: 'Value written by Traguardo on {date}, not a formula: {reason}. When the inputs change, run Calcola again.',
  },
  'live-reason-floors': {
    it: 'le quote minime (Peso minimo %) si ripartiscono per iterazione',
    en: 'minimum shares (Peso minimo %) are redistributed by iteration',
  },
  'live-reason-rollup': {
    it: 'il grado di un obiettivo padre viene dai figli lungo tutto l’albero',
    en: 'a parent objective’s grade comes from its children through the whole tree',
  },
  'live-reason-unreadable': {
    it: 'una cella di input contiene testo che Traguardo ha convertito (es. «1.750» o «31/12/2023»): scrivendola come numero o data la cella diventa una formula',
    en: 'an input cell holds text Traguardo converted (e.g. «1.750» or «31/12/2023»): typed as a number or date, the cell becomes a formula',
  },
  'live-reason-codes': {
    it: 'un codice non è utilizzabile in SOMMA.PIÙ.SE (maiuscole e minuscole diverse, spazi, * ? ~, o un codice che sembra un numero)',
    en: 'a code cannot be used in SUMIFS (different letter case, spaces, * ? ~, or a code that looks like a number)',
  },
  'live-reason-length': {
    it: 'la formula supererebbe la lunghezza massima di Excel',
    en: 'the formula would exceed Excel’s maximum length',
  },
  'live-reason-zero-weights': {
    it: 'i pesi sono tutti zero e gli obiettivi contano in parti uguali',
    en: 'all weights are zero and the objectives count equally',
  },
  'live-reason-blocked': {
    it: 'la riga ha un errore',
    en: 'the row has an error',
  },
};
