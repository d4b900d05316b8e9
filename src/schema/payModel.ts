/**
 * The rows of the §8 tables as read (payTables.ts), typed from their definitions like the plan's
 * rows (model.ts): a blank or unreadable cell is null. The pay computation (engine/pay) takes the
 * rows whose required values are present, as `Pay*` rows with those values non-null.
 */
import type { PlanRow, WithDefaults } from './model';
import type { CATEGORY_COEFFICIENTS, CLASSES, EVALUATIONS, FUNDS, ITEMS, PEOPLE, PROFILES } from './payTables';

/** `excluded` defaults to false. */
export type Person = WithDefaults<PlanRow<typeof PEOPLE>, 'excluded'>;
export type ProfileComponentRow = PlanRow<typeof PROFILES>;
export type ItemRow = PlanRow<typeof ITEMS>;
export type Evaluation = PlanRow<typeof EVALUATIONS>;
export type Fund = PlanRow<typeof FUNDS>;
/** `proportional` defaults to false. */
export type PayClass = WithDefaults<PlanRow<typeof CLASSES>, 'proportional'>;
export type CategoryCoefficient = PlanRow<typeof CATEGORY_COEFFICIENTS>;

/** The §8 tables of a plan, row i of each being data row i of its sheet. */
export interface PayTables {
  people: Person[];
  profiles: ProfileComponentRow[];
  items: ItemRow[];
  evaluations: Evaluation[];
  funds: Fund[];
  classes: PayClass[];
  categoryCoefficients: CategoryCoefficient[];
}

/** A person the computation can place: with a Matricola. */
export type PayPerson = WithDefaults<Person, 'id'>;
/** `profiles[]` (Schede). */
export type ProfileRow = WithDefaults<ProfileComponentRow, 'profile' | 'component' | 'weight'>;
/** `items[]` (Voci). */
export type BehaviourItemRow = WithDefaults<ItemRow, 'profile' | 'item'>;
/** `evaluations[]` (Valutazioni); item `Apporto` is the Apporto component. */
export type EvaluationRow = WithDefaults<Evaluation, 'person' | 'item'>;
/** `funds[]` (Fondi). */
export type FundRow = WithDefaults<Fund, 'code' | 'amount' | 'role' | 'method'>;
/** `classes[]` (Classi). */
export type ClassRow = WithDefaults<PayClass, 'fund' | 'from'>;
/** `categoryCoefficients[]` (Coefficienti). */
export type CategoryCoefficientRow = WithDefaults<CategoryCoefficient, 'category' | 'coefficient'>;

/** A plan without §8 data (no Persone: pay is not computed). */
export function noPayTables(): PayTables {
  return { people: [], profiles: [], items: [], evaluations: [], funds: [], classes: [], categoryCoefficients: [] };
}
