/**
 * The tables of a Traguardo workbook, field by field: the one list from which the zod schemas
 * (schema/zod.ts), the JSON Schema, the sheet layout (workbook/layout.ts), the header matching
 * and the cell parsers derive. SPEC §2 in data form.
 */
import type { TableKey } from './findings';
import {
  BASKETS,
  INDICATOR_TYPES,
  LEVELS,
  METHODS,
  MISSING_ACTUAL_POLICIES,
  OBJECTIVE_KINDS,
  POLARITIES,
  UNIT_KINDS,
} from './model';
import { MONITORING } from './monitoringTables';
import { CHECK_OUTPUT, CODE, DATE, f, GRADE, NON_NEGATIVE, o, opts, PERCENT, same, t, TEXT, WIDE, YESNO } from './tableKit';
import { PAY_RULE_FIELDS, PAY_TABLES } from './payTables';

export type { TypedField } from './tableKit';

export interface Text {
  it: string;
  en: string;
}

export interface EnumOption<K extends string = string> {
  /** The interchange value. */
  key: K;
  /** What the sheet shows (dropdown entry). */
  label: Text;
  /** Other spellings accepted when reading a cell. */
  aliases?: readonly string[];
}

/** The label of `key` among `options` in `lang`; undefined when `key` is none of them (or missing). */
export function optionLabel(options: readonly EnumOption[], key: string | null | undefined, lang: keyof Text): string | undefined {
  return options.find((o) => o.key === key)?.label[lang];
}

export type FieldKind =
  | { type: 'text' }
  /** An identifier: trimmed text; numbers typed by users (e.g. `12`) are read as text. */
  | { type: 'code' }
  /** Codes separated by `;` (also `,` and new lines are accepted). */
  | { type: 'codeList' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'number'; min?: number; max?: number }
  /** A percentage on the 0–100 scale (a %-formatted cell holding 0.3 reads as 30). */
  | { type: 'percent'; min?: number; max?: number }
  | { type: 'date' }
  | { type: 'enum'; options: readonly EnumOption[] }
  | { type: 'yesno' }
  /** Target / actual of an indicator: number, SI/NO (or partial), or date by the row's Tipo. */
  | { type: 'measure'; actual: boolean };

export interface FieldDef {
  key: string;
  label: Text;
  /** Other headers accepted for this column (Italian variants of real templates, English). */
  aliases: readonly string[];
  kind: FieldKind;
  required?: boolean;
  /** The value must be unique in the table (codes). */
  unique?: boolean;
  /** The table this field refers to by code, when it is a reference. */
  ref?: TableKey;
  /** Shown as the header's note / the JSON Schema description. */
  help: Text;
  /**
   * The workbook name (defined name) live formulas read this parameter by, e.g. `Tetto_grado`:
   * only the numeric `Regole` parameters have one; the enumerated ones choose which formula a row
   * gets instead.
   */
  name?: Text;
}

/**
 * What an output column holds, which decides its number format (workbook/cellFormats.ts):
 * `percent` a grade or share on the 0–100 scale (Decimali decimals), `points` weight × grade
 * (2 decimals), `euro` an amount (2 decimals and €), `number` a count or weight as it comes.
 */
export type OutputFormat = 'percent' | 'points' | 'euro' | 'number' | 'integer' | 'text';

export interface OutputDef {
  key: string;
  label: Text;
  aliases: readonly string[];
  format: OutputFormat;
  help: Text;
  /** A grade: the column is coloured by band. */
  grade?: boolean;
  /** A column of sentences (Esito verifica, Calcolo): written wide. */
  wide?: boolean;
}

export interface TableDef {
  key: TableKey;
  /** Sheet and table (ListObject) name. Table names never change with the language. */
  sheet: Text;
  table: string;
  fields: readonly FieldDef[];
  outputs: readonly OutputDef[];
}

export const UNIT_KIND_OPTIONS = opts(
  UNIT_KINDS,
  same(UNIT_KINDS, {
    Ente: 'Organisation',
    Area: 'Area',
    Settore: 'Department',
    Servizio: 'Service',
    Ufficio: 'Office',
    Staff: 'Staff',
    'Centro di responsabilità': 'Responsibility centre',
  }),
  { 'Centro di responsabilità': ['CdR', 'Centro di responsabilita', 'Centro di costo'] },
);

export const LEVEL_OPTIONS = opts(LEVELS, {
  strategico: t('Strategico', 'Strategic'),
  operativo: t('Operativo', 'Operational'),
  esecutivo: t('Esecutivo', 'Executive'),
  ente: t('Ente', 'Organisation'),
}, { esecutivo: ['PEG', 'Gestionale'], ente: ['Performance di ente', 'Organizzativo'] });

export const OBJECTIVE_KIND_OPTIONS = opts(OBJECTIVE_KINDS, {
  mantenimento: t('Mantenimento', 'Maintenance'),
  sviluppo: t('Sviluppo', 'Development'),
  innovazione: t('Innovazione', 'Innovation'),
});

export const INDICATOR_TYPE_OPTIONS = opts(INDICATOR_TYPES, {
  numero: t('Numero', 'Number'),
  percentuale: t('Percentuale', 'Percentage'),
  si_no: t('SI/NO', 'YES/NO'),
  scadenza: t('Scadenza', 'Deadline'),
}, { numero: ['Numerico', 'Quantitativo', 'N.'], percentuale: ['%', 'Percentuale %'], si_no: ['SI NO', 'On/Off', 'Booleano', 'Realizzato'], scadenza: ['Data', 'Temporale', 'Tempo'] });

export const POLARITY_OPTIONS = opts(POLARITIES, {
  crescente: t('Crescente', 'Increasing'),
  decrescente: t('Decrescente', 'Decreasing'),
}, { crescente: ['Positiva', 'Maggiore è meglio', '+'], decrescente: ['Negativa', 'Minore è meglio', '-'] });

export const METHOD_OPTIONS = opts(METHODS, {
  rapporto: t('Rapporto', 'Ratio'),
  lineare: t('Lineare', 'Linear'),
  speculare: t('Speculare', 'Mirror'),
}, { rapporto: ['Rapporto inverso', 'Inverse ratio'] });

export const INCREASING_METHOD_OPTIONS = opts(['rapporto', 'lineare'], {
  rapporto: t('Rapporto', 'Ratio'),
  lineare: t('Lineare', 'Linear'),
});

export const DECREASING_METHOD_OPTIONS = opts(['rapporto', 'speculare', 'lineare'], {
  rapporto: t('Rapporto inverso', 'Inverse ratio'),
  speculare: t('Speculare', 'Mirror'),
  lineare: t('Lineare', 'Linear'),
}, { rapporto: ['Rapporto'] });

export const MISSING_ACTUAL_OPTIONS = opts(MISSING_ACTUAL_POLICIES, {
  zero: t('Zero', 'Zero'),
  escludi: t('Escludi', 'Exclude'),
  errore: t('Errore', 'Error'),
});

export const BASKET_OPTIONS = opts(BASKETS, {
  struttura: t('Struttura', 'Unit'),
  responsabile: t('Responsabile', 'Manager'),
  ente: t('Ente', 'Organisation'),
});

export const UNITS = {
  key: 'units',
  sheet: t('Strutture', 'Units'),
  table: 'Strutture',
  fields: [
    f('code', 'Codice', 'Code', CODE, t('Codice univoco della struttura', 'Unique unit code'), { required: true, unique: true, aliases: ['Codice struttura', 'Cod.'] }),
    f('name', 'Denominazione', 'Name', TEXT, t('Nome della struttura', 'Unit name'), { required: true, aliases: ['Struttura', 'Nome', 'Descrizione'] }),
    f('kind', 'Tipo', 'Kind', { type: 'enum', options: UNIT_KIND_OPTIONS }, t('Tipo di struttura', 'Kind of unit'), { aliases: ['Tipologia'] }),
    f('parent', 'Struttura padre', 'Parent unit', CODE, t('Codice della struttura di livello superiore', 'Code of the parent unit'), { ref: 'units', aliases: ['Padre', 'Struttura superiore', 'Parent'] }),
    f('head', 'Responsabile', 'Head', TEXT, t('Dirigente o responsabile della struttura', 'Manager of the unit'), { aliases: ['Dirigente', 'Responsabile struttura'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

export const OBJECTIVES = {
  key: 'objectives',
  sheet: t('Obiettivi', 'Objectives'),
  table: 'Obiettivi',
  fields: [
    f('code', 'Codice', 'Code', CODE, t('Codice univoco dell’obiettivo', 'Unique objective code'), { required: true, unique: true, aliases: ['Codice obiettivo', 'Cod.', 'N. obiettivo'] }),
    f('level', 'Livello', 'Level', { type: 'enum', options: LEVEL_OPTIONS }, t('Strategico, Operativo, Esecutivo (predefinito) o Ente', 'Strategic, Operational, Executive (default) or Organisation'), { aliases: ['Tipo obiettivo'] }),
    f('title', 'Titolo', 'Title', TEXT, t('Titolo dell’obiettivo', 'Objective title'), { required: true, aliases: ['Obiettivo', 'Titolo obiettivo', 'Denominazione'] }),
    f('description', 'Descrizione', 'Description', TEXT, t('Descrizione estesa', 'Long description'), { aliases: ['Descrizione obiettivo', 'Finalità'] }),
    f('parent', 'Obiettivo padre', 'Parent objective', CODE, t('Codice dell’obiettivo di livello superiore (es. l’obiettivo operativo del DUP)', 'Code of the parent objective (e.g. the DUP operational objective)'), { ref: 'objectives', aliases: ['Obiettivo DUP', 'Obiettivo operativo', 'Obiettivo strategico', 'Parent'] }),
    f('unit', 'Struttura', 'Unit', CODE, t('Codice della struttura responsabile; obbligatorio per gli obiettivi esecutivi', 'Code of the responsible unit; required for executive objectives'), { ref: 'units', aliases: ['Codice struttura', 'Settore', 'Centro di responsabilità', 'CdR'] }),
    f('sharedWith', 'Strutture coinvolte', 'Shared with', { type: 'codeList' }, t('Altre strutture, codici separati da ;', 'Other units, codes separated by ;'), { ref: 'units', aliases: ['Obiettivo trasversale', 'Strutture'] }),
    f('owner', 'Responsabile', 'Owner', TEXT, t('Responsabile dell’obiettivo', 'Objective owner'), { aliases: ['Dirigente', 'Referente'] }),
    f('mission', 'Missione', 'Mission', { type: 'integer', min: 1, max: 99 }, t('Missione di bilancio (D.Lgs. 118/2011)', 'Budget mission (D.Lgs. 118/2011)'), { aliases: ['Miss.'] }),
    f('programme', 'Programma', 'Programme', { type: 'integer', min: 1, max: 99 }, t('Programma di bilancio', 'Budget programme'), { aliases: ['Progr.', 'Program'] }),
    f('publicValue', 'Valore pubblico', 'Public value', TEXT, t('Area di valore pubblico del PIAO', 'PIAO public-value area'), { aliases: ['Area valore pubblico'] }),
    f('kind', 'Tipologia', 'Kind', { type: 'enum', options: OBJECTIVE_KIND_OPTIONS }, t('Mantenimento, Sviluppo o Innovazione', 'Maintenance, Development or Innovation'), { aliases: ['Tipo'] }),
    f('start', 'Data inizio', 'Start', DATE, t('Inizio dell’obiettivo', 'Start date'), { aliases: ['Inizio'] }),
    f('end', 'Data fine', 'End', DATE, t('Fine dell’obiettivo', 'End date'), { aliases: ['Fine', 'Scadenza'] }),
    f('weight', 'Peso', 'Weight', NON_NEGATIVE, t('Peso grezzo manuale, usato quando manca la Pesatura', 'Manual raw weight, used without a Pesatura row'), { aliases: ['Pesatura', 'Peso ponderale', 'Raw weight'] }),
    f('minShare', 'Peso minimo %', 'Minimum share %', PERCENT, t('Quota minima dell’obiettivo nel suo paniere (es. 30 % tempi di pagamento)', 'Floor of the objective’s share in its basket'), { aliases: ['Peso minimo', 'Floor'] }),
    f('indicatorShare', 'Peso indicatori %', 'Indicator share %', PERCENT, t('Peso della parte indicatori nel grado', 'Weight of the indicator part'), { aliases: ['Peso indicatori', 'Incidenza indicatori'] }),
    f('phaseShare', 'Peso fasi %', 'Phase share %', PERCENT, t('Peso della parte fasi nel grado; con Peso indicatori % somma 100', 'Weight of the phase part; sums to 100 with Indicator share %'), { aliases: ['Peso fasi', 'Incidenza fasi', 'Peso cronoprogramma'] }),
    f('excluded', 'Non valutabile', 'Excluded', YESNO, t('SI se l’obiettivo è escluso dalla valutazione', 'YES when the objective is not evaluated'), { aliases: ['Escluso', 'Non valutato'] }),
    f('excludedReason', 'Motivazione esclusione', 'Exclusion reason', TEXT, t('Obbligatoria con Non valutabile = SI', 'Required when Excluded = YES'), { aliases: ['Motivazione'] }),
    f('override', 'Grado NdV %', 'NdV grade %', { type: 'percent', min: 0 }, t('Grado assegnato dal Nucleo di Valutazione; prevale su quello calcolato', 'Grade assigned by the evaluation body; prevails'), { aliases: ['Grado NdV', 'Valutazione NdV', 'Override'] }),
    f('overrideNote', 'Nota NdV', 'NdV note', TEXT, t('Motivazione del Grado NdV, obbligatoria', 'Reason for the NdV grade, required'), { aliases: ['Note NdV', 'Motivazione NdV'] }),
  ],
  outputs: [
    o('weightShare', 'Peso %', 'Weight %', 'percent', t('Quota nel paniere della struttura', 'Share in the unit’s basket')),
    o('indicatorGrade', 'Grado indicatori %', 'Indicator grade %', 'percent', t('Media pesata dei gradi degli indicatori', 'Weighted mean of indicator grades'), [], GRADE),
    o('phaseGrade', 'Grado fasi %', 'Phase grade %', 'percent', t('Media delle fasi pesata per incidenza', 'Share-weighted mean of phase progress'), [], GRADE),
    o('computedGrade', 'Grado calcolato %', 'Computed grade %', 'percent', t('Grado da indicatori e fasi', 'Grade from indicators and phases'), [], GRADE),
    o('finalGrade', 'Grado finale %', 'Final grade %', 'percent', t('Grado NdV se presente, altrimenti calcolato', 'NdV grade if set, else computed'), [], GRADE),
    o('band', 'Fascia', 'Band', 'text', t('Fascia di raggiungimento', 'Achievement band')),
    o('reward', 'Premio %', 'Reward %', 'percent', t('Premio della fascia', 'Reward of the band')),
    o('expectedProgress', 'Avanzamento atteso %', 'Expected progress %', 'percent', t('Avanzamento atteso delle fasi alla data di riferimento', 'Expected progress at the reference date')),
    o('status', 'Stato di attuazione', 'Status', 'text', t('Stato alla data di riferimento', 'Status at the reference date')),
    o('rawWeight', 'Peso grezzo', 'Raw weight', 'number', t('Punteggio di Pesatura (× moltiplicatore tipologia), altrimenti Peso, altrimenti 1; vuoto se l’obiettivo non entra nei panieri', 'Weighting score (× kind multiplier), else Weight, else 1; blank when the objective is in no basket'), ['Peso grezzo obiettivo']),
    o('points', 'Punti', 'Points', 'points', t('Peso grezzo × Grado finale %: sommati per struttura in Riepilogo', 'Raw weight × Final grade %: summed by unit in Summary'), ['Punti obiettivo']),
    CHECK_OUTPUT,
  ],
} as const satisfies TableDef;

export const INDICATORS = {
  key: 'indicators',
  sheet: t('Indicatori', 'Indicators'),
  table: 'Indicatori',
  fields: [
    f('code', 'Codice', 'Code', CODE, t('Codice univoco dell’indicatore', 'Unique indicator code'), { required: true, unique: true, aliases: ['Codice indicatore', 'Cod.'] }),
    f('objective', 'Obiettivo', 'Objective', CODE, t('Codice dell’obiettivo misurato', 'Code of the objective measured'), { required: true, ref: 'objectives', aliases: ['Codice obiettivo'] }),
    f('name', 'Descrizione', 'Description', TEXT, t('Che cosa misura l’indicatore', 'What the indicator measures'), { required: true, aliases: ['Indicatore', 'Nome', 'Name', 'Descrizione indicatore'] }),
    f('type', 'Tipo', 'Type', { type: 'enum', options: INDICATOR_TYPE_OPTIONS }, t('Numero, Percentuale, SI/NO o Scadenza', 'Number, Percentage, YES/NO or Deadline'), { aliases: ['Tipologia', 'Tipo indicatore'] }),
    f('polarity', 'Polarità', 'Polarity', { type: 'enum', options: POLARITY_OPTIONS }, t('Crescente (più è meglio) o Decrescente', 'Increasing (more is better) or Decreasing'), { aliases: ['Verso', 'Direzione'] }),
    f('method', 'Metodo', 'Method', { type: 'enum', options: METHOD_OPTIONS }, t('Vuoto = il metodo delle Regole per la polarità', 'Blank = the rule profile’s method for the polarity'), { aliases: ['Metodo di calcolo'] }),
    f('unit', 'Unità di misura', 'Unit of measure', TEXT, t('Unità di misura', 'Unit of measure'), { aliases: ['Udm', 'U.d.m.', 'Unita'] }),
    f('source', 'Fonte', 'Source', TEXT, t('Fonte del dato', 'Data source'), { aliases: ['Fonte dati'] }),
    f('baseline', 'Baseline', 'Baseline', { type: 'number' }, t('Valore di partenza', 'Starting value'), { aliases: ['Valore di partenza', 'Valore di riferimento', 'Valore iniziale'] }),
    f('threshold', 'Soglia', 'Threshold', { type: 'number' }, t('Peggio di questo valore il grado è 0', 'Worse than this the grade is 0'), { aliases: ['Valore soglia', 'Soglia minima'] }),
    f('target', 'Target', 'Target', { type: 'measure', actual: false }, t('Valore atteso: numero, SI/NO o data secondo il Tipo', 'Expected value: number, YES/NO or date by Type'), { required: true, aliases: ['Valore atteso', 'Valore obiettivo', 'Risultato atteso'] }),
    f('weight', 'Peso', 'Weight', NON_NEGATIVE, t('Peso nell’obiettivo; vuoto = 1', 'Weight in the objective; blank = 1'), { aliases: ['Peso indicatore'] }),
    f('actual', 'Consuntivo', 'Actual', { type: 'measure', actual: true }, t('Valore conseguito; SI/NO ammette “in parte N%”', 'Actual value; YES/NO accepts “in parte N%”'), { aliases: ['Valore conseguito', 'Valore rilevato', 'Valore raggiunto', 'Risultato'] }),
    f('measuredOn', 'Data rilevazione', 'Measured on', DATE, t('Data della rilevazione', 'Date of measurement'), { aliases: ['Data rilevamento', 'Rilevato al'] }),
    f('excluded', 'Non valutabile', 'Excluded', YESNO, t('SI se l’indicatore è escluso', 'YES when excluded'), { aliases: ['Escluso'] }),
    f('notes', 'Note', 'Notes', TEXT, t('Note', 'Notes'), { aliases: ['Nota'] }),
  ],
  outputs: [
    o('grade', 'Grado %', 'Grade %', 'percent', t('Grado di raggiungimento dell’indicatore', 'Indicator achievement'), [], GRADE),
    o('weightShare', 'Peso %', 'Weight %', 'percent', t('Peso nell’obiettivo', 'Share within the objective')),
    o('countedWeight', 'Peso usato', 'Weight used', 'number', t('Peso (vuoto = 1) se l’indicatore ha un grado, altrimenti vuoto', 'Weight (blank = 1) when the indicator has a grade, else blank')),
    o('points', 'Punti', 'Points', 'points', t('Peso usato × Grado %: il grado dell’obiettivo è Σ Punti / Σ Peso usato', 'Weight used × Grade %: the objective’s grade is Σ Points / Σ Weight used'), ['Punti indicatore']),
    o('trace', 'Calcolo', 'Calculation', 'text', t('Come è stato calcolato il grado', 'How the grade was computed'), [], WIDE),
    CHECK_OUTPUT,
  ],
} as const satisfies TableDef;

export const PHASES = {
  key: 'phases',
  sheet: t('Fasi', 'Phases'),
  table: 'Fasi',
  fields: [
    f('objective', 'Obiettivo', 'Objective', CODE, t('Codice dell’obiettivo', 'Objective code'), { required: true, ref: 'objectives', aliases: ['Codice obiettivo'] }),
    f('seq', 'N.', 'No.', { type: 'integer', min: 0 }, t('Numero della fase', 'Phase number'), { aliases: ['N', 'Numero', 'Nr', 'Seq', 'Fase n.'] }),
    f('year', 'Anno', 'Year', { type: 'integer', min: 1900, max: 2200 }, t('Per obiettivi pluriennali; vuoto = anno del piano', 'For multi-year objectives; blank = plan year'), { aliases: ['Annualità'] }),
    f('name', 'Descrizione', 'Description', TEXT, t('Descrizione della fase', 'Phase description'), { required: true, aliases: ['Fase', 'Attività', 'Descrizione fase', 'Name'] }),
    f('plannedStart', 'Inizio previsto', 'Planned start', DATE, t('Inizio previsto', 'Planned start'), { aliases: ['Inizio', 'Data inizio'] }),
    f('plannedEnd', 'Fine prevista', 'Planned end', DATE, t('Fine prevista', 'Planned end'), { aliases: ['Fine', 'Data fine', 'Scadenza'] }),
    f('share', 'Incidenza %', 'Share %', PERCENT, t('Peso della fase; per obiettivo e anno la somma è 100', 'Phase weight; per objective and year they sum to 100'), { aliases: ['Incidenza', 'Peso fase', 'Peso'] }),
    f('progress', 'Avanzamento %', 'Progress %', PERCENT, t('Completamento effettivo; vuoto = 0', 'Actual completion; blank = 0'), { aliases: ['Avanzamento', 'Percentuale di realizzazione', 'Realizzazione'] }),
    f('actualEnd', 'Fine effettiva', 'Actual end', DATE, t('Data di conclusione effettiva', 'Actual completion date'), { aliases: ['Data fine effettiva', 'Conclusa il'] }),
    f('notes', 'Note', 'Notes', TEXT, t('Note', 'Notes'), { aliases: ['Nota'] }),
  ],
  outputs: [
    o('expectedProgress', 'Avanzamento atteso %', 'Expected progress %', 'percent', t('Avanzamento atteso alla data di riferimento', 'Expected progress at the reference date')),
    o('deviation', 'Scostamento', 'Deviation', 'points', t('Avanzamento − atteso, in punti', 'Progress − expected, in points')),
    o('countedShare', 'Incidenza usata', 'Share used', 'number', t('Incidenza % (vuota = 1) delle fasi dell’anno del piano, altrimenti vuota', 'Share % (blank = 1) of the plan year’s phases, else blank')),
    o('points', 'Punti', 'Points', 'points', t('Incidenza usata × Avanzamento %: il grado fasi è Σ Punti / Σ Incidenza usata', 'Share used × Progress %: the phase grade is Σ Points / Σ Share used'), ['Punti fase']),
    o('expectedPoints', 'Punti attesi', 'Expected points', 'points', t('Incidenza usata × Avanzamento atteso %', 'Share used × Expected progress %')),
    CHECK_OUTPUT,
  ],
} as const satisfies TableDef;

/** Pesatura has one column per criterion of `Criteri` after `Obiettivo`; they are not listed here. */
export const WEIGHTING = {
  key: 'weighting',
  sheet: t('Pesatura', 'Weighting'),
  table: 'Pesatura',
  fields: [
    f('objective', 'Obiettivo', 'Objective', CODE, t('Codice dell’obiettivo pesato', 'Code of the objective weighed'), { required: true, unique: true, ref: 'objectives', aliases: ['Codice obiettivo'] }),
  ],
  outputs: [
    o('score', 'Punteggio', 'Score', 'points', t('Somma dei punteggi pesati dei criteri', 'Weighted sum of criterion scores')),
    o('weightShare', 'Peso %', 'Weight %', 'percent', t('Peso dell’obiettivo nel paniere', 'Share in the basket')),
    CHECK_OUTPUT,
  ],
} as const satisfies TableDef;

export const STAFF = {
  key: 'staff',
  sheet: t('Personale', 'Staff'),
  table: 'Personale',
  fields: [
    f('person', 'Persona', 'Person', TEXT, t('Cognome e nome, o matricola', 'Surname and name, or staff number'), { required: true, aliases: ['Nominativo', 'Dipendente', 'Cognome e nome', 'Matricola'] }),
    f('category', 'Categoria', 'Category', TEXT, t('Categoria o area CCNL', 'CCNL category'), { aliases: ['Area', 'Inquadramento'] }),
    f('role', 'Ruolo', 'Role', TEXT, t('Ruolo nell’obiettivo', 'Role in the objective'), { aliases: ['Profilo'] }),
    f('objective', 'Obiettivo', 'Objective', CODE, t('Codice dell’obiettivo', 'Objective code'), { required: true, ref: 'objectives', aliases: ['Codice obiettivo'] }),
    f('start', 'Inizio', 'Start', DATE, t('Inizio dell’assegnazione', 'Start of the assignment'), { aliases: ['Data inizio', 'Dal'] }),
    f('end', 'Fine', 'End', DATE, t('Fine dell’assegnazione', 'End of the assignment'), { aliases: ['Data fine', 'Al'] }),
    f('share', 'Partecipazione %', 'Share %', PERCENT, t('Quota di partecipazione; vuoto = non indicata', 'Participation; blank = not stated'), { aliases: ['Partecipazione', 'Percentuale'] }),
  ],
  outputs: [CHECK_OUTPUT],
} as const satisfies TableDef;

/**
 * The organisation's name: a row of the `Regole` table like the parameters, the first one, but
 * not a rule — the plan and the interchange document keep it at their top (`organization`).
 */
export const ORGANIZATION_FIELD = f('organization', 'Amministrazione', 'Organisation', TEXT, t('Nome dell’ente', 'Name of the organisation'), {
  aliases: ['Ente', 'Organizzazione', 'Organization', 'Comune'],
});

/** The `Regole` table: one row per parameter (Parametro, Valore). Each field is a row here. */
export const RULES = {
  key: 'rules',
  sheet: t('Regole', 'Rules'),
  table: 'Regole',
  fields: [
    f('year', 'Anno', 'Year', { type: 'integer', min: 1900, max: 2200 }, t('Anno del piano', 'Plan year'), { name: t('Anno_piano', 'Plan_year') }),
    f('referenceDate', 'Data di riferimento', 'Reference date', DATE, t('Data del monitoraggio; predefinita il 31/12 dell’anno', 'Monitoring date; default 31/12 of the year'), { name: t('Data_riferimento', 'Reference_date') }),
    f('cap', 'Tetto grado %', 'Grade cap %', { type: 'percent', min: 0 }, t('Grado massimo', 'Maximum grade'), { name: t('Tetto_grado', 'Grade_cap'), aliases: ['Tetto'] }),
    f('increasingMethod', 'Metodo indicatori crescenti', 'Increasing indicators method', { type: 'enum', options: INCREASING_METHOD_OPTIONS }, t('Rapporto o Lineare', 'Ratio or Linear')),
    f('decreasingMethod', 'Metodo indicatori decrescenti', 'Decreasing indicators method', { type: 'enum', options: DECREASING_METHOD_OPTIONS }, t('Rapporto inverso, Speculare o Lineare', 'Inverse ratio, Mirror or Linear')),
    f('missingActual', 'Consuntivo mancante', 'Missing actual', { type: 'enum', options: MISSING_ACTUAL_OPTIONS }, t('Zero, Escludi o Errore', 'Zero, Exclude or Error')),
    f('deadlineToleranceDays', 'Tolleranza scadenze (giorni)', 'Deadline tolerance (days)', { type: 'integer', min: 0 }, t('Giorni di ritardo oltre i quali il grado è 0', 'Days of delay after which the grade is 0'), { name: t('Tolleranza_giorni', 'Tolerance_days'), aliases: ['Tolleranza scadenze'] }),
    f('basket', 'Perimetro pesatura', 'Weighting basket', { type: 'enum', options: BASKET_OPTIONS }, t('Struttura, Responsabile o Ente', 'Unit, Manager or Organisation')),
    f('typeMultipliers', 'Moltiplicatori tipologia', 'Kind multipliers', YESNO, t('SI: Mantenimento 0,5 · Sviluppo 0,75 · Innovazione 1', 'YES: Maintenance 0.5 · Development 0.75 · Innovation 1')),
    f('onTrackThreshold', 'Soglia in linea (punti)', 'On-track threshold (points)', { type: 'number' }, t('Scostamento minimo per “In linea”', 'Minimum deviation for “On track”'), { name: t('Soglia_in_linea', 'On_track_threshold'), aliases: ['Soglia in linea'] }),
    f('lateThreshold', 'Soglia in ritardo (punti)', 'Late threshold (points)', { type: 'number' }, t('Scostamento minimo per “In ritardo”', 'Minimum deviation for “Late”'), { name: t('Soglia_in_ritardo', 'Late_threshold'), aliases: ['Soglia in ritardo'] }),
    f('decimals', 'Decimali', 'Decimals', { type: 'integer', min: 0, max: 10 }, t('Decimali mostrati', 'Decimals shown'), { name: t('Decimali', 'Decimal_places') }),
    ...PAY_RULE_FIELDS,
  ],
  outputs: [],
} as const satisfies TableDef;

/** Headers of the two columns of the `Regole` table. */
export const RULES_COLUMNS = { parameter: t('Parametro', 'Parameter'), value: t('Valore', 'Value') };

export const BANDS = {
  key: 'bands',
  sheet: t('Regole', 'Rules'),
  table: 'Fasce',
  fields: [
    f('from', 'Da %', 'From %', { type: 'percent', min: 0 }, t('Grado minimo della fascia', 'Lowest grade of the band'), { required: true, aliases: ['Da', 'Dal'] }),
    f('label', 'Etichetta', 'Label', TEXT, t('Nome della fascia', 'Band name'), { required: true, aliases: ['Fascia'] }),
    f('reward', 'Premio %', 'Reward %', { type: 'percent', min: 0, max: 100 }, t('Quota del premio di risultato', 'Share of result pay')),
    f('proportional', 'Proporzionale', 'Proportional', YESNO, t('SI: premio pari al grado', 'YES: reward equals the grade')),
    f('color', 'Colore', 'Colour', TEXT, t('Colore esadecimale, es. #00B050', 'Hex colour, e.g. #00B050'), { aliases: ['Color'] }),
  ],
  outputs: [],
} as const satisfies TableDef;

export const CRITERIA = {
  key: 'criteria',
  sheet: t('Regole', 'Rules'),
  table: 'Criteri',
  fields: [
    f('name', 'Criterio', 'Criterion', TEXT, t('Nome del criterio di pesatura', 'Weighting criterion'), { required: true, unique: true }),
    f('weight', 'Peso', 'Weight', NON_NEGATIVE, t('Peso del criterio; vuoto = 1', 'Criterion weight; blank = 1')),
    f('max', 'Massimo', 'Maximum', { type: 'number', min: 0 }, t('Punteggio massimo; vuoto = 100', 'Maximum score; blank = 100'), { aliases: ['Max'] }),
  ],
  outputs: [],
} as const satisfies TableDef;

/** Every table with rows of data, in workbook order. */
export const DATA_TABLES: readonly TableDef[] = [UNITS, OBJECTIVES, INDICATORS, PHASES, WEIGHTING, STAFF, ...PAY_TABLES, MONITORING];

/** Every table, including those of the `Regole` sheet. */
export const ALL_TABLES: readonly TableDef[] = [...DATA_TABLES, RULES, BANDS, CRITERIA];

export function tableDef(key: TableKey): TableDef {
  const def = ALL_TABLES.find((d) => d.key === key);
  if (!def) throw new Error(`unknown table ${key}`);
  return def;
}

/** The `Riepilogo` sheet: output only. */
export const SUMMARY_SHEET = t('Riepilogo', 'Summary');

export type SummaryColumnKey =
  | 'code'
  | 'unit'
  | 'objectives'
  | 'objectivesTotal'
  | 'weights'
  | 'weightGraded'
  | 'grade'
  | 'band'
  | 'coverage'
  | 'reward'
  | 'points';

export interface SummaryColumnDef {
  key: SummaryColumnKey;
  label: Text;
  format: OutputFormat;
  /** A grade: coloured by band, and the values of the chart. */
  grade?: boolean;
}

/** The columns of `Riepilogo`, in sheet order from column A: one row per unit, then the organisation (SPEC §2.8). */
export const SUMMARY_COLUMNS: readonly SummaryColumnDef[] = [
  { key: 'code', label: t('Codice', 'Code'), format: 'text' },
  { key: 'unit', label: t('Struttura', 'Unit'), format: 'text' },
  // Coverage (README «Copertura»): the graded objectives of the roll-up out of all of them, by number and by weight.
  { key: 'objectives', label: t('Obiettivi valutati', 'Objectives graded'), format: 'integer' },
  { key: 'objectivesTotal', label: t('Obiettivi totali', 'Objectives total'), format: 'integer' },
  { key: 'weights', label: t('Σ pesi', 'Σ weights'), format: 'number' },
  { key: 'weightGraded', label: t('Peso valutato %', 'Weight graded %'), format: 'percent' },
  { key: 'grade', label: t('Grado %', 'Grade %'), format: 'percent', grade: true },
  { key: 'band', label: t('Fascia', 'Band'), format: 'text' },
  { key: 'coverage', label: t('Copertura', 'Coverage'), format: 'text' },
  { key: 'reward', label: t('Premio %', 'Reward %'), format: 'percent' },
  { key: 'points', label: t('Σ punti (peso × grado)', 'Σ points (weight × grade)'), format: 'points' },
];

/** The 0-based column of a `Riepilogo` column. */
export function summaryColumn(key: SummaryColumnKey): number {
  return SUMMARY_COLUMNS.findIndex((c) => c.key === key);
}
