import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoreWorkbook } from '../../src/actions/assess';
import { recordMonitoring, scoreWorkbookAt } from '../../src/actions/monitoring';
import { rawAsOf, recordedDates } from '../../src/actions/monitoringHistory';
import { exportWorkbook } from '../../src/actions/interchange';
import { replacePlan } from '../../src/actions/sheets';
import { parseInterchange } from '../../src/schema/interchange';
import { buildDemoRaw } from '../../src/demo/demo';
import type { ScoreResults } from '../../src/engine/results';
import type { RawRow, RawTables } from '../../src/schema/raw';
import { readWorkbookTables } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { TableData } from '../../src/workbook/port';
import { createXlsx } from '../../src/workbook/xlsx/xlsxFile';
import { run } from '../support/cliRun';

/** The demo plan (Calenzano 2023) as its values stood at an earlier date: lower actuals, less progress. */
function earlier(raw: RawTables, factor: number): RawTables {
  const scale = (v: RawRow[string]) => (typeof v === 'number' ? Math.round(v * factor * 100) / 100 : v);
  return {
    ...raw,
    indicators: raw.indicators?.map((row) => ({ ...row, actual: scale(row.actual) })),
    phases: raw.phases?.map((row) => ({ ...row, progress: scale(row.progress), actualEnd: factor < 1 ? null : row.actualEnd })),
  };
}

function withReferenceDate(raw: RawTables, iso: string): RawTables {
  return { ...raw, rules: { ...raw.rules, referenceDate: new Date(`${iso}T00:00:00Z`) } };
}

async function workbookOf(raw: RawTables): Promise<MemoryWorkbook> {
  const port = MemoryWorkbook.fromTables([]);
  await replacePlan(port, raw, 'it');
  return port;
}

function table(tables: readonly TableData[], name: string): TableData {
  const found = tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** What a date's grades are, everything the trend and the report read. */
function grades(results: ScoreResults) {
  return {
    objectives: results.objectives.map((o) => [o.finalGrade, o.status, o.expectedProgress]),
    units: results.units.map((u) => [u.code, u.grade, u.objectives]),
    organization: results.organization.grade,
    referenceDate: results.referenceDate,
  };
}

const JUNE = earlier(buildDemoRaw(), 0.5);
const SEPTEMBER = earlier(buildDemoRaw(), 0.8);
const DECEMBER = buildDemoRaw();

describe('recording a monitoring date', () => {
  test('copies every indicator’s Consuntivo and every phase’s Avanzamento and Fine effettiva, and nothing else changes', async () => {
    const port = await workbookOf(JUNE);
    const before = await port.readTables();
    const outcome = await recordMonitoring(port, '2023-06-30', 'it');
    expect(outcome).toEqual({ kind: 'recorded', date: '2023-06-30', indicators: JUNE.indicators!.length, phases: JUNE.phases!.length, replaced: 0 });
    const after = await port.readTables();
    for (const t of before.filter((t) => t.name !== 'Monitoraggi')) expect(table(after, t.name)).toEqual(t);
    const history = table(after, 'Monitoraggi');
    expect(history.headers.slice(0, 8)).toEqual(['Data', 'Tipo', 'Codice', 'N.', 'Anno', 'Valore', 'Fine effettiva', 'Nota']);
    expect(history.rows).toHaveLength(JUNE.indicators!.length + JUNE.phases!.length);
    const first = JUNE.indicators![0];
    expect(history.rows[0].slice(0, 6)).toEqual([new Date('2023-06-30T00:00:00Z'), 'Indicatore', first.code, null, null, first.actual]);
    const phaseRow = history.rows[JUNE.indicators!.length];
    const phase = JUNE.phases![0];
    // A phase of the plan year leaves Anno blank.
    expect(phaseRow.slice(1, 6)).toEqual(['Fase', phase.objective, phase.seq, null, phase.progress]);
  });

  test('the same date again is refused without replace, and replaced with it, keeping each row’s Nota and the other dates', async () => {
    const port = await workbookOf(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    await replacePlan(port, SEPTEMBER, 'it');
    await recordMonitoring(port, '2023-09-30', 'it');
    // A manager explains a delay on the first phase at 30/06.
    const tables = await port.readTables();
    const history = table(tables, 'Monitoraggi');
    const noteColumn = history.headers.indexOf('Nota');
    const phaseIndex = JUNE.indicators!.length;
    await port.apply([
      {
        kind: 'writeColumn',
        table: 'Monitoraggi',
        header: 'Nota',
        values: history.rows.map((row, i) => (i === phaseIndex ? 'Ritardo nella gara' : row[noteColumn])),
      },
    ]);
    const snapshot = await port.readTables();

    expect(await recordMonitoring(port, '2023-06-30', 'it')).toEqual({ kind: 'exists', date: '2023-06-30', rows: phaseIndex + JUNE.phases!.length });
    expect(await port.readTables()).toEqual(snapshot);

    const outcome = await recordMonitoring(port, '2023-06-30', 'it', { replace: true });
    expect(outcome).toMatchObject({ kind: 'recorded', replaced: phaseIndex + JUNE.phases!.length });
    const replaced = table(await port.readTables(), 'Monitoraggi');
    expect(replaced.rows).toHaveLength(history.rows.length);
    // 30/06 now holds today's (September) values, in the same place, with the Nota kept.
    expect(replaced.rows[phaseIndex][history.headers.indexOf('Valore')]).toBe(SEPTEMBER.phases![0].progress);
    expect(replaced.rows[phaseIndex][noteColumn]).toBe('Ritardo nella gara');
    // 30/09's rows are untouched.
    expect(replaced.rows.slice(phaseIndex + JUNE.phases!.length)).toEqual(table(snapshot, 'Monitoraggi').rows.slice(phaseIndex + JUNE.phases!.length));
    expect(recordedDates(readWorkbookTables(await port.readTables()).raw)).toEqual(['2023-06-30', '2023-09-30']);
  });
});

/** The rows of the demo's phase 4 of SCI-5, which has that N. both in 2023 (the plan year) and in 2024. */
function sci5Phase4(rows: readonly RawRow[], codeKey: 'objective' | 'code'): RawRow[] {
  return rows.filter((row) => row[codeKey] === 'SCI-5' && row.seq === 4);
}

describe('phases with the same N. in two years (SPEC §2.4: N. is unique per objective and year)', () => {
  test('each is recorded with its own Anno and value, computed as of a date with its own value, and replacing keeps both', async () => {
    expect(sci5Phase4(DECEMBER.phases!, 'objective').map((row) => [row.year, row.progress])).toEqual([[2023, 100], [2024, 9]]);
    const port = await workbookOf(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    const recorded = table(await port.readTables(), 'Monitoraggi');
    const col = (header: string) => recorded.headers.indexOf(header);
    const recordedRows = recorded.rows.filter((row) => row[col('Codice')] === 'SCI-5' && row[col('N.')] === 4);
    expect(recordedRows.map((row) => [row[col('Anno')], row[col('Valore')]])).toEqual([[null, 50], [2024, 4.5]]);

    await replacePlan(port, SEPTEMBER, 'it');
    await recordMonitoring(port, '2023-09-30', 'it');
    await replacePlan(port, DECEMBER, 'it');
    const { raw } = readWorkbookTables(await port.readTables());
    const progress = (date: '2023-06-30' | '2023-09-30') => sci5Phase4(rawAsOf(raw, date).phases!, 'objective').map((row) => [row.year, row.progress]);
    expect(progress('2023-06-30')).toEqual([[2023, 50], [2024, 4.5]]);
    expect(progress('2023-09-30')).toEqual([[2023, 80], [2024, 7.2]]);

    // A note on the 2024 phase at 30/06, then 30/06 recorded again from today's (December) sheets.
    const history = table(await port.readTables(), 'Monitoraggi');
    const h = (header: string) => history.headers.indexOf(header);
    const noted = history.rows.findIndex((row) => row[h('Codice')] === 'SCI-5' && row[h('N.')] === 4 && row[h('Anno')] === 2024);
    await port.apply([{ kind: 'writeColumn', table: 'Monitoraggi', header: 'Nota', values: history.rows.map((row, i) => (i === noted ? 'Gara 2024 slittata' : row[h('Nota')])) }]);
    await recordMonitoring(port, '2023-06-30', 'it', { replace: true });
    const replaced = table(await port.readTables(), 'Monitoraggi');
    const june = replaced.rows.filter((row) => row[h('Codice')] === 'SCI-5' && row[h('N.')] === 4 && (row[h('Data')] as Date).toISOString().startsWith('2023-06-30'));
    expect(june.map((row) => [row[h('Anno')], row[h('Valore')], row[h('Nota')]])).toEqual([[null, 100, null], [2024, 9, 'Gara 2024 slittata']]);
    expect(sci5Phase4(rawAsOf(readWorkbookTables(await port.readTables()).raw, '2023-06-30').phases!, 'objective').map((row) => row.progress)).toEqual([100, 9]);
  });

  test('an explicit plan year in Anno is the same as a blank one', async () => {
    const port = await workbookOf(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    const history = table(await port.readTables(), 'Monitoraggi');
    const h = (header: string) => history.headers.indexOf(header);
    const isPhase = (row: readonly unknown[]) => row[h('Tipo')] === 'Fase';
    await port.apply([{ kind: 'writeColumn', table: 'Monitoraggi', header: 'Anno', values: history.rows.map((row) => (isPhase(row) && row[h('Anno')] === null ? 2023 : row[h('Anno')])) }]);
    await replacePlan(port, DECEMBER, 'it');
    const { raw } = readWorkbookTables(await port.readTables());
    expect(rawAsOf(raw, '2023-06-30').phases!.map((row) => row.progress)).toEqual(JUNE.phases!.map((row) => row.progress));
  });

  test('a Monitoraggi made before the Anno column gets it, at its right end, only when a phase of another year is recorded', async () => {
    const oldHeaders = ['Data', 'Tipo', 'Codice', 'N.', 'Valore', 'Fine effettiva', 'Nota', 'Esito verifica'];
    /** The plan in a workbook whose Monitoraggi has the columns it had before Anno. */
    const withOldMonitoraggi = async (raw: RawTables) =>
      MemoryWorkbook.fromTables((await (await workbookOf(raw)).readTables()).map((t) => (t.name === 'Monitoraggi' ? { ...t, headers: oldHeaders, rows: [] } : t)));

    const singleYear = await withOldMonitoraggi({ ...JUNE, phases: JUNE.phases!.filter((row) => row.year === null || row.year === 2023) });
    await recordMonitoring(singleYear, '2023-06-30', 'it');
    expect(table(await singleYear.readTables(), 'Monitoraggi').headers).toEqual(oldHeaders);

    const port = await withOldMonitoraggi(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    const history = table(await port.readTables(), 'Monitoraggi');
    expect(history.headers).toEqual([...oldHeaders, 'Anno']);
    expect(history.rows.filter((row) => row[2] === 'SCI-5' && row[3] === 4).map((row) => [row[4], row[8]])).toEqual([[50, null], [4.5, 2024]]);
    expect(sci5Phase4(rawAsOf(readWorkbookTables(await port.readTables()).raw, '2023-06-30').phases!, 'objective').map((row) => row.progress)).toEqual([50, 4.5]);
  });
});

describe('Monitoraggi in the interchange format', () => {
  test('export writes `monitoring` records in canonical form, and import brings them back to the same grades at each date', async () => {
    const port = await workbookOf(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    await replacePlan(port, SEPTEMBER, 'it');
    const { json } = await exportWorkbook(port);
    const doc = JSON.parse(json) as { monitoring: Record<string, unknown>[] };
    const firstPhase = JUNE.phases![0];
    expect(doc.monitoring).toHaveLength(JUNE.indicators!.length + JUNE.phases!.length);
    expect(doc.monitoring[JUNE.indicators!.length]).toEqual({
      date: '2023-06-30',
      kind: 'fase',
      code: firstPhase.objective,
      seq: firstPhase.seq,
      year: null,
      value: firstPhase.progress,
      actualEnd: null,
      note: null,
    });
    const numeric = JUNE.indicators!.findIndex((row) => typeof row.actual === 'number');
    expect(doc.monitoring[numeric]).toMatchObject({ date: '2023-06-30', kind: 'indicatore', code: JUNE.indicators![numeric].code, seq: null, value: JUNE.indicators![numeric].actual });

    expect(doc.monitoring.filter((record) => record.code === 'SCI-5' && record.seq === 4).map((record) => [record.year, record.value])).toEqual([[null, 50], [2024, 4.5]]);

    const imported = MemoryWorkbook.fromTables([]);
    await replacePlan(imported, parseInterchange(doc), 'it');
    expect(grades((await scoreWorkbookAt(imported, 'it', '2023-06-30')).results)).toEqual(grades((await scoreWorkbookAt(port, 'it', '2023-06-30')).results));
    const importedRaw = readWorkbookTables(await imported.readTables()).raw;
    expect(sci5Phase4(rawAsOf(importedRaw, '2023-06-30').phases!, 'objective').map((row) => row.progress)).toEqual([50, 4.5]);
  });
});

describe('computing as of a recorded date', () => {
  test('the grades at each date equal those of a workbook whose sheets hold that date’s values', async () => {
    const port = await workbookOf(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    await replacePlan(port, SEPTEMBER, 'it');
    await recordMonitoring(port, '2023-09-30', 'it');
    await replacePlan(port, DECEMBER, 'it');

    for (const [date, raw] of [['2023-06-30', JUNE], ['2023-09-30', SEPTEMBER]] as const) {
      const asOf = await scoreWorkbookAt(port, 'it', date);
      const reference = await scoreWorkbook(await workbookOf(withReferenceDate(raw, date)), 'it', { mode: 'valori' });
      expect(grades(asOf.results)).toEqual(grades(reference.results));
      expect(asOf.results.referenceDate).toBe(date);
    }
    const june = await scoreWorkbookAt(port, 'it', '2023-06-30');
    const september = await scoreWorkbookAt(port, 'it', '2023-09-30');
    // The dates differ for real: halved actuals grade lower than 80 % of them.
    expect(june.results.organization.grade!).toBeLessThan(september.results.organization.grade! - 10);
  });

  test('Calcola at a date writes that date’s grades as values, and the current sheets stay the default', async () => {
    const port = await workbookOf(JUNE);
    await recordMonitoring(port, '2023-06-30', 'it');
    await replacePlan(port, DECEMBER, 'it');
    const asOf = await scoreWorkbook(port, 'it', { asOf: '2023-06-30' });
    expect(asOf.mode).toBe('valori');
    const objectives = table(await port.readTables(), 'Obiettivi');
    const finalColumn = objectives.headers.indexOf('Grado finale %');
    const first = asOf.results.objectives.findIndex((o) => o.finalGrade !== null);
    expect(objectives.rows[first][finalColumn]).toBeCloseTo(asOf.results.objectives[first].finalGrade!, 2);
    const today = await scoreWorkbook(port, 'it');
    expect(today.results.referenceDate).toBe('2023-12-31');
    expect(today.results.organization.grade!).toBeGreaterThan(asOf.results.organization.grade!);
  });

  test('a date that was never recorded is a message naming the recorded ones', async () => {
    const port = await workbookOf(JUNE);
    await expect(scoreWorkbookAt(port, 'it', '2023-06-30')).rejects.toMatchObject({ key: 'monitoring-none' });
    await recordMonitoring(port, '2023-06-30', 'it');
    await expect(scoreWorkbookAt(port, 'it', '2023-07-31')).rejects.toMatchObject({ key: 'monitoring-date-unknown', params: { dates: '30/06/2023' } });
  });
});

describe('traguardo monitora and score --al', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-monitora-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const sha = async (f: string): Promise<string> => createHash('sha256').update(await fs.readFile(f)).digest('hex');

  test('records, refuses the same date without --sostituisci, replaces with it; score --al computes that date', async () => {
    const file = path.join(dir, 'piano.xlsx');
    const workbook = createXlsx();
    await replacePlan(workbook, JUNE, 'it');
    await fs.writeFile(file, await workbook.toBytes());

    const recorded = await run('monitora', file, '--al', '30/06/2023');
    expect(recorded).toMatchObject({ code: 0, err: '' });
    expect(recorded.out).toContain(`Monitoraggio al 30/06/2023 registrato in ${file}: ${JUNE.indicators!.length} indicatori, ${JUNE.phases!.length} fasi.`);

    const before = await sha(file);
    const refused = await run('monitora', file, '--al', '30/06/2023');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Il monitoraggio al 30/06/2023 è già registrato');
    expect(refused.err).toContain('--sostituisci');
    expect(await sha(file)).toBe(before);

    const replaced = await run('monitora', file, '--al', '30/06/2023', '--sostituisci');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain(`Sostituite le ${JUNE.indicators!.length + JUNE.phases!.length} righe registrate prima al 30/06/2023`);

    const json = await run('score', file, '--al', '30/06/2023', '--json');
    const document = JSON.parse(json.out) as { referenceDate: string; organization: { grade: number } };
    expect(document.referenceDate).toBe('2023-06-30');
    const reference = await scoreWorkbook(await workbookOf(withReferenceDate(JUNE, '2023-06-30')), 'it', { mode: 'valori' });
    expect(document.organization.grade).toBe(reference.results.organization.grade);

    expect((await run('monitora', file, '--al', '31/02/2023')).err).toContain('Data non valida: «31/02/2023»');
    expect((await run('monitora', file)).code).toBe(2);
  });
});
