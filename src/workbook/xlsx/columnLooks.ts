/** How a column Traguardo declares looks in an .xlsx sheet: number format, output fill, dropdown, band colours. */
import { numberFormat, OUTPUT_FILL } from '../cellFormats';
import { DEFAULT_COLUMN_WIDTH } from '../layout';
import type { BandColour, ColumnSpec } from '../port';
import type { Worksheet } from './sheet';
import type { CellLook, StyleSheet } from './styles';
import { escapeXml } from './xml';

export const OUTPUT_ARGB = `FF${OUTPUT_FILL.slice(1).toUpperCase()}`;
/** Excel's default column width, for a column Traguardo formats without giving it a width. */
export const DEFAULT_WIDTH = DEFAULT_COLUMN_WIDTH;
/** Excel limits an inline dropdown list (`"a,b,c"`) to 255 characters. */
const MAX_INLINE_LIST = 255;

export function specKey(table: string, header: string): string {
  return `${table.trim().toLowerCase()}\u0000${header.trim().toLowerCase()}`;
}

export function dataLook(spec: ColumnSpec): CellLook {
  const look: CellLook = { numFmt: numberFormat(spec.format, spec.decimals), ...(spec.wrap ? { wrap: true } : {}) };
  return spec.output ? { ...look, fill: OUTPUT_ARGB } : look;
}

/** A dropdown on `sqref`; a list Excel cannot hold inline (over 255 characters, or with a comma) is left out. */
export function addList(sheet: Worksheet, sqref: string, items: readonly string[]): void {
  const list = `"${items.map((item) => item.replace(/"/g, '""')).join(',')}"`;
  if (list.length > MAX_INLINE_LIST + 2 || items.some((item) => item.includes(','))) return;
  sheet.addDataValidation(
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>${escapeXml(list)}</formula1></dataValidation>`,
  );
}

/**
 * Band colours on `range` (`E2:E40`): one rule per band, an expression on the range's first
 * cell that Excel shifts to every other cell, true for a number within [from, next band's from).
 */
export function addBands(styles: () => StyleSheet, sheet: Worksheet, range: string, colours: readonly BandColour[]): void {
  const bands = colours.map((b) => ({ from: b.from, argb: argb(b.color) })).filter((b) => b.argb !== undefined);
  if (bands.length === 0) return;
  bands.sort((a, b) => a.from - b.from);
  const cell = range.split(':')[0].replace(/\$/g, '');
  const sheetStyles = styles();
  sheet.addConditionalFormatting(range, (priority) =>
    bands
      .map((band, i) => {
        const next = bands[i + 1];
        const test = `AND(ISNUMBER(${cell}),${cell}>=${band.from}${next ? `,${cell}<${next.from}` : ''})`;
        return `<cfRule type="expression" dxfId="${sheetStyles.fillDxf(band.argb!)}" priority="${priority + i}"><formula>${escapeXml(test)}</formula></cfRule>`;
      })
      .join(''),
  );
}

/** `#RRGGBB`, `RRGGBB` or `AARRGGBB` as ARGB; undefined for anything else. */
function argb(color: string): string | undefined {
  const hex = color.trim().replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  return undefined;
}
