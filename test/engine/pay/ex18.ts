/** SPEC §8.5 Ex. 18 (Cuneo weights and classes, art. 81 Aggiuntiva) as a pay input, for the scheda and Trasparenza tests. */
import type { PayInput } from '../../../src/engine/pay';
import { fund, payInput, person } from './builders';

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

const profile = (name: string, ente: number, apporto: number, comportamenti: number) => [
  { profile: name, component: 'ente' as const, weight: ente },
  { profile: name, component: 'apporto' as const, weight: apporto },
  { profile: name, component: 'comportamenti' as const, weight: comportamenti },
];

export function ex18Input(): PayInput {
  return payInput({
    people: EX18_ROWS.map(([id, category, partTime], n) => person(id, { category, partTime, evaluator: n < 5 ? 'Rossi' : 'Bianchi' })),
    profiles: [...profile('D', 40, 10, 50), ...profile('C', 30, 10, 60), ...profile('B', 30, 10, 60)],
    items: ['D', 'C', 'B'].map((p) => ({ profile: p, item: 'Comportamento', weight: null, min: 0, max: 100 })),
    evaluations: EX18_ROWS.flatMap(([id, , , apporto, comportamento]) => [
      { person: id, item: 'Apporto', score: apporto, note: null },
      { person: id, item: 'Comportamento', score: comportamento, note: null },
    ]),
    funds: [fund('F', 24000, { leftover: 'ente', bonusPercent: 30, bonusQuota: 10, bonusRounding: 'eccesso', bonusKind: 'aggiuntiva' })],
    classes: [
      { fund: 'F', from: 0, coefficient: 0, payment: null, proportional: false },
      { fund: 'F', from: 60.01, coefficient: 100, payment: null, proportional: false },
      { fund: 'F', from: 70.01, coefficient: 150, payment: null, proportional: false },
      { fund: 'F', from: 80.01, coefficient: 200, payment: null, proportional: false },
    ],
    grades: { organisation: 92, units: new Map(), objectives: new Map(), staff: [] },
  });
}
