import { dayNumber, formatIsoDate } from '../../src/rules/dates';

describe('dayNumber', () => {
  test('counts days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
  test('differences are whole days across daylight-saving changes', () => {
    expect(dayNumber('2023-03-27')! - dayNumber('2023-03-25')!).toBe(2);
    expect(dayNumber('2023-10-30')! - dayNumber('2023-10-28')!).toBe(2);
    expect(dayNumber('2023-07-10')! - dayNumber('2023-06-30')!).toBe(10);
  });
  test('leap days exist only in leap years', () => {
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('1900-02-29')).toBeNull();
    expect(dayNumber('2000-02-29')).not.toBeNull();
  });
  test.each(['', '2023-13-01', '2023-04-31', '2023-00-10', '31/12/2023', '2023-1-01', '2023-01-01T00:00', '0099-01-01', 'abcd-ef-gh'])(
    '%p is not a date',
    (text) => {
      expect(dayNumber(text)).toBeNull();
    },
  );
  test('null is no date', () => {
    expect(dayNumber(null)).toBeNull();
  });
});

describe('formatIsoDate', () => {
  test('writes dd/mm/yyyy', () => {
    expect(formatIsoDate('2023-06-30')).toBe('30/06/2023');
  });
  test('leaves text that is not a date as it is', () => {
    expect(formatIsoDate('giugno')).toBe('giugno');
  });
});
