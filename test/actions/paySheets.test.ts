/**
 * From sheets to pay: SPEC Ex. 18 written as the §8 tables of an interchange document, read,
 * validated and scored by the use case every front end calls (scoreAssessment), then carried by
 * `score --json` (§8.6) and by the interchange format, with and without names.
 */
import { assessRaw, scoreAssessment, type Scored } from '../../src/actions/assess';
import { resultsDocument } from '../../src/actions/resultsJson';
import { parseInterchange, toInterchange, type JsonRecord } from '../../src/schema/interchange';
import { defaultLocator } from '../../src/workbook/grid';
import { EX18_ROWS, ex18Document } from '../engine/pay/ex18';

function scored(doc: JsonRecord): Scored {
  const raw = parseInterchange(doc);
  return scoreAssessment(assessRaw(raw, defaultLocator(raw), [], 'it'));
}

describe('Ex. 18 from the sheets', () => {
  const result = scored(ex18Document());

  test('the totals of SPEC §8.5, to the cent, with no error', () => {
    expect(result.findings.filter((f) => f.severity === 'errore')).toEqual([]);
    expect(result.pay?.people.map((p) => [p.id, p.score, p.total])).toEqual([
      ['P1', 91.8, 3937.98],
      ['P2', 79.8, 2953.49],
      ['P3', 88.6, 3937.98],
      ['P4', 84.6, 1968.99],
      ['P5', 70.6, 2953.49],
      ['P6', 82.6, 3937.98],
      ['P7', 57.6, 0],
      ['P8', 94.6, 4310.09],
    ]);
  });

  test('score --json gains people and funds as §8.6 keys them', () => {
    const doc = resultsDocument(result, 'it');
    expect(doc.people?.[0]).toEqual({
      id: 'P1',
      score: 91.8,
      components: { ente: 92, struttura: null, obiettivi: null, apporto: 100, comportamenti: 90 },
      total: 3937.98,
      pots: [{ fund: 'F', class: 4, coefficient: 200, amount: 3937.98, bonus: 0, total: 3937.98 }],
    });
    expect(doc.people?.[7].pots[0]).toMatchObject({ amount: 3281.52, bonus: 1028.57, total: 4310.09 });
    expect(doc.funds).toEqual([{ code: 'F', allocated: 24000, paid: 24000, unspent: 0, beneficiaries: ['P8'] }]);
  });

  test('an error in a pay sheet stops pay, with one finding naming the sheet', () => {
    const doc = ex18Document();
    (doc.evaluations as JsonRecord[])[1].score = 140;
    const blocked = scored(doc);
    expect(blocked.pay).toBeNull();
    expect(blocked.findings.filter((f) => f.rule === 'pay-score-range').map((f) => [f.table, f.index, f.field])).toEqual([['evaluations', 1, 'score']]);
    const stop = blocked.located.find((f) => f.rule === 'pay-blocked');
    expect(stop?.message).toBe('Premi non calcolati: ci sono errori in Valutazioni. Correggerli e ricalcolare.');
    expect(stop?.sheet).toBe('Persone');
  });

  test('a plan without people computes no pay and says nothing about the pay sheets', () => {
    const doc = ex18Document();
    for (const key of ['people', 'profiles', 'items', 'evaluations', 'funds', 'classes']) delete doc[key];
    const plain = scored(doc);
    expect(plain.pay).toBeNull();
    expect(plain.findings.filter((f) => f.rule.startsWith('pay-') || f.rule.startsWith('table-missing-pay'))).toEqual([]);
    expect(resultsDocument(plain, 'it')).not.toHaveProperty('people');
  });

  test('a pot that pays everyone the same is an avviso (art. 18)', () => {
    const doc = ex18Document();
    doc.classes = [];
    doc.funds = [{ code: 'F', amount: 24000, role: 'dipendente', method: 'coefficienti' }];
    doc.people = (doc.people as JsonRecord[]).map((p) => ({ ...p, partTime: null, category: 'B' }));
    const same = scored(doc);
    expect(same.pay?.people.map((p) => p.total)).toEqual(Array(8).fill(3000));
    expect(same.findings.filter((f) => f.rule === 'pay-undifferentiated').map((f) => [f.severity, f.table, f.index, f.params.count])).toEqual([['avviso', 'funds', 0, 8]]);
  });
});

describe('interchange of the pay tables', () => {
  test('a document with people, profiles, items, evaluations, funds and classes goes through the raw tables unchanged', () => {
    const doc = ex18Document();
    const back = toInterchange(parseInterchange(doc)) as unknown as JsonRecord;
    for (const key of ['people', 'profiles', 'items', 'evaluations', 'funds', 'classes']) {
      const given = (doc[key] as JsonRecord[]).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
      const written = (back[key] as JsonRecord[]).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
      expect(written).toEqual(given);
    }
  });

  test('--anonimo keeps the Matricola and drops names and evaluators; Personale names people by Matricola', () => {
    const doc = { ...ex18Document(), staff: [{ person: 'Cognome P2 Nome', objective: 'O1', share: 50 }, { person: 'P3', objective: 'O1' }] };
    const back = toInterchange(parseInterchange(doc), { anonymous: true });
    expect(back.people?.map((p) => [p.id, p.name, p.evaluator, p.category])).toEqual(EX18_ROWS.map(([id, category]) => [id, null, null, category]));
    expect(back.staff.map((s) => s.person)).toEqual(['P2', 'P3']);
    expect(JSON.stringify(back)).not.toContain('Nome');
    expect(JSON.stringify(back)).not.toContain('Dirigente Uno');
  });

  test('the same document scores to the same pay after the round trip', () => {
    const again = scored(toInterchange(parseInterchange(ex18Document())) as unknown as JsonRecord);
    expect(again.pay?.people.map((p) => p.total)).toEqual([3937.98, 2953.49, 3937.98, 1968.99, 2953.49, 3937.98, 0, 4310.09]);
  });
});
