/**
 * The page setup every sheet got from Traguardo before pages were chosen sheet by sheet: A4
 * landscape, fitted to one page wide and as many tall as the rows need, the narrow
 * `PRINT_MARGINS`, the header row repeated on every page and no column repeated. A sheet still
 * set up exactly so was never changed by its user, so «Crea o aggiorna i fogli» and `init` may give
 * it the page chosen for it now (WorkbookChange `setPage`); any other setup is the user's.
 */
import { PRINT_MARGINS, type PrintPage } from './port';

/** The paper, orientation and fit of that setup, as a `PrintPage`. */
export const LEGACY_PAGE: PrintPage = { paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } };

/** Whether `page` is LEGACY_PAGE: a sheet given it keeps the setup it has. */
export function isLegacyChoice(page: PrintPage): boolean {
  return page.paper === 'A4' && page.orientation === 'landscape' && 'pagesWide' in page.fit && page.fit.pagesWide === 1 && page.titleColumns === undefined;
}

/** A sheet's page setup as a port reads it. */
export interface PageSetupSeen {
  /** Null for any paper other than these (Letter, Legal …). */
  paper: 'A4' | 'A3' | null;
  orientation: 'portrait' | 'landscape';
  /** Pages across and tall when fitted to pages (0 tall: as many as the rows need); null when printed at a scale. */
  fit: { wide: number; tall: number } | null;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number };
  /** 1-based rows repeated at the top of every page, null when none. */
  titleRows: { from: number; to: number } | null;
  /** Whether columns are repeated at the left of every page. */
  titleColumns: boolean;
}

/** Margins are read back through points (Office) or decimal text (files written by other programs). */
const MARGIN_TOLERANCE = 0.005;

/** Whether `seen` is the setup older Traguardo wrote on a sheet whose header is on row `titleRow`. */
export function isLegacyPage(seen: PageSetupSeen, titleRow: number): boolean {
  const margins = (['left', 'right', 'top', 'bottom'] as const).every((side) => Math.abs(seen.margins[side] - PRINT_MARGINS[side]) < MARGIN_TOLERANCE);
  return (
    seen.paper === 'A4' &&
    seen.orientation === 'landscape' &&
    seen.fit !== null &&
    seen.fit.wide === 1 &&
    seen.fit.tall === 0 &&
    margins &&
    seen.titleRows !== null &&
    seen.titleRows.from === titleRow &&
    seen.titleRows.to === titleRow &&
    !seen.titleColumns
  );
}

/**
 * The rows of a print-titles reference such as `Obiettivi!$1:$1`, `'Fasi 2'!$A:$B,'Fasi 2'!$1:$1`
 * or `$A$1:$XFD$1`: the first part that names rows; null when none does.
 */
export function titleRowsOf(reference: string): { from: number; to: number } | null {
  for (const part of reference.split(',')) {
    const range = part.slice(part.lastIndexOf('!') + 1);
    const match = /^\$?[A-Z]{0,3}\$?(\d+):\$?[A-Z]{0,3}\$?(\d+)$/.exec(range.trim());
    if (match && (/^\$?\d/.test(range.trim()) || /XFD\$?\d+$/.test(range))) return { from: Number(match[1]), to: Number(match[2]) };
  }
  return null;
}

/** Whether a print-titles reference repeats columns (`$A:$A`, or a range from row 1 to the last row). */
export function repeatsColumns(reference: string): boolean {
  return reference.split(',').some((part) => {
    const range = part.slice(part.lastIndexOf('!') + 1).trim();
    return /^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(range) || /^\$?[A-Z]{1,3}\$?1:\$?[A-Z]{1,3}\$?1048576$/.test(range);
  });
}
