/**
 * The live workbook in LibreOffice Calc (headless): the xlsx Calcola writes is recalculated by
 * LibreOffice and every output cell equals Traguardo's engine; then an actual value is changed
 * in the file, LibreOffice recalculates, and the objective's, the unit's and the organisation's
 * grades move exactly as the engine says for the changed plan.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { scoreWorkbook, type Computed } from '../../src/actions/assess';
import { score } from '../../src/engine/score';
import { buildDemoRaw } from '../../src/demo/demo';
import { message } from '../../src/i18n';
import { readPlan } from '../../src/schema/read';
import type { RawTables } from '../../src/schema/raw';
import { blockedRows } from '../../src/validation/blocked';
import { validate } from '../../src/validation/validate';
import { readWorkbookTables } from '../../src/workbook/grid';
import { columnId } from '../../src/workbook/headers';
import { importChanges } from '../../src/workbook/outputs';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { sameValue } from '../support/hyperformula';
import { cachedValues, disposeSofficeProfile, recalculateXlsx, type SheetValue } from '../support/libreoffice';
import { expectedCells } from '../support/parity';
import { BAND_CASES, boundaryPlan, PARENT, STATUS_CASES, UNDATED, zeroWeightPlan } from '../formulas/boundaries';

afterAll(disposeSofficeProfile);

const NOW = new Date(Date.UTC(2026, 10, 22));

/** A plan (the demo unless given) imported into an xlsx and computed by Calcola. */
async function demoWorkbook(raw: RawTables = buildDemoRaw()): Promise<{ workbook: XlsxWorkbook; computed: Computed }> {
  const workbook = XlsxWorkbook.create(zlibCodec);
  await workbook.apply(importChanges(raw, 'it'));
  const computed = await scoreWorkbook(workbook, 'it', { now: NOW });
  return { workbook, computed };
}

/** Every cached formula result replaced by -999: only a real recalculation can give the right numbers. */
function withWrongCache(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name]).replace(/(<\/f>)<v>[^<]*<\/v>/g, '$1<v>-999</v>');
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}

const plain = (v: SheetValue): number | string | boolean | null => (v !== null && typeof v === 'object' ? `#${v.error}` : v);

/** A plan computed by Calcola, every cached result made wrong, recalculated by LibreOffice: its cells against the engine. */
async function recalculated(raw: RawTables) {
  const { workbook, computed } = await demoWorkbook(raw);
  const { output } = await recalculateXlsx(withWrongCache(await workbook.toBytes()));
  const value = await cachedValues(output);
  const cells = await expectedCells(workbook, computed, 'it');
  const mismatches = cells.map((c) => ({ ...c, actual: plain(value(c.sheet, c.address)) })).filter((c) => !sameValue(c.actual, c.expected));
  return { computed, cells, value, mismatches };
}

describe('the workbook in LibreOffice Calc', () => {
  it('recalculates every output to the engine’s value (1e-9), with every cached result first made wrong', async () => {
    const { workbook, computed } = await demoWorkbook();
    const bytes = await workbook.toBytes();
    const wrong = withWrongCache(bytes);
    expect(strFromU8(unzipSync(wrong)['xl/worksheets/sheet2.xml'])).toContain('<v>-999</v>');
    const { output } = await recalculateXlsx(wrong);
    const value = await cachedValues(output);
    const cells = await expectedCells(workbook, computed, 'it');
    const mismatches = cells
      .map((c) => ({ ...c, actual: plain(value(c.sheet, c.address)) }))
      .filter((c) => !sameValue(c.actual, c.expected));
    expect(mismatches).toEqual([]);
    expect(cells.length).toBeGreaterThan(500);
  });

  it('follows a changed actual: objective, unit and organisation grades move as the engine says', async () => {
    const { workbook, computed } = await demoWorkbook();
    const { locator } = readWorkbookTables(await workbook.readTables());
    const plan = computed.plan;
    const indicators = locator.placement('indicators');
    if (!indicators) throw new Error('no Indicatori');
    // A numeric indicator with an actual, graded by a formula, in an objective without Grado NdV:
    // the change must travel all the way up (in the demo every unit basket has a floor).
    const before = await cachedValues(await workbook.toBytes());
    const k = plan.indicators.findIndex((ind, i) => {
      const o = plan.objectives.findIndex((obj) => obj.code === ind.objective);
      const unit = o < 0 ? -1 : computed.results.units.findIndex((u) => u.code === plan.objectives[o].unit);
      return (
        ind.type === 'numero' &&
        ind.actual?.kind === 'number' &&
        ind.target?.kind === 'number' &&
        ind.actual.value > 0 &&
        computed.results.indicators[i].grade !== null &&
        o >= 0 &&
        plan.objectives[o].override === null &&
        computed.results.objectives[o].finalGrade !== null &&
        unit >= 0
      );
    });
    expect(k).toBeGreaterThanOrEqual(0);
    const actualHeader = indicators.headers[indicators.columns.get(columnId({ role: 'field', key: 'actual' })) as number];
    const actuals = (await workbook.readTables()).find((t) => t.name === indicators.table)?.rows.map((r) => r[indicators.headers.indexOf(actualHeader)]) ?? [];
    const old = plan.indicators[k].actual?.kind === 'number' ? plan.indicators[k].actual.value : 0;
    actuals[indicators.rows[k]] = old / 2;
    await workbook.apply([{ kind: 'writeColumn', table: indicators.table, header: actualHeader, values: actuals }]);

    // What the engine says for the changed plan.
    const read = readWorkbookTables(await workbook.readTables());
    const changed = readPlan(read.raw);
    const results = score(changed.plan, { blocked: blockedRows([...read.findings, ...changed.findings, ...validate(changed.plan)]) });

    const { output } = await recalculateXlsx(await workbook.toBytes());
    const after = await cachedValues(output);
    const cells = await expectedCells(workbook, { ...computed, plan: changed.plan, results }, 'it');
    const objective = plan.objectives.findIndex((o) => o.code === plan.indicators[k].objective);
    const unit = results.units.findIndex((u) => u.code === plan.objectives[objective].unit);
    const watched = [
      cells.find((c) => c.what === 'indicators.grade' && c.index === k),
      cells.find((c) => c.what === 'objectives.finalGrade' && c.index === objective),
      cells.find((c) => c.what === 'summary.grade' && c.index === unit),
      cells.find((c) => c.what === 'summary.grade' && c.index === results.units.length),
    ];
    for (const cell of watched) {
      if (!cell) throw new Error('cell not found');
      expect(plain(after(cell.sheet, cell.address))).toBeCloseTo(cell.expected as number, 9);
      // And it moved: the file held the old grade before the change.
      expect(plain(before(cell.sheet, cell.address))).not.toBeCloseTo(cell.expected as number, 6);
    }
  });

  it('follows a changed Pesatura score of an ungraded objective: Peso valutato % of its unit and of the organisation moves as the engine says', async () => {
    const { workbook, computed } = await demoWorkbook();
    const { locator } = readWorkbookTables(await workbook.readTables());
    const weighting = locator.placement('weighting');
    if (!weighting) throw new Error('no Pesatura');
    const plan = computed.plan;
    // VIG-1 has no grade (an error in one of its phases) but weighs in VIG's and the organisation's totals.
    const o = plan.objectives.findIndex((ob) => ob.code === 'VIG-1');
    expect(computed.results.objectives[o].finalGrade).toBeNull();
    const before = await cachedValues(await workbook.toBytes());
    const header = 'Strategicità';
    const scores = (await workbook.readTables()).find((t) => t.name === weighting.table)?.rows.map((r) => r[weighting.headers.indexOf(header)]) ?? [];
    scores[weighting.rows[computed.results.analysis.weightingRowOf[o]]] = 10;
    await workbook.apply([{ kind: 'writeColumn', table: weighting.table, header, values: scores }]);

    const read = readWorkbookTables(await workbook.readTables());
    const changed = readPlan(read.raw);
    const results = score(changed.plan, { blocked: blockedRows([...read.findings, ...changed.findings, ...validate(changed.plan)]) });
    const vig = results.units.findIndex((u) => u.code === 'VIG');
    // 80 → 10 on one of three criteria: VIG-1's raw weight, and so VIG's total, drops by 70.
    expect(results.units[vig].weightTotal).toBe(computed.results.units[vig].weightTotal - 70);

    const after = await cachedValues((await recalculateXlsx(await workbook.toBytes())).output);
    const cells = await expectedCells(workbook, { ...computed, plan: changed.plan, results }, 'it');
    for (const index of [vig, results.units.length]) {
      const cell = cells.find((c) => c.what === 'summary.weightGraded' && c.index === index);
      if (!cell) throw new Error('cell not found');
      expect(plain(after(cell.sheet, cell.address))).toBeCloseTo(cell.expected as number, 9);
      expect(plain(before(cell.sheet, cell.address))).not.toBeCloseTo(cell.expected as number, 6);
    }
  });

  it('compares grades and deviations at the thresholds as shown: bands, premio and Stato recalculated equal the engine', async () => {
    const { computed, cells, value, mismatches } = await recalculated(boundaryPlan());
    expect(mismatches).toEqual([]);
    const shown = (what: string, code: string) => {
      const index = computed.plan.objectives.findIndex((o) => o.code === code);
      const cell = cells.find((c) => c.what === what && c.index === index);
      if (!cell) throw new Error(`${what} of ${code} not written`);
      return plain(value(cell.sheet, cell.address));
    };
    for (const c of BAND_CASES) expect([shown('objectives.band', c.code), shown('objectives.reward', c.code)]).toEqual([c.band, c.reward]);
    const statusWord = (key: string) => message(`status-${key}`, {}, 'it');
    for (const c of STATUS_CASES) expect(shown('objectives.status', c.code)).toBe(statusWord(c.status));
    expect([shown('objectives.expectedProgress', UNDATED.code), shown('objectives.status', UNDATED.code)]).toEqual([UNDATED.expected, statusWord(UNDATED.status)]);
    expect(shown('objectives.band', PARENT.code)).toBe(PARENT.band);
  });

  it('gives baskets whose raw weights are all 0 no Peso % and their units no grade, as the engine does', async () => {
    const { cells, value, mismatches } = await recalculated(zeroWeightPlan());
    expect(mismatches).toEqual([]);
    const shares = cells.filter((c) => c.what === 'objectives.weightShare').map((c) => plain(value(c.sheet, c.address)));
    expect(shares.map((v) => (v === '' ? null : v))).toEqual([null, null, null, null, 100]);
    const units = cells.filter((c) => c.what === 'summary.grade').map((c) => plain(value(c.sheet, c.address)));
    expect(units.slice(0, 3).map((v) => (v === '' ? null : v))).toEqual([null, null, 90]);
  });
});
