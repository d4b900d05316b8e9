import { bandSchema, criterionSchema, interchangeSchema, rowSchemas, rulesSchema, weightingRowSchema } from '../../src/schema/zod';
import { ALL_TABLES } from '../../src/schema/tables';
import { defaultBands, defaultCriteria, defaultRules } from '../../src/schema/model';

describe('zod schemas derived from the table definitions', () => {
  test('every table has a typed row schema with exactly its fields', () => {
    for (const def of ALL_TABLES) {
      expect(Object.keys(rowSchemas[def.key].shape)).toEqual(def.fields.map((f) => f.key));
    }
  });

  test('typed rows: enum keys, ISO dates, numbers in range', () => {
    const objective = rowSchemas.objectives;
    expect(objective.safeParse({ code: 'A', title: 'T', level: 'esecutivo', start: '2023-01-31', minShare: 30, mission: 12, excluded: false, sharedWith: ['X'] }).success).toBe(true);
    expect(objective.safeParse({ code: 'A', title: 'T', level: 'Esecutivo' }).success).toBe(false);
    expect(objective.safeParse({ code: 'A', title: 'T', start: '31/01/2023' }).success).toBe(false);
    expect(objective.safeParse({ code: 'A', title: 'T', start: '2023-02-31' }).success).toBe(false);
    expect(objective.safeParse({ code: 'A', title: 'T', minShare: 101 }).success).toBe(false);
    expect(objective.safeParse({ code: 'A', title: 'T', mission: 1.5 }).success).toBe(false);
    expect(objective.safeParse({ title: 'T' }).success).toBe(false);
    expect(rowSchemas.indicators.safeParse({ code: 'I', objective: 'A', name: 'n', target: 'SI', actual: 40 }).success).toBe(true);
    expect(rowSchemas.indicators.safeParse({ code: 'I', objective: 'A', name: 'n', target: 'forse' }).success).toBe(false);
  });

  test('the defaults of the model are valid rule profile, bands and criteria', () => {
    expect(rulesSchema.safeParse(defaultRules(2023)).success).toBe(true);
    for (const band of defaultBands()) expect(bandSchema.safeParse(band).success).toBe(true);
    for (const criterion of defaultCriteria()) expect(criterionSchema.safeParse(criterion).success).toBe(true);
    expect(rulesSchema.safeParse({ missingActual: 'ignora' }).success).toBe(false);
    expect(weightingRowSchema.safeParse({ objective: 'A', scores: { Strategicità: 80, Complessità: null } }).success).toBe(true);
    expect(weightingRowSchema.safeParse({ objective: 'A', scores: { Strategicità: -1 } }).success).toBe(false);
  });

  test('the interchange schema accepts raw text and out-of-range numbers (they are findings, not a broken file)', () => {
    const doc = {
      format: 'traguardo/1',
      objectives: [{ code: 12, title: 'T', minShare: 150, start: '31/02/2023', level: 'Tattico', excluded: 'forse', sharedWith: 'A; B', line: 3 }],
      indicators: [{ target: 'Entro dicembre', actual: 'in parte 40%', weight: '1.750' }],
      weighting: [{ objective: 'A', scores: { S: 'alto', T: null, U: 3 } }],
      rules: { cap: '120 %', typeMultipliers: 'SI' },
      knownIssues: [{ path: 'objectives[0]', rule: 'x', severity: 'note', note: 'y' }],
    };
    expect(interchangeSchema.safeParse(doc).success).toBe(true);
  });

  test('the interchange schema refuses values of a JSON type the field cannot hold, with their path', () => {
    const result = interchangeSchema.safeParse({ format: 'traguardo/1', phases: [{ name: 'F' }, { name: 'G', share: [10] }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([['phases', 1, 'share']]);
  });
});
