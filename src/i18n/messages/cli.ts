import type { Catalog } from '../index';

export const cliMessages: Catalog = {
  'cli-usage': {
    it: [
      'Uso: traguardo <comando> [opzioni]',
      '',
      'Comandi:',
      '  template <out.xlsx> [--anno N]        crea la cartella di lavoro vuota con tutti i fogli',
      '  import <in.json> <out.xlsx>           crea la cartella di lavoro da un file di scambio JSON',
      '  export <in.xlsx> <out.json>           esporta la cartella di lavoro nel formato di scambio',
      '  validate <in.xlsx|in.json> [--json]   verifica i dati (uscita 1 se ci sono errori)',
      '  score <in.xlsx> [-o out.xlsx] [--json] verifica, calcola e scrive i risultati',
      '  demo [--out <cartella>]               esempio: piano 2023 del Comune di Calenzano',
      '  schema                                stampa lo JSON Schema del formato di scambio',
      '',
      'Opzioni comuni: --lingua it|en (predefinita it), --aiuto',
      'Codici di uscita: 0 nessun errore, 1 errori nei dati, 2 uso errato o file illeggibile.',
    ].join('\n'),
    en: [
      'Usage: traguardo <command> [options]',
      '',
      'Commands:',
      '  template <out.xlsx> [--anno N]        create the empty workbook with every sheet',
      '  import <in.json> <out.xlsx>           create the workbook from an interchange JSON file',
      '  export <in.xlsx> <out.json>           export the workbook to the interchange format',
      '  validate <in.xlsx|in.json> [--json]   check the data (exit 1 when there are errors)',
      '  score <in.xlsx> [-o out.xlsx] [--valori] [--json]',
      '                                        check, compute and write the results as formulas',
      '                                        (--valori / --values: fixed values, a copy to publish)',
      '  demo [--out <folder>]                 example: 2023 plan of the Comune di Calenzano',
      '  schema                                print the JSON Schema of the interchange format',
      '',
      'Common options: --lingua it|en (default it), --aiuto / --help',
      'Exit codes: 0 no errors, 1 errors in the data, 2 wrong usage or unreadable file.',
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
