/**
 * A synthetic plan of any size in interchange form, shaped like the real ones: units with
 * objectives, NdV weighting on three criteria, five indicators of mixed types per objective,
 * phases with shares summing to 100 — and, like real plans, a few mistakes (about 1 % of
 * actuals unreadable, 1 % of names starting with «-»), so findings are located and written too.
 * Deterministic for a given size.
 */
import type { JsonValue } from '../schema/interchange';

type JsonRecord = { [key: string]: JsonValue };

export interface PlanSize {
  objectives: number;
  indicators: number;
  phases: number;
}

export const SPEC_SIZE: PlanSize = { objectives: 20_000, indicators: 100_000, phases: 40_000 };

const YEAR = 2023;
const OBJECTIVES_PER_UNIT = 100;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDay(dayOfYear: number): string {
  const d = new Date(Date.UTC(YEAR, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

export function generatePlan(size: PlanSize): JsonRecord {
  const unitCount = Math.max(1, Math.ceil(size.objectives / OBJECTIVES_PER_UNIT));
  const units: JsonRecord[] = [{ code: 'ENTE', name: 'Ente', kind: 'Ente', parent: null, head: 'Segretario generale' }];
  for (let u = 0; u < unitCount; u++) {
    units.push({ code: `U${pad(u, 4)}`, name: `Settore ${u + 1}`, kind: 'Settore', parent: 'ENTE', head: `Dirigente ${u + 1}` });
  }
  const objectives: JsonRecord[] = [];
  const weighting: JsonRecord[] = [];
  for (let o = 0; o < size.objectives; o++) {
    const code = `OB${pad(o, 6)}`;
    objectives.push({
      code,
      level: 'esecutivo',
      title: `Obiettivo ${o + 1}`,
      unit: `U${pad(Math.floor(o / OBJECTIVES_PER_UNIT), 4)}`,
      owner: `Dirigente ${Math.floor(o / OBJECTIVES_PER_UNIT) + 1}`,
      kind: (['mantenimento', 'sviluppo', 'innovazione'] as const)[o % 3],
      start: `${YEAR}-01-01`,
      end: `${YEAR}-12-31`,
      indicatorShare: 60,
      phaseShare: 40,
    });
    weighting.push({ objective: code, scores: { Strategicità: 50 + (o % 50), Complessità: 40 + (o % 60), 'Rapporto obiettivo/attività ordinaria': 60 + (o % 40) } });
  }
  const indicators: JsonRecord[] = [];
  for (let i = 0; i < size.indicators; i++) {
    const objective = `OB${pad(i % size.objectives, 6)}`;
    const name = i % 89 === 0 ? `- Indicatore ${i + 1}` : `Indicatore ${i + 1}`;
    const base: JsonRecord = { code: `IN${pad(i, 7)}`, objective, name, weight: 1 + (i % 3) };
    if (i % 97 === 0) {
      indicators.push({ ...base, type: 'numero', polarity: 'crescente', target: 500, actual: 'n.d.' });
      continue;
    }
    switch (i % 4) {
      case 0:
        indicators.push({ ...base, type: 'numero', polarity: 'crescente', target: 500, actual: 300 + (i % 400) });
        break;
      case 1:
        indicators.push({ ...base, type: 'numero', polarity: 'decrescente', target: 30, actual: 20 + (i % 20), baseline: 45 });
        break;
      case 2:
        indicators.push({ ...base, type: 'si_no', target: 'SI', actual: i % 5 === 0 ? 'NO' : 'SI' });
        break;
      default:
        indicators.push({ ...base, type: 'scadenza', target: isoDay(150 + (i % 100)), actual: isoDay(140 + (i % 130)) });
    }
  }
  const phases: JsonRecord[] = [];
  const perObjective = Math.max(1, Math.round(size.phases / size.objectives));
  for (let p = 0; p < size.phases; p++) {
    const o = Math.floor(p / perObjective) % size.objectives;
    const seq = (p % perObjective) + 1;
    const start = Math.floor(((seq - 1) * 365) / perObjective);
    phases.push({
      objective: `OB${pad(o, 6)}`,
      seq,
      name: `Fase ${seq}`,
      plannedStart: isoDay(start),
      plannedEnd: isoDay(Math.floor((seq * 365) / perObjective) - 1),
      share: 100 / perObjective,
      progress: (p * 37) % 101,
    });
  }
  return {
    format: 'traguardo/1',
    organization: 'Ente di prova',
    year: YEAR,
    units,
    objectives,
    indicators,
    phases,
    criteria: [
      { name: 'Strategicità', weight: 1, max: 100 },
      { name: 'Complessità', weight: 1, max: 100 },
      { name: 'Rapporto obiettivo/attività ordinaria', weight: 1, max: 100 },
    ],
    weighting,
    staff: [],
    rules: { year: YEAR, referenceDate: `${YEAR}-12-31` },
  };
}
