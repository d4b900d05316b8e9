import type { Catalog } from '../index';

export const cliMessages: Catalog = {
  'cli-usage': {
    it: [
      'Uso: traguardo <comando> [opzioni]',
      '',
      'Comandi:',
      '  template <nuovo.xlsx> [--anno N]       crea una cartella di lavoro nuova con tutti i fogli',
      '                                         (non sostituisce mai un file esistente: per quello c’è init)',
      '  init <file.xlsx> [--anno N]            aggiunge a una cartella di lavoro esistente i fogli, le tabelle',
      '                                         e le colonne di Traguardo che mancano; non sposta né cancella nulla',
      '  import <in.json> <out.xlsx> [--sostituisci]',
      '                                         crea la cartella di lavoro da un file di scambio JSON; con',
      '                                         --sostituisci carica il piano in una cartella esistente,',
      '                                         sostituendo solo il contenuto delle tabelle di Traguardo',
      '  export <in.xlsx> <out.json> [--sostituisci]',
      '                                         esporta nel formato di scambio (--sostituisci: riscrive out.json)',
      '  validate <in.xlsx|in.json> [--json]    verifica i dati (uscita 1 se ci sono errori)',
      '  score <in.xlsx> [-o out.xlsx [--sostituisci]] [--valori] [--json]',
      '                                         verifica, calcola e scrive i risultati come formule, nel file',
      '                                         stesso o in out.xlsx (--valori: valori fissi, una copia da pubblicare)',
      '  demo [--out <cartella>]                esempio: piano 2023 del Comune di Calenzano',
      '  schema                                 stampa lo JSON Schema del formato di scambio',
      '',
      'Opzioni comuni: --lingua it|en (predefinita it), --aiuto',
      'Un file esistente è sostituito solo se richiesto (--sostituisci) o se è il file che il comando',
      'aggiorna; la scrittura passa da un file temporaneo e mantiene permessi, proprietario e collegamenti.',
      'Codici di uscita: 0 nessun errore, 1 errori nei dati, 2 uso errato o file illeggibile o protetto.',
    ].join('\n'),
    en: [
      'Usage: traguardo <command> [options]',
      '',
      'Commands:',
      '  template <new.xlsx> [--anno N]         create a new workbook with every sheet',
      '                                         (never replaces an existing file: that is what init is for)',
      '  init <file.xlsx> [--anno N]            add the missing Traguardo sheets, tables and columns to an',
      '                                         existing workbook; nothing is moved or deleted',
      '  import <in.json> <out.xlsx> [--replace]',
      '                                         create the workbook from an interchange JSON file; with',
      '                                         --replace (--sostituisci) load the plan into an existing',
      '                                         workbook, replacing only the Traguardo tables’ contents',
      '  export <in.xlsx> <out.json> [--replace]',
      '                                         export to the interchange format (--replace: rewrite out.json)',
      '  validate <in.xlsx|in.json> [--json]    check the data (exit 1 when there are errors)',
      '  score <in.xlsx> [-o out.xlsx [--replace]] [--valori] [--json]',
      '                                         check, compute and write the results as formulas, in the file',
      '                                         itself or in out.xlsx (--valori / --values: fixed values, a copy to publish)',
      '  demo [--out <folder>]                  example: 2023 plan of the Comune di Calenzano',
      '  schema                                 print the JSON Schema of the interchange format',
      '',
      'Common options: --lingua it|en (default it), --aiuto / --help',
      'An existing file is replaced only when asked (--replace) or when it is the file the command',
      'updates; writes go through a temporary file and keep permissions, owner and symlinks.',
      'Exit codes: 0 no errors, 1 errors in the data, 2 wrong usage, unreadable or protected file.',
    ].join('\n'),
  },
  'cli-written-formulas': {
    it: 'Risultati scritti come formule di Excel: cambiando un dato, i gradi si aggiornano anche senza Traguardo.',
    en: 'Results written as Excel formulas: when an input changes, the grades follow even without Traguardo.',
  },
  'cli-written-formulas-values': {
    it: 'Risultati scritti come formule di Excel; {count} celle sono valori (con una nota che spiega perché): se cambiano i dati, eseguire di nuovo il calcolo.',
    en: 'Results written as Excel formulas; {count} cells are values (a note says why): when the inputs change, compute again.',
  },
  'cli-written-values': {
    it: 'Risultati scritti come valori fissi (--valori): la copia non si aggiorna se cambiano i dati.',
    en: 'Results written as fixed values (--valori): the copy does not follow changes to the inputs.',
  },
  'cli-no-chart': {
    it: 'Il grafico del Riepilogo si crea in Excel con Calcola del componente aggiuntivo: il file xlsx della riga di comando non lo contiene.',
    en: 'The Summary chart is drawn in Excel by the add-in’s Calcola: the command line’s xlsx file does not contain it.',
  },
  'cli-unknown-command': {
    it: 'Comando sconosciuto «{command}». Usare «traguardo --aiuto» per l’elenco dei comandi.',
    en: 'Unknown command «{command}». Run «traguardo --help» for the list of commands.',
  },
  'cli-bad-arguments': {
    it: 'Argomenti non validi per «{command}»: {detail}. Usare «traguardo --aiuto».',
    en: 'Invalid arguments for «{command}»: {detail}. Run «traguardo --help».',
  },
  'cli-missing-argument': {
    it: 'Manca {what}. Uso: {usage}',
    en: 'Missing {what}. Usage: {usage}',
  },
  'cli-bad-year': {
    it: 'Anno non valido «{value}»: indicare un anno a quattro cifre, ad esempio --anno 2025.',
    en: 'Invalid year «{value}»: give a four-digit year, e.g. --anno 2025.',
  },
  'cli-bad-language': {
    it: 'Lingua non supportata «{value}»: usare it oppure en.',
    en: 'Unsupported language «{value}»: use it or en.',
  },
  'file-not-found': {
    it: 'File non trovato: {file}. Controllare il percorso.',
    en: 'File not found: {file}. Check the path.',
  },
  'file-unreadable': {
    it: 'Impossibile leggere {file}: {detail}.',
    en: 'Cannot read {file}: {detail}.',
  },
  'file-unwritable': {
    it: 'Impossibile scrivere {file}: {detail}. Il file di partenza non è stato modificato.',
    en: 'Cannot write {file}: {detail}. The input file was not modified.',
  },
  'file-is-directory': {
    it: '{file} è una cartella, non un file: indicare il percorso di un file.',
    en: '{file} is a folder, not a file: give the path of a file.',
  },
  'file-no-permission': {
    it: 'Impossibile leggere {file}: permesso negato. Controllare i permessi del file.',
    en: 'Cannot read {file}: permission denied. Check the file’s permissions.',
  },
  'file-not-regular': {
    it: '{file} non è un file normale (è un dispositivo, una pipe o un socket): indicare un file.',
    en: '{file} is not a regular file (a device, a pipe or a socket): give a file.',
  },
  'file-read-only': {
    it: 'Il file {file} è di sola lettura: Traguardo non lo modifica. Renderlo scrivibile, oppure scrivere in un altro file.',
    en: 'The file {file} is read-only: Traguardo does not modify it. Make it writable, or write to another file.',
  },
  'output-folder-missing': {
    it: 'Impossibile scrivere {file}: la cartella {folder} non esiste.',
    en: 'Cannot write {file}: the folder {folder} does not exist.',
  },
  'cli-not-a-folder': {
    it: '{folder} non è una cartella: indicare con --out una cartella.',
    en: '{folder} is not a folder: give a folder with --out.',
  },
  'cli-folder-unwritable': {
    it: 'Impossibile creare la cartella {folder}: {detail}.',
    en: 'Cannot create the folder {folder}: {detail}.',
  },
  'cli-template-exists': {
    it: 'Il file {file} esiste già e «template» crea solo file nuovi: per aggiungere i fogli di Traguardo a una cartella di lavoro esistente usare «traguardo init {file}».',
    en: 'The file {file} already exists and «template» only creates new files: to add the Traguardo sheets to an existing workbook, run «traguardo init {file}».',
  },
  'cli-init-missing': {
    it: 'File non trovato: {file}. «init» aggiorna una cartella di lavoro esistente; per crearne una nuova usare «traguardo template {file}».',
    en: 'File not found: {file}. «init» updates an existing workbook; to create a new one, run «traguardo template {file}».',
  },
  'cli-init-created': {
    it: 'Aggiunti a {file} i fogli di Traguardo; gli altri fogli sono rimasti come erano.',
    en: 'Added the Traguardo sheets to {file}; the other sheets are as they were.',
  },
  'cli-init-upgraded': {
    it: 'Aggiunti a {file} le tabelle e le colonne di Traguardo che mancavano ({count} tabelle); nulla è stato spostato o cancellato.',
    en: 'Added the missing Traguardo tables and columns to {file} ({count} tables); nothing was moved or deleted.',
  },
  'cli-init-up-to-date': {
    it: '{file} ha già tutti i fogli e le colonne di Traguardo: nessuna modifica.',
    en: '{file} already has every Traguardo sheet and column: nothing changed.',
  },
  'cli-import-exists': {
    it: 'Il file {file} esiste già. Per caricare il piano in quella cartella di lavoro, sostituendo solo il contenuto delle tabelle di Traguardo, aggiungere --sostituisci; altrimenti indicare un file nuovo.',
    en: 'The file {file} already exists. To load the plan into that workbook, replacing only the Traguardo tables’ contents, add --replace; otherwise give a new file.',
  },
  'cli-import-replaced': {
    it: 'Piano caricato in {file}: {units} strutture, {objectives} obiettivi, {indicators} indicatori, {phases} fasi. Gli altri fogli sono rimasti come erano.',
    en: 'Plan loaded into {file}: {units} units, {objectives} objectives, {indicators} indicators, {phases} phases. The other sheets are as they were.',
  },
  'cli-output-exists': {
    it: 'Il file {file} esiste già: aggiungere --sostituisci per sostituirlo, oppure indicare un altro file.',
    en: 'The file {file} already exists: add --replace to replace it, or give another file.',
  },
  'cli-output-is-input': {
    it: 'Il file da scrivere {file} è il file di partenza: indicare un altro file.',
    en: 'The file to write, {file}, is the input file: give another file.',
  },
  'json-unreadable': {
    it: 'Il file {file} non è un JSON valido: {detail}.',
    en: 'The file {file} is not valid JSON: {detail}.',
  },
  'cli-internal-error': {
    it: 'Errore interno di Traguardo: {detail}. Il file di partenza non è stato modificato; segnalare il problema.',
    en: 'Traguardo internal error: {detail}. The input file was not modified; please report it.',
  },
  'cli-written': { it: 'Scritto {file}.', en: 'Written {file}.' },
  'cli-findings-summary': {
    it: 'Verifica: {errors} errori, {warnings} avvisi, {infos} informazioni.',
    en: 'Check: {errors} errors, {warnings} warnings, {infos} notes.',
  },
  'cli-findings-more': {
    it: '… e altre {count} segnalazioni (l’elenco completo con --json o nella colonna Esito verifica).',
    en: '… and {count} more findings (the full list with --json or in the Check result column).',
  },
  'cli-first-at': { it: 'la prima in {cell}', en: 'first at {cell}' },
  'cli-no-findings': { it: 'Verifica: nessun problema trovato.', en: 'Check: no problems found.' },
  'cli-results-title': {
    it: 'Risultati al {date}',
    en: 'Results at {date}',
  },
  'cli-col-unit': { it: 'Struttura', en: 'Unit' },
  'cli-col-objectives': { it: 'Obiettivi', en: 'Objectives' },
  'cli-col-weights': { it: 'Σ pesi', en: 'Σ weights' },
  'cli-col-grade': { it: 'Grado %', en: 'Grade %' },
  'cli-col-band': { it: 'Fascia', en: 'Band' },
  'cli-col-reward': { it: 'Premio %', en: 'Reward %' },
  'cli-organization': { it: 'Ente', en: 'Organisation' },
  'cli-ente-performance': {
    it: 'Performance di ente (obiettivi di livello Ente): {value}',
    en: 'Organisational performance (objectives of level Ente): {value}',
  },
  'cli-no-grade': { it: 'n.d.', en: 'n/a' },
  'cli-errors-found': {
    it: 'Sono stati trovati errori: le righe con errori non hanno grado. Correggerli e ricalcolare.',
    en: 'Errors were found: rows with errors have no grade. Fix them and compute again.',
  },
  'cli-demo-intro': {
    it: 'Esempio: piano della performance 2023 del Comune di Calenzano (obiettivi, pesatura, fasi e indicatori dal documento pubblico). I consuntivi e gli avanzamenti sono ILLUSTRATIVI, generati per la dimostrazione: non sono dati reali dell’ente.',
    en: 'Example: 2023 performance plan of the Comune di Calenzano (objectives, weighting, phases and indicators from the public document). Actuals and progress are ILLUSTRATIVE, generated for the demo: they are not the organisation’s real data.',
  },
  'cli-demo-note': {
    it: 'Le segnalazioni qui sopra sono errori reali del documento di origine, lasciati apposta: aprire {file} e vedere la colonna Esito verifica.',
    en: 'The findings above are real mistakes of the source document, kept on purpose: open {file} and look at the Check result column.',
  },
};
