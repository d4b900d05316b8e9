/// <reference types="office-js" />
/**
 * The ExcelApi requirement sets the adapter needs. The manifest's <Requirements> names
 * REQUIRED_EXCEL_API; anything newer is checked at run time and the feature is skipped without it.
 *
 * What needs which set (the highest wins):
 * - 1.13 `Table.resize` (writeRows: the table body grows or shrinks to the rows written);
 * - 1.9  `Application.suspendScreenUpdatingUntilNextSync`;
 * - 1.8  `Runtime.enableEvents`, `Range.dataValidation` (dropdown lists);
 * - 1.7  `Worksheet.getRangeByIndexes`, `Workbook.properties.custom` (the calculation stamp),
 *        `NamedItem.formula` (a name redefined), `ChartSeries.setXAxisValues`, `ChartSeriesCollection.add`, `ChartSeries.setValues`;
 * - 1.6  `Application.suspendApiCalculationUntilNextSync`, `Range.conditionalFormats` and their
 *        `clearAll` (band colours);
 * - 1.4  `getItemOrNullObject`, `Range.getIntersectionOrNullObject`, `Range.getUsedRangeOrNullObject`,
 *        `Workbook.names.add`;
 * - 1.2  `Worksheet.protection`, `RangeFormat.columnWidth`;
 * - 1.1  tables, ranges, values, formulas, number formats, fills, charts, `Worksheet.activate`,
 *        `Range.select`.
 * Optional: 1.18 `Worksheet.notes` and `Workbook.notes` (header notes such as «calcolato», and the
 * notes of cells holding a value where a formula cannot say the rule).
 */
export const REQUIRED_EXCEL_API = '1.13';
export const NOTES_EXCEL_API = '1.18';

/** Whether the running Excel offers an ExcelApi set; false outside Office. */
export function officeSupports(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}
