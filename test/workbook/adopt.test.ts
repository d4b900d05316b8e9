/**
 * `adopt` puts a fragment Traguardo writes into a part whose prefixes it does not choose. A tag
 * taken back from the part (an earlier run's `pageSetup`, with its own `xmlns:r`) must not get the
 * declaration twice: openpyxl writes its sheets without `r` on the root, and the second `score` on
 * such a file made every sheet malformed.
 */
import { SaxesParser } from 'saxes';
import { adopt, MAIN_R_BINDINGS } from '../../src/workbook/xlsx/xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function parses(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(`<worksheet xmlns="${MAIN}">${xml}</worksheet>`).close();
}

test('declares r once on a fresh tag where the root does not bind it', () => {
  const out = adopt('<pageSetup r:id="rId3" orientation="landscape"/>', { '': MAIN }, MAIN_R_BINDINGS);
  expect(out.match(/xmlns:r=/g)).toHaveLength(1);
  parses(out);
});

test('adopting the tag again (a second run) keeps one declaration', () => {
  const once = adopt('<pageSetup orientation="landscape"/>', { '': MAIN }, MAIN_R_BINDINGS);
  const twice = adopt(once, { '': MAIN }, MAIN_R_BINDINGS);
  expect(twice.match(/xmlns:r=/g)).toHaveLength(1);
  expect(twice).toContain(`xmlns:r="${R}"`);
  parses(twice);
});
