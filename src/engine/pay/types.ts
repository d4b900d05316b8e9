/**
 * Inputs and results of individual evaluation and result pay (SPEC §8). The input rows are those
 * of the §8 sheets, typed from their definitions (schema/payModel.ts); a blank cell is null and
 * defaults are applied by the computation, where SPEC states them.
 */
import { DEFAULT_PAY_RULES, type Rules } from '../../schema/model';
import type {
  BehaviourItemRow,
  CategoryCoefficientRow,
  ClassRow,
  EvaluationRow,
  FundRow,
  PayPerson,
  ProfileRow,
} from '../../schema/payModel';
import type { PayComponent } from '../../schema/payTables';

export type { BehaviourItemRow, CategoryCoefficientRow, ClassRow, EvaluationRow, FundRow, PayPerson, ProfileRow } from '../../schema/payModel';
export type { BonusKind, BonusRounding, FundMethod, Leftover, PayComponent, PayRole } from '../../schema/payTables';

/** The §8 fields of `rules` (Regole). */
export type PayRules = Pick<Rules, 'dayBasis' | 'hoursPerDay' | 'scoreDecimals' | 'missingComponent' | 'minDays'>;

export { DEFAULT_PAY_RULES };

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
