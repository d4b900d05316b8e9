import type { Catalog } from '../index';

/** Texts of the browser preview around the task pane (src/preview). */
export const previewMessages: Catalog = {
  'preview-banner': {
    it: 'Anteprima: questa non è Excel. I dati restano nel browser.',
    en: 'Preview: this is not Excel. Your data stays in the browser.',
  },
  'preview-open-xlsx': { it: 'Apri .xlsx', en: 'Open .xlsx' },
  'preview-open-xlsx-hint': {
    it: 'Apre una cartella di lavoro dal disco: i fogli con tabelle compaiono a destra.',
    en: 'Opens a workbook from disk: the sheets with tables appear on the right.',
  },
  'preview-download-xlsx': { it: 'Scarica .xlsx', en: 'Download .xlsx' },
  'preview-download-xlsx-hint': {
    it: 'Scarica la cartella di lavoro con le modifiche fatte dal pannello.',
    en: 'Downloads the workbook with the changes made by the pane.',
  },
  'preview-opened': {
    it: 'Aperto «{file}»: {tables} tabelle. Le modifiche del pannello si scaricano con «Scarica .xlsx».',
    en: 'Opened «{file}»: {tables} tables. Download the pane’s changes with «Download .xlsx».',
  },
  'preview-open-failed': {
    it: 'Impossibile aprire «{file}»: {reason}',
    en: 'Could not open «{file}»: {reason}',
  },
  'preview-download-failed': {
    it: 'Impossibile preparare il file .xlsx: {reason}',
    en: 'Could not prepare the .xlsx file: {reason}',
  },
  'preview-empty': {
    it: 'La cartella di lavoro è vuota. Usare «Crea o aggiorna i fogli» nel pannello, oppure «Apri .xlsx».',
    en: 'The workbook is empty. Use «Create or upgrade sheets» in the pane, or «Open .xlsx».',
  },
  'preview-sheets': { it: 'Fogli', en: 'Sheets' },
  'preview-rows-hidden': {
    it: 'Mostrate le prime {shown} righe di {total}.',
    en: 'Showing the first {shown} rows of {total}.',
  },
  'preview-true': { it: 'VERO', en: 'TRUE' },
  'preview-false': { it: 'FALSO', en: 'FALSE' },
};
