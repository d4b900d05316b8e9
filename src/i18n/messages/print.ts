import type { Catalog } from '../index';

/** The printed header and footer of every sheet (workbook/layout.ts `sheetSetup`). */
export const printMessages: Catalog = {
  'print-page': { it: 'Pagina {page} di {pages}', en: 'Page {page} of {pages}' },
  'print-calculated': { it: 'Calcolato il {date}', en: 'Calculated on {date}' },
  'print-not-calculated': { it: 'Non ancora calcolato', en: 'Not calculated yet' },
};
