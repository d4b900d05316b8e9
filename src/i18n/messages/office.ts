import type { Catalog } from '../index';

/** Messages of the Office.js adapter (Excel refusals) and of the ribbon commands Verifica and Calcola. */
export const officeMessages: Catalog = {
  'office-sheet-protected': {
    it: 'Excel ha rifiutato la scrittura perché un foglio è protetto. Rimuovere la protezione (Revisione › Rimuovi protezione foglio) e riprovare.',
    en: 'Excel refused to write because a sheet is protected. Unprotect it (Review › Unprotect Sheet) and try again.',
  },
  'office-cell-editing': {
    it: 'Excel sta modificando una cella. Terminare la modifica della cella (Invio o Esc) e riprovare.',
    en: 'Excel is editing a cell. Finish editing the cell (Enter or Esc) and try again.',
  },
  'office-payload-too-large': {
    it: 'Excel ha rifiutato una richiesta troppo grande. Salvare, chiudere e riaprire la cartella, poi riprovare; se il problema resta, dividere il piano in più cartelle.',
    en: 'Excel refused a request that was too large. Save, close and reopen the workbook, then try again; if it persists, split the plan into several workbooks.',
  },
  'office-timeout': {
    it: 'Excel non ha risposto entro {seconds} secondi. Verificare che Excel non mostri una finestra di dialogo aperta, salvare e riprovare.',
    en: 'Excel did not answer within {seconds} seconds. Check that Excel is not showing an open dialog, save and try again.',
  },
  'office-refused': {
    it: 'Excel ha rifiutato l’operazione ({code}: {detail}). Salvare la cartella e riprovare; se il problema resta, chiuderla e riaprirla.',
    en: 'Excel refused the operation ({code}: {detail}). Save the workbook and try again; if it persists, close and reopen it.',
  },
  'office-api-unsupported': {
    it: 'Questa versione di Excel non supporta Traguardo (serve ExcelApi {version}). Usare Microsoft 365, Excel 2021 o successivo, oppure Excel per il web.',
    en: 'This version of Excel does not support Traguardo (ExcelApi {version} is needed). Use Microsoft 365, Excel 2021 or later, or Excel on the web.',
  },
  'command-check-done': {
    it: 'Verifica completata: {errors} errori, {warnings} avvisi, {infos} note.',
    en: 'Check complete: {errors} errors, {warnings} warnings, {infos} notes.',
  },
  'command-check-errors': {
    it: 'Verifica: {errors} errori, {warnings} avvisi. Il pannello Traguardo elenca ogni problema con la sua cella.',
    en: 'Check: {errors} errors, {warnings} warnings. The Traguardo pane lists each problem with its cell.',
  },
  'command-compute-done': {
    it: 'Calcolo completato: grado dell’ente {grade} % ({band}); {errors} errori, {warnings} avvisi. Risultati nelle colonne grigie e nel foglio Riepilogo.',
    en: 'Computation complete: organisation grade {grade} % ({band}); {errors} errors, {warnings} warnings. Results in the grey columns and the Summary sheet.',
  },
  'command-compute-no-grade': {
    it: 'Calcolo completato senza grado dell’ente: {errors} errori, {warnings} avvisi. Aprire il pannello Traguardo per vedere cosa correggere.',
    en: 'Computation complete without an organisation grade: {errors} errors, {warnings} warnings. Open the Traguardo pane to see what to fix.',
  },
  'command-failed': {
    it: 'Traguardo non ha potuto completare l’operazione: {reason}',
    en: 'Traguardo could not complete the operation: {reason}',
  },
  'command-notify-title': { it: 'Traguardo', en: 'Traguardo' },
  'command-notify-close': { it: 'Chiudi', en: 'Close' },
};
