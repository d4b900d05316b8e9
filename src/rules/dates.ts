/**
 * Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`). Days are counted in UTC so that
 * daylight-saving changes and the machine's time zone never shift a result by one day.
 */
import type { IsoDate } from '../schema/model';

const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number at text[from, from + length) when all are ASCII digits, else -1. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Plans use few distinct days, each read for many phases and deadlines: each is counted once. */
const DAY_NUMBER_LIMIT = 10_000;
const dayNumbers = new Map<string, number | null>();

/** Days since 1970-01-01 of an ISO date, or null when the text is not a real calendar date. */
export function dayNumber(date: IsoDate | null): number | null {
  if (date === null) return null;
  let days = dayNumbers.get(date);
  if (days === undefined) {
    days = countDays(date);
    if (dayNumbers.size < DAY_NUMBER_LIMIT) dayNumbers.set(date, days);
  }
  return days;
}

function countDays(date: string): number | null {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return null;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  // Date.UTC reads years 0–99 as 1900–1999; no plan date is that old.
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthLength) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Plans use few distinct days, and deadline traces quote two per indicator: each is written once. */
const FORMATTED_LIMIT = 10_000;
const formatted = new Map<IsoDate, string>();

/** `2023-06-30` → `30/06/2023`: the way Italian documents (and en-GB) write dates. */
export function formatIsoDate(date: IsoDate): string {
  let text = formatted.get(date);
  if (text === undefined) {
    text = dayNumber(date) === null ? date : `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
    if (formatted.size < FORMATTED_LIMIT) formatted.set(date, text);
  }
  return text;
}
