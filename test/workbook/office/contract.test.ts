import { runWorkbookPortContract } from '../contract';
import { officeUnderTest } from './foreign';

/**
 * The port refuses a sheet it knows to be protected before writing (`workbook-sheet-protected`);
 * a sheet protected since it last looked is refused by Excel at the sync
 * (`office-sheet-protected`, workbook/office/failures.ts), which names no sheet.
 */
runWorkbookPortContract('office (Excel double)', async () => officeUnderTest(), () => ({
  name: 'UserError',
  key: expect.stringMatching(/^(workbook|office)-sheet-protected$/),
}));
