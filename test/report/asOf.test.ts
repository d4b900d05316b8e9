/**
 * The Relazione as of a recorded monitoring date (`relazione --al`): the same document as that of
 * a workbook whose sheets hold that date's values, with that date as the reference date.
 */
import { recordMonitoring } from '../../src/actions/monitoring';
import { reportWorkbook } from '../../src/actions/report';
import { replacePlan } from '../../src/actions/sheets';
import { buildDemoRaw } from '../../src/demo/demo';
import type { RawRow, RawTables } from '../../src/schema/raw';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { CellValue } from '../../src/schema/raw';
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { documentXml } from '../support/package';

const NOW = new Date('2024-03-15T09:00:00Z');

/** The demo plan, whose SCI-5 and SPERS-6 have a phase 4 both in 2023 and in 2024 (told apart by Anno). */
const plan = (): RawTables => buildDemoRaw();

/** The plan with lower actuals and less progress, as at the end of June. */
function june(raw: RawTables): RawTables {
  const half = (v: RawRow[string]) => (typeof v === 'number' ? Math.round(v * 50) / 100 : v);
  return {
    ...raw,
    indicators: raw.indicators?.map((row) => ({ ...row, actual: half(row.actual) })),
    phases: raw.phases?.map((row) => ({ ...row, progress: half(row.progress), actualEnd: null })),
    rules: { ...raw.rules, referenceDate: new Date('2023-06-30T00:00:00Z') },
  };
}

async function workbookOf(raw: RawTables): Promise<MemoryWorkbook> {
  const port = MemoryWorkbook.fromTables([]);
  await replacePlan(port, raw, 'it');
  return port;
}

/** A Monitoraggi row by date, Tipo, Codice, Anno and N.; its Nota to write. */
interface NoteAt {
  date: string;
  kind: 'Indicatore' | 'Fase';
  code: string;
  year?: number;
  seq?: number;
  note: string;
}

/** Writes the Notas on the Monitoraggi rows they name, as a user would type them; the others stay as they are. */
async function writeNotes(port: MemoryWorkbook, notes: readonly NoteAt[]): Promise<void> {
  const table = (await port.readTables()).find((t) => t.name === 'Monitoraggi')!;
  const at = (header: string) => table.headers.indexOf(header);
  const iso = (v: CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : null);
  const values = table.rows.map((row) => {
    const found = notes.find(
      (n) => iso(row[at('Data')]) === n.date && row[at('Tipo')] === n.kind && row[at('Codice')] === n.code && (row[at('Anno')] ?? null) === (n.year ?? null) && (row[at('N.')] ?? null) === (n.seq ?? null),
    );
    return found === undefined ? (row[at('Nota')] ?? null) : found.note;
  });
  expect(values.filter((v) => v !== null)).toHaveLength(notes.length);
  await port.apply([{ kind: 'writeColumn', table: 'Monitoraggi', header: 'Nota', values }]);
}

/** The document's paragraphs as text (table cells included), in order. */
function paragraphs(bytes: Uint8Array): string[] {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return documentXml(bytes)
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''));
}

/** The paragraphs of one objective: from its heading to the next objective's. */
function section(all: readonly string[], heading: string): string[] {
  const start = all.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = all.findIndex((p, i) => i > start && /^\S+ — /.test(p));
  return all.slice(start, next < 0 ? all.length : next);
}

describe('the Relazione as of a recorded date', () => {
  test('reports the values recorded at 30/06 after the sheets moved on to December, exactly as a workbook holding the June values', async () => {
    const history = await workbookOf(june(plan()));
    await recordMonitoring(history, '2023-06-30', 'it');
    await replacePlan(history, plan(), 'it');
    const asOf = await reportWorkbook(history, { lang: 'it', by: 'unita', codec: fflateCodec, now: NOW, asOf: '2023-06-30' });
    const withJune = await workbookOf(june(plan()));
    const expected = await reportWorkbook(withJune, { lang: 'it', by: 'unita', codec: fflateCodec, now: NOW });
    const today = await reportWorkbook(history, { lang: 'it', by: 'unita', codec: fflateCodec, now: NOW });
    expect(documentXml(asOf.bytes)).toBe(documentXml(expected.bytes));
    expect(documentXml(asOf.bytes)).toContain('Risultati alla data del 30/06/2023');
    expect(documentXml(today.bytes)).not.toBe(documentXml(expected.bytes));
    expect(asOf.scored.results.organization.grade).toBe(expected.scored.results.organization.grade);
  });

  test('shows under each objective the Notas written in Monitoraggi at that date, and no other date’s; the current sheets’ report shows none', async () => {
    const history = await workbookOf(june(plan()));
    await recordMonitoring(history, '2023-06-30', 'it');
    await replacePlan(history, plan(), 'it');
    await recordMonitoring(history, '2023-09-30', 'it');
    await writeNotes(history, [
      { date: '2023-06-30', kind: 'Indicatore', code: 'RIS-5.I1', note: 'Ruoli in ritardo dall’agente' },
      { date: '2023-06-30', kind: 'Fase', code: 'RIS-5', seq: 2, note: 'Gara deserta' },
      { date: '2023-06-30', kind: 'Fase', code: 'SCI-5', year: 2024, seq: 4, note: 'Sportelli non ancora aperti' },
      { date: '2023-09-30', kind: 'Fase', code: 'RIS-5', seq: 2, note: 'Gara aggiudicata' },
    ]);
    const request = { lang: 'it', by: 'unita', codec: fflateCodec, now: NOW } as const;
    const june30 = paragraphs((await reportWorkbook(history, { ...request, asOf: '2023-06-30' })).bytes);
    const ris5 = section(june30, 'RIS-5 — Attività di riscossione coattiva');
    expect(ris5).toContain('Note del monitoraggio al 30/06/2023: RIS-5.I1: Ruoli in ritardo dall’agente; fase 2: Gara deserta');
    // The sheets' own Note column is the plan's, at every date.
    expect(ris5).toContain('Note: RIS-5.I1: valore atteso scritto \'1.750\'');
    expect(section(june30, 'SCI-5 — Facilitazione digitale ai cittadini')).toContain('Note del monitoraggio al 30/06/2023: fase 4 (2024): Sportelli non ancora aperti');
    expect(june30.filter((p) => p.startsWith('Note del monitoraggio'))).toHaveLength(2);
    expect(june30.join('\n')).not.toContain('Gara aggiudicata');

    const september = paragraphs((await reportWorkbook(history, { ...request, asOf: '2023-09-30' })).bytes);
    expect(september.filter((p) => p.startsWith('Note del monitoraggio'))).toEqual(['Note del monitoraggio al 30/09/2023: fase 2: Gara aggiudicata']);
    expect(section(september, 'RIS-5 — Attività di riscossione coattiva')).toContain('Note del monitoraggio al 30/09/2023: fase 2: Gara aggiudicata');

    const today = paragraphs((await reportWorkbook(history, request)).bytes);
    expect(today.filter((p) => p.includes('Note del monitoraggio'))).toEqual([]);
  });
});
