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
  'xlsx-part-damaged': {
    it: 'Il file «{file}» è danneggiato: la parte «{part}» non si legge (dati compressi o XML non validi, o codice di controllo CRC-32 errato). Aprirlo in Excel, che può tentare il ripristino, e salvarlo di nuovo.',
    en: 'The file «{file}» is damaged: its part «{part}» cannot be read (invalid compressed data or XML, or a wrong CRC-32 checksum). Open it in Excel, which can try to repair it, and save it again.',
  },
  'xlsx-part-missing': {
    it: 'Il file «{file}» è incompleto: manca la parte «{part}», che la cartella di lavoro richiede. Aprirlo in Excel, che può tentare il ripristino, e salvarlo di nuovo.',
    en: 'The file «{file}» is incomplete: the part «{part}» the workbook needs is missing. Open it in Excel, which can try to repair it, and save it again.',
  },
  'xlsx-part-too-large': {
    it: 'Il file «{file}» contiene la parte «{part}» che, decompressa, supera {limit} MB: Traguardo non apre parti così grandi. Se il file è davvero una cartella di lavoro, spostare i dati che non servono in un altro file.',
    en: 'The file «{file}» has a part «{part}» that inflates to more than {limit} MB: Traguardo does not open parts that large. If the file really is a workbook, move the data it does not need to another file.',
  },
  'xlsx-package-too-large': {
    it: 'Il file «{file}», decompresso, supera {limit} MB (alla parte «{part}»): Traguardo non apre cartelle di lavoro così grandi. Spostare i fogli che non servono in un altro file.',
    en: 'The file «{file}» inflates to more than {limit} MB (at the part «{part}»): Traguardo does not open workbooks that large. Move the sheets it does not need to another file.',
  },
  'xlsx-table-outside-grid': {
    it: 'La tabella «{table}» ha l’intervallo «{ref}», fuori dal foglio di Excel ({rows} righe, {columns} colonne) o non valido. Correggerlo in Excel (Progettazione tabella › Ridimensiona tabella) e riprovare.',
    en: 'The table «{table}» has the range «{ref}», outside Excel’s sheet ({rows} rows, {columns} columns) or invalid. Fix it in Excel (Table Design › Resize Table) and try again.',
  },
  'xlsx-grid-full': {
    it: 'Traguardo dovrebbe scrivere oltre i limiti di un foglio di Excel ({rows} righe, {columns} colonne). Ridurre il piano o spostare le tabelle più in alto e a sinistra.',
    en: 'Traguardo would have to write past the limits of an Excel sheet ({rows} rows, {columns} columns). Reduce the plan or move the tables up and left.',
  },
  'xlsx-text-too-long': {
    it: 'Il testo da scrivere nella cella «{sheet}»!{cell} ha {length} caratteri: Excel ne ammette al massimo {limit} per cella. Accorciare il testo da cui proviene (per esempio un nome o una descrizione) e riprovare; il file non è stato modificato.',
    en: 'The text to write into cell «{sheet}»!{cell} has {length} characters: Excel allows at most {limit} per cell. Shorten the text it comes from (a name or a description, for example) and try again; the file was not changed.',
  },
  'xlsx-part-unsupported': {
    it: 'Il file «{file}» scrive la parte «{part}» in un modo che Traguardo non sa leggere con certezza (prefissi XML ridefiniti dentro le righe). Aprirlo in Excel o LibreOffice, salvarlo di nuovo come .xlsx e riprovare.',
    en: 'The file «{file}» writes its part «{part}» in a way Traguardo cannot read with certainty (XML prefixes redeclared inside the rows). Open it in Excel or LibreOffice, save it again as .xlsx and try again.',
  },
  'xlsx-part-too-complex': {
    it: 'Il file «{file}» contiene la parte «{part}» con più di {limit} elementi XML: Traguardo non apre parti così complesse. Se il file è davvero una cartella di lavoro, aprirlo in Excel, togliere i dati che non servono e salvarlo di nuovo.',
    en: 'The file «{file}» has a part «{part}» with more than {limit} XML elements: Traguardo does not open parts that complex. If the file really is a workbook, open it in Excel, remove the data it does not need and save it again.',
  },
  'xlsx-table-too-large': {
    it: 'La tabella «{table}» copre {cells} celle fino all’ultima riga con dati: Traguardo ne legge al massimo {limit}. Ridimensionare la tabella in Excel (Progettazione tabella › Ridimensiona tabella) o spostare le righe che non servono.',
    en: 'The table «{table}» covers {cells} cells down to its last row with data: Traguardo reads at most {limit}. Resize the table in Excel (Table Design › Resize Table) or move the rows it does not need.',
  },
};
