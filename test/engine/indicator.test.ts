import { indicatorGrade, indicatorTrace, renderTrace } from '../../src/rules/indicatorGrade';
import type { Indicator, Rules } from '../../src/schema/model';
import { date, indicator, no, num, numeric, partial, r2, rules, yes } from './builders';

/** The grade with its trace rendered as the `Calcolo` column shows it. */
const run = (ind: Indicator, profile: Partial<Rules> = {}, lang: 'it' | 'en' = 'it') => {
  const profileRules = rules(profile);
  const result = indicatorGrade(ind, profileRules);
  return { grade: r2(result.grade), status: result.status, trace: renderTrace(indicatorTrace(ind, profileRules), profileRules, lang) };
};

describe('Numero / Percentuale, Crescente', () => {
  test('Rapporto: 100·A/T with its trace', () => {
    expect(run(numeric('crescente', 500, 450))).toEqual({ grade: 90, status: 'graded', trace: 'Crescente, rapporto: 450 / 500 = 90 %' });
  });
  test('Percentuale is graded like Numero', () => {
    expect(run(numeric('crescente', 80, 60, { type: 'percentuale' })).grade).toBe(75);
  });
  test('above the target the grade is capped, and the trace says so', () => {
    expect(run(numeric('crescente', 500, 650))).toEqual({
      grade: 100,
      status: 'graded',
      trace: 'Crescente, rapporto: 650 / 500 = 130 %; limitato al tetto 100 %',
    });
  });
  test('Tetto 120 lets the grade go up to 120', () => {
    expect(run(numeric('crescente', 500, 550), { cap: 120 }).grade).toBe(110);
  });
  test('Lineare: (A − B)/(T − B) with its trace', () => {
    expect(run(numeric('crescente', 30, 27, { method: 'lineare', baseline: 20 }))).toEqual({
      grade: 70,
      status: 'graded',
      trace: 'Crescente, lineare: (27 − 20) / (30 − 20) = 70 %',
    });
  });
  test('Lineare below the baseline goes to 0 and the trace says so', () => {
    expect(run(numeric('crescente', 30, 15, { method: 'lineare', baseline: 20 }))).toEqual({
      grade: 0,
      status: 'graded',
      trace: 'Crescente, lineare: (15 − 20) / (30 − 20) = -50 %; portato a 0 %',
    });
  });
  test('Lineare is the method of the Regole when Metodo is blank and the profile says Lineare', () => {
    expect(run(numeric('crescente', 30, 27, { baseline: 20 }), { increasingMethod: 'lineare' }).grade).toBe(70);
  });
  test('Lineare without baseline: no grade (validation error)', () => {
    const result = run(numeric('crescente', 30, 27, { method: 'lineare' }));
    expect(result.grade).toBeNull();
    expect(result.status).toBe('blocked');
    expect(result.trace).toBe('Crescente, lineare: manca la Baseline, nessun grado. Indicare il valore di partenza.');
  });
  test('Lineare with the baseline not below the target: no grade', () => {
    const result = run(numeric('crescente', 30, 27, { method: 'lineare', baseline: 30 }));
    expect(result.status).toBe('blocked');
    expect(result.trace).toBe('Crescente, lineare: la Baseline (30) deve essere inferiore al target (30), nessun grado.');
  });
  test('T = 0: 100 when A ≥ 0, else 0', () => {
    expect(run(numeric('crescente', 0, 3))).toEqual({ grade: 100, status: 'graded', trace: 'Crescente, target 0, consuntivo 3 → 100 %' });
    expect(run(numeric('crescente', 0, 0)).grade).toBe(100);
    expect(run(numeric('crescente', 0, -1)).grade).toBe(0);
  });
  test('Rapporto with T < 0: no grade, the trace says to use Lineare', () => {
    const result = run(numeric('crescente', -5, 3));
    expect(result.grade).toBeNull();
    expect(result.status).toBe('blocked');
    expect(result.trace).toBe('Crescente, rapporto: target -5 negativo, nessun grado. Usare il metodo Lineare con una Baseline.');
  });
  test('Lineare accepts a negative target', () => {
    expect(run(numeric('crescente', -5, -10, { method: 'lineare', baseline: -20 })).grade).toBe(66.67);
  });
  test('Speculare on an increasing indicator is the plain ratio', () => {
    expect(run(numeric('crescente', 30, 27, { method: 'speculare' }))).toEqual({
      grade: 90,
      status: 'graded',
      trace: 'Crescente, speculare: 27 / 30 = 90 %',
    });
  });
  test('negative actual with Rapporto is raised to 0', () => {
    expect(run(numeric('crescente', 10, -2)).grade).toBe(0);
  });
});

describe('Numero / Percentuale, Decrescente', () => {
  test('Rapporto inverso: 100·T/A with its trace', () => {
    expect(run(numeric('decrescente', 30, 36))).toEqual({
      grade: 83.33,
      status: 'graded',
      trace: 'Decrescente, rapporto inverso: 30 / 36 = 83,33 %',
    });
  });
  test('Rapporto inverso with A ≤ 0 and T > 0 gives the cap', () => {
    expect(run(numeric('decrescente', 30, 0), { cap: 120 })).toEqual({
      grade: 120,
      status: 'graded',
      trace: 'Decrescente, rapporto inverso: consuntivo 0 ≤ 0 → 120 %',
    });
  });
  test('Speculare: (2T − A)/T with its trace', () => {
    expect(run(numeric('decrescente', 30, 36, { method: 'speculare' }))).toEqual({
      grade: 80,
      status: 'graded',
      trace: 'Decrescente, speculare: (2 × 30 − 36) / 30 = 80 %',
    });
  });
  test('Speculare beyond twice the target goes to 0', () => {
    expect(run(numeric('decrescente', 30, 70, { method: 'speculare' })).grade).toBe(0);
  });
  test('Speculare is the profile default when Metodo is blank and the profile says so', () => {
    expect(run(numeric('decrescente', 30, 36), { decreasingMethod: 'speculare' }).grade).toBe(80);
  });
  test('Lineare: (B − A)/(B − T) with its trace', () => {
    expect(run(numeric('decrescente', 30, 36, { method: 'lineare', baseline: 45 }))).toEqual({
      grade: 60,
      status: 'graded',
      trace: 'Decrescente, lineare: (45 − 36) / (45 − 30) = 60 %',
    });
  });
  test('Lineare with the baseline not above the target: no grade', () => {
    const result = run(numeric('decrescente', 30, 36, { method: 'lineare', baseline: 20 }));
    expect(result.status).toBe('blocked');
    expect(result.trace).toBe('Decrescente, lineare: la Baseline (20) deve essere superiore al target (30), nessun grado.');
  });
  test('T = 0 for Rapporto inverso and Speculare: 100 when A ≤ 0, else 0', () => {
    expect(run(numeric('decrescente', 0, 0))).toEqual({ grade: 100, status: 'graded', trace: 'Decrescente, target 0, consuntivo 0 → 100 %' });
    expect(run(numeric('decrescente', 0, 2)).grade).toBe(0);
    expect(run(numeric('decrescente', 0, 0, { method: 'speculare' })).grade).toBe(100);
    expect(run(numeric('decrescente', 0, 2, { method: 'speculare' })).grade).toBe(0);
  });
  test('T < 0 with Rapporto inverso or Speculare: no grade', () => {
    expect(run(numeric('decrescente', -1, 2)).status).toBe('blocked');
    expect(run(numeric('decrescente', -1, 2, { method: 'speculare' })).status).toBe('blocked');
  });
  test('A beyond the target is capped', () => {
    expect(run(numeric('decrescente', 30, 27))).toEqual({
      grade: 100,
      status: 'graded',
      trace: 'Decrescente, rapporto inverso: 30 / 27 = 111,11 %; limitato al tetto 100 %',
    });
  });
});

describe('Soglia', () => {
  test('Crescente below the threshold → 0', () => {
    expect(run(numeric('crescente', 100, 55, { threshold: 60 }))).toEqual({
      grade: 0,
      status: 'graded',
      trace: 'Soglia 60 non raggiunta (55) → 0 %',
    });
  });
  test('Crescente at the threshold is graded normally', () => {
    expect(run(numeric('crescente', 100, 60, { threshold: 60 })).grade).toBe(60);
  });
  test('Decrescente above the threshold → 0', () => {
    expect(run(numeric('decrescente', 30, 45, { threshold: 40 }))).toEqual({
      grade: 0,
      status: 'graded',
      trace: 'Soglia 40 superata (45) → 0 %',
    });
  });
  test('Decrescente within the threshold is graded normally', () => {
    expect(run(numeric('decrescente', 30, 36, { threshold: 40 })).grade).toBe(83.33);
  });
});

describe('SI/NO', () => {
  const yesNo = (target: Indicator['target'], actual: Indicator['actual']) => indicator('I', { type: 'si_no', target, actual });
  test('target SI, actual SI → 100', () => {
    expect(run(yesNo(yes, yes))).toEqual({ grade: 100, status: 'graded', trace: 'SI/NO: atteso SI, rilevato SI → 100 %' });
  });
  test('target SI, actual NO → 0', () => {
    expect(run(yesNo(yes, no))).toEqual({ grade: 0, status: 'graded', trace: 'SI/NO: atteso SI, rilevato NO → 0 %' });
  });
  test('blank target means SI', () => {
    expect(run(yesNo(null, yes)).grade).toBe(100);
  });
  test('target NO: NO → 100, SI → 0', () => {
    expect(run(yesNo(no, no)).grade).toBe(100);
    expect(run(yesNo(no, yes)).grade).toBe(0);
  });
  test('"in parte 40%" → 40', () => {
    expect(run(yesNo(yes, partial(40)))).toEqual({ grade: 40, status: 'graded', trace: 'SI/NO: atteso SI, realizzato in parte → 40 %' });
  });
  test('a numeric target on a SI/NO indicator gives no grade', () => {
    expect(run(yesNo(num(1), yes))).toEqual({ grade: null, status: 'blocked', trace: 'Nessun grado: Target mancante o non adatto al Tipo SI/NO.' });
  });
  test('a numeric actual on a SI/NO indicator gives no grade', () => {
    expect(run(yesNo(yes, num(1))).status).toBe('blocked');
  });
  test('English trace', () => {
    expect(run(yesNo(yes, no), {}, 'en').trace).toBe('YES/NO: expected YES, measured NO → 0 %');
  });
});

describe('Scadenza', () => {
  const deadline = (actual: string | null, target = '2023-06-30') =>
    indicator('I', { type: 'scadenza', target: date(target), actual: actual === null ? null : date(actual) });
  test('completed on the deadline → 100', () => {
    expect(run(deadline('2023-06-30'))).toEqual({ grade: 100, status: 'graded', trace: 'Scadenza 30/06/2023, conclusa il 30/06/2023: nei termini → 100 %' });
  });
  test('late without tolerance → 0', () => {
    expect(run(deadline('2023-07-10'))).toEqual({
      grade: 0,
      status: 'graded',
      trace: 'Scadenza 30/06/2023, conclusa il 10/07/2023: 10 giorni di ritardo, nessuna tolleranza → 0 %',
    });
  });
  test('late within the tolerance → linear decrease', () => {
    expect(run(deadline('2023-07-10'), { deadlineToleranceDays: 30 })).toEqual({
      grade: 66.67,
      status: 'graded',
      trace: 'Scadenza 30/06/2023, conclusa il 10/07/2023: 10 giorni di ritardo, tolleranza 30 → 66,67 %',
    });
  });
  test('late beyond the tolerance → 0', () => {
    expect(run(deadline('2023-08-30'), { deadlineToleranceDays: 30 }).grade).toBe(0);
  });
  test('blank actual after the deadline → 0 whatever the missing-actual policy', () => {
    for (const missingActual of ['zero', 'escludi', 'errore'] as const) {
      expect(run(deadline(null), { missingActual })).toEqual({
        grade: 0,
        status: 'graded',
        trace: 'Scadenza 30/06/2023 superata al 31/12/2023, non completato → 0 %',
      });
    }
  });
  test('blank actual on or before the deadline → not yet due, whatever the policy', () => {
    for (const referenceDate of ['2023-06-01', '2023-06-30']) {
      const result = run(deadline(null), { referenceDate, missingActual: 'errore' });
      expect(result.grade).toBeNull();
      expect(result.status).toBe('not-due');
    }
    expect(run(deadline(null), { referenceDate: '2023-06-01' }).trace).toBe(
      'Non ancora in scadenza (scade il 30/06/2023, data di riferimento 01/06/2023): escluso dal calcolo',
    );
  });
  test('an unreadable reference date falls back to 31/12 of the year', () => {
    expect(run(deadline(null), { referenceDate: 'ieri' }).grade).toBe(0);
  });
  test('a target that is not a date gives no grade', () => {
    expect(run(indicator('I', { type: 'scadenza', target: num(5), actual: null })).status).toBe('blocked');
    expect(run(indicator('I', { type: 'scadenza', target: date('2023-02-30'), actual: null })).status).toBe('blocked');
  });
  test('an actual that is not a date gives no grade', () => {
    expect(run(indicator('I', { type: 'scadenza', target: date('2023-06-30'), actual: yes })).status).toBe('blocked');
  });
});

describe('missing actual (Numero, Percentuale, SI/NO)', () => {
  test('Zero → 0', () => {
    expect(run(numeric('crescente', 10, null))).toEqual({ grade: 0, status: 'graded', trace: 'Consuntivo mancante → 0 %' });
    expect(run(indicator('I', { type: 'si_no', target: yes }), { missingActual: 'zero' }).grade).toBe(0);
  });
  test('Escludi → left out like Non valutabile', () => {
    expect(run(numeric('crescente', 10, null), { missingActual: 'escludi' })).toEqual({
      grade: null,
      status: 'excluded',
      trace: 'Consuntivo mancante: escluso dal calcolo (Regole, Consuntivo mancante = Escludi)',
    });
  });
  test('Errore → no grade, blocked', () => {
    expect(run(numeric('crescente', 10, null), { missingActual: 'errore' })).toEqual({
      grade: null,
      status: 'blocked',
      trace: 'Consuntivo mancante: nessun grado (Regole, Consuntivo mancante = Errore). Inserire il consuntivo.',
    });
  });
});

describe('rows that cannot be graded', () => {
  test('Non valutabile → excluded, whatever the values', () => {
    expect(run(numeric('crescente', 10, 10, { excluded: true }))).toEqual({ grade: null, status: 'excluded', trace: 'Non valutabile: escluso dal calcolo' });
  });
  test('no Tipo → blocked', () => {
    expect(run(indicator('I', { target: num(1), actual: num(1) }))).toEqual({
      grade: null,
      status: 'blocked',
      trace: 'Nessun grado: manca il Tipo. Indicare Numero, Percentuale, SI/NO o Scadenza.',
    });
  });
  test('no Polarità on a Numero → blocked', () => {
    expect(run(indicator('I', { type: 'numero', target: num(1), actual: num(1) })).trace).toBe(
      'Nessun grado: manca la Polarità. Indicare Crescente o Decrescente.',
    );
  });
  test('no target → blocked even when the actual is missing too', () => {
    expect(run(indicator('I', { type: 'numero', polarity: 'crescente' })).status).toBe('blocked');
  });
  test('a date actual on a Numero → blocked', () => {
    expect(run(numeric('crescente', 10, null, { actual: date('2023-01-01') })).trace).toBe('Nessun grado: Consuntivo non adatto al Tipo Numero.');
  });
  test('non-finite numbers never produce NaN grades', () => {
    expect(run(numeric('crescente', Number.NaN, 5)).status).toBe('blocked');
    expect(run(numeric('crescente', 5, Number.POSITIVE_INFINITY)).status).toBe('blocked');
  });
  test('a broken cap in the profile falls back to 100', () => {
    expect(run(numeric('crescente', 10, 20), { cap: Number.NaN }).grade).toBe(100);
  });
});

describe('English traces', () => {
  test('Decreasing, inverse ratio', () => {
    expect(run(numeric('decrescente', 30, 36), {}, 'en').trace).toBe('Decreasing, inverse ratio: 30 / 36 = 83.33 %');
  });
  test('capped', () => {
    expect(run(numeric('crescente', 500, 650), {}, 'en').trace).toBe('Increasing, ratio: 650 / 500 = 130 %; capped at 100 %');
  });
});

test('the trace writes the grade with the profile’s Decimali', () => {
  expect(run(numeric('decrescente', 30, 36), { decimals: 3 }).trace).toBe('Decrescente, rapporto inverso: 30 / 36 = 83,333 %');
});

test('a Scadenza met on time is still held to a cap below 100', () => {
  const ind = indicator('I', { type: 'scadenza', target: date('2023-06-30'), actual: date('2023-06-01') });
  expect(run(ind, { cap: 80 })).toEqual({
    grade: 80,
    status: 'graded',
    trace: 'Scadenza 30/06/2023, conclusa il 01/06/2023: nei termini → 100 %; limitato al tetto 80 %',
  });
});
