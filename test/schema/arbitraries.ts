/** fast-check arbitraries shared by the schema tests. */
import fc from 'fast-check';
import type { CellValue } from '../../src/schema/raw';

/** Excel error values as ExcelJS and Office.js report them, in Italian and English. */
export const excelErrorText = fc.constantFrom('#RIF!', '#REF!', '#N/D', '#N/A', '#DIV/0!', '#VALORE!', '#VALUE!', '#NOME?', '#NAME?', '#NUM!', '#NULLO!', '#NULL!');

/** Any value a cell (or a careless caller) can hand over. */
export const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.fullUnicodeString(),
  fc.constantFrom('=SOMMA(A1)', '+1', '-', '@x', '<p>a</p>', '&nbsp;', '1.750', '1.234,56', '30 %', '31/02/2023', '31 dicembre 2023', 'SI', 'Sì', 'X', '✓', 'in parte 40%', 'Numero', 'SI/NO', 'Esecutivo', ' ', ''),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 45291, 60, 2958466),
  fc.boolean(),
  fc.date(),
  fc.constant(new Date(NaN)),
  excelErrorText.map((error) => ({ error })),
  fc.double().map((percent) => ({ percent })),
  fc.constantFrom(null, undefined),
);

