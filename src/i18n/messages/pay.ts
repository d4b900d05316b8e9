/** Messages of individual evaluation and result pay (SPEC §8): missing tables, validation §8.4, the computation's diagnostics. */
import type { Catalog } from '../index';

const ADD_IT = 'Aggiungerla con «Crea o aggiorna i fogli» nel riquadro di Traguardo, oppure con «traguardo init <file.xlsx>» dalla riga di comando.';
const ADD_EN = 'Add it with «Crea o aggiorna i fogli» in the Traguardo pane, or with «traguardo init <file.xlsx>» on the command line.';

export const payMessages: Catalog = {
  'table-missing-pay': {
    it: `Manca la tabella {table}: Persone ha delle righe, ma senza {table} i premi non si possono calcolare. ${ADD_IT}`,
    en: `The table {table} is missing: Persone has rows, but without {table} pay cannot be computed. ${ADD_EN}`,
  },
  'table-missing-pay-defaults': {
    it: `Manca la tabella {table}: i premi si calcolano come se fosse vuota (nessuna voce o valutazione; classe unica; coefficiente 1). ${ADD_IT}`,
    en: `The table {table} is missing: pay is computed as if it were empty (no items or evaluations; one class; coefficient 1). ${ADD_EN}`,
  },
};
