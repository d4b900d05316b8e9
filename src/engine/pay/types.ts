/**
 * Inputs and results of individual evaluation and result pay (SPEC §8), keyed as the interchange
 * format's §8.6 arrays and rule fields. They are local to the pay computation for now: when the
 * §8 sheets land in tables.ts these input types become derived from it (like the plan's rows),
 * and this file keeps only the results. A blank cell is null; defaults are applied by the
 * computation, where SPEC states them.
 */
import type { MissingComponent } from '../../rules/personScore';

export type PayRole = 'dirigente' | 'eq' | 'dipendente';
export type PayComponent = 'ente' | 'struttura' | 'obiettivi' | 'apporto' | 'comportamenti';
export type FundMethod = 'coefficienti' | 'budget' | 'posizione';
export type Leftover = 'struttura' | 'ente' | 'economia';
export type BonusRounding = 'eccesso' | 'difetto';
export type BonusKind = 'aggiuntiva' | 'totale';

/** `people[]` (Persone). */
export interface PayPerson {
  id: string;
  name: string | null;
  role: PayRole | null;
  category: string | null;
  unit: string | null;
  evaluator: string | null;
  profile: string | null;
  partTime: number | null;
  serviceDays: number | null;
  absenceDays: number | null;
  absenceHours: number | null;
  positionPay: number | null;
  excluded: boolean;
  excludedReason: string | null;
}

/** `profiles[]` (Schede). */
export interface ProfileRow {
  profile: string;
  component: PayComponent;
  weight: number;
}

/** `items[]` (Voci). */
export interface BehaviourItemRow {
  profile: string;
  item: string;
  weight: number | null;
  min: number | null;
  max: number | null;
}

/** `evaluations[]` (Valutazioni); item `Apporto` is the Apporto component. */
export interface EvaluationRow {
  person: string;
  item: string;
  score: number | null;
  note: string | null;
}

/** `funds[]` (Fondi). */
export interface FundRow {
  code: string;
  name: string | null;
  amount: number;
  role: PayRole;
  method: FundMethod;
  leftover: Leftover | null;
  bonusPercent: number | null;
  bonusQuota: number | null;
  bonusRounding: BonusRounding | null;
  bonusKind: BonusKind | null;
  positionCap: number | null;
}

/** `classes[]` (Classi). */
export interface ClassRow {
  fund: string;
  from: number;
  coefficient: number | null;
  payment: number | null;
  proportional: boolean;
}

/** `categoryCoefficients[]` (Coefficienti). */
export interface CategoryCoefficientRow {
  category: string;
  coefficient: number;
}

/** The §8 fields of `rules` (Regole). */
export interface PayRules {
  dayBasis: number;
  hoursPerDay: number;
  scoreDecimals: number;
  missingComponent: MissingComponent;
  minDays: number;
}

export const DEFAULT_PAY_RULES: Readonly<PayRules> = { dayBasis: 365, hoursPerDay: 6, scoreDecimals: 2, missingComponent: 'rinormalizza', minDays: 0 };

/** A `staff[]` assignment (Personale): `person` names a people[].id, or a unique people[].name. */
export interface StaffShare {
  person: string | null;
  objective: string | null;
  share: number | null;
}

/** What the objectives' engine gives the component grades (full precision; null = no grade). */
export interface ObjectiveGrades {
  organisation: number | null;
  units: ReadonlyMap<string, number | null>;
  objectives: ReadonlyMap<string, number | null>;
  staff: readonly StaffShare[];
}

export interface PayInput {
  people: readonly PayPerson[];
  profiles: readonly ProfileRow[];
  items: readonly BehaviourItemRow[];
  evaluations: readonly EvaluationRow[];
  funds: readonly FundRow[];
  classes: readonly ClassRow[];
  categoryCoefficients: readonly CategoryCoefficientRow[];
  rules: PayRules;
  grades: ObjectiveGrades;
}

export type PersonStatus = 'evaluated' | 'excluded' | 'notEvaluated';

/** One person's share of one pot (a `Premi` row); euro amounts are rounded to cents. */
export interface PersonPot {
  fund: string;
  /** 1-based Classi row of the pot; null below every row or when the pot has none. */
  class: number | null;
  /** k_p (Coefficienti) or π_p in % (Budget, Posizione). */
  coefficient: number;
  amount: number;
  bonus: number;
  total: number;
  /** Whether the person is one of the pot's maggiorazione beneficiaries. */
  beneficiary: boolean;
}

export type ComponentGrades = Record<PayComponent, number | null>;

export interface PersonResult {
  id: string;
  status: PersonStatus;
  /** Rounded to Decimali punteggio; null when excluded or not evaluated. */
  score: number | null;
  components: ComponentGrades;
  /** Σ of the person's pots, in euro. */
  total: number;
  pots: PersonPot[];
}

export interface FundResult {
  code: string;
  allocated: number;
  paid: number;
  unspent: number;
  /** The maggiorazione beneficiaries (people ids), best score first. */
  beneficiaries: string[];
  /** n⁺, ā, x and k as computed (null without a maggiorazione), for the trace and Trasparenza. */
  bonus: { positive: number; average: number; extra: number; quota: number } | null;
}

/** What the computation must report; keys with params, rendered in a language at the edges. */
export type PayDiagnostic =
  | { key: 'pay.notEvaluated'; params: { person: string } }
  | { key: 'pay.bonusTie'; params: { fund: string; score: number; people: string[] } }
  | { key: 'pay.bonusDropped'; params: { fund: string; score: number; people: string[] } }
  | { key: 'pay.nothingToShare'; params: { fund: string } };

export interface PayResults {
  people: PersonResult[];
  funds: FundResult[];
  diagnostics: PayDiagnostic[];
}
