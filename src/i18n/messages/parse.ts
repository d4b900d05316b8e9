import type { Catalog } from '../index';

/** Messages of the cell parsers (schema/cells.ts, schema/read.ts) and of the interchange import. */
export const parseMessages: Catalog = {
  converted: {
    it: 'Testo «{value}» letto come {result}. Per togliere l’avviso scrivere il valore nel formato della colonna.',
    en: 'Text «{value}» read as {result}. To clear this warning, enter the value in the column’s format.',
  },
  'not-a-number': {
    it: 'Valore non numerico: «{value}». Scrivere solo un numero (es. 1750 o 12,5), senza testo.',
    en: 'Not a number: «{value}». Enter a number only (e.g. 1750 or 12.5), without text.',
  },
  'not-an-integer': {
    it: 'Numero non intero: {value}. Scrivere un numero intero.',
    en: 'Not a whole number: {value}. Enter a whole number.',
  },
  'out-of-range': {
    it: 'Valore {value} fuori dall’intervallo ammesso ({allowed}). Scrivere un valore {allowed}.',
    en: 'Value {value} is outside the allowed range ({allowed}). Enter a value {allowed}.',
  },
  'not-a-date': {
    it: 'Data non valida: «{value}». Scrivere una data esistente con giorno, mese e anno, es. 31/12/2023.',
    en: 'Not a valid date: «{value}». Enter an existing date with day, month and year, e.g. 31/12/2023.',
  },
  'not-yes-no': {
    it: 'Valore non ammesso: «{value}». Scrivere SI o NO.',
    en: 'Value not allowed: «{value}». Enter SI (yes) or NO.',
  },
  'invalid-option': {
    it: 'Valore non previsto: «{value}». Scegliere uno tra: {allowed}.',
    en: 'Unexpected value: «{value}». Choose one of: {allowed}.',
  },
  'cell-error': {
    it: 'La cella contiene un errore di Excel ({value}). Correggere la formula o scrivere il valore.',
    en: 'The cell holds an Excel error ({value}). Fix the formula or enter the value.',
  },
  'not-a-text': {
    it: 'Valore non leggibile come testo: «{value}». Scrivere un testo.',
    en: 'Value cannot be read as text: «{value}». Enter text.',
  },
  'html-markup': {
    it: 'Il testo contiene marcatori HTML (es. <p>, &nbsp;): «{value}». Togliere i marcatori e lasciare solo il testo.',
    en: 'The text holds HTML markup (e.g. <p>, &nbsp;): «{value}». Remove the markup and keep the plain text.',
  },
  'formula-like-text': {
    it: 'Il testo inizia con =, +, - o @ e potrebbe essere preso per una formula: «{value}». Togliere il segno iniziale.',
    en: 'The text starts with =, +, - or @ and could be taken for a formula: «{value}». Remove the leading sign.',
  },
  required: {
    it: 'Manca un valore obbligatorio in «{column}». Compilare la cella.',
    en: 'A required value is missing in «{column}». Fill in the cell.',
  },
  'type-missing': {
    it: 'Manca il Tipo dell’indicatore. Scegliere uno tra: {allowed}.',
    en: 'The indicator has no Type. Choose one of: {allowed}.',
  },
  'target-missing': {
    it: 'Manca il Target. Scrivere il valore atteso: un numero, SI/NO o una data secondo il Tipo.',
    en: 'The Target is missing. Enter the expected value: a number, YES/NO or a date according to the Type.',
  },
  'target-not-a-value': {
    it: 'Target non leggibile: «{value}». Scrivere un numero, SI/NO o una data e indicare il Tipo; le descrizioni vanno in Note.',
    en: 'Target cannot be read: «{value}». Enter a number, YES/NO or a date and set the Type; descriptions belong in Notes.',
  },
  'actual-not-a-value': {
    it: 'Consuntivo non leggibile: «{value}». Scrivere un numero, SI/NO, «in parte N%» o una data; i commenti vanno in Note.',
    en: 'Actual cannot be read: «{value}». Enter a number, YES/NO, «in parte N%» or a date; comments belong in Notes.',
  },
  'interchange-invalid': {
    it: 'Il file non è un documento traguardo/1 valido: {detail}. Correggere il file o esportarlo di nuovo da Traguardo.',
    en: 'The file is not a valid traguardo/1 document: {detailEn}. Fix the file or export it again from Traguardo.',
  },
};
