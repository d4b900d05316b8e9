/**
 * The typed plan: what the parsers produce from cells or interchange JSON, and the only input
 * of the engine and of the cross-row validation. Values that could not be read are `null` here;
 * the reason is a finding located at the cell.
 *
 * Array positions matter: `plan.indicators[i]` is data row i of the `Indicatori` table (blank
 * rows are kept as `null`-filled entries only if they carried any value; see workbook/grid.ts).
 * Findings and results refer to rows by these indices.
 */

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

export interface Unit {
  code: string | null;
  name: string | null;
  kind: UnitKind | null;
  parent: string | null;
  head: string | null;
}

export interface Objective {
  code: string | null;
  /** Defaults to `esecutivo` when blank. */
  level: Level;
  title: string | null;
  description: string | null;
  parent: string | null;
  unit: string | null;
  sharedWith: string[];
  owner: string | null;
  mission: number | null;
  programme: number | null;
  publicValue: string | null;
  kind: ObjectiveKind | null;
  start: IsoDate | null;
  end: IsoDate | null;
  weight: number | null;
  minShare: number | null;
  indicatorShare: number | null;
  phaseShare: number | null;
  excluded: boolean;
  excludedReason: string | null;
  override: number | null;
  overrideNote: string | null;
}

export interface Indicator {
  code: string | null;
  objective: string | null;
  name: string | null;
  type: IndicatorType | null;
  polarity: Polarity | null;
  method: Method | null;
  unit: string | null;
  source: string | null;
  baseline: number | null;
  threshold: number | null;
  target: Measure | null;
  /** Blank = 1 (the engine applies the default). */
  weight: number | null;
  actual: Measure | null;
  measuredOn: IsoDate | null;
  excluded: boolean;
  notes: string | null;
}

export interface Phase {
  objective: string | null;
  seq: number | null;
  /** Blank = the plan year. */
  year: number | null;
  name: string | null;
  plannedStart: IsoDate | null;
  plannedEnd: IsoDate | null;
  share: number | null;
  /** Blank = 0 for the engine. */
  progress: number | null;
  actualEnd: IsoDate | null;
  notes: string | null;
}

export interface Criterion {
  name: string;
  weight: number;
  max: number;
}

export interface WeightingRow {
  objective: string | null;
  /** One entry per criterion name of `Criteri` (null = blank or unreadable cell). */
  scores: Record<string, number | null>;
}

export interface StaffAssignment {
  person: string | null;
  category: string | null;
  role: string | null;
  objective: string | null;
  start: IsoDate | null;
  end: IsoDate | null;
  share: number | null;
}

export interface Rules {
  year: number;
  referenceDate: IsoDate;
  cap: number;
  increasingMethod: 'rapporto' | 'lineare';
  decreasingMethod: 'rapporto' | 'speculare' | 'lineare';
  missingActual: MissingActualPolicy;
  deadlineToleranceDays: number;
  basket: Basket;
  typeMultipliers: boolean;
  onTrackThreshold: number;
  lateThreshold: number;
  decimals: number;
}

export interface Band {
  from: number;
  label: string;
  /** Premio %; ignored when `proportional`. */
  reward: number | null;
  proportional: boolean;
  color: string | null;
}

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
