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

/**
 * A 64-bit FNV-1a over the text of every value, fed piece by piece: the plan of SPEC §7 is
 * 160 000 rows, too many to stringify whole just to hash it.
 */
class Hasher {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  text(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x0100019d);
    }
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = Math.imul(b ^ 0x1f, 0x0100019d);
  }

  value(v: unknown): void {
    if (v === null || v === undefined) this.text('\u0000');
    else if (typeof v === 'object') this.text(JSON.stringify(v));
    else this.text(String(v));
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/**
 * Feeds every value of `rows` to `inputs`, and those outside `skip` to `structure`, in one pass.
 * `for…in` walks a row's keys in the order `Object.entries` gives, without an array of pairs per
 * row (100 000 Valutazioni rows, twice over, were a GC cost of their own).
 */
function* hashRows(inputs: Hasher, structure: Hasher, table: string, rows: readonly object[], skip: ReadonlySet<string> | undefined): Steps<void> {
  inputs.text(`${table}:${rows.length}`);
  structure.text(`${table}:${rows.length}`);
  yield* eachRow(rows, (row) => {
    const values = row as Readonly<Record<string, unknown>>;
    for (const key in values) {
      const value = values[key];
      inputs.value(value);
      if (!skip?.has(key)) structure.value(value);
    }
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
  const structure = new Hasher();
  const inputs = new Hasher();
  // Only a workbook with people computes pay: without, the fingerprints stay those of earlier versions.
  const tables: [string, readonly object[]][] = [
    ...OBJECTIVE_TABLES.map((name): [string, readonly object[]] => [name, plan[name]]),
    ['rules', [plan.rules]],
    ...(plan.people.length > 0 ? PAY_TABLES.map((name): [string, readonly object[]] => [name, plan[name]]) : []),
  ];
  for (const [name, rows] of tables) yield* hashRows(inputs, structure, name, rows, LIVE_FIELDS[name]);
  // A SI/NO indicator's target chooses its formula: it is structure, not a live value.
  for (const indicator of plan.indicators) if (indicator.type === 'si_no') structure.value(indicator.target);
  return { structure: structure.digest(), inputs: inputs.digest() };
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
