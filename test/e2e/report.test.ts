/**
 * «Scarica la relazione (.docx)» in the browser preview, in real Chromium: the pane builds the
 * document with the same code as `traguardo relazione` (fflate instead of zlib for the zip), so
 * the downloaded document's body is the CLI's, and it holds every objective with the grades of
 * `score --json`.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { ResultsDocument } from '../../src/actions/resultsJson';
import { descendantsOf, parseXml, type Namespace } from '../../src/workbook/xlsx/xml';
import { run } from '../support/cliRun';
import { documentXml } from '../support/package';
import { typeMonitoringNote } from '../support/foreignWriters';
import { OUTPUT_DIR, demoThroughCli, openPreview, type OpenPreview } from './harness';

const W: Namespace = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main'];
const ACTION_TIMEOUT = 30_000;

let work: string;
let preview: OpenPreview | undefined;
let page: Page;
let pageErrors: string[] = [];
let demoXlsx: string;
let results: ResultsDocument;

const byTestId = (id: string): Locator => page.getByTestId(id);
const printed = (g: number): string => (Math.round(g * 100 + 1e-9) / 100).toFixed(2).replace('.', ',');

/** The day of generation is the only thing two runs on different days may differ in. */
const withoutGenerationDay = (xml: string): string => xml.replace(/Traguardo il \d\d\/\d\d\/\d{4}/, 'Traguardo il …');

beforeAll(async () => {
  await fs.mkdir(OUTPUT_DIR, { recursive: true });
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-e2e-report-'));
  ({ xlsx: demoXlsx, results } = await demoThroughCli(work));
  preview = await openPreview(path.join(work, 'dist'), { readyTimeout: ACTION_TIMEOUT, consoleErrors: true });
  ({ page, pageErrors } = preview);
}, 240_000);

afterAll(async () => {
  await preview?.close();
  if (work) await fs.rm(work, { recursive: true, force: true });
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

describe('the Relazione from the pane', () => {
  it('downloads a .docx whose body is the CLI’s, with every objective and its final grade from score --json', async () => {
    await byTestId('input-open-xlsx').setInputFiles(demoXlsx);
    await byTestId('sheet-tab').and(page.locator('[data-sheet="Obiettivi"]')).waitFor({ timeout: ACTION_TIMEOUT });
    await byTestId('tab-compute').click();

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: ACTION_TIMEOUT }), byTestId('btn-report').click()]);
    expect(download.suggestedFilename()).toBe('relazione-performance-2023.docx');
    const saved = path.join(work, 'pane.docx');
    await download.saveAs(saved);
    await byTestId('message-text').waitFor({ timeout: ACTION_TIMEOUT });
    expect(await byTestId('message-text').textContent()).toBe('Relazione pronta: «relazione-performance-2023.docx».');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'report-download.png') });

    const paneXml = documentXml(await fs.readFile(saved));
    const cliDocx = path.join(work, 'cli.docx');
    await run('relazione', demoXlsx, '-o', cliDocx);
    expect(withoutGenerationDay(paneXml)).toBe(withoutGenerationDay(documentXml(await fs.readFile(cliDocx))));

    // Each objective's section: the paragraphs from its Heading 3 to the next heading.
    const body = parseXml(paneXml);
    const sections = new Map<string, string>();
    let current: string | null = null;
    for (const p of descendantsOf(body, W, 'p')) {
      const style = descendantsOf(p, W, 'pStyle')[0]?.attributes.find((a) => a.local === 'val')?.value ?? '';
      const text = descendantsOf(p, W, 't').map((t) => t.text).join('');
      if (style.startsWith('Heading')) {
        current = style === 'Heading3' ? text : null;
        if (current !== null) sections.set(current.split(' — ')[0], '');
      } else if (current !== null) {
        const code = current.split(' — ')[0];
        sections.set(code, `${sections.get(code)}\n${text}`);
      }
    }
    const objectives = results.objectives ?? [];
    expect([...sections.keys()]).toEqual(expect.arrayContaining(objectives.map((o) => o.code)));
    for (const o of objectives) {
      if (o.finalGrade !== null) expect(sections.get(o.code as string)).toContain(printed(o.finalGrade));
    }
  }, 120_000);

  it('by missione e programma: the chapters follow the budget structure', async () => {
    await byTestId('report-by-mission').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: ACTION_TIMEOUT }), byTestId('btn-report').click()]);
    const xml = documentXml(await fs.readFile(await download.path()));
    expect(xml).toContain('>Obiettivi per missione e programma</w:t>');
    expect(xml).toContain('>Missione 1 · Programma 2</w:t>');
  }, 120_000);

  it('as of a date recorded in Monitoraggi: the CLI’s relazione --al, with the Nota written at that date under its objective', async () => {
    const recorded = path.join(work, 'monitorato.xlsx');
    await fs.copyFile(demoXlsx, recorded);
    expect((await run('monitora', recorded, '--al', '30/06/2023')).code).not.toBe(2);
    typeMonitoringNote(recorded, { date: '2023-06-30', kind: 'Indicatore', code: 'RIS-5.I1', note: 'Ruoli in ritardo' });

    await byTestId('input-open-xlsx').setInputFiles(recorded);
    await byTestId('tab-compute').click();
    // The recorded dates are offered once Calcola has read them.
    await byTestId('btn-compute').click();
    await byTestId('report-date').waitFor({ timeout: ACTION_TIMEOUT });
    await byTestId('report-by-unit').click();
    await byTestId('report-date').selectOption('2023-06-30');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: ACTION_TIMEOUT }), byTestId('btn-report').click()]);
    const paneXml = documentXml(await fs.readFile(await download.path()));
    expect(paneXml).toContain('>Risultati alla data del 30/06/2023</w:t>');
    expect(paneXml).toContain('>Note del monitoraggio al 30/06/2023: </w:t>');
    expect(paneXml).toContain('>RIS-5.I1: Ruoli in ritardo</w:t>');

    const cliDocx = path.join(work, 'cli-giugno.docx');
    await run('relazione', recorded, '-o', cliDocx, '--al', '30/06/2023');
    expect(withoutGenerationDay(paneXml)).toBe(withoutGenerationDay(documentXml(await fs.readFile(cliDocx))));
  }, 120_000);
});
