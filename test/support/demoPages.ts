/**
 * How each sheet of the demo workbook prints, as `paper orientation fit [repeated columns]`: fitted
 * one page across (`1`) or printed at a scale. One expectation for the xlsx file read by openpyxl
 * (test/cli/print.test.ts) and for the Office.js and memory ports (test/workbook/formats.test.ts).
 * Each is the page of fewest pages (layout.ts printPlan).
 */
export const DEMO_PAGES: Readonly<Record<string, string>> = {
  Strutture: 'A4 landscape 1',
  // Two pages across on A3 landscape, two down: 48 rows of three lines.
  Obiettivi: 'A3 landscape 56 % $A:$A',
  // Two pages across either way: portrait pages hold more rows.
  Indicatori: 'A3 portrait 56 % $A:$A',
  // One page across, the room left given to Descrizione: three pages down.
  Fasi: 'A3 landscape 58 %',
  Pesatura: 'A4 portrait 1',
  // 66 % portrait: its 48 rows on one page, two landscape.
  Personale: 'A4 portrait 1',
  // 350 characters: one A3 landscape page across at 58 %.
  Persone: 'A3 landscape 1',
  Schede: 'A4 portrait 1',
  Voci: 'A4 portrait 1',
  // 260 one-line rows: two A3 portrait pages at 56 %, three A4 ones.
  Valutazioni: 'A3 portrait 56 %',
  Fondi: 'A4 landscape 1',
  Classi: 'A4 portrait 1',
  Coefficienti: 'A4 portrait 1',
  Monitoraggi: 'A4 landscape 1',
  Regole: 'A4 landscape 1',
  Riepilogo: 'A4 landscape 1',
  // 92 rows: one A3 portrait page from 78 % down (72 % leaves a tenth to spare), two A4 ones.
  Premi: 'A3 portrait 72 %',
  Trasparenza: 'A3 landscape 1',
  'Riepilogo DUP': 'A4 portrait 1',
};
