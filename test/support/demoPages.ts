/**
 * How each sheet of the demo workbook prints, as `paper orientation fit [repeated columns]`: fitted
 * one page across (`1`) or printed at a scale. One expectation for the xlsx file read by openpyxl
 * (test/cli/print.test.ts) and for the Office.js and memory ports (test/workbook/formats.test.ts).
 */
export const DEMO_PAGES: Readonly<Record<string, string>> = {
  Strutture: 'A4 landscape 1',
  Obiettivi: 'A3 landscape 56 % $A:$A',
  // Two pages across either way: portrait pages hold more rows.
  Indicatori: 'A3 portrait 56 % $A:$A',
  Fasi: 'A3 landscape 56 %',
  Pesatura: 'A4 portrait 1',
  // 66 % portrait: its 48 rows on one page, two landscape.
  Personale: 'A4 portrait 1',
  Persone: 'A3 landscape 56 %',
  Schede: 'A4 portrait 1',
  Voci: 'A4 portrait 1',
  // 260 rows: four pages at the 76 % its width allows, three at 56 %.
  Valutazioni: 'A4 portrait 56 %',
  Fondi: 'A4 landscape 1',
  Classi: 'A4 portrait 1',
  Coefficienti: 'A4 portrait 1',
  Monitoraggi: 'A4 landscape 1',
  Regole: 'A4 landscape 1',
  Riepilogo: 'A4 landscape 1',
  Premi: 'A4 portrait 1',
  Trasparenza: 'A4 portrait 1',
  'Riepilogo DUP': 'A4 portrait 1',
};
