import { score, NO_BLOCKED_ROWS, type BlockedRows } from '../../src/engine/score';
import { defaultBand } from '../support/bands';
import { indicatorTrace, renderTrace } from '../../src/rules/indicatorGrade';
import { date, graded, indicator, num, objective, phase, plan, r2, unit, weighting } from './builders';

const block = (rows: Partial<Record<keyof BlockedRows, number[]>>): BlockedRows => ({
  objectives: new Set(rows.objectives ?? []),
  indicators: new Set(rows.indicators ?? []),
  phases: new Set(rows.phases ?? []),
  weighting: new Set(rows.weighting ?? []),
});

const done = (code: string, grade: number, fields: Parameters<typeof objective>[1] = {}) =>
  objective(code, { override: grade, overrideNote: 'NdV', ...fields });

describe('result arrays mirror the plan', () => {
  test('one result per row of each table, in order', () => {
    const p = plan({
      units: [unit('U')],
      objectives: [objective('A', { unit: 'U' }), objective('B', { unit: 'U' })],
      indicators: [graded('I1', 'A', 40), graded('I2', 'B', 60), graded('I3', 'A', 80)],
      phases: [phase('B', { share: 100, progress: 10 })],
      weighting: [weighting('B', 10, 10, 10)],
    });
    const results = score(p);
    expect(results.indicators.map((i) => i.grade)).toEqual([40, 60, 80]);
    expect(results.objectives.map((o) => o.indicatorGrade)).toEqual([60, 60]);
    expect(results.phases).toHaveLength(1);
    expect(results.weighting).toEqual([{ score: 30, weightShare: expect.any(Number) }]);
    expect(results.units.map((u) => u.code)).toEqual(['U']);
    expect(results.referenceDate).toBe('2023-12-31');
  });
  test('an empty plan scores to empty results', () => {
    const results = score(plan());
    expect(results.objectives).toEqual([]);
    expect(results.organization).toEqual({ grade: null, band: null, reward: null, entePerformance: null, objectives: 0, weightSum: 0, objectivesTotal: 0, weightTotal: 0, weightGraded: null, coverage: 'empty' });
  });
  test('traces rendered in English on request', () => {
    const p = plan({ objectives: [objective('A')], indicators: [graded('I', 'A', 50)] });
    expect(score(p).indicators[0].grade).toBe(50);
    expect(renderTrace(indicatorTrace(p.indicators[0], p.rules), p.rules, 'en')).toBe('Increasing, ratio: 50 / 100 = 50 %');
  });
});

describe('objective grade from its rows', () => {
  test('indicator shares within the objective', () => {
    const p = plan({
      objectives: [objective('A')],
      indicators: [graded('I1', 'A', 80, { weight: 3 }), graded('I2', 'A', 100, { weight: 1 }), graded('I3', 'A', 0, { excluded: true })],
    });
    const results = score(p);
    expect(results.indicators.map((i) => i.weightShare)).toEqual([75, 25, null]);
    expect(results.objectives[0].indicatorGrade).toBe(85);
  });
  test('a Scadenza not yet due is left out of its objective', () => {
    const p = plan({
      rules: { referenceDate: '2023-06-30' },
      objectives: [objective('A')],
      indicators: [graded('I1', 'A', 70), indicator('I2', { objective: 'A', type: 'scadenza', target: date('2023-09-30') })],
    });
    const results = score(p);
    expect(results.indicators[1].status).toBe('not-due');
    expect(results.objectives[0].finalGrade).toBe(70);
  });
  test('only phases of the plan year count (Anno blank or equal)', () => {
    const p = plan({
      objectives: [objective('A')],
      phases: [
        phase('A', { share: 50, progress: 100 }),
        phase('A', { year: 2023, share: 50, progress: 0 }),
        phase('A', { year: 2024, share: 100, progress: 0 }),
      ],
    });
    expect(score(p).objectives[0].phaseGrade).toBe(50);
  });
  test('an objective with only other-year phases and no indicators has no grade', () => {
    const p = plan({ objectives: [objective('A')], phases: [phase('A', { year: 2024, share: 100, progress: 100 })] });
    expect(score(p).objectives[0].finalGrade).toBeNull();
  });
  test('Non valutabile: no grade at all, and out of the baskets', () => {
    const p = plan({
      units: [unit('U')],
      objectives: [objective('A', { unit: 'U', excluded: true, excludedReason: 'x' }), done('B', 80, { unit: 'U' })],
      indicators: [graded('I', 'A', 50)],
    });
    const results = score(p);
    expect(results.objectives[0]).toMatchObject({ indicatorGrade: null, computedGrade: null, finalGrade: null, weightShare: null, rawWeight: null });
    expect(results.objectives[1].weightShare).toBe(100);
    expect(results.units[0].grade).toBe(80);
  });
  test('objective band and reward', () => {
    const results = score(plan({ objectives: [done('A', 75)] }));
    expect(results.objectives[0]).toMatchObject({ band: defaultBand('Parzialmente raggiunto'), reward: 75 });
  });
});

describe('errors block what depends on them, and nothing else', () => {
  const base = () =>
    plan({
      units: [unit('U')],
      objectives: [objective('A', { unit: 'U' }), objective('B', { unit: 'U' })],
      indicators: [graded('I1', 'A', 80), graded('I2', 'A', 60), graded('I3', 'B', 50)],
      phases: [phase('A', { share: 100, progress: 40 }), phase('B', { year: 2024, share: 100, progress: 0 })],
      weighting: [weighting('A', 10, 10, 10), weighting('B', 20, 20, 20)],
    });

  test('no blocked rows: every objective graded', () => {
    const results = score(base(), { blocked: NO_BLOCKED_ROWS });
    expect(results.objectives.map((o) => o.finalGrade)).toEqual([55, 50]);
  });
  test('a blocked indicator: its own row and its objective get no grade; the other objective is still computed', () => {
    const results = score(base(), { blocked: block({ indicators: [1] }) });
    expect(results.indicators[1]).toMatchObject({ grade: null, status: 'blocked', weightShare: null });
    expect(renderTrace(indicatorTrace(base().indicators[1], base().rules, true), base().rules, 'it')).toBe('Nessun grado: la riga ha errori (vedere Esito verifica)');
    expect(results.indicators[0].grade).toBe(80);
    expect(results.objectives[0]).toMatchObject({ indicatorGrade: null, computedGrade: null, finalGrade: null, band: null });
    expect(results.objectives[1].finalGrade).toBe(50);
    expect(results.units[0].grade).toBe(50);
  });
  test('an indicator the engine cannot grade (no Tipo) blocks its objective too', () => {
    const p = base();
    p.indicators[0].type = null;
    expect(score(p).objectives[0].finalGrade).toBeNull();
  });
  test('Consuntivo mancante = Errore blocks the objective', () => {
    const p = base();
    p.rules.missingActual = 'errore';
    p.indicators[2].actual = null;
    expect(score(p).objectives[1].finalGrade).toBeNull();
  });
  test('a blocked phase blocks its objective, whatever its Anno', () => {
    const results = score(base(), { blocked: block({ phases: [1] }) });
    expect(results.objectives[1].finalGrade).toBeNull();
    expect(results.phases[1]).toEqual({ expectedProgress: null, deviation: null });
    expect(results.objectives[0].finalGrade).toBe(55);
  });
  test('a blocked objective row gets no grade, even with a Grado NdV', () => {
    const p = base();
    p.objectives[0].override = 90;
    const results = score(p, { blocked: block({ objectives: [0] }) });
    expect(results.objectives[0].finalGrade).toBeNull();
    expect(results.indicators[0].weightShare).toBeNull();
  });
  test('a blocked Pesatura row: the objective keeps its grade but has no weight and is out of the roll-ups', () => {
    const results = score(base(), { blocked: block({ weighting: [0] }) });
    expect(results.objectives[0]).toMatchObject({ finalGrade: 55, rawWeight: null, weightShare: null });
    expect(results.weighting[0]).toEqual({ score: null, weightShare: null });
    expect(results.objectives[1]).toMatchObject({ rawWeight: 60, weightShare: 100 });
    expect(results.units[0]).toMatchObject({ grade: 50, objectives: 1, weightSum: 60 });
  });
});

describe('codes', () => {
  test('duplicate objective codes: the first row is the objective, the later one gets nothing', () => {
    const p = plan({
      objectives: [objective('A'), objective('A', { override: 90, overrideNote: 'n' })],
      indicators: [graded('I', 'A', 40)],
    });
    const results = score(p);
    expect(results.objectives[0].finalGrade).toBe(40);
    expect(results.objectives[1].finalGrade).toBeNull();
  });
  test('an indicator of an unknown objective is graded but weighs nothing', () => {
    const results = score(plan({ indicators: [graded('I', 'NOPE', 40)] }));
    expect(results.indicators[0]).toMatchObject({ grade: 40, weightShare: null });
  });
  test('a Pesatura row of an unknown objective has a score but no Peso %', () => {
    const results = score(plan({ weighting: [weighting('NOPE', 1, 2, 3)] }));
    expect(results.weighting[0]).toEqual({ score: 6, weightShare: null });
  });
  test('a second Pesatura row for the same objective does not weigh it', () => {
    const p = plan({ objectives: [done('A', 50, { unit: 'U' })], units: [unit('U')], weighting: [weighting('A', 1, 1, 1), weighting('A', 9, 9, 9)] });
    const results = score(p);
    expect(results.objectives[0].rawWeight).toBe(3);
    expect(results.weighting.map((w) => w.weightShare)).toEqual([100, null]);
  });
});

describe('parent objectives roll up from their children', () => {
  const tree = () =>
    plan({
      units: [unit('U')],
      objectives: [
        objective('ST', { level: 'strategico' }),
        objective('OP1', { level: 'operativo', parent: 'ST', weight: 1 }),
        objective('OP2', { level: 'operativo', parent: 'ST', weight: 3 }),
        done('E1', 100, { parent: 'OP1', unit: 'U', weight: 20 }),
        done('E2', 50, { parent: 'OP1', unit: 'U', weight: 30 }),
        done('E3', 60, { parent: 'OP2', unit: 'U', weight: 10 }),
      ],
    });
  test('by raw weight, at any depth', () => {
    const results = score(tree());
    expect(results.objectives[1].finalGrade).toBe(70);
    expect(results.objectives[2].finalGrade).toBe(60);
    expect(results.objectives[0].finalGrade).toBe(62.5);
    expect(results.objectives[0].computedGrade).toBe(62.5);
  });
  test('parents are not basket members; children are', () => {
    const results = score(tree());
    expect(results.objectives.map((o) => o.weightShare)).toEqual([null, null, null, 100 / 3, 50, 100 / 6]);
    expect(results.units[0].objectives).toBe(3);
  });
  test('an executive parent rolled up from children is not a basket member either', () => {
    const p = plan({
      units: [unit('U')],
      objectives: [objective('P', { unit: 'U' }), done('C', 80, { unit: 'U', parent: 'P' })],
    });
    const results = score(p);
    expect(results.objectives[0]).toMatchObject({ finalGrade: 80, weightShare: null, rawWeight: null });
    expect(results.objectives[1].weightShare).toBe(100);
  });
  test('a parent with its own indicators uses them, not its children', () => {
    const p = plan({ objectives: [objective('P'), done('C', 80, { parent: 'P' })], indicators: [graded('I', 'P', 30)] });
    expect(score(p).objectives[0].finalGrade).toBe(30);
  });
  test('children without grade are left out; none graded → no grade', () => {
    const p = plan({ objectives: [objective('P'), done('C1', 80, { parent: 'P' }), objective('C2', { parent: 'P' }), objective('Q'), objective('C3', { parent: 'Q' })] });
    const results = score(p);
    expect(results.objectives[0].finalGrade).toBe(80);
    expect(results.objectives[3].finalGrade).toBeNull();
  });
  test('a cycle of parents does not hang and gives the cycle no rolled-up grade', () => {
    const p = plan({
      objectives: [objective('X', { parent: 'Y' }), objective('Y', { parent: 'X' }), done('Z', 70, { parent: 'X' }), objective('S', { parent: 'S' }), objective('T', { parent: 'S' })],
    });
    const results = score(p);
    expect(results.objectives.map((o) => o.finalGrade)).toEqual([null, null, 70, null, null]);
  });
  test('a deep chain of parents does not overflow the stack', () => {
    const depth = 50_000;
    const objectives = Array.from({ length: depth }, (_, i) => objective(`O${i}`, { parent: i === 0 ? null : `O${i - 1}` }));
    objectives[depth - 1] = done(`O${depth - 1}`, 42, { parent: `O${depth - 2}` });
    expect(score(plan({ objectives })).objectives[0].finalGrade).toBe(42);
  });
});

describe('baskets and roll-up', () => {
  test('a transversal objective is a full member of each unit, with Peso % from its own unit', () => {
    const p = plan({
      units: [unit('RIS'), unit('PERS')],
      objectives: [done('T4', 100, { unit: 'RIS', sharedWith: ['PERS'], weight: 10 }), done('R1', 50, { unit: 'RIS', weight: 30 }), done('P1', 0, { unit: 'PERS', weight: 10 })],
    });
    const results = score(p);
    expect(results.objectives.map((o) => o.weightShare)).toEqual([25, 75, 50]);
    expect(results.units.map((u) => u.grade)).toEqual([62.5, 50]);
    expect(results.units.map((u) => u.objectives)).toEqual([2, 2]);
    expect(results.organization).toMatchObject({ grade: 50, objectives: 3, weightSum: 50 });
  });
  test('the unit grade uses the floored shares', () => {
    const p = plan({
      units: [unit('U')],
      objectives: [done('A', 100, { unit: 'U', weight: 90 }), done('B', 0, { unit: 'U', weight: 10, minShare: 30 })],
    });
    const results = score(p);
    expect(results.objectives.map((o) => o.weightShare)).toEqual([70, 30]);
    expect(results.units[0].grade).toBe(70);
    expect(results.organization.grade).toBe(90);
  });
  test('a unit with child units: raw-weighted mean of its subtree', () => {
    const p = plan({
      units: [unit('AREA'), unit('S1', { parent: 'AREA' }), unit('S2', { parent: 'AREA' }), unit('VUOTA')],
      objectives: [done('A', 100, { unit: 'S1', weight: 1 }), done('B', 40, { unit: 'S2', weight: 2, sharedWith: ['S1'] }), done('C', 70, { unit: 'AREA', weight: 1 })],
    });
    const results = score(p);
    expect(results.units[0]).toMatchObject({ code: 'AREA', grade: 62.5, objectives: 3, weightSum: 4 });
    expect(results.units[3]).toMatchObject({ code: 'VUOTA', grade: null, band: null, objectives: 0 });
  });
  test('an executive objective without unit counts for the organisation only', () => {
    const p = plan({ units: [unit('U')], objectives: [done('A', 100, { unit: 'U' }), done('B', 0)] });
    const results = score(p);
    expect(results.objectives[1]).toMatchObject({ rawWeight: 1, weightShare: null });
    expect(results.units[0].grade).toBe(100);
    expect(results.organization.grade).toBe(50);
  });
  test('non-executive objectives are graded but weigh in no basket; Ente objectives make the performance di ente', () => {
    const p = plan({
      units: [unit('U')],
      objectives: [done('E', 100, { unit: 'U' }), done('OP', 0, { level: 'operativo', unit: 'U' }), done('ENTE1', 60, { level: 'ente', weight: 1 }), done('ENTE2', 90, { level: 'ente', weight: 2 })],
    });
    const results = score(p);
    expect(results.objectives.map((o) => o.weightShare)).toEqual([100, null, null, null]);
    expect(results.organization).toMatchObject({ grade: 100, entePerformance: 80, objectives: 1, band: defaultBand('Raggiunto'), reward: 100 });
  });
  test('Perimetro Responsabile: baskets by owner; unit grade is the raw-weighted mean of its objectives', () => {
    const p = plan({
      rules: { basket: 'responsabile' },
      units: [unit('U1'), unit('U2')],
      objectives: [done('A', 100, { unit: 'U1', owner: 'Rossi', weight: 1 }), done('B', 50, { unit: 'U2', owner: 'rossi', weight: 3 }), done('C', 20, { unit: 'U1', owner: 'Bianchi', weight: 1, minShare: 80 })],
    });
    const results = score(p);
    expect(results.objectives.map((o) => o.weightShare)).toEqual([25, 75, 100]);
    expect(results.units.map((u) => u.grade)).toEqual([60, 50]);
  });
  test('Perimetro Ente: one basket for every executive objective', () => {
    const p = plan({
      rules: { basket: 'ente' },
      units: [unit('U1'), unit('U2')],
      objectives: [done('A', 100, { unit: 'U1', weight: 1 }), done('B', 50, { unit: 'U2', weight: 3 })],
    });
    expect(score(p).objectives.map((o) => o.weightShare)).toEqual([25, 75]);
  });
  test('Pesatura with tipologia multipliers', () => {
    const p = plan({
      rules: { typeMultipliers: true },
      units: [unit('U')],
      objectives: [done('A', 100, { unit: 'U', kind: 'mantenimento' }), done('B', 100, { unit: 'U', kind: 'innovazione' })],
      weighting: [weighting('A', 100, 100, 100), weighting('B', 50, 50, 50)],
    });
    const results = score(p);
    expect(results.objectives.map((o) => o.rawWeight)).toEqual([150, 150]);
    expect(results.weighting.map((w) => w.score)).toEqual([300, 150]);
    expect(results.weighting.map((w) => w.weightShare)).toEqual([50, 50]);
  });
  test('unit band and reward', () => {
    const p = plan({ units: [unit('U')], objectives: [done('A', 95, { unit: 'U' })] });
    expect(score(p).units[0]).toMatchObject({ grade: 95, band: defaultBand('Raggiunto'), reward: 100 });
  });
});

describe('monitoring', () => {
  test('objective expected progress and status from its plan-year phases', () => {
    const p = plan({
      rules: { referenceDate: '2023-06-30' },
      objectives: [objective('A')],
      phases: [
        phase('A', { plannedStart: '2023-01-01', plannedEnd: '2023-03-31', share: 50, progress: 100 }),
        phase('A', { plannedStart: '2023-07-01', plannedEnd: '2023-12-31', share: 50, progress: 0 }),
        phase('A', { year: 2024, plannedStart: '2024-01-01', plannedEnd: '2024-12-31', share: 100 }),
      ],
    });
    const results = score(p);
    expect(results.phases.map((ph) => ph.expectedProgress)).toEqual([100, 0, 0]);
    expect(results.phases.map((ph) => ph.deviation)).toEqual([0, 0, 0]);
    expect(results.objectives[0]).toMatchObject({ expectedProgress: 50, phaseGrade: 50, status: 'in-linea' });
  });
  test('a phase without dates: no expected progress, no status unless completed', () => {
    const p = plan({ objectives: [objective('A'), objective('B')], phases: [phase('A', { share: 100, progress: 50 }), phase('B', { progress: 100 })] });
    const results = score(p);
    expect(results.phases[0]).toEqual({ expectedProgress: null, deviation: null });
    expect(results.objectives.map((o) => o.status)).toEqual([null, 'completato']);
  });
  test('nothing started and nothing due → Non avviato', () => {
    const p = plan({
      rules: { referenceDate: '2023-03-31' },
      objectives: [objective('A')],
      phases: [phase('A', { plannedStart: '2023-06-01', plannedEnd: '2023-12-31', share: 100 })],
    });
    expect(score(p).objectives[0].status).toBe('non-avviato');
  });
  test('objectives without phases have no Stato di attuazione', () => {
    const results = score(plan({ objectives: [objective('A')], indicators: [graded('I', 'A', 50)] }));
    expect(results.objectives[0]).toMatchObject({ expectedProgress: null, status: null });
  });
});

test('Numero indicator with Soglia inside a full plan keeps its trace', () => {
  const p = plan({ objectives: [objective('A')], indicators: [indicator('I', { objective: 'A', type: 'numero', polarity: 'crescente', target: num(100), actual: num(55), threshold: 60 })] });
  const results = score(p);
  expect(renderTrace(indicatorTrace(p.indicators[0], p.rules), p.rules, 'it')).toBe('Soglia 60 non raggiunta (55) → 0 %');
  expect(r2(results.objectives[0].finalGrade)).toBe(0);
});
