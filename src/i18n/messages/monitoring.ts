import type { Catalog } from '../index';

/**
 * Monitoring through the year (issue 12): recording a date in `Monitoraggi`, computing as of a
 * recorded date, the `Andamento` sheet, the roll-up by the DUP's structure.
 */
export const monitoringMessages: Catalog = {
  'monitoring-bad-date': {
    it: 'Data non valida: «{value}». Scriverla come 30/09/2023.',
    en: 'Not a date: «{value}». Write it as 30/09/2023.',
  },
  'monitoring-date-required': {
    it: 'Manca la data del monitoraggio (--al 30/09/2023). Uso: {usage}',
    en: 'The monitoring date is missing (--al 30/09/2023). Usage: {usage}',
  },
  'monitoring-none': {
    it: 'Nessun monitoraggio registrato nella cartella di lavoro: registrare prima i valori al {date} con «traguardo monitora <file.xlsx> --al {date}» (o «Registra monitoraggio» nel riquadro).',
    en: 'The workbook has no monitoring recorded: first record the values at {date} with «traguardo monitora <file.xlsx> --al {date}» (or «Record monitoring» in the pane).',
  },
  'monitoring-date-unknown': {
    it: 'Nessun monitoraggio registrato al {date}. Date registrate in Monitoraggi: {dates}.',
    en: 'No monitoring recorded at {date}. Dates recorded in Monitoraggi: {dates}.',
  },
  'cli-monitora-exists': {
    it: 'Il monitoraggio al {date} è già registrato ({rows} righe in Monitoraggi): per sostituirlo con i valori attuali aggiungere --sostituisci. {file} non è stato modificato.',
    en: 'The monitoring at {date} is already recorded ({rows} rows in Monitoraggi): add --replace to replace it with the current values. {file} was not changed.',
  },
  'cli-monitora-recorded': {
    it: 'Monitoraggio al {date} registrato in {file}: {indicators}, {phases}.',
    en: 'Monitoring at {date} recorded in {file}: {indicators}, {phases}.',
  },
  'cli-monitora-replaced': {
    it: 'Sostituite le {count} righe registrate prima al {date} (le Note sono state mantenute).',
    en: 'Replaced the {count} rows recorded before at {date} (their Notes were kept).',
  },
  'cli-monitora-replaced-one': {
    it: 'Sostituita la riga registrata prima al {date} (la Nota è stata mantenuta).',
    en: 'Replaced the row recorded before at {date} (its Note was kept).',
  },
  'cli-score-as-of': {
    it: 'Calcolo con i valori registrati in Monitoraggi al {date} (data di riferimento {date}); risultati scritti come valori fissi.',
    en: 'Computed with the values recorded in Monitoraggi at {date} (reference date {date}); results written as fixed values.',
  },
  'cli-help-monitora': {
    it: [
      'Uso: traguardo monitora <file.xlsx> --al <data> [--sostituisci] [-o <out.xlsx>]',
      '',
      'Registra nel foglio Monitoraggi, alla data indicata, il Consuntivo di ogni indicatore e',
      'l’Avanzamento % e la Fine effettiva di ogni fase, così che i gradi a quella data si possano',
      'ricalcolare in seguito (traguardo score --al <data>). Scrive anche il foglio Andamento.',
      'Non modifica altro. Una data già registrata si sostituisce solo con --sostituisci (le Note restano).',
      '',
      'Opzioni:',
      '  --al <data>           data del monitoraggio, es. 30/09/2023 (obbligatoria)',
      '  --sostituisci         sostituisce le righe della data se è già registrata (sinonimo: --replace)',
      '  -o, --output <file>   scrive in un altro file invece che in file.xlsx',
      '  --lingua it|en        lingua dei messaggi (predefinita it, o TRAGUARDO_LANG)',
      '  --aiuto, -h           questo aiuto',
    ].join('\n'),
    en: [
      'Usage: traguardo monitora <file.xlsx> --al <date> [--replace] [-o <out.xlsx>]',
      '',
      'Records in the Monitoraggi sheet, at the given date, the actual value of every indicator and',
      'the progress % and actual end of every phase, so that the grades at that date can be',
      'computed again later (traguardo score --al <date>). Also writes the Andamento (trend) sheet.',
      'Nothing else changes. A date already recorded is replaced only with --replace (Notes are kept).',
      '',
      'Options:',
      '  --al <date>           monitoring date, e.g. 30/09/2023 (required)',
      '  --replace             replace the date’s rows when it is already recorded (also: --sostituisci)',
      '  -o, --output <file>   write to another file instead of file.xlsx',
      '  --lingua it|en        language of the messages (default it, or TRAGUARDO_LANG)',
      '  --aiuto, --help, -h   this help',
    ].join('\n'),
  },
  'monitoring-note-missing': {
    it: 'L’obiettivo {code} è «{status}» al {date} (scostamento {deviation} punti): scrivere nella Nota di Monitoraggi il motivo del ritardo.',
    en: 'Objective {code} is «{status}» at {date} (deviation {deviation} points): write the reason for the delay in the Note of Monitoraggi.',
  },
};
