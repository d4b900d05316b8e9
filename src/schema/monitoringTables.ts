/**
 * The `Monitoraggi` table: the history of the monitoring dates (SPEC §1: managers fill actual
 * values at 30/06, 30/09, 31/12). One row per indicator or phase and date, holding what
 * Consuntivo, Avanzamento % and Fine effettiva were at that date, so that the grades of any
 * recorded date can be computed again later. A phase is identified as in `Fasi` (SPEC §2.4): by
 * objective, Anno and N., so Anno is there for phases of multi-year objectives. Registered in tables.ts with the other tables; kept
 * apart so that it depends only on types there (tables.ts imports it, not the other way round).
 */
import type { EnumOption, FieldDef, FieldKind, OutputDef, TableDef, Text, TypedField } from './tables';

const t = (it: string, en: string): Text => ({ it, en });

function field<const K extends string, const Kind extends FieldKind>(
  key: K,
  label: Text,
  kind: Kind,
  help: Text,
  extra: Partial<Pick<FieldDef, 'required' | 'aliases'>> = {},
): TypedField<K, Kind> {
  return { key, label, aliases: extra.aliases ?? [], kind, help, ...extra };
}

export const MONITORING_KINDS = ['indicatore', 'fase'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

export const MONITORING_KIND_OPTIONS: EnumOption<MonitoringKind>[] = [
  { key: 'indicatore', label: t('Indicatore', 'Indicator'), aliases: ['Ind.'] },
  { key: 'fase', label: t('Fase', 'Phase'), aliases: [] },
];

const CHECK: OutputDef = {
  key: 'check',
  label: t('Esito verifica', 'Check result'),
  aliases: ['Esito', 'Verifica'],
  format: 'text',
  help: t('Errori e avvisi della verifica su questa riga', 'Validation errors and warnings on this row'),
  wide: true,
};

export const MONITORING = {
  key: 'monitoring',
  sheet: t('Monitoraggi', 'Monitoring'),
  table: 'Monitoraggi',
  fields: [
    field('date', t('Data', 'Date'), { type: 'date' }, t('Data del monitoraggio (es. 30/06)', 'Monitoring date (e.g. 30/06)'), {
      required: true,
      aliases: ['Data monitoraggio', 'Al'],
    }),
    field('kind', t('Tipo', 'Kind'), { type: 'enum', options: MONITORING_KIND_OPTIONS }, t('Indicatore o Fase', 'Indicator or Phase'), { required: true }),
    field('code', t('Codice', 'Code'), { type: 'code' }, t('Codice dell’indicatore, o dell’obiettivo della fase', 'Code of the indicator, or of the phase’s objective'), {
      required: true,
      aliases: ['Codice indicatore', 'Obiettivo'],
    }),
    field('seq', t('N.', 'No.'), { type: 'integer', min: 0 }, t('Numero della fase (solo per le fasi)', 'Phase number (phases only)'), { aliases: ['N', 'Numero', 'Fase n.'] }),
    field('year', t('Anno', 'Year'), { type: 'integer', min: 1900, max: 2200 }, t('Anno della fase, per gli obiettivi pluriennali (solo per le fasi); vuoto = anno del piano', 'The phase’s year, for multi-year objectives (phases only); blank = plan year'), {
      aliases: ['Annualità'],
    }),
    field('value', t('Valore', 'Value'), { type: 'measure', actual: true }, t('Consuntivo dell’indicatore o Avanzamento % della fase a quella data', 'The indicator’s actual or the phase’s progress % at that date'), {
      aliases: ['Consuntivo', 'Avanzamento'],
    }),
    field('actualEnd', t('Fine effettiva', 'Actual end'), { type: 'date' }, t('Fine effettiva della fase a quella data', 'The phase’s actual end at that date')),
    field('note', t('Nota', 'Note'), { type: 'text' }, t('Spiegazione degli scostamenti (obbligatoria per gli obiettivi In ritardo o Critici)', 'Explanation of deviations (expected for Late or Critical objectives)'), {
      aliases: ['Note', 'Motivazione'],
    }),
  ],
  outputs: [CHECK],
} as const satisfies TableDef;

/** The sheets Traguardo owns for monitoring (output only, like `Riepilogo`): the trend and the roll-up by the DUP's structure. */
export const TREND_SHEET: Text = t('Andamento', 'Trend');
export const STRUCTURE_SHEET: Text = t('Riepilogo DUP', 'DUP summary');
