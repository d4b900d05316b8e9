/**
 * The typed plan: what the parsers produce from cells or interchange JSON, and the only input
 * of the engine and of the cross-row validation. Values that could not be read are `null` here;
 * the reason is a finding located at the cell.
 *
 * Array positions matter: `plan.indicators[i]` is data row i of the `Indicatori` table (blank
 * rows are kept as `null`-filled entries only if they carried any value; see workbook/grid.ts).
 * Findings and results refer to rows by these indices.
 */

import type { MONITORING } from './monitoringTables';
import type { BANDS, CRITERIA, EnumOption, FieldDef, FieldKind, INDICATORS, OBJECTIVES, PHASES, RULES, STAFF, UNITS, WEIGHTING } from './tables';

/** A calendar date as ISO `YYYY-MM-DD` (no time, no zone). Compares correctly as a string. */
export type IsoDate = string;

export const UNIT_KINDS = [
  'Ente',
  'Area',
  'Settore',
  'Servizio',
  'Ufficio',
  'Staff',
  'Centro di responsabilità',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const LEVELS = ['strategico', 'operativo', 'esecutivo', 'ente'] as const;
export type Level = (typeof LEVELS)[number];

export const OBJECTIVE_KINDS = ['mantenimento', 'sviluppo', 'innovazione'] as const;
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];

export const INDICATOR_TYPES = ['numero', 'percentuale', 'si_no', 'scadenza'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const POLARITIES = ['crescente', 'decrescente'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** For a decreasing indicator `rapporto` is the inverse ratio T/A (SPEC §3.1). */
export const METHODS = ['rapporto', 'lineare', 'speculare'] as const;
export type Method = (typeof METHODS)[number];

export const MISSING_ACTUAL_POLICIES = ['zero', 'escludi', 'errore'] as const;
export type MissingActualPolicy = (typeof MISSING_ACTUAL_POLICIES)[number];

export const BASKETS = ['struttura', 'responsabile', 'ente'] as const;
export type Basket = (typeof BASKETS)[number];

/** A target or an actual value, typed by the indicator's Tipo. */
export type Measure =
  | { kind: 'number'; value: number }
  | { kind: 'yesno'; value: boolean }
  /** "in parte 40%": a partial realisation of a SI/NO indicator, 0–100. */
  | { kind: 'partial'; value: number }
  | { kind: 'date'; value: IsoDate };

/**
 * The value of a field once read, by its kind in tables.ts. Enum fields give their option keys.
 * A cell that is blank or could not be read is `null` (see `PlanRow`).
 */
export type FieldValue<Kind extends FieldKind> = Kind extends { type: 'text' | 'code' }
  ? string
  : Kind extends { type: 'codeList' }
    ? string[]
    : Kind extends { type: 'integer' | 'number' | 'percent' }
      ? number
      : Kind extends { type: 'date' }
        ? IsoDate
        : Kind extends { type: 'enum'; options: readonly EnumOption<infer K>[] }
          ? K
          : Kind extends { type: 'yesno' }
            ? boolean
            : Kind extends { type: 'measure' }
              ? Measure
              : never;

/** A row of a table as read: one key per field of its definition, `null` when blank or unreadable. */
export type PlanRow<Def extends { fields: readonly FieldDef[] }> = {
  [Field in Def['fields'][number] as Field['key']]: FieldValue<Field['kind']> | null;
};

/** A row whose `Keys` always hold a value: the reader applies their defaults (SPEC §2). */
export type WithDefaults<Row, Keys extends keyof Row> = { [Key in keyof Row]: Key extends Keys ? NonNullable<Row[Key]> : Row[Key] };

export type Unit = PlanRow<typeof UNITS>;

/** `level` defaults to `esecutivo`, `excluded` to false, `sharedWith` to no unit. */
export type Objective = WithDefaults<PlanRow<typeof OBJECTIVES>, 'level' | 'sharedWith' | 'excluded'>;

/** A blank `weight` stays null here: the engine applies the default 1. */
export type Indicator = WithDefaults<PlanRow<typeof INDICATORS>, 'excluded'>;

/** A blank `year` is the plan year and a blank `progress` is 0, both for the engine to apply. */
export type Phase = PlanRow<typeof PHASES>;

export type Criterion = WithDefaults<PlanRow<typeof CRITERIA>, keyof PlanRow<typeof CRITERIA>>;

/** Pesatura's score columns are named after the criteria, so they are not fields of tables.ts. */
export type WeightingRow = WithDefaults<
  PlanRow<typeof WEIGHTING> & {
    /** One entry per criterion name of `Criteri` (null = blank or unreadable cell). */
    scores: Record<string, number | null>;
  },
  'scores'
>;

export type StaffAssignment = PlanRow<typeof STAFF>;

/** A row of `Monitoraggi`: Valore is read by the indicator's Tipo, or as a percentage for a phase. */
export type MonitoringRecord = PlanRow<typeof MONITORING>;

/** Every parameter has a value: the defaults of SPEC §2.6 fill the blanks (`defaultRules`). */
export type Rules = WithDefaults<PlanRow<typeof RULES>, keyof PlanRow<typeof RULES>>;

/** Premio % (`reward`) is ignored when `proportional`. */
export type Band = WithDefaults<PlanRow<typeof BANDS>, 'from' | 'label' | 'proportional'>;

export interface Plan {
  organization: string | null;
  year: number;
  units: Unit[];
  objectives: Objective[];
  indicators: Indicator[];
  phases: Phase[];
  criteria: Criterion[];
  weighting: WeightingRow[];
  staff: StaffAssignment[];
  /** The recorded monitoring dates; absent in plans built without a `Monitoraggi` table. */
  monitoring?: MonitoringRecord[];
  rules: Rules;
  bands: Band[];
}

/** The tipologia multipliers of SPEC §2.6, applied when `Rules.typeMultipliers`. */
export const TYPE_MULTIPLIERS: Record<ObjectiveKind, number> = {
  mantenimento: 0.5,
  sviluppo: 0.75,
  innovazione: 1,
};

export function defaultRules(year: number): Rules {
  return {
    year,
    referenceDate: `${year}-12-31`,
    cap: 100,
    increasingMethod: 'rapporto',
    decreasingMethod: 'rapporto',
    missingActual: 'zero',
    deadlineToleranceDays: 0,
    basket: 'struttura',
    typeMultipliers: false,
    onTrackThreshold: -10,
    lateThreshold: -25,
    decimals: 2,
  };
}

export function defaultBands(): Band[] {
  return [
    { from: 0, label: 'Non raggiunto', reward: 0, proportional: false, color: '#C00000' },
    { from: 60, label: 'Parzialmente raggiunto', reward: null, proportional: true, color: '#FFC000' },
    { from: 90, label: 'Raggiunto', reward: 100, proportional: false, color: '#00B050' },
  ];
}

export function defaultCriteria(): Criterion[] {
  return [
    { name: 'Strategicità', weight: 1, max: 100 },
    { name: 'Complessità', weight: 1, max: 100 },
    { name: 'Rapporto obiettivo/attività ordinaria', weight: 1, max: 100 },
  ];
}
