/**
 * Generated plans as cells (RawTables), the way clerks fill them in: numbers, dates and SI/NO,
 * blanks, text a formula cannot read (`1.750`, `31/12/2023`, `in parte 40%`), shared objectives,
 * parent objectives and units, floors, every method and rule profile.
 */
import fc from 'fast-check';
import type { CellValue, RawRow, RawTables, RawWeightingRow } from '../../src/schema/raw';

const UNITS = ['U1', 'U2', 'U3', 'U4'];
const OBJECTIVES = ['OB-1', 'OB-2', 'OB-3', 'OB-4', 'OB-5', 'OB-6', 'OB-7'];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DATES = ['2023-01-01', '2023-03-31', '2023-06-30', '2023-07-10', '2023-12-31', '2024-02-15'].map(day);

const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq });
/** Decimals as typed (6 places at most): no subnormal or 17-digit values a clerk never writes. */
const decimal = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1e6) / 1e6);
const number = fc.oneof(fc.integer({ min: -20, max: 200 }), decimal(500));
const share = fc.oneof(fc.integer({ min: 0, max: 100 }), decimal(100));
/** Sometimes text the parser converts and a formula cannot read. */
const numberCell: fc.Arbitrary<CellValue> = fc.oneof({ weight: 8, arbitrary: number }, { weight: 1, arbitrary: fc.constant('1.750') });
const dateCell: fc.Arbitrary<CellValue> = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...DATES) }, { weight: 1, arbitrary: fc.constant('31/12/2023') });
const yesNo: fc.Arbitrary<CellValue> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('SI', 'NO', 'si', 'No') }, { weight: 1, arbitrary: fc.constantFrom('in parte 40%', 'X', true) });

/** A code of the plan, now and then one that is not (an unknown-reference error). */
const known = (codes: readonly string[], all: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...codes) }, { weight: 1, arbitrary: fc.constantFrom(...all) });

/** A parent among the rows before (a tree), now and then any code (a cycle, an unknown code). */
const parentOf = (earlier: readonly string[], all: readonly string[]): fc.Arbitrary<string | null> =>
  earlier.length === 0 ? maybe(fc.constantFrom(...all), 8) : maybe(known(earlier, all), 1);

const unit = (code: string, earlier: readonly string[]): fc.Arbitrary<RawRow> =>
  fc.record({ code: fc.constant(code), name: fc.constant(`Struttura ${code}`), head: maybe(fc.constant('Verdi Carla'), 8), parent: parentOf(earlier, UNITS) });

/** Peso indicatori % / Peso fasi %: mostly blank or summing to 100, as validation wants; sometimes not. */
const split = fc.oneof(
  { weight: 4, arbitrary: fc.constant([null, null] as CellValue[]) },
  { weight: 2, arbitrary: fc.tuple(share, fc.constant<CellValue>(null)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }).map((i) => [i, 100 - i] as CellValue[]) },
  { weight: 1, arbitrary: fc.tuple(share, share) },
);

const objective = (code: string, units: readonly string[], earlier: readonly string[]): fc.Arbitrary<RawRow> =>
  fc
    .record({
      code: fc.constant(code),
      level: fc.constantFrom(null, 'Esecutivo', 'Esecutivo', 'Ente', 'Strategico'),
      title: fc.constant(`Obiettivo ${code}`),
      parent: parentOf(earlier, OBJECTIVES),
      unit: maybe(known(units, UNITS), 6),
      sharedWith: maybe(fc.subarray([...units], { minLength: 1 }).map((list) => list.join('; ')), 1),
      owner: maybe(fc.constantFrom('Rossi Mario', 'Bianchi Anna'), 4),
      kind: maybe(fc.constantFrom('Mantenimento', 'Sviluppo', 'Innovazione')),
      weight: maybe(numberCell, 1),
      minShare: maybe(fc.integer({ min: 5, max: 40 }), 8),
      split,
      excluded: fc.constantFrom(null, null, null, 'NO', 'SI'),
      excludedReason: fc.constant('motivo'),
      override: maybe(share, 8),
      overrideNote: fc.constant('nota'),
    })
    .map(({ split: [indicatorShare, phaseShare], ...row }) => ({ ...row, indicatorShare, phaseShare }));

const numericIndicator = fc.record({
  type: fc.constantFrom('Numero', 'Percentuale'),
  polarity: fc.constantFrom('Crescente', 'Decrescente'),
  method: fc.constantFrom(null, null, 'Rapporto', 'Lineare', 'Speculare'),
  baseline: maybe(number, 1),
  threshold: maybe(number, 4),
  target: numberCell,
  actual: maybe(numberCell, 1),
});
const yesNoIndicator = fc.record({ type: fc.constant('SI/NO'), target: maybe(fc.constantFrom('SI', 'NO'), 1), actual: maybe(yesNo, 1) });
const deadlineIndicator = fc.record({ type: fc.constant('Scadenza'), target: dateCell, actual: maybe(dateCell, 1) });

const indicator = (objectives: readonly string[]): fc.Arbitrary<RawRow> => fc
  .tuple(known(objectives, OBJECTIVES), fc.oneof(numericIndicator, yesNoIndicator, deadlineIndicator), maybe(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(1.5)), 1), fc.constantFrom(null, null, null, 'SI'))
  .map(([objectiveCode, measure, weight, excluded]) => ({ objective: objectiveCode, name: 'indicatore', ...measure, weight, excluded }));

const phase = (objectives: readonly string[]): fc.Arbitrary<RawRow> => fc.record({
  objective: known(objectives, OBJECTIVES),
  name: fc.constant('fase'),
  year: fc.constantFrom(null, null, null, 2024),
  plannedStart: maybe(fc.constantFrom(...DATES.slice(0, 3)), 6),
  plannedEnd: maybe(fc.constantFrom(...DATES.slice(3)), 6),
  share: fc.constant<CellValue>(null),
  progress: maybe(share, 2),
});

const weighting = (objectives: readonly string[]): fc.Arbitrary<RawWeightingRow> => fc.record({
  objective: known(objectives, OBJECTIVES),
  scores: fc.record({ Strategicità: maybe(fc.integer({ min: 0, max: 100 }), 1), Complessità: maybe(fc.integer({ min: 0, max: 100 }), 1) }),
});

const rules = fc.record({
  year: fc.constant(2023),
  referenceDate: fc.constantFrom(null, day('2023-06-30'), day('2023-12-31')),
  cap: fc.constantFrom(null, 100, 120),
  increasingMethod: fc.constantFrom(null, 'Rapporto', 'Lineare'),
  decreasingMethod: fc.constantFrom(null, 'Rapporto inverso', 'Speculare', 'Lineare'),
  missingActual: fc.constantFrom(null, 'Zero', 'Escludi', 'Errore'),
  deadlineToleranceDays: fc.constantFrom(null, 0, 30),
  basket: fc.constantFrom(null, 'Struttura', 'Struttura', 'Responsabile', 'Ente'),
  typeMultipliers: fc.constantFrom(null, 'SI', 'NO'),
  decimals: fc.constantFrom(null, 0, 2),
});

/**
 * Phases of one objective share 100 between them (or all leave Incidenza blank), as validation
 * wants: otherwise their objective would be blocked and only values would be compared.
 */
function withShares(phases: RawRow[]): RawRow[] {
  const byObjective = new Map<CellValue, RawRow[]>();
  for (const p of phases) byObjective.set(p.objective, [...(byObjective.get(p.objective) ?? []), p]);
  for (const [, rows] of byObjective) {
    if (rows.length % 3 === 0) continue;
    rows.forEach((row) => (row.share = 100 / rows.length));
  }
  return phases;
}

export const rawPlan: fc.Arbitrary<RawTables> = fc
  .tuple(fc.subarray(UNITS, { minLength: 1 }), fc.subarray(OBJECTIVES, { minLength: 1 }))
  .chain(([unitCodes, objectiveCodes]) =>
    fc.record({
      units: fc.tuple(...unitCodes.map((code, i) => unit(code, unitCodes.slice(0, i)))),
      objectives: fc.tuple(...objectiveCodes.map((code, i) => objective(code, unitCodes, objectiveCodes.slice(0, i)))),
      indicators: fc.array(indicator(objectiveCodes), { maxLength: 14 }),
      phases: fc.array(phase(objectiveCodes), { maxLength: 8 }),
      weighting: fc.uniqueArray(weighting(objectiveCodes), { maxLength: 5, selector: (w) => w.objective }),
      rules,
    }),
  )
  .map(({ units, objectives, indicators, phases, weighting: rows, rules: profile }) => ({
    organization: 'Comune di Prova',
    year: 2023,
    units: [...units],
    objectives: [...objectives],
    indicators: indicators.map((row, i) => ({ code: `IND-${i + 1}`, ...row })),
    phases: withShares(phases.map((row, i) => ({ seq: i + 1, ...row }))),
    weighting: rows,
    rules: profile,
  }));
