import { readFileSync } from 'fs';
import { join } from 'path';
import { parseInterchange, toInterchange } from '../../src/schema/interchange';
import { readPlan } from '../../src/schema/read';
import { interchangeSchema } from '../../src/schema/zod';

const NAMES = ['calenzano-2023', 'capannori-2023', 'livorno-dup-2020', 'provincia-lucca-2022'] as const;
type Json = Record<string, unknown>;

function fixture(name: (typeof NAMES)[number]): Json {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8')) as Json;
}

function findingsOf(name: (typeof NAMES)[number]) {
  return readPlan(parseInterchange(fixture(name))).findings;
}

const at = (name: (typeof NAMES)[number], table: string, index: number, field: string) =>
  findingsOf(name)
    .filter((f) => f.table === table && f.index === index && f.field === field)
    .map((f) => [f.severity, f.rule, f.params.value]);

/** FORMAT.md: null and absent are the same; a blank text ("") is a blank cell. */
function normalized(value: unknown): unknown {
  if (value === '' || value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalized);
  if (value !== null && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'line' || k === 'source' || k === 'knownIssues') continue;
      const n = normalized(v);
      if (n !== null) out[k] = n;
    }
    return out;
  }
  return value;
}

describe.each(NAMES)('fixture %s', (name) => {
  test('passes the interchange schema', () => {
    expect(interchangeSchema.safeParse(fixture(name)).success).toBe(true);
  });

  test('reads without an exception, one plan row per record', () => {
    const doc = fixture(name);
    const { plan } = readPlan(parseInterchange(doc));
    for (const table of ['units', 'objectives', 'indicators', 'phases', 'staff', 'weighting'] as const) {
      expect(plan[table]).toHaveLength((doc[table] as unknown[]).length);
    }
  });

  test('comes back unchanged from parseInterchange → toInterchange on every FORMAT.md field', () => {
    const doc = fixture(name);
    expect(normalized(toInterchange(parseInterchange(doc)))).toEqual(normalized(doc));
  });
});

describe('known bad values of the fixtures are reported on their cell', () => {
  test('calenzano phases[168].share "10 (Marzo - Aprile 2024)": not-a-number', () => {
    expect(at('calenzano-2023', 'phases', 168, 'share')).toEqual([['errore', 'not-a-number', '10 (Marzo - Aprile 2024)']]);
  });

  test('calenzano indicators[29].target "Entro il mese di Aprile 2023": not-a-date', () => {
    expect(at('calenzano-2023', 'indicators', 29, 'target')).toEqual([['errore', 'not-a-date', 'Entro il mese di Aprile 2023']]);
  });

  test('calenzano indicators[71].target "3/5" of a numero indicator: not-a-number', () => {
    expect(at('calenzano-2023', 'indicators', 71, 'target')).toEqual([['errore', 'not-a-number', '3/5']]);
  });

  test('calenzano phases[47].name starting with "- ": formula-like-text', () => {
    const found = at('calenzano-2023', 'phases', 47, 'name');
    expect(found.map(([severity, rule]) => [severity, rule])).toEqual([['avviso', 'formula-like-text']]);
  });

  test('calenzano phases[13].name blank: required', () => {
    expect(at('calenzano-2023', 'phases', 13, 'name')).toEqual([['errore', 'required', undefined]]);
  });

  test('calenzano indicators[13].target blank: target-missing', () => {
    expect(at('calenzano-2023', 'indicators', 13, 'target')).toEqual([['errore', 'target-missing', undefined]]);
  });

  test('capannori objectives[50].description holds <p>: html-markup', () => {
    const found = at('capannori-2023', 'objectives', 50, 'description');
    expect(found.map(([severity, rule]) => [severity, rule])).toEqual([['avviso', 'html-markup']]);
  });

  test('livorno indicators[0].actual is free text without a Tipo: actual-not-a-value', () => {
    const found = at('livorno-dup-2020', 'indicators', 0, 'actual');
    expect(found.map(([severity, rule]) => [severity, rule])).toEqual([['errore', 'actual-not-a-value']]);
  });

  test('every knownIssue with a parse rule on a single cell is reported there', () => {
    const parseRules = new Set(['not-a-number', 'not-a-date', 'required', 'target-missing', 'formula-like-text', 'html-markup', 'actual-not-a-value']);
    const CELL_PATH = /^(\w+)\[(\d+)\]\.(\w+)$/;
    const expected: string[] = [];
    const missing: string[] = [];
    for (const name of NAMES) {
      const reported = new Set(findingsOf(name).map((f) => `${f.table}[${f.index}].${f.field}:${f.rule}`));
      for (const issue of fixture(name).knownIssues as { path: string; rule: string }[]) {
        if (!parseRules.has(issue.rule) || !CELL_PATH.test(issue.path)) continue;
        const key = `${issue.path}:${issue.rule}`;
        expected.push(key);
        if (!reported.has(key)) missing.push(`${name} ${key}`);
      }
    }
    expect(expected).toHaveLength(107);
    expect(missing).toEqual([]);
  });
});
