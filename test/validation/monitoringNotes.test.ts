/**
 * The avviso on a deviation without an explanation (an objective In ritardo or Critico at a
 * recorded date, none of its `Monitoraggi` rows of that date with a Nota) is the same whether the
 * plan comes from a workbook or from an interchange file: `validate in.json` points at the cell of
 * `monitoring[]`'s row where `import` puts it, as for every other finding of a JSON file.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { assessWorkbook, checkWithHistory } from '../../src/actions/assess';
import { exportWorkbook } from '../../src/actions/interchange';
import { recordMonitoring } from '../../src/actions/monitoring';
import { replacePlan } from '../../src/actions/sheets';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { defaultRules } from '../../src/schema/model';
import { implementationStatus } from '../../src/rules/status';
import { parseInterchange } from '../../src/schema/interchange';
import type { LocatedFinding } from '../../src/schema/findings';
import { defaultLocator } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { monitoringDocument, monitoringPlan } from '../fixtures/monitoringPlan';
import { run } from '../support/cliRun';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-notes-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const noteAvvisi = (findings: readonly LocatedFinding[]) =>
  findings.filter((f) => f.rule.startsWith('monitoring-note-missing')).map((f) => [f.rule, f.severity, f.sheet, f.cell, f.message]);

describe('validate in.json: a deviation without a Nota', () => {
  test('the interchange file exported from a workbook gives the avvisi of that workbook, on the same Monitoraggi cells, and a Nota clears them there too', async () => {
    const port = MemoryWorkbook.fromTables([]);
    await replacePlan(port, monitoringPlan(30, 20), 'it');
    await recordMonitoring(port, '2023-06-30', 'it');
    await replacePlan(port, monitoringPlan(60, 40), 'it');
    await recordMonitoring(port, '2023-09-30', 'it');
    // AMB-1's phase row of 30/09 (the 4th recorded row) explains its delay.
    const history = (await port.readTables()).find((t) => t.name === 'Monitoraggi')!;
    await port.apply([{ kind: 'writeColumn', table: 'Monitoraggi', header: 'Nota', values: history.rows.map((_, i) => (i === 3 ? 'Rilievi sospesi per maltempo' : null)) }]);
    const json = path.join(dir, 'piano.json');
    await fs.writeFile(json, (await exportWorkbook(port)).json);

    const fromJson = await run('validate', json, '--json');
    const xlsx = path.join(dir, 'piano.xlsx');
    expect((await run('import', json, xlsx)).code).toBe(0);
    const fromXlsx = await run('validate', xlsx, '--json');

    const expected = [
      ['monitoring-note-missing', 'avviso', 'Monitoraggi', 'H2', 'L’obiettivo RIS-1 è In ritardo al 30/06/2023 (scostamento -19,59 punti) e nessuna sua riga di quella data ha una Nota: scriverci il motivo del ritardo.'],
      ['monitoring-note-missing-critical', 'avviso', 'Monitoraggi', 'H3', 'L’obiettivo AMB-1 è Critico al 30/06/2023 (scostamento -29,59 punti) e nessuna sua riga di quella data ha una Nota: scriverci il motivo dello scostamento.'],
      ['monitoring-note-missing', 'avviso', 'Monitoraggi', 'H4', 'L’obiettivo RIS-1 è In ritardo al 30/09/2023 (scostamento -14,79 punti) e nessuna sua riga di quella data ha una Nota: scriverci il motivo del ritardo.'],
    ];
    expect(noteAvvisi((JSON.parse(fromJson.out) as ResultsDocument).findings)).toEqual(expected);
    expect(noteAvvisi((JSON.parse(fromXlsx.out) as ResultsDocument).findings)).toEqual(expected);
    expect(noteAvvisi((await assessWorkbook(port, 'it')).located)).toEqual(expected);
  });
});

const DATES = ['2023-03-31', '2023-06-30', '2023-09-30', '2023-11-30'] as const;
const OBJECTIVES = ['RIS-1', 'AMB-1'] as const;

interface Recorded {
  date: string;
  progress: Record<(typeof OBJECTIVES)[number], number>;
  /** The Nota of RIS-1's phase, AMB-1's phase and AMB-1's indicator at that date. */
  notes: [string | null, string | null, string | null];
}

/** Ex. 17's phase over the whole of 2023: the share of its 365 days elapsed by the end of `date`. */
function expectedProgress(date: string): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse('2023-01-01T00:00:00Z')) / 86_400_000 + 1;
  return (days / 365) * 100;
}

const blank = (note: string | null) => note === null || note.trim() === '';

describe('the avviso over random monitoring histories', () => {
  test('appears exactly for an objective In ritardo or Critico at a date whose rows of that date all lack a Nota, on its phase row, alike from JSON and from a workbook', async () => {
    const note = fc.constantFrom(null, '', '   ', 'Ritardo della gara');
    const progress = fc.integer({ min: 0, max: 100 });
    const recorded = fc.uniqueArray(fc.record({ date: fc.constantFrom(...DATES), progress: fc.record({ 'RIS-1': progress, 'AMB-1': progress }), notes: fc.tuple(note, note, note) }), {
      selector: (r) => r.date,
      minLength: 1,
      maxLength: DATES.length,
    });
    await fc.assert(
      fc.asyncProperty(recorded, fc.array(fc.nat(), { minLength: 3 * DATES.length, maxLength: 3 * DATES.length }), async (history: Recorded[], order) => {
        const rows = history.flatMap((r) => [
          { date: r.date, kind: 'fase', code: 'RIS-1', seq: 1, value: r.progress['RIS-1'], note: r.notes[0] },
          { date: r.date, kind: 'fase', code: 'AMB-1', seq: 1, value: r.progress['AMB-1'], note: r.notes[1] },
          { date: r.date, kind: 'indicatore', code: 'AMB-1.1', value: 40, note: r.notes[2] },
        ]);
        // Rows in any order: the avviso goes on the objective's first phase row of that date.
        const shuffled = rows.map((row, i) => ({ row, key: order[i] })).sort((a, b) => a.key - b.key).map(({ row }) => row);
        // An indicator on AMB-1, so that a Nota on an indicator row of a date explains its objective too.
        const indicators = [{ objective: 'AMB-1', code: 'AMB-1.1', name: 'Alberi censiti', type: 'numero', polarity: 'crescente', target: 100, actual: 40 }];
        const raw = parseInterchange({ ...monitoringDocument(0, 0), indicators, monitoring: shuffled });
        const fromJson = noteAvvisi(checkWithHistory(raw, defaultLocator(raw, 'it'), [], 'it').assessment.located);
        const port = MemoryWorkbook.fromTables([]);
        await replacePlan(port, raw, 'it');
        const fromWorkbook = noteAvvisi((await assessWorkbook(port, 'it')).located);

        const expected: [string, string][] = [];
        for (const date of history.map((r) => r.date).sort()) {
          for (const objective of OBJECTIVES) {
            const status = implementationStatus(history.find((r) => r.date === date)!.progress[objective], expectedProgress(date), defaultRules(2023));
            const own = shuffled.filter((row) => row.date === date && (row.code === objective || row.code === `${objective}.1`));
            if ((status !== 'in-ritardo' && status !== 'critico') || !own.every((row) => blank(row.note))) continue;
            const first = shuffled.findIndex((row) => row.date === date && row.kind === 'fase' && row.code === objective);
            expected.push([status === 'critico' ? 'monitoring-note-missing-critical' : 'monitoring-note-missing', `H${first + 2}`]);
          }
        }
        expect(fromJson.map(([rule, , , cell]) => [rule, cell])).toEqual(expected);
        expect(fromWorkbook).toEqual(fromJson);
      }),
      { numRuns: 40 },
    );
  });
});
