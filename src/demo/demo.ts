/**
 * The demo plan: the 2023 performance plan of the Comune di Calenzano as transcribed in the
 * fixture (units, 48 objectives, NdV weighting, phases, indicators — with the source document's
 * own mistakes), plus ILLUSTRATIVE actuals and phase progress generated here so that there is
 * something to compute, and an ILLUSTRATIVE staff with evaluations and pots (staff.ts) so that
 * result pay is computed too. The generated values are deterministic (seeded), so the demo prints
 * the same figures on every machine; they are not the organisation's real results, people or pay.
 */
import type { JsonValue } from '../schema/interchange';
import { parseInterchange } from '../schema/interchange';
import { defaultBands, defaultRules } from '../schema/model';
import type { RawTables } from '../schema/raw';
import calenzano from './calenzano-2023.json';
import { illustrativeStaff } from './staff';

type JsonRecord = { [key: string]: JsonValue };

const REFERENCE_DATE = '2023-12-31';

/** mulberry32: a tiny seeded generator, enough for reproducible illustrative data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An illustrative actual for one indicator, or null where the plan gives nothing to measure. */
function illustrativeActual(ind: JsonRecord, random: () => number): JsonValue {
  const target = ind.target;
  switch (ind.type) {
    case 'si_no': {
      const r = random();
      if (r < 0.8) return 'SI';
      if (r < 0.92) return Math.round(40 + random() * 50);
      return 'NO';
    }
    case 'numero':
    case 'percentuale': {
      if (typeof target !== 'number') return null;
      const increasing = ind.polarity !== 'decrescente';
      const factor = increasing ? 0.7 + random() * 0.5 : 0.8 + random() * 0.5;
      const value = target * factor;
      return ind.type === 'percentuale' ? Math.min(100, Math.round(value * 10) / 10) : Math.round(value);
    }
    case 'scadenza': {
      if (typeof target !== 'string' || !ISO_DATE.test(target)) return null;
      return addDays(target, Math.round(random() * 45) - 30);
    }
    default:
      return null;
  }
}

function illustrativeProgress(phase: JsonRecord, random: () => number): number {
  const end = phase.plannedEnd;
  const due = typeof end !== 'string' || end <= REFERENCE_DATE;
  if (due) return random() < 0.75 ? 100 : Math.round(50 + random() * 40);
  return Math.round(random() * 30);
}

/** A plain record of strings, numbers, booleans and nulls, as interchange JSON holds it. */
function asJson(value: object): JsonRecord {
  return JSON.parse(JSON.stringify(value)) as JsonRecord;
}

/** The demo plan as interchange JSON, with illustrative actuals and progress. */
export function demoDocument(): JsonRecord {
  const random = seededRandom(2023);
  const doc = JSON.parse(JSON.stringify(calenzano)) as JsonRecord;
  const indicators = doc.indicators as JsonRecord[];
  const phases = doc.phases as JsonRecord[];
  for (const ind of indicators) {
    if (ind.actual === null || ind.actual === undefined) {
      ind.actual = illustrativeActual(ind, random);
      if (ind.actual !== null) ind.measuredOn = REFERENCE_DATE;
    }
  }
  for (const phase of phases) {
    if (phase.progress === null || phase.progress === undefined) phase.progress = illustrativeProgress(phase, random);
  }
  // The rules and bands that apply, written out, so a reader sees them and the formulas read them.
  doc.rules = { ...asJson(defaultRules(2023)), ...((doc.rules as JsonRecord | undefined) ?? {}), year: 2023, referenceDate: REFERENCE_DATE };
  if (!Array.isArray(doc.bands) || doc.bands.length === 0) doc.bands = defaultBands().map(asJson);
  return { ...doc, ...illustrativeStaff(doc, seededRandom(8_2023)) };
}

export function buildDemoRaw(): RawTables {
  return parseInterchange(demoDocument());
}
