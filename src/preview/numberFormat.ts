/**
 * A number as Excel shows it under one of the number formats Traguardo writes (cellFormats.ts):
 * `General`, `@`, `0`, `0.0…0`, `#,##0.00`, `#,##0.00 "€"` and `dd/mm/yyyy`, in the workbook's
 * language (Italian 16.285,71; English 16,285.71). A closed set on purpose: the preview shows
 * Traguardo's own sheets, and any other code (a user's) gets the General rendering instead of a
 * guess at Excel's full format language.
 */
import type { Lang } from '../i18n';
import { DATE_FORMAT } from '../workbook/cellFormats';
import { serialToDate } from '../workbook/xlsx/cellXml';

/** Excel's General shows at most 11 characters: 10 significant digits cover the sheets' values. */
const GENERAL_DIGITS = 10;

/** Excel keeps 15 significant digits: rounding works on that decimal, not on the binary value. */
const EXCEL_DIGITS = 15;

const FIXED = /^0(?:\.(0+))?$/;
const GROUPED = /^#,##0(?:\.(0+))?$/;
const EURO = /^#,##0(?:\.(0+))? "€"$/;

interface Separators {
  decimal: string;
  group: string;
}

const SEPARATORS: Record<Lang, Separators> = { it: { decimal: ',', group: '.' }, en: { decimal: '.', group: ',' } };

const pad = (n: number): string => String(n).padStart(2, '0');

/** `value` with exactly `decimals` decimals, rounded half away from zero as Excel does (1.005 → 1.01). */
function fixed(value: number, decimals: number, grouped: boolean, lang: Lang): string {
  const abs = Math.abs(value);
  const scaled = Number(`${abs.toPrecision(EXCEL_DIGITS)}e${decimals}`);
  const digits = Number.isSafeInteger(Math.round(scaled)) ? String(Math.round(scaled)).padStart(decimals + 1, '0') : abs.toFixed(decimals).replace('.', '');
  const integer = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const { decimal, group } = SEPARATORS[lang];
  const whole = grouped ? integer.replace(/\B(?=(\d{3})+$)/g, group) : integer;
  const text = decimals > 0 ? `${whole}${decimal}${fraction}` : whole;
  return value < 0 && /[1-9]/.test(digits) ? `-${text}` : text;
}

/** General: up to 10 significant digits, trailing zeros dropped, no thousands separator. */
function general(value: number, lang: Lang): string {
  const text = String(Number(value.toPrecision(GENERAL_DIGITS)));
  return lang === 'it' ? text.replace('.', ',') : text;
}

/** The text of `value` under `code`; `code` outside Traguardo's set (or absent) reads as General. */
export function formatNumberAs(value: number, code: string | undefined, lang: Lang): string {
  if (!Number.isFinite(value)) return general(value, lang);
  if (code === DATE_FORMAT) {
    // A serial number under a date format is a date (a file's dates come back as serials).
    const date = serialToDate(Math.floor(value), false);
    return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  }
  const plain = code === undefined ? null : FIXED.exec(code);
  if (plain) return fixed(value, plain[1]?.length ?? 0, false, lang);
  const grouped = code === undefined ? null : GROUPED.exec(code);
  if (grouped) return fixed(value, grouped[1]?.length ?? 0, true, lang);
  const euro = code === undefined ? null : EURO.exec(code);
  if (euro) return `${fixed(value, euro[1]?.length ?? 0, true, lang)} €`;
  return general(value, lang);
}
