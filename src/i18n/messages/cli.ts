import type { Catalog } from '../index';

/** Options every command takes, at the end of each command's help. */
const COMMON_OPTIONS = {
  it: [
    '  --lingua it|en        lingua dei messaggi (predefinita it, o TRAGUARDO_LANG); i fogli restano',
    '                        nella lingua della cartella di lavoro',
    '  --aiuto, -h           questo aiuto',
  ],
  en: [
    '  --lingua it|en        language of the messages (default it, or TRAGUARDO_LANG); sheets stay in',
    '                        the workbook’s own language',
    '  --aiuto, --help, -h   this help',
  ],
};

const PROGRESS_NOTE = {
  it: 'Su un terminale mostra l’avanzamento su stderr (lettura, verifica, calcolo, formule, scrittura).',
  en: 'On a terminal, shows progress on stderr (reading, checking, computing, formulas, writing).',
};

interface CommandHelp {
  usage: string;
  it: { summary: string[]; options: string[] };
  en: { summary: string[]; options: string[] };
  progress?: boolean;
}

const COMMAND_HELP: Record<string, CommandHelp> = {
  template: {
    usage: 'traguardo template <nuovo.xlsx> [--anno N]',
    it: {
      summary: ['Crea una cartella di lavoro nuova con tutti i fogli di Traguardo, le regole e le fasce', 'predefinite scritte come righe. Non sostituisce mai un file esistente (per quello c’è init).'],
      options: ['  --anno N              anno del piano (predefinito l’anno in corso)'],
    },
    en: {
      summary: ['Creates a new workbook with every Traguardo sheet, the default rules and bands written', 'as rows. Never replaces an existing file (that is what init is for).'],
      options: ['  --anno N              plan year (default the current year)'],
    },
  },
  init: {
    usage: 'traguardo init <file.xlsx> [--anno N]',
    it: {
      summary: ['Aggiunge a una cartella di lavoro esistente i fogli, le tabelle e le colonne di Traguardo', 'che mancano, e le righe predefinite di Regole, Fasce e Criteri dove la tabella è vuota.', 'Non sposta né cancella nulla; scrive la lingua dei fogli già presenti.'],
      options: ['  --anno N              anno del piano, se si aggiunge la tabella Regole (predefinito l’anno in corso)'],
    },
    en: {
      summary: ['Adds the missing Traguardo sheets, tables and columns to an existing workbook, and the', 'default rows of Regole, Fasce and Criteri where that table is empty.', 'Nothing is moved or deleted; the sheets already there set the language.'],
      options: ['  --anno N              plan year, when the Regole table is added (default the current year)'],
    },
    progress: true,
  },
  import: {
    usage: 'traguardo import <in.json> <out.xlsx> [--sostituisci]',
    it: {
      summary: ['Crea la cartella di lavoro da un file di scambio JSON (traguardo/1).'],
      options: ['  --sostituisci         carica il piano in una cartella di lavoro esistente, sostituendo solo', '                        il contenuto delle tabelle di Traguardo (sinonimo: --replace)'],
    },
    en: {
      summary: ['Creates the workbook from an interchange JSON file (traguardo/1).'],
      options: ['  --replace             load the plan into an existing workbook, replacing only the', '                        Traguardo tables’ contents (also: --sostituisci)'],
    },
    progress: true,
  },
  export: {
    usage: 'traguardo export <in.xlsx> <out.json> [--sostituisci] [--anonimo]',
    it: {
      summary: ['Esporta il piano di una cartella di lavoro nel formato di scambio JSON.'],
      options: [
        '  --sostituisci         riscrive out.json se esiste già (sinonimo: --replace)',
        '  --anonimo             le persone solo con la Matricola: senza Nominativo né Valutatore',
        '                        (sinonimo: --anonymous)',
      ],
    },
    en: {
      summary: ['Exports a workbook’s plan to the interchange JSON format.'],
      options: [
        '  --replace             rewrite out.json when it exists (also: --sostituisci)',
        '  --anonymous           people by Staff number only: no Name, no Evaluator (also: --anonimo)',
      ],
    },
    progress: true,
  },
  validate: {
    usage: 'traguardo validate <in.xlsx|in.json> [--json]',
    it: {
      summary: ['Verifica i dati senza modificare il file. Uscita 1 se ci sono errori.'],
      options: ['  --json                segnalazioni in JSON (traguardo-results/1) su stdout'],
    },
    en: {
      summary: ['Checks the data without changing the file. Exit 1 when there are errors.'],
      options: ['  --json                findings as JSON (traguardo-results/1) on stdout'],
    },
    progress: true,
  },
  score: {
    usage: 'traguardo score <in.xlsx> [-o <out.xlsx> [--sostituisci]] [--valori [--pubblicazione [--fogli A,B]]] [--al <data>] [--json]',
    it: {
      summary: ['Verifica, calcola e scrive i risultati come formule di Excel, nel file stesso o in out.xlsx.', 'Uscita 1 se ci sono errori nei dati.'],
      options: [
        '  -o, --output <file>   scrive i risultati in un altro file invece che in in.xlsx',
        '  --sostituisci         sostituisce out.xlsx se esiste già (sinonimo: --replace)',
        '  --valori              scrive valori fissi invece delle formule: una copia da pubblicare',
        '                        (sinonimo: --values)',
        '  --al <data>           calcola con i valori registrati in Monitoraggi a quella data (es. 30/06/2023),',
        '                        con quella data di riferimento; scrive valori fissi',
        '  --pubblicazione       con -o: la copia contiene solo Trasparenza e Riepilogo, a valori,',
        '                        senza nomi (sinonimo: --publication)',
        '  --fogli A,B           con --pubblicazione: i fogli da copiare (sinonimo: --sheets)',
        '  --json                risultati e segnalazioni in JSON (traguardo-results/1) su stdout;',
        '                        con le persone, anche people e funds (premi al centesimo)',
      ],
    },
    en: {
      summary: ['Checks, computes and writes the results as Excel formulas, in the file itself or in out.xlsx.', 'Exit 1 when the data has errors.'],
      options: [
        '  -o, --output <file>   write the results to another file instead of in.xlsx',
        '  --replace             replace out.xlsx when it exists (also: --sostituisci)',
        '  --values              write fixed values instead of formulas: a copy to publish',
        '                        (also: --valori)',
        '  --al <date>           compute with the values recorded in Monitoraggi at that date (e.g. 30/06/2023),',
        '                        with that reference date; writes fixed values',
        '  --publication         with -o: the copy holds only Trasparenza and Riepilogo, as values,',
        '                        without names (also: --pubblicazione)',
        '  --sheets A,B          with --publication: the sheets to copy (also: --fogli)',
        '  --json                results and findings as JSON (traguardo-results/1) on stdout;',
        '                        with people, also people and funds (pay to the cent)',
      ],
    },
    progress: true,
  },
  demo: {
    usage: 'traguardo demo [--out <cartella>]',
    it: {
      summary: ['Esempio: il piano 2023 del Comune di Calenzano, calcolato, in traguardo-demo.xlsx.'],
      options: ['  --out <cartella>      dove scrivere traguardo-demo.xlsx (predefinita la cartella corrente)'],
    },
    en: {
      summary: ['Example: the 2023 plan of the Comune di Calenzano, computed, in traguardo-demo.xlsx.'],
      options: ['  --out <folder>        where to write traguardo-demo.xlsx (default the current folder)'],
    },
  },
  premi: {
    usage: 'traguardo premi <file.xlsx> [--json]',
    it: {
      summary: [
        'Calcola in memoria i premi (fogli Persone, Schede, Voci, Valutazioni, Fondi, Classi,',
        'Coefficienti) e stampa per ogni fondo Stanziato, Distribuito, Residuo, i beneficiari della',
        'maggiorazione e la distribuzione per classe. Non scrive nulla e non stampa nomi.',
        'Uscita 1 se ci sono errori nei dati.',
      ],
      options: [
        '  --json                i fondi e la distribuzione per classe in JSON (traguardo-premi/1) su',
        '                        stdout: gli stessi campi di funds di score --json, i beneficiari',
        '                        contati (beneficiaryCount); senza nomi né matricole',
      ],
    },
    en: {
      summary: [
        'Computes result pay in memory (sheets Persone, Schede, Voci, Valutazioni, Fondi, Classi,',
        'Coefficienti) and prints for each pot the allocated, paid and unspent amounts, the bonus',
        'beneficiaries and the distribution by class. Writes nothing and prints no names.',
        'Exit 1 when the data has errors.',
      ],
      options: [
        '  --json                the pots and the distribution by class as JSON (traguardo-premi/1)',
        '                        on stdout: the fields of score --json’s funds, the beneficiaries',
        '                        counted (beneficiaryCount); no names, no staff numbers',
      ],
    },
    progress: true,
  },
  schema: {
    usage: 'traguardo schema',
    it: { summary: ['Stampa lo JSON Schema del formato di scambio.'], options: [] },
    en: { summary: ['Prints the JSON Schema of the interchange format.'], options: [] },
  },
};

/** `cli-help-<command>`: usage, what it does, every option — the command's own and the common ones. */
function commandHelp(): Catalog {
  const catalog: Catalog = {};
  for (const [command, help] of Object.entries(COMMAND_HELP)) {
    const text = (lang: 'it' | 'en'): string =>
      [
        `${lang === 'it' ? 'Uso' : 'Usage'}: ${lang === 'it' ? help.usage : help.usage.replace('<nuovo.xlsx>', '<new.xlsx>').replace('<cartella>', '<folder>').replace('--sostituisci', '--replace')}`,
        '',
        ...help[lang].summary,
        ...(help.progress ? [PROGRESS_NOTE[lang]] : []),
        '',
        lang === 'it' ? 'Opzioni:' : 'Options:',
        ...help[lang].options,
        ...COMMON_OPTIONS[lang],
      ].join('\n');
    catalog[`cli-help-${command}`] = { it: text('it'), en: text('en') };
  }
  return catalog;
}

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
      '                                         --al <data>: con i valori registrati a quella data in Monitoraggi',
      '  monitora <file.xlsx> --al <data> [--sostituisci]',
      '                                         registra in Monitoraggi i consuntivi e gli avanzamenti alla data',
      '  premi <file.xlsx> [--json]             fondi dei premi: stanziato, distribuito, residuo e classi',
      '  relazione <in.xlsx> -o <out.docx> [--al <data>] [--per unita|missione]',
      '                                         la Relazione sulla performance come documento Word',
      '  demo [--out <cartella>]                esempio: piano 2023 del Comune di Calenzano',
      '  schema                                 stampa lo JSON Schema del formato di scambio',
      '',
      'Opzioni comuni: --lingua it|en (lingua dei messaggi, predefinita it; i fogli restano nella lingua',
      '  della cartella di lavoro), --aiuto / -h, --versione',
      'Aiuto di un comando, con tutte le sue opzioni: traguardo aiuto <comando> oppure traguardo <comando> --aiuto',
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
      '                                         --al <date>: with the values recorded at that date in Monitoraggi',
      '  monitora <file.xlsx> --al <date> [--replace]',
      '                                         record the actual values and progress in Monitoraggi at the date',
      '  premi <file.xlsx> [--json]             result-pay pots: allocated, paid, unspent and classes',
      '  relazione <in.xlsx> -o <out.docx> [--al <date>] [--per unita|missione]',
      '                                         the performance report as a Word document',
      '  demo [--out <folder>]                  example: 2023 plan of the Comune di Calenzano',
      '  schema                                 print the JSON Schema of the interchange format',
      '',
      'Common options: --lingua it|en (language of the messages, default it; sheets stay in the',
      '  workbook’s own language), --aiuto / --help / -h, --versione / --version',
      'Help on one command, with every option: traguardo help <command> or traguardo <command> --help',
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
    it: 'Risultati scritti come formule di Excel; {count} celle sono valori (con una nota che spiega perché): se cambiano i dati, eseguire di nuovo «traguardo score».',
    en: 'Results written as Excel formulas; {count} cells are values (a note says why): when the inputs change, run «traguardo score» again.',
  },
  'cli-written-formulas-values-one': {
    it: 'Risultati scritti come formule di Excel; 1 cella è un valore (con una nota che spiega perché): se cambiano i dati, eseguire di nuovo «traguardo score».',
    en: 'Results written as Excel formulas; 1 cell is a value (a note says why): when the inputs change, run «traguardo score» again.',
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
    it: 'Argomenti non validi per «{command}»: {detail}. Le opzioni di ogni comando: «traguardo aiuto <comando>».',
    en: 'Invalid arguments for «{command}»: {detail}. Every command’s options: «traguardo help <command>».',
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
    it: 'Aggiunti a {file} le tabelle, le colonne e le righe predefinite di Traguardo che mancavano ({count} tabelle); nulla è stato spostato o cancellato.',
    en: 'Added the missing Traguardo tables, columns and default rows to {file} ({count} tables); nothing was moved or deleted.',
  },
  'cli-init-upgraded-one': {
    it: 'Aggiunti a {file} le tabelle, le colonne e le righe predefinite di Traguardo che mancavano (1 tabella); nulla è stato spostato o cancellato.',
    en: 'Added the missing Traguardo tables, columns and default rows to {file} (1 table); nothing was moved or deleted.',
  },
  'cli-init-pages': {
    it: 'Impostazione di stampa aggiornata su {count} fogli di {file}, che avevano ancora quella di una versione precedente di Traguardo (A4 orizzontale, una pagina in larghezza); i fogli impostati a mano restano come sono.',
    en: 'Print setup upgraded on {count} sheets of {file} that still had the one of an earlier Traguardo (A4 landscape, one page wide); sheets set up by hand stay as they are.',
  },
  'cli-init-pages-one': {
    it: 'Impostazione di stampa aggiornata su 1 foglio di {file}, che aveva ancora quella di una versione precedente di Traguardo (A4 orizzontale, una pagina in larghezza); i fogli impostati a mano restano come sono.',
    en: 'Print setup upgraded on 1 sheet of {file} that still had the one of an earlier Traguardo (A4 landscape, one page wide); sheets set up by hand stay as they are.',
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
    it: 'Piano caricato in {file}: {units}, {objectives}, {indicators}, {phases}. Gli altri fogli sono rimasti come erano.',
    en: 'Plan loaded into {file}: {units}, {objectives}, {indicators}, {phases}. The other sheets are as they were.',
  },
  'count-units': { it: '{count} strutture', en: '{count} units' },
  'count-units-one': { it: '1 struttura', en: '1 unit' },
  'count-objectives': { it: '{count} obiettivi', en: '{count} objectives' },
  'count-objectives-one': { it: '1 obiettivo', en: '1 objective' },
  'count-indicators': { it: '{count} indicatori', en: '{count} indicators' },
  'count-indicators-one': { it: '1 indicatore', en: '1 indicator' },
  'count-phases': { it: '{count} fasi', en: '{count} phases' },
  'count-phases-one': { it: '1 fase', en: '1 phase' },
  'count-errors': { it: '{count} errori', en: '{count} errors' },
  'count-errors-one': { it: '1 errore', en: '1 error' },
  'count-warnings': { it: '{count} avvisi', en: '{count} warnings' },
  'count-warnings-one': { it: '1 avviso', en: '1 warning' },
  'count-infos': { it: '{count} informazioni', en: '{count} notes' },
  'count-infos-one': { it: '1 informazione', en: '1 note' },
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
    it: 'Verifica: {errors}, {warnings}, {infos}.',
    en: 'Check: {errors}, {warnings}, {infos}.',
  },
  'cli-findings-more': {
    it: '… e altre {count} segnalazioni (l’elenco completo con --json o nella colonna Esito verifica).',
    en: '… and {count} more findings (the full list with --json or in the Check result column).',
  },
  'cli-findings-more-one': {
    it: '… e un’altra segnalazione (l’elenco completo con --json o nella colonna Esito verifica).',
    en: '… and one more finding (the full list with --json or in the Check result column).',
  },
  'cli-first-at': { it: 'la prima in {cell}', en: 'first at {cell}' },
  'cli-no-findings': { it: 'Verifica: nessun problema trovato.', en: 'Check: no problems found.' },
  'cli-results-title': {
    it: 'Risultati al {date}',
    en: 'Results at {date}',
  },
  'cli-col-unit': { it: 'Struttura', en: 'Unit' },
  'cli-col-objectives': { it: 'Obiettivi valutati', en: 'Objectives graded' },
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
    it: 'Sono stati trovati errori: le righe con errori non hanno grado. Correggerli ed eseguire di nuovo «traguardo score».',
    en: 'Errors were found: rows with errors have no grade. Fix them and run «traguardo score» again.',
  },
  'cli-demo-intro': {
    it: 'Esempio: piano della performance 2023 del Comune di Calenzano (obiettivi, pesatura, fasi e indicatori dal documento pubblico). I consuntivi, gli avanzamenti, il personale, le valutazioni e i fondi dei premi sono ILLUSTRATIVI, generati per la dimostrazione: non sono dati reali dell’ente né persone reali.',
    en: 'Example: 2023 performance plan of the Comune di Calenzano (objectives, weighting, phases and indicators from the public document). Actuals, progress, staff, evaluations and pay pots are ILLUSTRATIVE, generated for the demo: they are not the organisation’s real data nor real people.',
  },
  'cli-demo-note': {
    it: 'Le segnalazioni qui sopra sono errori reali del documento di origine, lasciati apposta: aprire {file} e vedere la colonna Esito verifica.',
    en: 'The findings above are real mistakes of the source document, kept on purpose: open {file} and look at the Check result column.',
  },
  'cli-stale-structure': {
    it: 'I risultati sono stati calcolati il {date} e da allora sono cambiati righe, codici o regole: eseguire di nuovo «traguardo score» su questo file.',
    en: 'The results were computed on {date} and rows, codes or rules have changed since: run «traguardo score» on this file again.',
  },
  'cli-stale-inputs': {
    it: 'I risultati sono stati calcolati il {date} e da allora sono cambiati dei dati: le formule si aggiornano da sole, ma le celle scritte come valori (con nota) no. Eseguire di nuovo «traguardo score» su questo file.',
    en: 'The results were computed on {date} and some inputs have changed since: formulas follow, but cells written as values (with a note) do not. Run «traguardo score» on this file again.',
  },
  'cli-version': { it: 'traguardo {version}', en: 'traguardo {version}' },
  'cli-stage-lettura': { it: 'lettura', en: 'reading' },
  'cli-stage-verifica': { it: 'verifica', en: 'checking' },
  'cli-stage-calcolo': { it: 'calcolo', en: 'computing' },
  'cli-stage-formule': { it: 'formule', en: 'formulas' },
  'cli-stage-scrittura': { it: 'scrittura', en: 'writing' },
  'cli-progress': { it: 'Traguardo: {stage}… {percent} %', en: 'Traguardo: {stage}… {percent}%' },
  'cli-help-unknown': {
    it: 'Non esiste il comando «{command}». Comandi: template, init, import, export, validate, score, demo, schema.',
    en: 'There is no command «{command}». Commands: template, init, import, export, validate, score, demo, schema.',
  },
  ...commandHelp(),
};
