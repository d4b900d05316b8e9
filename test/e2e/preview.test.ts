/**
 * The browser preview in real Chromium, as a user goes through it: create the template, load the
 * demo, Verifica, Calcola, switch language, import a fixture, open an .xlsx and download the
 * result, import a plan with people and read a person's scheda in Persone. The scenarios share
 * one page and run in order, each starting from where the previous one left the workbook.
 *
 * The expected numbers come from the CLI on the same plan (`import` then `score --json`), so the
 * pane in the browser and the command line are held to the same results.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { message } from '../../src/i18n';
import { ALL_TABLES, PHASES, SUMMARY_SHEET } from '../../src/schema/tables';
import { scoreWorkbook } from '../../src/actions/assess';
import { parseInterchange } from '../../src/schema/interchange';
import { euro } from '../../src/i18n/euro';
import type { PayResults } from '../../src/engine/pay';
import { PAY_DOCUMENT } from '../fixtures/payPlan';
import { workbookFrom } from '../support/parity';
import { OUTPUT_DIR, demoThroughCli, openPreview, scoreThroughCli, type OpenPreview } from './harness';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'calenzano-2023.json');
/** The README's picture of the pane; `npm run screenshot` copies it to docs/ (a test run never writes there). */
const SCREENSHOT = path.join(OUTPUT_DIR, 'taskpane.png');
/** The README's picture of the Persone tab (`npm run screenshot` copies it to docs/ too). */
const PEOPLE_SCREENSHOT = path.join(OUTPUT_DIR, 'taskpane-persone.png');
/** How long one user action may take in the page (a first Calcola includes warming up the JIT). */
const ACTION_TIMEOUT = 15_000;

let work: string;
let preview: OpenPreview | undefined;
let page: Page;
let cli: ResultsDocument;
/** The demo plan as the CLI writes it: the file the preview opens. */
let demoXlsx: string;
let pageErrors: string[] = [];
let payJson: string;
let pay: PayResults;

/** Retries `read` until it gives `expected` (deep equality) or the time is up; then asserts. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = ACTION_TIMEOUT): Promise<void> {
  const until = Date.now() + timeout;
  let value = await read();
  while (!equals(value, expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

const equals = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const byTestId = (id: string): Locator => page.getByTestId(id);

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

/** Waits for the pane's message bar to report an action's outcome (the previous one may still show). */
async function expectNotice(intent: string, key: string, params: Record<string, string | number> = {}): Promise<void> {
  const text = byTestId('message-text');
  await eventually(() => text.textContent(), message(key, params, 'it'));
  expect(await byTestId('message-bar').getAttribute('data-intent')).toBe(intent);
}

/** Opens a section: its tab, or the «more» menu's entry when the tab does not fit the bar. */
async function openTab(key: string): Promise<void> {
  const tab = byTestId(`tab-${key}`);
  if (await tab.isVisible()) await tab.click();
  else {
    await byTestId('tab-more').click();
    await byTestId(`tab-menu-${key}`).click();
  }
  await eventually(() => tab.getAttribute('aria-selected'), 'true');
}

/** Importa: a plan from an interchange file, replacing the workbook's (the pane asks first). */
async function importPlan(file: string): Promise<void> {
  await openTab('exchange');
  await byTestId('input-import').setInputFiles(file);
  await byTestId('dialog-confirm').click({ timeout: ACTION_TIMEOUT });
  await expectNotice('success', 'ui-imported', { file: path.basename(file) });
}

/** Calcola, until the organisation's result shows. */
async function calcola(): Promise<void> {
  await openTab('compute');
  await byTestId('btn-compute').click();
  await byTestId('org-result').waitFor({ timeout: ACTION_TIMEOUT });
}

/** Sheet and cell the sheet view highlights. */
async function highlighted(): Promise<{ sheet: string | null; cell: string | null }> {
  const grid = byTestId('sheet-grid');
  const cell = grid.locator('td[data-selected="true"]');
  await cell.waitFor({ timeout: ACTION_TIMEOUT });
  return { sheet: await grid.getAttribute('data-sheet'), cell: await cell.getAttribute('data-cell') };
}

beforeAll(async () => {
  await fs.mkdir(OUTPUT_DIR, { recursive: true });
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-e2e-'));

  // The CLI's results for the demo plan, from the same interchange document the pane loads.
  ({ xlsx: demoXlsx, results: cli } = await demoThroughCli(work));

  // The pay plan the Persone scenario imports, and what the engine computes for it.
  payJson = path.join(work, 'premi.json');
  await fs.writeFile(payJson, JSON.stringify(PAY_DOCUMENT));
  const payWorkbook = await workbookFrom(parseInterchange(PAY_DOCUMENT));
  pay = (await scoreWorkbook(payWorkbook, 'it')).pay!;

  preview = await openPreview(path.join(work, 'dist'), { readyTimeout: ACTION_TIMEOUT, consoleErrors: true });
  ({ page, pageErrors } = preview);
}, 240_000);

afterAll(async () => {
  await preview?.close();
  if (work) await fs.rm(work, { recursive: true, force: true });
});

afterEach(() => {
  // A scenario that passes with an uncaught error or a console error in the page still fails.
  expect(pageErrors.splice(0)).toEqual([]);
});

describe('browser preview', () => {
  it('says it is a preview, shows the pane at 320 px beside an empty workbook, Italian by default', async () => {
    expect(await byTestId('preview-banner').textContent()).toBe(message('preview-banner', {}, 'it'));
    expect(await byTestId('tab-start').textContent()).toBe(message('ui-tab-start', {}, 'it'));
    const pane = await byTestId('preview-pane').boundingBox();
    expect(pane?.width).toBe(320);
    expect(await byTestId('sheet-view').textContent()).toBe(message('preview-empty', {}, 'it'));
    await shot('01-empty');
  });

  it('creates the template: the sheet view shows the Traguardo sheets', async () => {
    await byTestId('btn-create-sheets').click();
    await expectNotice('success', 'ui-sheets-created');
    await byTestId('sheet-tab').first().waitFor();
    const sheets = await byTestId('sheet-tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet')));
    expect(sheets).toEqual(expect.arrayContaining(ALL_TABLES.map((t) => t.sheet.it)));
    // The first table's header row is on screen, its output columns grey.
    const grid = byTestId('sheet-grid');
    const firstSheet = sheets[0]!;
    const def = ALL_TABLES.find((t) => t.sheet.it === firstSheet)!;
    const header = await grid.locator('tbody tr').first().locator('td').evaluateAll((cells) => cells.map((c) => c.textContent));
    expect(header.slice(0, def.fields.length)).toEqual(def.fields.map((f) => f.label.it));
    const objectives = byTestId('sheet-tab').and(page.locator('[data-sheet="Obiettivi"]'));
    await objectives.click();
    expect(await grid.getAttribute('data-sheet')).toBe('Obiettivi');
    expect(await grid.locator('td[data-output="true"]').count()).toBeGreaterThan(0);
    await shot('02-template');
  });

  it('loads the demo plan', async () => {
    // The template's tables are empty, so the pane loads without asking to replace anything.
    await byTestId('btn-load-demo').click();
    await expectNotice('success', 'ui-demo-loaded', { units: cli.units!.length, objectives: cli.objectives!.length, indicators: cli.indicators!.length });
    const rows = await byTestId('sheet-grid').locator('tbody tr').count();
    expect(rows).toBe(cli.objectives!.length + 1);
    await shot('03-demo');
  });

  it('Verifica lists the findings with the CLI’s counts, and a click selects the finding’s cell', async () => {
    await openTab('check');
    await byTestId('btn-validate').click();
    await byTestId('finding-item').first().waitFor({ timeout: ACTION_TIMEOUT });
    for (const severity of ['errore', 'avviso', 'info'] as const) {
      const expected = cli.findings.filter((f) => f.severity === severity).length;
      expect(await byTestId(`finding-count-${severity}`).textContent()).toBe(String(expected));
    }

    // One finding on each of two sheets: the view follows to the finding's sheet and cell.
    const withCell = byTestId('finding-item').and(page.locator('[data-cell]:not([data-cell=""])'));
    const firstSheet = await withCell.first().getAttribute('data-sheet');
    const onOtherSheet = withCell.and(page.locator(`:not([data-sheet="${firstSheet}"])`)).first();
    for (const finding of [withCell.first(), onOtherSheet]) {
      const sheet = await finding.getAttribute('data-sheet');
      const cell = await finding.getAttribute('data-cell');
      await finding.click();
      await eventually(() => highlighted(), { sheet, cell });
      expect(await byTestId('sheet-tab').and(page.locator(`[data-sheet="${sheet}"]`)).getAttribute('aria-selected')).toBe('true');
    }
    await shot('04-check');
  });

  it('Calcola shows for each unit and the organisation the grades of the CLI’s score --json', async () => {
    await calcola();
    expect(await byTestId('compute-progress').getAttribute('data-state')).toBe('done');

    const units = await byTestId('unit-result').evaluateAll((items) =>
      items.map((item) => ({ unit: item.getAttribute('data-unit'), grade: item.getAttribute('data-grade'), band: item.getAttribute('data-band') })),
    );
    expect(units.map((u) => u.unit)).toEqual(cli.units!.map((u) => u.code));
    units.forEach((shown, i) => {
      const expected = cli.units![i];
      if (expected.grade === null) expect(shown.grade).toBe('');
      else expect(Number(shown.grade)).toBeCloseTo(expected.grade, 9);
      expect(shown.band).toBe(expected.band ?? '');
    });
    expect(cli.units!.some((u) => u.grade === null)).toBe(true);

    const org = cli.organization!;
    expect(Number(await byTestId('org-result').getAttribute('data-grade'))).toBeCloseTo(org.grade!, 9);
    expect(await byTestId('org-result').getAttribute('data-band')).toBe(org.band ?? '');
    expect(await byTestId('ente-result').count()).toBe(org.entePerformance === null ? 0 : 1);

    // The grade rests on part of the objectives, and the card and Riepilogo say on how many.
    expect(org.objectives).toBeLessThan(org.objectivesTotal);
    expect(await byTestId('org-result').getByTestId('coverage').textContent()).toMatch(new RegExp(`^su ${org.objectives} di ${org.objectivesTotal} obiettivi · peso valutato `));
    expect(await byTestId('org-result').getByTestId('coverage-partial').textContent()).toBe('Parziale');

    // The outputs and the summary are written: the view shows the Riepilogo sheet.
    await byTestId('sheet-tab').and(page.locator(`[data-sheet="${SUMMARY_SHEET.it}"]`)).waitFor();
    await byTestId('sheet-tab').and(page.locator(`[data-sheet="${SUMMARY_SHEET.it}"]`)).click();
    const summaryGrid = byTestId('sheet-grid').and(page.locator(`[data-sheet="${SUMMARY_SHEET.it}"]`));
    await summaryGrid.waitFor({ timeout: ACTION_TIMEOUT });
    expect(await summaryGrid.textContent()).toContain(`Parziale: ${org.objectives} di ${org.objectivesTotal} obiettivi`);
    await shot('05-compute');
    await byTestId('preview-pane').screenshot({ path: SCREENSHOT });
    expect((await fs.stat(SCREENSHOT)).size).toBeLessThan(200 * 1024);
  });

  it('switches the pane and the preview to English and back', async () => {
    await byTestId('lang-switch').click();
    await eventually(() => byTestId('tab-check').textContent(), message('ui-tab-check', {}, 'en'));
    expect(await byTestId('tab-compute').textContent()).toBe(message('ui-tab-compute', {}, 'en'));
    await eventually(() => byTestId('preview-banner').textContent(), message('preview-banner', {}, 'en'));
    expect(await byTestId('btn-open-xlsx').textContent()).toBe(message('preview-open-xlsx', {}, 'en'));
    await shot('06-english');

    await byTestId('lang-switch').click();
    await eventually(() => byTestId('tab-check').textContent(), message('ui-tab-check', {}, 'it'));
    await eventually(() => byTestId('preview-banner').textContent(), message('preview-banner', {}, 'it'));
  });

  it('imports a fixture JSON and Verifica shows its known problems', async () => {
    await importPlan(FIXTURE);

    await openTab('check');
    await byTestId('btn-validate').click();
    // Phase «progress» typed as text in the source plan: an error on the Fasi sheet.
    const notANumber = byTestId('finding-item').and(page.locator(`[data-rule="not-a-number"][data-sheet="${PHASES.sheet.it}"]`));
    await notANumber.first().waitFor({ timeout: ACTION_TIMEOUT });
    expect(await notANumber.first().getAttribute('data-severity')).toBe('errore');
    const cell = await notANumber.first().getAttribute('data-cell');
    await notANumber.first().click();
    await eventually(() => highlighted(), { sheet: PHASES.sheet.it, cell });
    await shot('07-import');
  });

  it('opens an .xlsx from disk, computes it and downloads a file the CLI scores the same', async () => {
    await byTestId('input-open-xlsx').setInputFiles(demoXlsx);
    await eventually(() => byTestId('preview-notice').getAttribute('data-intent'), 'success');
    await byTestId('sheet-tab').and(page.locator('[data-sheet="Obiettivi"]')).waitFor();

    await calcola();
    expect(Number(await byTestId('org-result').getAttribute('data-grade'))).toBeCloseTo(cli.organization!.grade!, 9);

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('btn-download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(path.basename(demoXlsx));
    const saved = path.join(work, 'downloaded.xlsx');
    await download.saveAs(saved);
    const again = await scoreThroughCli(saved);
    expect(again.organization).toEqual(cli.organization);
    expect(again.units).toEqual(cli.units);
    await shot('08-opened-xlsx');
  });

  it('Persone shows the pots, the distribution by class and a person’s scheda as the engine computes them', async () => {
    await importPlan(payJson);
    await calcola();

    await openTab('people');
    await byTestId('fund-card').first().waitFor({ timeout: ACTION_TIMEOUT });
    const funds = await byTestId('fund-card').evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-fund'), Number(c.getAttribute('data-paid'))]));
    expect(funds).toEqual(pay.funds.map((f) => [f.code, f.paid]));
    // PROD's classes: everyone of the pot (five evaluated) in one of them.
    const prod = byTestId('fund-card').and(page.locator('[data-fund="PROD"]'));
    const classPeople = await prod.getByTestId('class-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-people'))));
    expect(classPeople.reduce((a, n) => a + n, 0)).toBe(5);

    const m1 = pay.people[0];
    await byTestId('person-select').selectOption('M1');
    const scheda = byTestId('scheda').and(page.locator('[data-person="M1"]'));
    await scheda.waitFor({ timeout: ACTION_TIMEOUT });
    expect(Number(await scheda.getAttribute('data-score'))).toBe(m1.score);
    expect(Number(await scheda.getAttribute('data-total'))).toBe(m1.total);
    const components = await scheda.getByTestId('scheda-component').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-component'), Number(r.getAttribute('data-grade'))]));
    expect(components.map(([c]) => c)).toEqual(['ente', 'struttura', 'obiettivi', 'apporto', 'comportamenti']);
    components.forEach(([c, grade]) => expect(grade).toBeCloseTo(m1.components[c as keyof typeof m1.components] as number, 9));
    const pots = await scheda.getByTestId('scheda-pot').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-fund'), Number(r.getAttribute('data-total'))]));
    expect(pots).toEqual(m1.pots.map((p) => [p.fund, p.total]));
    const trace = await scheda.getByTestId('scheda-trace').locator('li').allTextContents();
    expect(trace[0]).toBe('Profilo «Istruttori»');
    expect(trace[1]).toMatch(/^Punteggio = \(20 × .+\) \/ 100 = /);
    expect(trace[trace.length - 1]).toBe(`Totale di tutti i fondi: ${euro(m1.total, 'it')}`);
    await shot('11-people');
    // The README's picture shows the whole scheda, down to its Calcolo.
    try {
      await page.setViewportSize({ width: 1280, height: 1600 });
      await byTestId('preview-pane').screenshot({ path: PEOPLE_SCREENSHOT });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect((await fs.stat(PEOPLE_SCREENSHOT)).size).toBeLessThan(300 * 1024);
  });

  it('fits a 320 px window: the tabs on one line, the sheet view below the pane; narrower, more tabs move to a menu', async () => {
    const tabTops = (): Promise<number[]> =>
      byTestId('preview-pane').locator('[role="tab"][data-testid^="tab-"]').evaluateAll((tabs) =>
        tabs.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => Math.round(t.getBoundingClientRect().top)),
      );
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      const atWidth = (await tabTops()).length;
      expect(atWidth).toBeGreaterThanOrEqual(4);
      expect(new Set(await tabTops()).size).toBe(1);
      // Six sections: what does not fit is in the «more» menu, nothing is lost.
      const inMenu = (await byTestId('tab-more').count()) === 0 ? 0 : Number(await byTestId('tab-more').getAttribute('data-count'));
      expect(atWidth + inMenu).toBe(6);
      const pane = await byTestId('preview-pane').boundingBox();
      const sheets = await byTestId('sheet-view').boundingBox();
      expect(sheets!.width).toBeGreaterThanOrEqual(300);
      expect(sheets!.y).toBeGreaterThanOrEqual(pane!.y + pane!.height - 1);
      await shot('09-320px');

      await page.setViewportSize({ width: 250, height: 800 });
      await byTestId('tab-more').waitFor({ timeout: ACTION_TIMEOUT });
      // With six sections the menu is there already at 320 px: wait for the overflow to measure
      // the narrower bar (a ResizeObserver callback) rather than reading the tabs before it ran.
      await eventually(async () => (await tabTops()).length < atWidth, true);
      expect(new Set(await tabTops()).size).toBe(1);
      await byTestId('tab-more').click();
      await byTestId('tab-menu-exchange').click();
      await eventually(() => byTestId('tab-exchange').getAttribute('aria-selected'), 'true');
      await byTestId('input-import').waitFor({ state: 'attached', timeout: ACTION_TIMEOUT });
      await shot('10-250px-menu');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
