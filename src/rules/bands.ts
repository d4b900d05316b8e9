/**
 * Bands (SPEC §3.4, Fasce): the band a grade falls in and the premio it gives.
 */
import type { Band } from '../schema/model';
import { roundHalfUp } from './rounding';
import { numberLiteral, stringLiteral } from './formulaText';

export interface BandResult {
  /** The band, as its index in the plan's bands (its label is the user's text, shown at the edges). */
  band: number | null;
  reward: number | null;
}

/**
 * The Fasce row with the largest `Da %` ≤ grade (the first such row when two share a `Da %`);
 * Premio % is the row's, or the grade itself capped at 100 when the row is proportional.
 * The grade is compared as shown (`Decimali`, SPEC §3): a grade displayed as 90,00 is in the 90
 * band, and a proportional premio is that shown grade.
 */
export function bandFor(grade: number | null, bands: readonly Band[], decimals: number): BandResult {
  if (grade === null) return { band: null, reward: null };
  const shown = roundHalfUp(grade, decimals);
  let best = -1;
  for (let b = 0; b < bands.length; b++) {
    const from = bands[b].from;
    if (!Number.isFinite(from) || from > shown) continue;
    if (best < 0 || from > bands[best].from) best = b;
  }
  if (best < 0) return { band: null, reward: null };
  const band = bands[best];
  // A proportional premio is the grade as shown, so that it lies inside its band (60,00 in the band from 60, never 59,995).
  return { band: best, reward: band.proportional ? Math.min(100, shown) : band.reward };
}

/** The label of band `index` of `bands`, as the workbook, the CLI and the pane show it. */
export function bandLabel(bands: readonly Band[], index: number | null): string | null {
  return index === null ? null : bands[index].label;
}

/** The reference to a band's `Da %`, `Etichetta` or `Premio %` cell in `Fasce`, null where the formula must carry the value. */
export type BandCells = (band: Band, key: 'from' | 'label' | 'reward') => string | null;

const NO_CELLS: BandCells = () => null;

/**
 * The band (label or premio) of the grade in cell `grade` as nested IFs from the highest `Da %`
 * down, compared as shown (`decimals` is the Decimali name); ties: the first row wins, as in `bandFor`.
 * Threshold, label and premio read their `Fasce` cells where `cells` gives one, so editing a band
 * moves the grades; the defaults of an empty `Fasce` are constants.
 */
export function bandFormula(grade: string, bands: readonly Band[], decimals: string, pick: 'label' | 'reward', cells: BandCells = NO_CELLS): string {
  const ordered = bands
    .map((band, index) => ({ band, index }))
    .filter(({ band }) => Number.isFinite(band.from))
    .sort((a, b) => b.band.from - a.band.from || a.index - b.index);
  const choice = (band: Band): string => {
    if (pick === 'label') return cells(band, 'label') ?? stringLiteral(band.label);
    if (band.proportional) return `MIN(100,ROUND(${grade},${decimals}))`;
    return band.reward === null ? '""' : cells(band, 'reward') ?? numberLiteral(band.reward);
  };
  let text = '""';
  for (let b = ordered.length - 1; b >= 0; b--) {
    const threshold = cells(ordered[b].band, 'from') ?? numberLiteral(ordered[b].band.from);
    text = `IF(ROUND(${grade},${decimals})>=${threshold},${choice(ordered[b].band)},${text})`;
  }
  return `IF(ISNUMBER(${grade}),${text},"")`;
}
