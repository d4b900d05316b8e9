/**
 * A workbook laid out by an older Traguardo — every sheet A4 landscape, one page wide, PRINT_MARGINS,
 * the header row repeated — gets the pages chosen sheet by sheet from «Crea o aggiorna i fogli» /
 * `init`; a sheet whose setup its user changed keeps it. The memory model and the Office double
 * here; the .xlsx port, with a file re-saved by openpyxl, in legacyPageXlsx.test.ts.
 */
import { createOrUpgradeSheets, pageChoices } from '../../src/actions/sheets';
import { buildDemoRaw } from '../../src/demo/demo';
import { legacyDemo } from '../support/legacyPage';
import { isLegacyPage, LEGACY_PAGE, repeatsColumns, titleRowsOf, type PageSetupSeen } from '../../src/workbook/legacyPage';
import { layoutOptionsFromRaw } from '../../src/workbook/layout';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { officeUnderTest } from './office/foreign';

const OLD: PageSetupSeen = {
  paper: 'A4',
  orientation: 'landscape',
  fit: { wide: 1, tall: 0 },
  margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6 },
  titleRows: { from: 1, to: 1 },
  titleColumns: false,
};

describe('recognising the page setup of an older Traguardo', () => {
  test('exactly the old setup is recognised, margins read back through points included', () => {
    expect(isLegacyPage(OLD, 1)).toBe(true);
    expect(isLegacyPage({ ...OLD, margins: { left: 21.6 / 72, right: 21.6 / 72, top: 43.2 / 72, bottom: 43.2 / 72 } }, 1)).toBe(true);
  });

  test.each<[string, Partial<PageSetupSeen>, number]>([
    ['portrait', { orientation: 'portrait' }, 1],
    ['A3', { paper: 'A3' }, 1],
    ['Letter', { paper: null }, 1],
    ['two pages wide', { fit: { wide: 2, tall: 0 } }, 1],
    ['one page tall too', { fit: { wide: 1, tall: 1 } }, 1],
    ['a set scale', { fit: null }, 1],
    ['wider left margin', { margins: { ...OLD.margins, left: 0.7 } }, 1],
    ['no repeated rows', { titleRows: null }, 1],
    ['two repeated rows', { titleRows: { from: 1, to: 2 } }, 1],
    ['a repeated column', { titleColumns: true }, 1],
    ['a header on row 3', {}, 3],
  ])('a setup the user changed is not: %s', (_, change, titleRow) => {
    expect(isLegacyPage({ ...OLD, ...change }, titleRow)).toBe(false);
  });

  test('print titles as Excel, openpyxl and Traguardo write them', () => {
    expect(titleRowsOf('Obiettivi!$1:$1')).toEqual({ from: 1, to: 1 });
    expect(titleRowsOf("'Fasi 2'!$A:$B,'Fasi 2'!$1:$2")).toEqual({ from: 1, to: 2 });
    expect(titleRowsOf('Obiettivi!A1:XFD1')).toEqual({ from: 1, to: 1 });
    expect(titleRowsOf('Obiettivi!$A:$A')).toBeNull();
    expect(titleRowsOf('')).toBeNull();
    expect(repeatsColumns("'Fasi 2'!$A:$B,'Fasi 2'!$1:$2")).toBe(true);
    expect(repeatsColumns('Obiettivi!A1:A1048576')).toBe(true);
    expect(repeatsColumns('Obiettivi!$1:$1')).toBe(false);
  });
});

describe('«Crea o aggiorna i fogli» on a workbook of an older Traguardo', () => {
  test('the pages chosen for the demo’s sheets', async () => {
    const port = new MemoryWorkbook();
    await port.apply(legacyDemo());
    const pages = new Map(pageChoices(await port.readTables(), 'it', layoutOptionsFromRaw(buildDemoRaw())).map((c) => [c.sheet, c.page]));
    expect(pages.get('Obiettivi')).toEqual({ paper: 'A3', orientation: 'landscape', fit: { scale: 56 }, titleColumns: { from: 1, to: 1 } });
    // As a new demo gets them (test/support/demoPages.ts), chosen from the same widths fitted to the rows.
    expect(pages.get('Indicatori')).toEqual({ paper: 'A3', orientation: 'portrait', fit: { scale: 56 }, titleColumns: { from: 1, to: 1 } });
    expect(pages.get('Fasi')).toEqual({ paper: 'A3', orientation: 'landscape', fit: { scale: 56 } });
    expect(pages.get('Valutazioni')).toEqual({ paper: 'A4', orientation: 'portrait', fit: { scale: 56 } });
    expect(pages.get('Pesatura')).toEqual({ paper: 'A4', orientation: 'portrait', fit: { pagesWide: 1 } });
    // Sheets whose page would be the old one again (the Regole tables' sheet, Fondi …) are left out.
    expect([...pages.keys()]).toEqual(['Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Persone', 'Schede', 'Voci', 'Valutazioni', 'Classi', 'Coefficienti']);
  });

  test('memory: an untouched sheet gets its page, a sheet the user set up keeps its own', async () => {
    const port = new MemoryWorkbook();
    await port.apply(legacyDemo());
    const user = port.sheetSetup('Indicatori')!;
    // The user printed Indicatori two pages wide.
    await port.apply([{ kind: 'sheetSetup', sheet: 'Indicatori', freeze: user.freeze, titleRows: user.titleRows!, header: user.header, footer: user.footer, page: { ...LEGACY_PAGE, fit: { pagesWide: 2 } } }]);
    // Eleven sheets get a page of their own (see above), Indicatori among them but for the user's change.
    expect(await createOrUpgradeSheets(port, 'it', 2023)).toEqual({ kind: 'upgraded', tables: 0, pages: 10 });
    expect(await createOrUpgradeSheets(port, 'it', 2023)).toEqual({ kind: 'up-to-date' });
    expect(port.sheetSetup('Obiettivi')?.page).toEqual({ paper: 'A3', orientation: 'landscape', fit: { scale: 56 }, titleColumns: { from: 1, to: 1 } });
    expect(port.sheetSetup('Indicatori')?.page).toEqual({ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 2 } });
    // Headers and footers are score's: the upgrade leaves them.
    expect(port.sheetSetup('Obiettivi')?.header).toEqual(user.header);
  });

  test('Office: the same, the page setups read in one sync', async () => {
    const { port, model } = officeUnderTest();
    await port.apply(legacyDemo());
    const obiettivi = model.sheet('Obiettivi')!.page!;
    expect(obiettivi).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$1' });
    // The user moved Indicatori's left margin in Excel.
    model.sheet('Indicatori')!.page!.margins.leftMargin = 50.4;
    model.syncs = [];
    expect(await createOrUpgradeSheets(port, 'it', 2023)).toEqual({ kind: 'upgraded', tables: 0, pages: 10 });
    expect(model.sheet('Obiettivi')!.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A3', zoom: { scale: 56 }, printTitleColumns: '$A:$A', printTitleRows: '$1:$1' });
    expect(model.sheet('Pesatura')!.page).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(model.sheet('Indicatori')!.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    // A second run finds nothing of the old setup left: it reads, and writes nothing.
    model.syncs = [];
    expect(await createOrUpgradeSheets(port, 'it', 2023)).toEqual({ kind: 'up-to-date' });
    expect(model.syncs.filter((s) => s.actions.some((a) => a.startsWith('set')))).toEqual([]);
  });
});
