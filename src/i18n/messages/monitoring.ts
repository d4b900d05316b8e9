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
      'ricalcolare in seguito (traguardo score --al <data>); traguardo score ne scrive l’Andamento.',
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
      'computed again later (traguardo score --al <date>); traguardo score writes their trend (Andamento).',
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
    it: 'L’obiettivo {code} è In ritardo al {date} (scostamento {deviation} punti) e nessuna sua riga di quella data ha una Nota: scriverci il motivo del ritardo.',
    en: 'Objective {code} is Late at {date} (deviation {deviation} points) and none of its rows of that date has a Note: write the reason for the delay there.',
  },
  'monitoring-note-missing-critical': {
    it: 'L’obiettivo {code} è Critico al {date} (scostamento {deviation} punti) e nessuna sua riga di quella data ha una Nota: scriverci il motivo dello scostamento.',
    en: 'Objective {code} is Critical at {date} (deviation {deviation} points) and none of its rows of that date has a Note: write the reason for the deviation there.',
  },
  'trend-title': { it: 'Andamento del monitoraggio — {organization}, {year}', en: 'Monitoring trend — {organization}, {year}' },
  'trend-subtitle': {
    it: 'Gradi calcolati con i valori registrati in Monitoraggi alle date {dates} (calcolato il {date}; valori fissi, si aggiornano con Calcola o Registra monitoraggio).',
    en: 'Grades computed with the values recorded in Monitoraggi at {dates} (computed on {date}; fixed values, refreshed by Calcola or Record monitoring).',
  },
  'trend-chart-title': { it: 'Grado per data di monitoraggio', en: 'Grade by monitoring date' },
  'trend-level-organization': { it: 'Ente', en: 'Organisation' },
  'trend-level-unit': { it: 'Struttura', en: 'Unit' },
  'trend-level-mission': { it: 'Missione', en: 'Mission' },
  'trend-level-programme': { it: 'Programma', en: 'Programme' },
  'trend-col-level': { it: 'Livello', en: 'Level' },
  'trend-col-code': { it: 'Codice', en: 'Code' },
  'trend-col-name': { it: 'Denominazione', en: 'Name' },
  'trend-col-date': { it: 'Data', en: 'Date' },
  'trend-col-grade': { it: 'Grado %', en: 'Grade %' },
  'trend-col-change': { it: 'Variazione (punti)', en: 'Change (points)' },
  'trend-col-objectives': { it: 'Obiettivi', en: 'Objectives' },
  'structure-title': {
    it: 'Stato di attuazione per missione, programma e obiettivo del DUP — {organization}, {year}, al {date}',
    en: 'Progress by mission, programme and DUP objective — {organization}, {year}, at {date}',
  },
  'structure-subtitle': {
    it: 'Media dei gradi finali pesata per peso grezzo degli obiettivi con un grado proprio (calcolato il {date}; valori fissi, si aggiornano con Calcola).',
    en: 'Mean of the final grades weighted by raw weight over the objectives with a grade of their own (computed on {date}; fixed values, refreshed by Calcola).',
  },
  'structure-col-weights': { it: 'Σ pesi', en: 'Σ weights' },
  'structure-col-band': { it: 'Fascia', en: 'Band' },
  'structure-level-strategic': { it: 'Obiettivo strategico', en: 'Strategic objective' },
  'structure-level-operational': { it: 'Obiettivo operativo', en: 'Operational objective' },
  'structure-mission': { it: 'Missione {mission}', en: 'Mission {mission}' },
  'structure-programme': { it: 'Missione {mission}, programma {programme}', en: 'Mission {mission}, programme {programme}' },
  'structure-no-mission': { it: 'Senza missione', en: 'No mission' },

  'ui-monitoring-title': { it: 'Monitoraggio', en: 'Monitoring' },
  'ui-monitoring-date': { it: 'Registra monitoraggio al', en: 'Record monitoring at' },
  'ui-monitoring-record': { it: 'Registra monitoraggio', en: 'Record monitoring' },
  'ui-monitoring-hint': {
    it: 'Copia in Monitoraggi il Consuntivo di ogni indicatore e l’Avanzamento e la Fine effettiva di ogni fase a quella data, per ricalcolarne i gradi in seguito. Non modifica altro.',
    en: 'Copies into Monitoraggi every indicator’s actual and every phase’s progress and actual end at that date, so its grades can be computed again later. Nothing else changes.',
  },
  'ui-monitoring-recorded': {
    it: 'Monitoraggio al {date} registrato in Monitoraggi: {indicators} indicatori, {phases} fasi. Calcola ne scrive l’Andamento.',
    en: 'Monitoring at {date} recorded in Monitoraggi: {indicators} indicators, {phases} phases. Calcola writes its trend (Andamento).',
  },
  'ui-monitoring-confirm-title': { it: 'Sostituire il monitoraggio al {date}?', en: 'Replace the monitoring at {date}?' },
  'ui-monitoring-confirm-text': {
    it: 'Il monitoraggio al {date} è già registrato ({rows} righe in Monitoraggi). Le sue righe saranno sostituite dai valori attuali; le Note scritte restano.',
    en: 'The monitoring at {date} is already recorded ({rows} rows in Monitoraggi). Its rows will be replaced by the current values; the Notes written stay.',
  },
  'ui-monitoring-confirm': { it: 'Sostituisci', en: 'Replace' },
  'ui-compute-at': { it: 'Calcola con i valori', en: 'Compute with the values' },
  'ui-compute-at-hint': {
    it: 'Una data registrata: i gradi e lo Stato di attuazione a quella data, scritti come valori.',
    en: 'A recorded date: the grades and status at that date, written as values.',
  },
  'ui-compute-at-current': { it: 'attuali (fogli)', en: 'current (sheets)' },
  'ui-trend-title': { it: 'Andamento ({dates})', en: 'Trend ({dates})' },
};
