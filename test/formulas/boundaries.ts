/**
 * A plan whose grades and deviations sit on the thresholds a reader compares with what is shown
 * (SPEC §3: Decimali 2): grades 59,994 / 59,995 / 89,994 / 89,995 around the bands at 60 and 90,
 * deviations ±0,005 around the Stato thresholds −10 and −25, an
 * objective with an undated phase, and a parent objective rolled up from two children. None of
 * these values is exactly representable in binary: they are where a spreadsheet that rounds the
 * binary value (HyperFormula's own ROUND) and one that rounds the shown decimal (Excel,
 * LibreOffice, the engine) part ways.
 */
import { parseInterchange } from '../../src/schema/interchange';
import type { RawTables } from '../../src/schema/raw';

/** Objective code → grade (a Crescente Numero with target 100 and this actual) and what it must show. */
export const BAND_CASES = [
  { code: 'B-1', grade: 59.994, band: 'Non raggiunto', reward: 0 },
  { code: 'B-2', grade: 59.995, band: 'Parzialmente raggiunto', reward: 60 },
  { code: 'B-3', grade: 89.994, band: 'Parzialmente raggiunto', reward: 89.99 },
  { code: 'B-4', grade: 89.995, band: 'Raggiunto', reward: 100 },
] as const;

/**
 * Objective code → Avanzamento % of its one phase, the progress expected at the reference date
 * (50: half due; 100: over), and the Stato. With E = 100 the deviations −10,004999… and
 * −25,004999… round to −10,01 and −25,01 on the shown decimal but to −10 and −25 on the binary
 * value: there the Stato itself depends on rounding the way Excel does.
 */
export const STATUS_CASES = [
  { code: 'S-1', progress: 40.005, expected: 50, status: 'in-linea' },
  { code: 'S-2', progress: 39.995, expected: 50, status: 'in-ritardo' },
  { code: 'S-3', progress: 25.005, expected: 50, status: 'in-ritardo' },
  { code: 'S-4', progress: 24.995, expected: 50, status: 'critico' },
  { code: 'S-5', progress: 89.995, expected: 100, status: 'in-ritardo' },
  { code: 'S-6', progress: 74.995, expected: 100, status: 'critico' },
] as const;

/** One dated phase (expected 50, progress 60) and one without Fine prevista (progress 20): E = 50, P = 40 → In linea. */
export const UNDATED = { code: 'F-1', expected: 50, phaseGrade: 40, status: 'in-linea' } as const;

/** A strategic objective over B-1 and B-2 (raw weight 1 each): (59,994 + 59,995) / 2 = 59,9945, shown 59,99. */
export const PARENT = { code: 'P-1', grade: (59.994 + 59.995) / 2, band: 'Non raggiunto' } as const;

/** A phase from 01/01 to 10/01/2023: at the reference date 05/01 half of it is expected. */
const HALF_DUE = { plannedStart: '2023-01-01', plannedEnd: '2023-01-10' };
/** A phase that ended on 04/01/2023: all of it is expected on 05/01. */
const DUE = { plannedStart: '2023-01-01', plannedEnd: '2023-01-04' };

export function boundaryPlan(): RawTables {
  return parseInterchange({
    format: 'traguardo/1',
    organization: 'Comune di Prova',
    year: 2023,
    rules: { referenceDate: '2023-01-05' },
    units: [{ code: 'U1', name: 'Ufficio', head: 'Rossi Mario' }],
    objectives: [
      { code: PARENT.code, level: 'Strategico', title: 'Obiettivo padre' },
      ...BAND_CASES.map((c, i) => ({ code: c.code, title: `Fascia ${i + 1}`, unit: 'U1', parent: i < 2 ? PARENT.code : null })),
      ...STATUS_CASES.map((c, i) => ({ code: c.code, title: `Stato ${i + 1}`, unit: 'U1' })),
      { code: UNDATED.code, title: 'Fase senza date', unit: 'U1' },
    ],
    indicators: BAND_CASES.map((c) => ({
      code: `${c.code}.I`,
      objective: c.code,
      name: 'indicatore',
      type: 'Numero',
      polarity: 'Crescente',
      target: 100,
      actual: c.grade,
    })),
    phases: [
      ...STATUS_CASES.map((c) => ({ objective: c.code, seq: 1, name: 'fase', ...(c.expected === 50 ? HALF_DUE : DUE), share: 100, progress: c.progress })),
      { objective: UNDATED.code, seq: 1, name: 'fase datata', ...HALF_DUE, share: 50, progress: 60 },
      { objective: UNDATED.code, seq: 2, name: 'fase senza fine', plannedStart: '2023-01-01', share: 50, progress: 20 },
    ],
  });
}

/**
 * Baskets whose raw weights are all 0 (SPEC §3.3): U1's two members both weigh 0 (validation
 * reports it); in U2 the one member weighing 5 is blocked by an error, which leaves the graded
 * member weighing 0 alone. U3 is weighed normally.
 */
export function zeroWeightPlan(): RawTables {
  return parseInterchange({
    format: 'traguardo/1',
    organization: 'Comune di Prova',
    year: 2023,
    units: [
      { code: 'U1', name: 'Primo', head: 'Rossi' },
      { code: 'U2', name: 'Secondo', head: 'Bianchi' },
      { code: 'U3', name: 'Terzo', head: 'Verdi' },
    ],
    objectives: [
      { code: 'OB-1', title: 'Zero uno', unit: 'U1', weight: 0 },
      { code: 'OB-2', title: 'Zero due', unit: 'U1', weight: 0 },
      { code: 'OB-3', title: 'Zero tre', unit: 'U2', weight: 0 },
      { code: 'OB-4', title: 'Bloccato', unit: 'U2', weight: 5 },
      { code: 'OB-5', title: 'Pesato', unit: 'U3', weight: 2 },
    ],
    indicators: ['OB-1', 'OB-2', 'OB-3', 'OB-4', 'OB-5'].map((objective, i) => ({
      code: `I${i}`,
      objective,
      name: 'indicatore',
      type: 'Numero',
      polarity: 'Crescente',
      target: 100,
      actual: 50 + 10 * i,
      // OB-4's threshold lies above its target: an error that blocks OB-4.
      threshold: objective === 'OB-4' ? 120 : null,
    })),
  });
}
