/**
 * The headless core of Traguardo, free of Node and Office APIs: what the task pane, the ribbon
 * commands and other programs build on.
 */
export * from './schema/model';
export type { Finding, LocatedFinding, Severity, TableKey } from './schema/findings';
export type { CellValue, RawTables } from './schema/raw';
export { ALL_TABLES, DATA_TABLES } from './schema/tables';
export { readPlan } from './schema/read';
export { parseInterchange, toInterchange } from './schema/interchange';
export { interchangeJsonSchema } from './schema/zod';
export { validate } from './validation/validate';
export { blockedRows } from './validation/blocked';
export { score } from './engine/score';
export type * from './engine/results';
export { roundHalfUp } from './rules/rounding';
export type { WorkbookPort, TableData, WorkbookChange } from './workbook/port';
export { assessRaw, assessWorkbook, checkWithHistory, scoreWorkbook, scoreAssessment } from './actions/assess';
export { message, type Lang } from './i18n';
