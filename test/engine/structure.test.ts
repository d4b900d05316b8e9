import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { assessRaw, scoreAssessment } from '../../src/actions/assess';
import { structureRollup } from '../../src/engine/structure';
import { parseInterchange, type JsonRecord } from '../../src/schema/interchange';
import { defaultLocator } from '../../src/workbook/grid';

/**
 * Livorno's DUP 2020 (10 mandate lines → strategic → 68 operational objectives, each operational
 * objective measured by its own indicators, with Missione/Programma on most of them), completed
 * with numbers: every indicator a count with target 100 and an actual of 40–100, every
 * operational objective a Peso of 1–3. One executive objective of a PEG is added under an
 * operational objective, without Missione or Programma: it takes its parent's.
 */
function livorno() {
  const doc = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'livorno-dup-2020.json'), 'utf8')) as {
    objectives: JsonRecord[];
    indicators: JsonRecord[];
    units: JsonRecord[];
  };
  const actualOf = (i: number) => 40 + (i % 7) * 10;
  const weightOf = (i: number) => 1 + (i % 3);
  doc.indicators = doc.indicators.map((ind, i) => ({ ...ind, type: 'numero', polarity: 'crescente', target: 100, actual: actualOf(i) }));
  doc.objectives = doc.objectives.map((o, i) => (o.level === 'operativo' ? { ...o, weight: weightOf(i) } : o));
  doc.units = [{ code: 'SUAP', name: 'Sportello unico attività produttive', head: 'Bianchi Carla' }];
  doc.objectives.push({ code: 'PEG-1', level: 'esecutivo', title: 'Bando per i mercati rionali', parent: '1.02.03_OP', unit: 'SUAP', weight: 2 });
  doc.indicators.push({ code: 'PEG-1.I1', objective: 'PEG-1', name: 'Bandi pubblicati', type: 'numero', polarity: 'crescente', target: 4, actual: 3 });
  return doc;
}

describe('roll-up by the DUP’s structure (Livorno 2020)', () => {
  const doc = livorno();
  const raw = parseInterchange({ format: 'traguardo/1', organization: 'Comune di Livorno', year: 2020, ...doc });
  const scored = scoreAssessment(assessRaw(raw, defaultLocator(raw), [], 'it'));
  const structure = structureRollup(scored.plan, scored.results);

  /** Each operational objective's grade from its indicators, computed here by hand: the mean of actual/target. */
  function ownGrade(code: string): number {
    const grades = doc.indicators.filter((i) => i.objective === code).map((i) => (100 * Number(i.actual)) / Number(i.target));
    return grades.reduce((a, b) => a + b, 0) / grades.length;
  }
  const weighted = (codes: string[]) => {
    const weights = codes.map((c) => Number(doc.objectives.find((o) => o.code === c)!.weight));
    return codes.reduce((sum, c, i) => sum + weights[i] * ownGrade(c), 0) / weights.reduce((a, b) => a + b, 0);
  };

  test('a programme’s grade is the raw-weighted mean of the graded objectives in it', () => {
    const inProgramme = doc.objectives.filter((o) => o.level === 'operativo' && o.mission === 1 && o.programme === 6).map((o) => String(o.code));
    expect(inProgramme).toHaveLength(11);
    const programme = structure.missions.find((m) => m.mission === 1 && m.programme === 6)!;
    expect(programme.objectives).toBe(11);
    expect(programme.grade!).toBeCloseTo(weighted(inProgramme), 10);
    expect(programme.weightSum).toBe(inProgramme.reduce((sum, c) => sum + Number(doc.objectives.find((o) => o.code === c)!.weight), 0));
  });

  test('an executive objective without Missione takes its parent’s, and counts in that programme', () => {
    const programme = structure.missions.find((m) => m.mission === 9 && m.programme === 1)!;
    const operational = doc.objectives.filter((o) => o.level === 'operativo' && o.mission === 9 && o.programme === 1).map((o) => String(o.code));
    expect(operational).toEqual(['1.02.03_OP', '7.01.04_OP']);
    const w = operational.map((c) => Number(doc.objectives.find((o) => o.code === c)!.weight));
    const expected = (w[0] * ownGrade(operational[0]) + w[1] * ownGrade(operational[1]) + 2 * 75) / (w[0] + w[1] + 2);
    expect(programme.objectives).toBe(3);
    expect(programme.grade!).toBeCloseTo(expected, 10);
  });

  test('a missione counts every programme of it once, and lists before its programmes', () => {
    const missionIndex = structure.missions.findIndex((m) => m.mission === 1 && m.programme === null);
    const programmes = structure.missions.filter((m) => m.mission === 1 && m.programme !== null);
    expect(structure.missions[missionIndex + 1]).toMatchObject({ mission: 1, programme: 1 });
    const inMission = doc.objectives.filter((o) => o.level === 'operativo' && o.mission === 1).map((o) => String(o.code));
    expect(structure.missions[missionIndex].objectives).toBe(inMission.length);
    expect(structure.missions[missionIndex].grade!).toBeCloseTo(weighted(inMission), 10);
    expect(programmes.reduce((n, p) => n + p.objectives, 0)).toBeLessThanOrEqual(inMission.length);
  });

  test('a strategic objective rolls up the operational objectives under it, and a mandate line its strategic objectives’ subtrees', () => {
    const index = (code: string) => scored.plan.objectives.findIndex((o) => o.code === code);
    const strategic = structure.tree.find((t) => t.objective === index('1.02_ST'))!;
    const children = doc.objectives.filter((o) => o.parent === '1.02_ST').map((o) => String(o.code));
    expect(children).toEqual(['1.02.01_OP', '1.02.02_OP', '1.02.03_OP', '1.02.04_OP']);
    const w = children.map((c) => Number(doc.objectives.find((o) => o.code === c)!.weight));
    const expected = (children.reduce((sum, c, i) => sum + w[i] * ownGrade(c), 0) + 2 * 75) / (w.reduce((a, b) => a + b, 0) + 2);
    expect(strategic.objectives).toBe(5);
    expect(strategic.grade!).toBeCloseTo(expected, 10);
    const line = structure.tree.find((t) => t.objective === index('L1'))!;
    const underLine = structure.tree.filter((t) => scored.plan.objectives[t.objective].parent === 'L1');
    expect(line.objectives).toBe(underLine.reduce((n, t) => n + t.objectives, 0));
    expect(line.weightSum).toBe(underLine.reduce((n, t) => n + t.weightSum, 0));
  });

  test('the organisation rolls up every objective with a grade of its own: not 2.01.02_OP, which has no indicator', () => {
    const measured = new Set(doc.indicators.map((i) => String(i.objective)));
    const operational = doc.objectives.filter((o) => o.level === 'operativo' && measured.has(String(o.code))).map((o) => String(o.code));
    expect(operational).toHaveLength(67);
    expect(structure.organization.objectives).toBe(68);
    expect(structure.organization.grade!).toBeCloseTo((weighted(operational) * operational.reduce((n, c) => n + Number(doc.objectives.find((o) => o.code === c)!.weight), 0) + 2 * 75) / (structure.organization.weightSum), 10);
  });
});
