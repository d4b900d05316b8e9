import { runWorkbookPortContract } from '../contract';
import { officeUnderTest } from './foreign';

runWorkbookPortContract('office (Excel double)', async () => officeUnderTest());
