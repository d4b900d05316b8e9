/** @jest-environment jsdom */
import { UserError } from '../../../src/errors';
import { officeHostServices } from '../../../src/taskpane/officeHost';
import { downloadBlob, officeLang, officeTheme } from '../../../src/workbook/office/host';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { REQUIRED_EXCEL_API } from '../../../src/workbook/office/requirements';

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

function stubOffice(supported: string[], displayLanguage: string, bodyBackgroundColor: string): void {
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      displayLanguage,
      officeTheme: { bodyBackgroundColor },
      requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && supported.includes(version) },
    },
  };
}

describe('Office host services', () => {
  it('language: English for any en-* display language, Italian otherwise', () => {
    expect(['en-US', 'en-GB', 'EN', 'it-IT', 'de-DE', 'eng', undefined].map(officeLang)).toEqual(['en', 'en', 'en', 'it', 'it', 'it', 'it']);
  });

  it('theme: dark when the pane background is dark', () => {
    expect(['#1F1F1F', '#292929', '#FFFFFF', '#E6E6E6', 'bad', undefined].map((c) => officeTheme(c === undefined ? undefined : { bodyBackgroundColor: c }))).toEqual([
      'dark',
      'dark',
      'light',
      'light',
      'light',
      'light',
    ]);
  });

  it('gives the Office.js port, the language and the theme of Office', async () => {
    stubOffice([REQUIRED_EXCEL_API], 'en-US', '#262626');
    const services = await officeHostServices();
    expect(services.kind).toBe('office');
    expect(services.port).toBeInstanceOf(OfficeWorkbook);
    expect(services.lang).toBe('en');
    expect(services.theme).toBe('dark');
  });

  it('refuses an Excel without the required ExcelApi set, saying which one', async () => {
    stubOffice(['1.1'], 'it-IT', '#FFFFFF');
    await expect(officeHostServices()).rejects.toEqual(new UserError('office-api-unsupported', { version: REQUIRED_EXCEL_API }));
  });

  it('downloads through a temporary link with the file name', () => {
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:traguardo';
    };
    URL.revokeObjectURL = () => undefined;
    const clicked: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadBlob('calenzano-2023.json', new Blob(['{}']), 'application/json');
    expect(clicked).toEqual([{ href: 'blob:traguardo', download: 'calenzano-2023.json' }]);
    expect(created[0].type).toBe('application/json');
    expect(document.querySelectorAll('a')).toHaveLength(0);
    click.mockRestore();
  });
});
