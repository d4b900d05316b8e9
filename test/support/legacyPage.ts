/** Workbooks as an older Traguardo laid them out, before pages were chosen sheet by sheet. */
import { buildDemoRaw } from '../../src/demo/demo';
import { LEGACY_PAGE } from '../../src/workbook/legacyPage';
import { importChanges } from '../../src/workbook/outputs';
import type { WorkbookChange } from '../../src/workbook/port';

/**
 * The demo laid out as an older Traguardo did: the same tables and rows, every sheet on
 * LEGACY_PAGE (the xlsx writer then writes exactly what the old one did: fitToPage, paperSize 9,
 * landscape, fitToWidth 1, fitToHeight 0, PRINT_MARGINS, Print_Titles of the header row).
 */
export function legacyDemo(): WorkbookChange[] {
  return importChanges(buildDemoRaw(), 'it').map((c) => (c.kind === 'sheetSetup' ? { ...c, page: LEGACY_PAGE } : c));
}

