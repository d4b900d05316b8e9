/**
 * Coverage (issue 10): how much of each unit's and the organisation's grade rests on graded
 * objectives — graded of all the roll-up's objectives, by number and by raw weight.
 */
import { score } from '../../src/engine/score';
import { buildDemoRaw } from '../../src/demo/demo';
import { assessRaw, scoreAssessment } from '../../src/actions/assess';
import { defaultLocator } from '../../src/workbook/grid';
import { graded, objective, plan, unit } from './builders';

describe('coverage', () => {
  // SG has two objectives, one graded (weight 3) and one without rows (weight 1, no grade);
  // RIS shares the graded one and owns a blocked one; the Ente-level and excluded ones do not count.
  const p = plan({
    units: [unit('SG'), unit('RIS'), unit('VUOTA')],
    objectives: [
      objective('A', { unit: 'SG', sharedWith: ['RIS'], weight: 3 }),
      objective('B', { unit: 'SG', weight: 1 }),
      objective('C', { unit: 'RIS', weight: 4 }),
      objective('D', { unit: 'RIS', level: 'ente', weight: 5 }),
      objective('E', { unit: 'RIS', excluded: true, weight: 6 }),
    ],
    indicators: [graded('I1', 'A', 80), graded('I2', 'C', 50)],
  });
  const results = score(p, { blocked: { objectives: new Set(), indicators: new Set([1]), phases: new Set(), weighting: new Set() } });

  test('a unit: its graded objectives of all it owns or shares, by number and by raw weight', () => {
    const [sg, ris, empty] = results.units;
    expect(sg).toMatchObject({ objectives: 1, objectivesTotal: 2, weightSum: 3, weightTotal: 4, weightGraded: 75, coverage: 'partial', grade: 80 });
    // RIS's grade rests on the shared A alone: its own C is blocked.
    expect(ris).toMatchObject({ objectives: 1, objectivesTotal: 2, weightSum: 3, weightTotal: 7, coverage: 'partial', grade: 80 });
    expect(ris.weightGraded).toBeCloseTo(300 / 7, 12);
    expect(empty).toMatchObject({ objectives: 0, objectivesTotal: 0, weightTotal: 0, weightGraded: null, coverage: 'empty' });
  });

  test('the organisation: every executive, not excluded objective once', () => {
    expect(results.organization).toMatchObject({ objectives: 1, objectivesTotal: 3, weightSum: 3, weightTotal: 8, weightGraded: 37.5, coverage: 'partial' });
  });

  test('complete when every objective has a grade, none when none has', () => {
    const all = score(plan({ units: [unit('U')], objectives: [objective('A', { unit: 'U' })], indicators: [graded('I', 'A', 70)] }));
    expect(all.units[0]).toMatchObject({ objectives: 1, objectivesTotal: 1, weightGraded: 100, coverage: 'complete' });
    const none = score(plan({ units: [unit('U')], objectives: [objective('A', { unit: 'U' })] }));
    expect(none.units[0]).toMatchObject({ objectives: 0, objectivesTotal: 1, weightGraded: 0, coverage: 'none', grade: null });
  });

  test('a parent unit ranges over its subtree, a shared objective counted once', () => {
    const tree = score(
      plan({
        units: [unit('AREA'), unit('U1', { parent: 'AREA' }), unit('U2', { parent: 'AREA' })],
        objectives: [objective('A', { unit: 'U1', sharedWith: ['U2'] }), objective('B', { unit: 'U2', weight: 2 })],
        indicators: [graded('I', 'A', 90)],
      }),
    );
    expect(tree.units[0]).toMatchObject({ code: 'AREA', objectives: 1, objectivesTotal: 2, weightSum: 1, weightTotal: 3, coverage: 'partial' });
  });

  test('the demo: the organisation rests on 24 of its 48 objectives; SG has 3 and none graded; VIG one shared of 8', () => {
    const raw = buildDemoRaw();
    const scored = scoreAssessment(assessRaw(raw, defaultLocator(raw), [], 'it'));
    const org = scored.results.organization;
    expect(org).toMatchObject({ objectives: 24, objectivesTotal: 48, weightSum: 4950, weightTotal: 10180, coverage: 'partial' });
    expect(org.weightGraded).toBeCloseTo((100 * 4950) / 10180, 12);
    const unitOf = (code: string) => scored.results.units.find((u) => u.code === code);
    expect(unitOf('SG')).toMatchObject({ objectives: 0, objectivesTotal: 3, grade: null, coverage: 'none' });
    for (const code of ['VIG', 'EDIL', 'PU']) expect(unitOf(code)).toMatchObject({ objectives: 1, coverage: 'partial' });
    expect(unitOf('VIG')).toMatchObject({ objectivesTotal: 8, weightSum: 210, weightTotal: 1730 });
  });
});
