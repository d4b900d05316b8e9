/**
 * SPEC §8.5 Ex. 18 (Cuneo weights and classes, art. 81 Aggiuntiva), written once: as a pay input
 * for the engine (the worked example, the scheda and Trasparenza tests) and as the §8 tables of an
 * interchange document (the tests that read it from the sheets).
 */
import type { BehaviourItemRow, EvaluationRow, FundRow, PayInput, ProfileRow } from '../../../src/engine/pay';
import type { JsonRecord } from '../../../src/schema/interchange';
import { evaluation, fund, payInput, person } from './builders';

/** Matricola, Categoria, Part-time %, Apporto, Comportamento. */
export const EX18_ROWS: readonly [string, string, number, number, number][] = [
  ['P1', 'D', 100, 100, 90],
  ['P2', 'D', 100, 80, 70],
  ['P3', 'C', 100, 100, 85],
  ['P4', 'C', 50, 90, 80],
  ['P5', 'C', 100, 70, 60],
  ['P6', 'B', 100, 100, 75],
  ['P7', 'B', 100, 60, 40],
  ['P8', 'B', 83.33, 100, 95],
];

/** Grado NdV of the organisation's plan. */
export const EX18_ORGANISATION_GRADE = 92;

const profile = (name: string, ente: number, apporto: number, comportamenti: number): ProfileRow[] => [
  { profile: name, component: 'ente', weight: ente },
  { profile: name, component: 'apporto', weight: apporto },
  { profile: name, component: 'comportamenti', weight: comportamenti },
];

const PROFILES: readonly ProfileRow[] = [...profile('D', 40, 10, 50), ...profile('C', 30, 10, 60), ...profile('B', 30, 10, 60)];
const ITEMS: readonly BehaviourItemRow[] = ['D', 'C', 'B'].map((p) => ({ profile: p, item: 'Comportamento', weight: null, min: 0, max: 100 }));
const EVALUATIONS: readonly EvaluationRow[] = EX18_ROWS.flatMap(([id, , , apporto, comportamento]) => [
  evaluation(id, 'Apporto', apporto),
  evaluation(id, 'Comportamento', comportamento),
]);

/** The pot: F = 24 000, Dipendente, Coefficienti, Residui Ente, Maggiorazione 30 %, Quota 10 %, Eccesso. */
const FUND: FundRow = fund('F', 24000, { leftover: 'ente', bonusPercent: 30, bonusQuota: 10, bonusRounding: 'eccesso', bonusKind: 'aggiuntiva' });
/** Classi: Dal punteggio → Coefficiente. */
const CLASSES: readonly [number, number][] = [
  [0, 0],
  [60.01, 100],
  [70.01, 150],
  [80.01, 200],
];

export function ex18Input(): PayInput {
  return payInput({
    people: EX18_ROWS.map(([id, category, partTime], n) => person(id, { category, partTime, evaluator: n < 5 ? 'Rossi' : 'Bianchi' })),
    profiles: PROFILES,
    items: ITEMS,
    evaluations: EVALUATIONS,
    funds: [FUND],
    classes: CLASSES.map(([from, coefficient]) => ({ fund: FUND.code, from, coefficient, payment: null, proportional: false })),
    grades: { organisation: EX18_ORGANISATION_GRADE, units: new Map(), objectives: new Map(), staff: [] },
  });
}

/**
 * The same plan as an interchange document: one objective carrying the organisation's grade, the
 * people named and evaluated by one Dirigente.
 */
export function ex18Document(): JsonRecord {
  return {
    format: 'traguardo/1',
    organization: 'Comune di Cuneo (Ex. 18)',
    year: 2023,
    units: [{ code: 'U1', name: 'Unica struttura', head: 'Rossi Maria' }],
    objectives: [{ code: 'O1', title: 'Obiettivo unico', unit: 'U1', override: EX18_ORGANISATION_GRADE, overrideNote: 'Ex. 18' }],
    people: EX18_ROWS.map(([id, category, partTime]) => ({ id, name: `Cognome ${id} Nome`, role: 'dipendente', category, unit: 'U1', evaluator: 'Dirigente Uno', partTime })),
    profiles: PROFILES.map((p) => ({ ...p })),
    items: ITEMS.map((i) => ({ ...i })),
    evaluations: EVALUATIONS.map((e) => ({ ...e })),
    funds: [{ ...FUND, name: 'Produttività' }],
    classes: CLASSES.map(([from, coefficient]) => ({ fund: FUND.code, from, coefficient })),
  };
}
