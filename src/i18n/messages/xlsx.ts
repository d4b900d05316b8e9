import type { Catalog } from '../index';

/** Messages of the .xlsx adapter (src/workbook/xlsx). */
export const xlsxMessages: Catalog = {
  'xlsx-unreadable': {
    it: 'Il file «{file}» non è una cartella di lavoro .xlsx leggibile. Se è un file .xls o danneggiato, aprirlo in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)».',
    en: 'The file «{file}» is not a readable .xlsx workbook. If it is an .xls or damaged file, open it in Excel and save it as «Excel Workbook (.xlsx)».',
  },
  'xlsx-encrypted': {
    it: 'Il file «{file}» è protetto da password. Aprirlo in Excel, togliere la password (File › Informazioni › Proteggi cartella di lavoro) e salvarlo di nuovo.',
    en: 'The file «{file}» is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again.',
  },
  'xlsx-table-totals-row': {
    it: 'La tabella «{table}» ha una riga dei totali: Traguardo non può sostituirne le righe. Togliere la riga dei totali (Progettazione tabella › Riga totale) e riprovare.',
    en: 'The table «{table}» has a totals row: Traguardo cannot replace its rows. Turn the totals row off (Table Design › Total Row) and try again.',
  },
  'xlsx-save-failed': {
    it: 'Impossibile salvare «{file}»: {reason}. Il file originale non è stato modificato. Chiudere il file se è aperto in Excel e controllare di poter scrivere nella cartella.',
    en: 'Could not save «{file}»: {reason}. The original file was not changed. Close the file if it is open in Excel and check that the folder is writable.',
  },
};
