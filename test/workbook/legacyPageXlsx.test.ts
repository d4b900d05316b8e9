/**
 * `traguardo init` on an .xlsx an older Traguardo laid out (every sheet A4 landscape, one page
 * wide): the sheets still so get the pages chosen sheet by sheet; a sheet whose setup the user
 * changed (here in openpyxl) keeps it. Setups as openpyxl reads them back.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createOrUpgradeSheets } from '../../src/actions/sheets';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { run } from '../support/cliRun';
import { python } from '../support/foreignWriters';
import { legacyDemo } from '../support/legacyPage';

/** Per sheet: paper, orientation, fit, scale, print titles and left margin, as openpyxl reads them. */
const PAGES = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    out[ws.title] = [ps.paperSize, ps.orientation, bool(pr and pr.fitToPage), ps.fitToWidth, ps.fitToHeight, ps.scale, ws.print_title_rows, ws.print_title_cols, ws.page_margins.left]
print(json.dumps(out))
`;

/** What the user does in openpyxl: Indicatori printed portrait, Fasi with a wider left margin. */
const USER_EDITS = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb['Indicatori'].page_setup.orientation = 'portrait'
wb['Fasi'].page_margins.left = 0.7
wb.save(sys.argv[2])
`;

type Page = [number | null, string | null, boolean, number | null, number | null, number | null, string | null, string | null, number];

const OLD: Page = [9, 'landscape', true, 1, 0, null, '$1:$1', null, 0.3];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-legacy-page-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function pagesOf(bytes: Uint8Array, name: string): Promise<Record<string, Page>> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return JSON.parse(python(PAGES, [file])) as Record<string, Page>;
}

async function initialised(bytes: Uint8Array, pages: number): Promise<Uint8Array> {
  const workbook = await XlsxWorkbook.load(bytes);
  expect(await createOrUpgradeSheets(workbook, 'it', 2023)).toEqual({ kind: 'upgraded', tables: 0, pages });
  return workbook.toBytes();
}

describe('init on an .xlsx of an older Traguardo', () => {
  let legacy: Uint8Array;
  beforeAll(async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply(legacyDemo());
    legacy = await workbook.toBytes();
  });

  test('the old setup as openpyxl reads it: A4 landscape, one page wide, header row repeated', async () => {
    const pages = await pagesOf(legacy, 'legacy.xlsx');
    for (const sheet of ['Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Regole']) expect([sheet, pages[sheet]]).toEqual([sheet, OLD]);
  });

  test('not edited since: every sheet gets its page; sheets whose page is the old one keep it', async () => {
    const pages = await pagesOf(await initialised(legacy, 11), 'upgraded.xlsx');
    expect(pages.Obiettivi).toEqual([8, 'landscape', false, null, null, 56, '$1:$1', '$A:$A', 0.3]);
    expect(pages.Indicatori).toEqual([8, 'portrait', false, null, null, 56, '$1:$1', '$A:$A', 0.3]);
    expect(pages.Fasi).toEqual([8, 'landscape', false, null, null, 56, '$1:$1', null, 0.3]);
    expect(pages.Pesatura).toEqual([9, 'portrait', true, 1, 0, null, '$1:$1', null, 0.3]);
    expect(pages.Regole).toEqual(OLD);
  });

  test('edited in openpyxl: the sheets the user set up keep their setup, the others are upgraded', async () => {
    const edited = path.join(dir, 'edited.xlsx');
    await fs.writeFile(path.join(dir, 'before-edit.xlsx'), legacy);
    python(USER_EDITS, [path.join(dir, 'before-edit.xlsx'), edited]);
    const before = await pagesOf(await fs.readFile(edited), 'edited-copy.xlsx');
    expect(before.Obiettivi).toEqual(OLD);
    const pages = await pagesOf(await initialised(await fs.readFile(edited), 9), 'edited-upgraded.xlsx');
    expect(pages.Indicatori).toEqual([9, 'portrait', true, 1, 0, null, '$1:$1', null, 0.3]);
    expect(pages.Fasi).toEqual([9, 'landscape', true, 1, 0, null, '$1:$1', null, 0.7]);
    // openpyxl rewrote every part, and the sheets it only carried over are still recognised.
    expect(pages.Obiettivi).toEqual([8, 'landscape', false, null, null, 56, '$1:$1', '$A:$A', 0.3]);
    expect(pages.Pesatura).toEqual([9, 'portrait', true, 1, 0, null, '$1:$1', null, 0.3]);
  });

  test('traguardo init saves the upgraded pages, says so, and a second run finds nothing to do', async () => {
    const file = path.join(dir, 'init.xlsx');
    await fs.writeFile(file, legacy);
    const first = await run('init', file);
    expect(first.code).toBe(0);
    expect(first.out).toBe(`Impostazione di stampa aggiornata su 11 fogli di ${file}, che avevano ancora quella di una versione precedente di Traguardo (A4 orizzontale, una pagina in larghezza); i fogli impostati a mano restano come sono.`);
    expect((await pagesOf(await fs.readFile(file), 'init-copy.xlsx')).Obiettivi).toEqual([8, 'landscape', false, null, null, 56, '$1:$1', '$A:$A', 0.3]);
    const second = await run('init', file);
    expect(second.out).toBe(`${file} ha già tutti i fogli e le colonne di Traguardo: nessuna modifica.`);
  });
});
