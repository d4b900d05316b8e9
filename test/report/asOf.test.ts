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
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { entryContent, readZip } from '../../src/workbook/xlsx/zip';

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

function body(bytes: Uint8Array): string {
  const entry = readZip(bytes).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('no document.xml');
  return new TextDecoder().decode(entryContent(entry, fflateCodec));
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
    expect(body(asOf.bytes)).toBe(body(expected.bytes));
    expect(body(asOf.bytes)).toContain('Risultati alla data del 30/06/2023');
    expect(body(today.bytes)).not.toBe(body(expected.bytes));
    expect(asOf.scored.results.organization.grade).toBe(expected.scored.results.organization.grade);
  });
});
