/// <reference types="office-js" />
/**
 * What the task pane receives when it runs inside Excel: the Office.js port, Office's display
 * language and theme, and downloads through a Blob URL.
 */
import { UserError } from '../errors';
import { recognisedNames } from '../workbook/headers';
import { downloadBlob, officeLang, officeTheme } from '../workbook/office/host';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { officeSupports, REQUIRED_EXCEL_API } from '../workbook/office/requirements';
import type { HostServices } from './host';

/**
 * The host services of the task pane in Excel. Rejects with `office-api-unsupported` when Excel
 * lacks the ExcelApi set of the manifest (an older Excel can still load the pane by URL).
 */
export async function officeHostServices(): Promise<HostServices> {
  await Office.onReady();
  if (!officeSupports(REQUIRED_EXCEL_API)) throw new UserError('office-api-unsupported', { version: REQUIRED_EXCEL_API });
  return {
    kind: 'office',
    port: new OfficeWorkbook({ recognises: recognisedNames() }),
    lang: officeLang(Office.context.displayLanguage),
    theme: officeTheme(Office.context.officeTheme),
    download: downloadBlob,
  };
}
