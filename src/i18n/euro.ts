import type { Lang } from './index';

const LOCALE: Readonly<Record<Lang, string>> = { it: 'it-IT', en: 'en-GB' };

/** An amount in euro as the language writes it: «3281,52 €», «€3,281.52». */
export function euro(value: number, lang: Lang): string {
  return value.toLocaleString(LOCALE[lang], { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The amount alone, with two decimals and grouping, for a text that writes the € itself: 24.000,00 (it), 24,000.00 (en). */
export function euroAmount(value: number, lang: Lang): string {
  return value.toLocaleString(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });
}
