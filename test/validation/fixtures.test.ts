/**
 * SPEC §6: each fixture imports into a plan whose findings (cell reading + validation) include
 * every knownIssues entry of severity error or warning, on the record (and field) it names.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Finding } from '../../src/schema/findings';
import { parseInterchange } from '../../src/schema/interchange';
import { readPlan } from '../../src/schema/read';
import { validate } from '../../src/validation/validate';

interface KnownIssue {
  path: string;
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'note';
  note: string;
}

type FixtureRecord = Record<string, unknown>;

const FIXTURES = ['calenzano-2023.json', 'capannori-2023.json', 'livorno-dup-2020.json', 'provincia-lucca-2022.json'];
const PATH = /^(\w+)\[(\d+|\*)\](?:\.(\w+))?$/;

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * For a `[*]` path, the records of the table on which the named field shows the problem: a blank
 * field for a missing value, a filled one for a value of the wrong kind.
 */
function recordsShowing(issue: KnownIssue, records: readonly FixtureRecord[], field: string): number[] {
  const wantsBlank = issue.rule.endsWith('-missing');
  return records.flatMap((record, i) => (isBlank(record[field]) === wantsBlank ? [i] : []));
}

function reported(findings: readonly Finding[], table: string, index: number, field: string | undefined): boolean {
  return findings.some(
    (f) => (f.severity === 'errore' || f.severity === 'avviso') && f.table === table && f.index === index && (field === undefined || f.field === field),
  );
}

describe.each(FIXTURES)('%s', (name) => {
  const json = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as Record<string, unknown>;
  const { plan, findings } = readPlan(parseInterchange(json));
  const all = [...findings, ...validate(plan)];
  const issues = (json.knownIssues as KnownIssue[]).filter((k) => k.severity === 'error' || k.severity === 'warning');

  test('every known error and warning is reported on the record it names', () => {
    const unmatched: string[] = [];
    for (const issue of issues) {
      const match = PATH.exec(issue.path);
      if (!match) {
        unmatched.push(`${issue.path} (unreadable path) ${issue.rule}: ${issue.note}`);
        continue;
      }
      const [, table, index, field] = match;
      const records = (json[table] ?? []) as FixtureRecord[];
      const indices = index === '*' ? recordsShowing(issue, records, field) : [Number(index)];
      const missed = indices.filter((i) => !reported(all, table, i, field));
      if (missed.length > 0) unmatched.push(`${table}[${missed.join(',')}]${field ? `.${field}` : ''} ${issue.rule}: ${issue.note}`);
    }
    if (unmatched.length > 0) console.log(`${name}: ${unmatched.length} known issues not reported\n${unmatched.join('\n')}`);
    expect(unmatched).toEqual([]);
  });

  test('the rows of the fixture are those of the plan', () => {
    expect(plan.objectives).toHaveLength((json.objectives as unknown[]).length);
    expect(plan.indicators).toHaveLength((json.indicators as unknown[]).length);
    expect(plan.phases).toHaveLength(((json.phases as unknown[] | undefined) ?? []).length);
  });
});
