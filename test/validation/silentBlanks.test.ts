/**
 * No silent blank (SPEC §3.2, §4): on generated plans, read from a workbook as Calcola reads
 * them, every objective row and every unit left without a grade has a finding that says why, on
 * a cell the user can click (sheet, row and cell). An objective marked Non valutabile carries its
 * reason in its own cells; a unit with no executive objective (parents graded from their children
 * are in no basket) shows 0 objectives in Riepilogo.
 */
import fc from 'fast-check';
import { assessRaw, scoreAssessment, type Scored } from '../../src/actions/assess';
import type { Finding } from '../../src/schema/findings';
import { readWorkbookTables } from '../../src/workbook/grid';
import { rawPlan } from '../formulas/arbitraries';
import { workbookFrom } from '../support/parity';

/** Avvisi that explain a missing grade; every error does (it blocks its row and what depends on it). */
const EXPLAINING_AVVISI = new Set(['empty-objective', 'nothing-counted', 'parent-children-excluded']);

const explains = (f: Finding): boolean => f.severity === 'errore' || EXPLAINING_AVVISI.has(f.rule);

/** Objective rows whose findings can explain objective `o`: its own, and its children's for a parent (whole subtree). */
function subtree(scored: Scored, o: number): Set<number> {
  const { objectives } = scored.plan;
  const rows = new Set<number>([o]);
  const queue = [o];
  while (queue.length > 0) {
    const code = objectives[queue.pop() as number].code;
    objectives.forEach((child, c) => {
      if (code !== null && child.parent === code && !rows.has(c)) {
        rows.add(c);
        queue.push(c);
      }
    });
  }
  return rows;
}

/** Whether a clickable finding that explains a blank grade lies on one of these objectives or their rows. */
function explained(scored: Scored, objectiveRows: ReadonlySet<number>): boolean {
  const { plan, findings, located } = scored;
  const codes = new Set([...objectiveRows].map((o) => plan.objectives[o].code).filter((c): c is string => c !== null));
  const onRows = (f: Finding): boolean => {
    if (f.index === null) return false;
    switch (f.table) {
      case 'objectives':
        return objectiveRows.has(f.index);
      case 'indicators':
        return codes.has(plan.indicators[f.index]?.objective ?? '');
      case 'phases':
        return codes.has(plan.phases[f.index]?.objective ?? '');
      case 'weighting':
        return codes.has(plan.weighting[f.index]?.objective ?? '');
      default:
        return false;
    }
  };
  return findings.some((f, k) => explains(f) && onRows(f) && located[k].sheet !== '' && located[k].row !== null && located[k].cell !== null);
}

/** Unit codes whose chain of parents reaches `code` (itself included). */
function unitSubtree(scored: Scored, code: string): Set<string> {
  const parentOf = new Map(scored.plan.units.map((u) => [u.code, u.parent]));
  const inside = new Set<string>();
  for (const start of parentOf.keys()) {
    const seen = new Set<string | null>();
    for (let at: string | null | undefined = start; at !== null && at !== undefined && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      if (at === code && start !== null) inside.add(start);
    }
  }
  return inside.add(code);
}

/** A parent graded from its children only: in no basket (SPEC §3.2), so no unit counts it. */
function isParentRollup(scored: Scored, o: number): boolean {
  const { plan } = scored;
  const code = plan.objectives[o].code;
  const own = (rows: readonly { objective: string | null }[]) => rows.some((r) => r.objective === code);
  const planYearPhases = plan.phases.filter((p) => p.year === null || p.year === plan.rules.year);
  return (
    code !== null &&
    plan.objectives[o].override === null &&
    !own(plan.indicators) &&
    !own(planYearPhases) &&
    plan.objectives.some((child) => child.parent === code)
  );
}

async function scoredFrom(raw: Parameters<typeof workbookFrom>[0]): Promise<Scored> {
  const workbook = await workbookFrom(raw);
  const { raw: read, locator, findings } = readWorkbookTables(await workbook.readTables());
  return scoreAssessment(assessRaw(read, locator, findings, 'it'));
}

describe('no silent blank', () => {
  test('every objective and unit without a grade has a clickable finding that says why', async () => {
    let blankObjectives = 0;
    let blankUnits = 0;
    await fc.assert(
      fc.asyncProperty(rawPlan, async (raw) => {
        const scored = await scoredFrom(raw);
        const { plan, results } = scored;
        plan.objectives.forEach((objective, o) => {
          if (objective.excluded || results.objectives[o].finalGrade !== null) return;
          blankObjectives++;
          expect({ objective: objective.code, row: o, explained: explained(scored, subtree(scored, o)) }).toEqual({ objective: objective.code, row: o, explained: true });
        });
        results.units.forEach((unit) => {
          if (unit.grade !== null) return;
          const units = unitSubtree(scored, unit.code);
          const members = new Set<number>();
          plan.objectives.forEach((o, i) => {
            if (o.level === 'esecutivo' && !o.excluded && !isParentRollup(scored, i) && [o.unit, ...o.sharedWith].some((u) => u !== null && units.has(u))) members.add(i);
          });
          if (members.size === 0) return;
          blankUnits++;
          const rows = new Set([...members].flatMap((m) => [...subtree(scored, m)]));
          expect({ unit: unit.code, explained: explained(scored, rows) }).toEqual({ unit: unit.code, explained: true });
        });
      }),
      { numRuns: 300 },
    );
    // The generated plans do leave grades blank, for many reasons.
    expect(blankObjectives).toBeGreaterThan(100);
    expect(blankUnits).toBeGreaterThan(10);
  });
});
