/** Bands in tests as users see them: the engine publishes a band's index, the edges show its label. */
import { bandFor, bandLabel } from '../../src/rules/bands';
import { defaultBands, type Band } from '../../src/schema/model';

/** `bandFor` with the band shown as its label. */
export function shownBand(grade: number | null, bands: readonly Band[], decimals: number): { band: string | null; reward: number | null } {
  const { band, reward } = bandFor(grade, bands, decimals);
  return { band: bandLabel(bands, band), reward };
}

/** The index of a default band (SPEC §3.4) by its label. */
export function defaultBand(label: string): number {
  const index = defaultBands().findIndex((b) => b.label === label);
  if (index < 0) throw new Error(`no default band ${label}`);
  return index;
}
