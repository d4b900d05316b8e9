/**
 * Result pay in LibreOffice Calc (headless): the xlsx Calcola writes for a plan with people is
 * recalculated with every cached result first made wrong, and every formula of Persone and Premi
 * gives the engine's value again; then a behaviour score is changed in the file, LibreOffice
 * recalculates, and the person's score, class and coefficient move as the engine says.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { assessRaw, scoreAssessment, scoreWorkbook } from '../../src/actions/assess';
import { parseInterchange } from '../../src/schema/interchange';
import { readWorkbookTables } from '../../src/workbook/grid';
import { columnId } from '../../src/workbook/headers';
import { importChanges } from '../../src/workbook/outputs';
import { cellAddress } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { PAY_DOCUMENT } from '../fixtures/payPlan';
import { sameValue } from '../support/hyperformula';
import { cachedValues, disposeSofficeProfile, excelJsWorkbook, recalculateXlsx, type SheetValue } from '../support/libreoffice';

afterAll(disposeSofficeProfile);

const NOW = new Date(Date.UTC(2026, 10, 22));
const PAY_SHEETS = ['Persone', 'Premi'];

async function payWorkbook() {
  const workbook = XlsxWorkbook.create(zlibCodec);
  await workbook.apply(importChanges(parseInterchange(PAY_DOCUMENT), 'it'));
  const computed = await scoreWorkbook(workbook, 'it', { now: NOW });
  return { workbook, pay: computed.pay! };
}

/** Every cached formula result replaced by -999: only a real recalculation gives the right numbers. */
function withWrongCache(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    files[name] = strToU8(strFromU8(files[name]).replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1<v>-999</v>'));
  }
  return zipSync(files);
}

const plain = (v: SheetValue): number | string | boolean | null => (v !== null && typeof v === 'object' ? `#${v.error}` : v);

/** The formula cells of the pay sheets. */
async function formulaCells(xlsx: Uint8Array): Promise<{ sheet: string; address: string }[]> {
  const book = await excelJsWorkbook(xlsx);
  const cells: { sheet: string; address: string }[] = [];
  for (const sheet of PAY_SHEETS) {
    book.getWorksheet(sheet)?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) cells.push({ sheet, address: cell.address });
      }),
    );
  }
  return cells;
}

describe('pay in LibreOffice Calc', () => {
  it('recalculates every formula of Persone and Premi to the engine’s value, every cached result first made wrong', async () => {
    const { workbook } = await payWorkbook();
    const bytes = await workbook.toBytes();
    const engine = await cachedValues(bytes);
    const cells = await formulaCells(bytes);
    expect(cells.length).toBeGreaterThan(60);
    const { output } = await recalculateXlsx(withWrongCache(bytes));
    const recalculated = await cachedValues(output);
    const mismatches = cells
      .map((c) => ({ ...c, expected: plain(engine(c.sheet, c.address)), actual: plain(recalculated(c.sheet, c.address)) }))
      .filter((c) => !sameValue(c.actual, c.expected));
    expect(mismatches).toEqual([]);
  });

  it('follows a changed behaviour score: the person’s score, class and coefficient move as the engine says', async () => {
    const { workbook, pay } = await payWorkbook();
    const { locator } = readWorkbookTables(await workbook.readTables());
    const evaluations = locator.placement('evaluations')!;
    const scoreHeader = evaluations.headers[evaluations.columns.get(columnId({ role: 'field', key: 'score' }))!];
    const scores = (await workbook.readTables()).find((t) => t.name === evaluations.table)!.rows.map((r) => r[evaluations.headers.indexOf(scoreHeader)]);
    // M4 Collaborazione 5 → 2 (row 7 of Valutazioni).
    scores[evaluations.rows[6]] = 2;
    await workbook.apply([{ kind: 'writeColumn', table: evaluations.table, header: scoreHeader, values: scores }]);
    const read = readWorkbookTables(await workbook.readTables());
    const changed = scoreAssessment(assessRaw(read.raw, read.locator, read.findings, 'it')).pay!;
    const m4 = changed.people[3];
    expect(m4.score).not.toBe(pay.people[3].score);

    const { output } = await recalculateXlsx(await workbook.toBytes());
    const after = await cachedValues(output);
    const people = locator.placement('people')!;
    const scoreCell = cellAddress(people.top + 1 + people.rows[3], people.left + people.columns.get(columnId({ role: 'output', key: 'score' }))!);
    expect(plain(after('Persone', scoreCell))).toBe(m4.score);
    // M4's PROD line is the 4th of Premi (row 11): Classe in D, Coefficiente in E.
    expect([plain(after('Premi', 'D11')), plain(after('Premi', 'E11'))]).toEqual([m4.pots[0].class, m4.pots[0].coefficient]);
  });
});
