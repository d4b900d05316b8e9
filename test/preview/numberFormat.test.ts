import { formatNumberAs } from '../../src/preview/numberFormat';
import { numberFormat } from '../../src/workbook/cellFormats';

describe('formatNumberAs', () => {
  it('gives a grade the decimals of its percent format, with the language’s decimal mark', () => {
    expect(formatNumberAs(78.33333333, '0.00', 'it')).toBe('78,33');
    expect(formatNumberAs(78.33333333, '0.00', 'en')).toBe('78.33');
    expect(formatNumberAs(78.35, numberFormat('percent', 1), 'it')).toBe('78,4');
    expect(formatNumberAs(78.5, numberFormat('percent', 0), 'it')).toBe('79');
    expect(formatNumberAs(7, numberFormat('integer'), 'en')).toBe('7');
  });

  it('rounds half away from zero on the 15-digit decimal, as Excel does, not on the binary value', () => {
    expect(formatNumberAs(1.005, '0.00', 'it')).toBe('1,01');
    expect(formatNumberAs(-2.5, '0', 'en')).toBe('-3');
    expect(formatNumberAs(0.05, '0.00', 'en')).toBe('0.05');
  });

  it('groups thousands in points and euro: dot in Italian, comma in English', () => {
    expect(formatNumberAs(16285.714286, '#,##0.00', 'it')).toBe('16.285,71');
    expect(formatNumberAs(16285.714286, '#,##0.00', 'en')).toBe('16,285.71');
    expect(formatNumberAs(465863.915474, numberFormat('euro'), 'it')).toBe('465.863,92 €');
    expect(formatNumberAs(1234567.5, numberFormat('euro'), 'en')).toBe('1,234,567.50 €');
    expect(formatNumberAs(-999.999, numberFormat('points'), 'it')).toBe('-1.000,00');
    expect(formatNumberAs(12, numberFormat('points'), 'it')).toBe('12,00');
  });

  it('reads a serial number under the date format as a day, in both languages', () => {
    expect(formatNumberAs(45291, 'dd/mm/yyyy', 'it')).toBe('31/12/2023');
    expect(formatNumberAs(45291.75, 'dd/mm/yyyy', 'en')).toBe('31/12/2023');
    expect(formatNumberAs(45352, numberFormat('date'), 'it')).toBe('01/03/2024');
  });

  it('shows General, text and any other code as General: up to 10 significant digits, no grouping', () => {
    expect(formatNumberAs(20565.176470588234, 'General', 'it')).toBe('20565,17647');
    expect(formatNumberAs(4950, undefined, 'en')).toBe('4950');
    expect(formatNumberAs(0.1 + 0.2, '@', 'en')).toBe('0.3');
    expect(formatNumberAs(2.5, '[Red]0.0;(0.0)', 'it')).toBe('2,5');
  });
});
