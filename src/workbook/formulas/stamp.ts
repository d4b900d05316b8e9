/**
 * The calculation stamp: what Calcola leaves in the workbook (a custom document property) so a
 * later Verifica can tell whether the inputs changed since — and whether that matters.
 *
 * Two fingerprints of the plan: `inputs` covers every input; `structure` leaves out the values the
 * formulas read live (actuals, targets, weights, progress, dates, the numeric `Regole`
 * parameters). A structure change (a new row, another code, polarity or method, a band) needs a
 * new Calcola whatever was written; an input change matters only when some cells are values
 * (floors, parent roll-ups, rows with errors, or the whole sheet in Valori mode).
 */
import type { IsoDate, Plan } from '../../schema/model';
import { drain, eachRow, type Steps } from '../cooperative';

export const STAMP_PROPERTY = 'Traguardo.calcolo';

export interface CalculationStamp {
  /** ISO date of the calculation. */
  date: IsoDate;
  mode: 'formule' | 'valori';
  structure: string;
  inputs: string;
  /** Whether some output cells do not follow the inputs. */
  frozen: boolean;
}

/** Fields each formula reads from its row: a change there is followed by the workbook itself. */
const LIVE_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  indicators: new Set(['target', 'actual', 'baseline', 'threshold', 'weight']),
  objectives: new Set(['weight', 'indicatorShare', 'phaseShare', 'override']),
  phases: new Set(['share', 'progress', 'plannedStart', 'plannedEnd', 'year']),
  weighting: new Set(['scores']),
  rules: new Set(['year', 'referenceDate', 'cap', 'deadlineToleranceDays', 'onTrackThreshold', 'lateThreshold', 'decimals']),
  // Result pay (formulas/pay.ts): what the scores and keys read; the cents are values, so any change is stale.
  staff: new Set(['share']),
  people: new Set(['category', 'partTime', 'serviceDays', 'absenceDays', 'absenceHours', 'positionPay']),
  profiles: new Set(['weight']),
  items: new Set(['weight', 'min', 'max']),
  evaluations: new Set(['score', 'note']),
  funds: new Set(['name', 'amount']),
  categoryCoefficients: new Set(['coefficient']),
};

/** The text a value is hashed as. */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The two fingerprints as 64-bit FNV-1a hashes over the text of every value, fed piece by piece:
 * the plan of SPEC §7 is 160 000 rows, too many to stringify whole just to hash it. A value
 * both fingerprints cover is turned into text and walked once for the two of them.
 */
class Hashers {
  private inputsA = 0x811c9dc5;
  private inputsB = 0x01000193 ^ 0x5bd1e995;
  private structureA = 0x811c9dc5;
  private structureB = 0x01000193 ^ 0x5bd1e995;

  /** `s` into the inputs' fingerprint and, with `structure`, into the structure's too. */
  both(s: string, structure: boolean): void {
    let a = this.inputsA;
    let b = this.inputsB;
    if (structure) {
      let c2 = this.structureA;
      let d2 = this.structureB;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x0100019d);
        c2 = Math.imul(c2 ^ c, 0x01000193);
        d2 = Math.imul(d2 ^ c, 0x0100019d);
      }
      // A separator, so ["ab", "c"] and ["a", "bc"] differ.
      this.structureA = Math.imul(c2 ^ 0x1f, 0x01000193);
      this.structureB = Math.imul(d2 ^ 0x1f, 0x0100019d);
    } else {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x0100019d);
      }
    }
    this.inputsA = Math.imul(a ^ 0x1f, 0x01000193);
    this.inputsB = Math.imul(b ^ 0x1f, 0x0100019d);
  }

  /** `s` into the structure's fingerprint alone. */
  structure(s: string): void {
    let a = this.structureA;
    let b = this.structureB;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x0100019d);
    }
    this.structureA = Math.imul(a ^ 0x1f, 0x01000193);
    this.structureB = Math.imul(b ^ 0x1f, 0x0100019d);
  }

  digests(): Fingerprints {
    const digest = (a: number, b: number): string => (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
    return { structure: digest(this.structureA, this.structureB), inputs: digest(this.inputsA, this.inputsB) };
  }
}

/**
 * Feeds every value of `rows` to the inputs' fingerprint, and those outside `skip` to the
 * structure's too, in one pass. `for…in` walks a row's keys in the order `Object.entries` gives,
 * without an array of pairs per row (100 000 Valutazioni rows, twice over, were a GC cost of their own).
 */
function* hashRows(hashers: Hashers, table: string, rows: readonly object[], skip: ReadonlySet<string> | undefined): Steps<void> {
  hashers.both(`${table}:${rows.length}`, true);
  yield* eachRow(rows, (row) => {
    const values = row as Readonly<Record<string, unknown>>;
    for (const key in values) hashers.both(valueText(values[key]), !skip?.has(key));
  });
}

export interface Fingerprints {
  structure: string;
  inputs: string;
}

/** The plan's tables of objectives, hashed in this order, then `Regole`. */
const OBJECTIVE_TABLES = ['units', 'objectives', 'indicators', 'phases', 'weighting', 'criteria', 'bands'] as const satisfies readonly (keyof Plan)[];
/** The plan's pay tables, hashed after `Regole`. */
const PAY_TABLES = ['staff', 'people', 'profiles', 'items', 'evaluations', 'funds', 'classes', 'categoryCoefficients'] as const satisfies readonly (keyof Plan)[];

/** The two fingerprints of a plan. */
export function fingerprints(plan: Plan): Fingerprints {
  return drain(fingerprintSteps(plan));
}

/** `fingerprints` in steps (cooperative.ts): hashing a large plan takes as long as a stage of Calcola. */
export function* fingerprintSteps(plan: Plan): Steps<Fingerprints> {
  const hashers = new Hashers();
  // Only a workbook with people computes pay: without, the fingerprints stay those of earlier versions.
  const tables: [string, readonly object[]][] = [
    ...OBJECTIVE_TABLES.map((name): [string, readonly object[]] => [name, plan[name]]),
    ['rules', [plan.rules]],
    ...(plan.people.length > 0 ? PAY_TABLES.map((name): [string, readonly object[]] => [name, plan[name]]) : []),
  ];
  for (const [name, rows] of tables) yield* hashRows(hashers, name, rows, LIVE_FIELDS[name]);
  // A SI/NO indicator's target chooses its formula: it is structure, not a live value.
  for (const indicator of plan.indicators) if (indicator.type === 'si_no') hashers.structure(valueText(indicator.target));
  return hashers.digests();
}

export function writeStamp(stamp: CalculationStamp): string {
  return JSON.stringify({ v: 1, d: stamp.date, m: stamp.mode, s: stamp.structure, i: stamp.inputs, f: stamp.frozen ? 1 : 0 });
}

/** The stamp in a property, null when absent or not Traguardo's. */
export function readStamp(text: string | null): CalculationStamp | null {
  if (text === null) return null;
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (data.v !== 1 || typeof data.d !== 'string' || typeof data.s !== 'string' || typeof data.i !== 'string') return null;
    return { date: data.d, mode: data.m === 'valori' ? 'valori' : 'formule', structure: data.s, inputs: data.i, frozen: data.f === 1 };
  } catch {
    return null;
  }
}

/** Why the workbook's results may be out of date, null when they follow the inputs. */
export type Staleness = { reason: 'structure' | 'inputs'; date: IsoDate } | null;

export function staleness(stamp: CalculationStamp | null, current: { structure: string; inputs: string }): Staleness {
  if (stamp === null) return null;
  if (stamp.structure !== current.structure) return { reason: 'structure', date: stamp.date };
  if (stamp.frozen && stamp.inputs !== current.inputs) return { reason: 'inputs', date: stamp.date };
  return null;
}
