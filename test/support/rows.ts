/**
 * Rows as the parser produces them from blank cells: every field present and empty. Test
 * builders spread these and state only what their tests are about.
 */
import type { Indicator, Objective, Phase, StaffAssignment, Unit } from '../../src/schema/model';

export function blankUnit(code: string): Unit {
  return { code, name: null, kind: null, parent: null, head: null };
}

export function blankObjective(code: string): Objective {
  return {
    code,
    level: 'esecutivo',
    title: null,
    description: null,
    parent: null,
    unit: null,
    sharedWith: [],
    owner: null,
    mission: null,
    programme: null,
    publicValue: null,
    kind: null,
    start: null,
    end: null,
    weight: null,
    minShare: null,
    indicatorShare: null,
    phaseShare: null,
    excluded: false,
    excludedReason: null,
    override: null,
    overrideNote: null,
  };
}

export function blankIndicator(code: string): Indicator {
  return {
    code,
    objective: null,
    name: null,
    type: null,
    polarity: null,
    method: null,
    unit: null,
    source: null,
    baseline: null,
    threshold: null,
    target: null,
    weight: null,
    actual: null,
    measuredOn: null,
    excluded: false,
    notes: null,
  };
}

export function blankPhase(objective: string): Phase {
  return {
    objective,
    seq: null,
    year: null,
    name: null,
    plannedStart: null,
    plannedEnd: null,
    share: null,
    progress: null,
    actualEnd: null,
    notes: null,
  };
}

export function blankStaff(person: string, objective: string): StaffAssignment {
  return { person, category: null, role: null, objective, start: null, end: null, share: null };
}
