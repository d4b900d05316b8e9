import type { Catalog } from '../index';

/** Texts of the task pane: tabs, buttons, notices and the hints that lead the user out of a problem. */
export const uiMessages: Catalog = {
  'ui-app-title': { it: 'Traguardo', en: 'Traguardo' },
  'ui-lang-switch': { it: 'English', en: 'Italiano' },
  'ui-lang-switch-hint': { it: 'Mostra il pannello in inglese', en: 'Show the pane in Italian' },
  'ui-tabs': { it: 'Sezioni', en: 'Sections' },
  'ui-tab-start': { it: 'Inizia', en: 'Start' },
  'ui-tab-check': { it: 'Verifica', en: 'Check' },
  'ui-tab-compute': { it: 'Calcola', en: 'Compute' },
  'ui-tab-rules': { it: 'Regole', en: 'Rules' },
  'ui-tab-exchange': { it: 'Scambio', en: 'Exchange' },
  'ui-tabs-more': { it: 'Altre sezioni', en: 'More sections' },
  'ui-busy': { it: 'Operazione in corso…', en: 'Working…' },
  'ui-dismiss': { it: 'Chiudi il messaggio', en: 'Dismiss the message' },
  'ui-confirm-cancel': { it: 'Annulla', en: 'Cancel' },

  'ui-start-what': {
    it: 'Traguardo controlla obiettivi, indicatori e fasi del piano della performance scritti in questa cartella.',
    en: 'Traguardo checks the objectives, indicators and phases of the performance plan kept in this workbook.',
  },
  'ui-start-how': {
    it: 'Calcola gradi, pesi e fasce per struttura e per ente e li scrive nelle colonne grigie e nel foglio Riepilogo.',
    en: 'It computes grades, weights and bands per unit and for the organisation, written to the grey columns and the Summary sheet.',
  },
  'ui-create-sheets': { it: 'Crea o aggiorna i fogli', en: 'Create or upgrade sheets' },
  'ui-create-sheets-hint': {
    it: 'Aggiunge i fogli, le tabelle e le colonne che mancano. Non cancella e non sposta i dati.',
    en: 'Adds the missing sheets, tables and columns. Never deletes or moves data.',
  },
  'ui-load-demo': { it: 'Carica il piano dimostrativo', en: 'Load the demo plan' },
  'ui-load-demo-hint': {
    it: 'Comune di Calenzano, piano 2023, con consuntivi di esempio (non reali).',
    en: 'Comune di Calenzano, 2023 plan, with example (not real) actuals.',
  },
  'ui-sheets-created': {
    it: 'Fogli Traguardo creati. Compilare Strutture, Obiettivi, Indicatori e Fasi, poi usare Verifica.',
    en: 'Traguardo sheets created. Fill in Units, Objectives, Indicators and Phases, then use Check.',
  },
  'ui-sheets-upgraded': {
    it: 'Fogli aggiornati: aggiunte le tabelle, le colonne e le righe predefinite che mancavano ({count} tabelle interessate).',
    en: 'Sheets upgraded: the missing tables, columns and default rows were added ({count} tables affected).',
  },
  'ui-sheets-upgraded-one': {
    it: 'Fogli aggiornati: aggiunte le tabelle, le colonne e le righe predefinite che mancavano (1 tabella interessata).',
    en: 'Sheets upgraded: the missing tables, columns and default rows were added (1 table affected).',
  },
  'ui-sheets-pages': {
    it: 'Impostazione di stampa aggiornata su {count} fogli, che avevano ancora quella di una versione precedente di Traguardo; i fogli impostati a mano restano come sono.',
    en: 'Print setup upgraded on {count} sheets that still had the one of an earlier Traguardo; sheets set up by hand stay as they are.',
  },
  'ui-sheets-pages-one': {
    it: 'Impostazione di stampa aggiornata su 1 foglio, che aveva ancora quella di una versione precedente di Traguardo; i fogli impostati a mano restano come sono.',
    en: 'Print setup upgraded on 1 sheet that still had the one of an earlier Traguardo; sheets set up by hand stay as they are.',
  },
  'ui-sheets-up-to-date': { it: 'I fogli Traguardo sono già completi.', en: 'The Traguardo sheets are already complete.' },
  'ui-demo-loaded': {
    it: 'Piano dimostrativo caricato: {units} strutture, {objectives} obiettivi, {indicators} indicatori. Usare Verifica o Calcola.',
    en: 'Demo plan loaded: {units} units, {objectives} objectives, {indicators} indicators. Use Check or Compute.',
  },
  'ui-demo-confirm-title': { it: 'Sostituire i dati?', en: 'Replace the data?' },
  'ui-demo-confirm-text': {
    it: 'La cartella contiene già dati di Traguardo. Il piano dimostrativo sostituisce il contenuto delle tabelle di Traguardo.',
    en: 'The workbook already holds Traguardo data. The demo plan replaces the content of the Traguardo tables.',
  },
  'ui-replace': { it: 'Sostituisci', en: 'Replace' },

  'ui-check-what': {
    it: 'Controlla i dati e scrive l’esito nelle colonne Esito verifica. Non calcola i gradi.',
    en: 'Checks the data and writes the outcome to the Check result columns. Does not compute grades.',
  },
  'ui-validate': { it: 'Verifica il piano', en: 'Check the plan' },
  'ui-check-clean': {
    it: 'Nessun problema trovato. Esito verifica aggiornato nei fogli.',
    en: 'No problems found. Check result updated in the sheets.',
  },
  'ui-check-done': {
    it: 'Trovati {errors} errori e {warnings} avvisi. Esito verifica aggiornato nei fogli.',
    en: 'Found {errors} errors and {warnings} warnings. Check result updated in the sheets.',
  },
  'ui-check-none-yet': { it: 'Premere «Verifica il piano» per controllare i dati.', en: 'Press “Check the plan” to check the data.' },
  'ui-count-errore': { it: 'Errori', en: 'Errors' },
  'ui-count-avviso': { it: 'Avvisi', en: 'Warnings' },
  'ui-count-info': { it: 'Info', en: 'Info' },
  'ui-filter': { it: 'Mostra', en: 'Show' },
  'ui-filter-all': { it: 'Tutti', en: 'All' },
  'ui-finding-cell': { it: 'Cella {cell}', en: 'Cell {cell}' },
  'ui-finding-row': { it: 'Riga {row}', en: 'Row {row}' },
  'ui-finding-column': { it: 'Colonna «{column}»', en: 'Column “{column}”' },
  'ui-finding-table': { it: 'Intera tabella', en: 'Whole table' },
  'ui-finding-go': { it: 'Seleziona la cella {cell} del foglio {sheet}', en: 'Select cell {cell} on sheet {sheet}' },
  'ui-show-more': { it: 'Mostra altri {count}', en: 'Show {count} more' },
  'ui-filtered-none': { it: 'Nessun elemento con questa gravità.', en: 'Nothing of this severity.' },

  'ui-compute-what': {
    it: 'Verifica i dati, calcola i gradi e scrive le colonne calcolate e il foglio Riepilogo.',
    en: 'Checks the data, computes the grades and writes the computed columns and the Summary sheet.',
  },
  'ui-compute': { it: 'Calcola i gradi', en: 'Compute grades' },
  'ui-computing': { it: 'Calcolo in corso…', en: 'Computing…' },
  'ui-stage': { it: '{stage}… {percent} %', en: '{stage}… {percent}%' },
  'ui-stage-lettura': { it: 'Lettura dei fogli', en: 'Reading the sheets' },
  'ui-stage-verifica': { it: 'Verifica', en: 'Checking' },
  'ui-stage-calcolo': { it: 'Calcolo dei gradi', en: 'Computing the grades' },
  'ui-stage-formule': { it: 'Preparazione delle formule', en: 'Preparing the formulas' },
  'ui-stage-scrittura': { it: 'Scrittura nella cartella di lavoro', en: 'Writing to the workbook' },
  'ui-compute-done': {
    it: 'Gradi calcolati come formule di Excel: cambiando un dato si aggiornano da soli. Colonne calcolate e foglio {summary} aggiornati.',
    en: 'Grades computed as Excel formulas: they follow when an input changes. Computed columns and the {summary} sheet updated.',
  },
  'ui-compute-done-some-values': {
    it: 'Gradi calcolati come formule di Excel; {count} celle sono valori con una nota che spiega perché: se cambiano i dati, calcolare di nuovo. Foglio {summary} aggiornato.',
    en: 'Grades computed as Excel formulas; {count} cells are values with a note saying why: when inputs change, compute again. {summary} sheet updated.',
  },
  'ui-compute-done-values': {
    it: 'Gradi scritti come valori fissi (copia da pubblicare): non seguono le modifiche ai dati. Foglio {summary} aggiornato.',
    en: 'Grades written as fixed values (a copy to publish): they do not follow changes to the inputs. {summary} sheet updated.',
  },
  'ui-compute-values': { it: 'Valori fissi invece di formule (copia da pubblicare)', en: 'Fixed values instead of formulas (a copy to publish)' },
  'ui-compute-errors': {
    it: '{count} errori nei dati: le righe interessate restano senza grado.',
    en: '{count} errors in the data: the rows concerned get no grade.',
  },
  'ui-open-check': { it: 'Vedi Verifica', en: 'See Check' },
  'ui-units': { it: 'Strutture', en: 'Units' },
  'ui-no-units': { it: 'Nessuna struttura con obiettivi esecutivi valutati.', en: 'No unit with graded executive objectives.' },
  'ui-organization': { it: 'Ente', en: 'Organisation' },
  'ui-ente-performance': { it: 'Performance di ente', en: 'Organisational performance' },
  'ui-ente-performance-hint': {
    it: 'Media degli obiettivi di livello Ente, separata dalla media delle strutture.',
    en: 'Mean of the objectives of level Ente, apart from the units’ mean.',
  },
  'ui-grade': { it: '{grade} %', en: '{grade}%' },
  'ui-no-grade': { it: 'senza grado', en: 'no grade' },
  'ui-reward': { it: 'premio {reward} %', en: 'reward {reward}%' },

  'ui-rules-what': {
    it: 'Profilo di regole e fasce del foglio Regole. Un valore vuoto vale il predefinito.',
    en: 'Rule profile and bands of the Rules sheet. A blank value means the default.',
  },
  'ui-rules-loading': { it: 'Lettura delle regole…', en: 'Reading the rules…' },
  'ui-rules-reload': { it: 'Rileggi dal foglio', en: 'Reload from the sheet' },
  'ui-bands': { it: 'Fasce', en: 'Bands' },
  'ui-band': { it: 'Fascia {n}', en: 'Band {n}' },
  'ui-band-add': { it: 'Aggiungi fascia', en: 'Add band' },
  'ui-band-remove': { it: 'Rimuovi fascia {n}', en: 'Remove band {n}' },
  'ui-bands-empty': { it: 'Serve almeno una fascia: aggiungerne una.', en: 'At least one band is needed: add one.' },
  'ui-band-duplicate': {
    it: 'Un’altra fascia parte già da {from} %: cambiare «Da %».',
    en: 'Another band already starts at {from}%: change “From %”.',
  },
  'ui-band-colour': {
    it: 'Colore non valido: «{value}». Scrivere un colore esadecimale come #00B050, oppure lasciare vuoto.',
    en: 'Not a valid colour: “{value}”. Write a hex colour such as #00B050, or leave it blank.',
  },
  'ui-save-rules': { it: 'Salva nel foglio Regole', en: 'Save to the Rules sheet' },
  'ui-rules-saved': { it: 'Regole e fasce salvate nel foglio {sheet}.', en: 'Rules and bands saved to the {sheet} sheet.' },
  'ui-rules-invalid': {
    it: 'Alcuni valori non sono validi: correggere i campi segnalati e salvare di nuovo.',
    en: 'Some values are not valid: correct the fields marked and save again.',
  },
  'ui-yes': { it: 'SI', en: 'YES' },
  'ui-no': { it: 'NO', en: 'NO' },

  'ui-exchange-what': {
    it: 'Esporta il piano come file JSON traguardo/1 oppure importane uno da un altro sistema.',
    en: 'Export the plan as a traguardo/1 JSON file, or import one from another system.',
  },
  'ui-export': { it: 'Esporta JSON', en: 'Export JSON' },
  'ui-exported': { it: 'File {file} pronto per il download.', en: 'File {file} ready for download.' },
  'ui-import': { it: 'Importa JSON…', en: 'Import JSON…' },
  'ui-import-hint': {
    it: 'L’importazione sostituisce il contenuto delle tabelle di Traguardo con quello del file.',
    en: 'Importing replaces the content of the Traguardo tables with the file’s.',
  },
  'ui-import-confirm-title': { it: 'Importare {file}?', en: 'Import {file}?' },
  'ui-import-confirm-text': {
    it: 'Il file contiene {units} strutture, {objectives} obiettivi, {indicators} indicatori e {phases} fasi. Il contenuto delle tabelle di Traguardo sarà sostituito.',
    en: 'The file holds {units} units, {objectives} objectives, {indicators} indicators and {phases} phases. The content of the Traguardo tables will be replaced.',
  },
  'ui-import-confirm': { it: 'Importa', en: 'Import' },
  'ui-imported': { it: 'Piano importato da {file}. Usare Verifica per controllarlo.', en: 'Plan imported from {file}. Use Check to check it.' },

  'ui-title-error': { it: 'Operazione non riuscita', en: 'Operation failed' },
  'ui-title-not-traguardo': { it: 'Cartella senza fogli Traguardo', en: 'Workbook without Traguardo sheets' },
  'ui-title-columns-missing': { it: 'Colonne mancanti', en: 'Missing columns' },
  'ui-title-tables-missing': { it: 'Tabelle mancanti', en: 'Missing tables' },
  'ui-tables-missing': {
    it: 'Mancano alcune tabelle di Traguardo. «Aggiorna i fogli» le aggiunge, senza toccare il resto.',
    en: 'Some Traguardo tables are missing. “Upgrade the sheets” adds them, leaving the rest as it is.',
  },
  'ui-title-protected': { it: 'Foglio protetto', en: 'Protected sheet' },
  'ui-action-create': { it: 'Crea i fogli Traguardo', en: 'Create the Traguardo sheets' },
  'ui-action-upgrade': { it: 'Aggiorna i fogli', en: 'Upgrade the sheets' },
  'ui-action-reload': { it: 'Ricarica il pannello', en: 'Reload the pane' },
  'ui-columns-missing': {
    it: 'Traguardo non trova alcune colonne obbligatorie. Rinominare la colonna con uno dei nomi accettati oppure usare «Aggiorna i fogli» per aggiungerla.',
    en: 'Traguardo cannot find some required columns. Rename the column to one of the accepted names or use “Upgrade the sheets” to add it.',
  },
  'ui-column-accepted': {
    it: '{table}: «{column}» — nomi accettati: {names}',
    en: '{table}: “{column}” — accepted names: {names}',
  },
  'ui-hint-protected': {
    it: 'Rimuovere la protezione del foglio {sheet} (Revisione › Rimuovi protezione) e riprovare.',
    en: 'Unprotect sheet {sheet} (Review › Unprotect Sheet) and try again.',
  },
  'ui-unexpected': {
    it: 'Errore imprevisto: {detail}. Ricaricare il pannello; se si ripete, segnalarlo con la cartella di lavoro.',
    en: 'Unexpected error: {detail}. Reload the pane; if it happens again, report it with the workbook.',
  },
};
