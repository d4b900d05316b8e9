import { hasMessage, message } from '../../src/i18n';
import { parseMessages } from '../../src/i18n/messages/parse';

/** Every rule the cell parsers and readPlan can emit. */
const RULES = [
  'converted',
  'not-a-number',
  'not-an-integer',
  'out-of-range',
  'not-a-date',
  'not-yes-no',
  'invalid-option',
  'cell-error',
  'not-a-text',
  'html-markup',
  'formula-like-text',
  'required',
  'type-missing',
  'target-missing',
  'target-not-a-value',
  'actual-not-a-value',
  'interchange-invalid',
];

test('every parse rule has an Italian and an English message, and nothing else is in the catalog', () => {
  expect(Object.keys(parseMessages).sort()).toEqual([...RULES].sort());
  for (const rule of RULES) {
    expect(hasMessage(rule)).toBe(true);
    expect(parseMessages[rule].it).not.toBe(parseMessages[rule].en);
  }
});

test('messages say what was read and what to do, numbers in the language’s style', () => {
  expect(message('converted', { value: '1.750', result: 1750 })).toBe('Testo «1.750» letto come 1750. Per togliere l’avviso scrivere il valore nel formato della colonna.');
  expect(message('converted', { value: '12,50', result: 12.5 }, 'en')).toBe('Text «12,50» read as 12.5. To clear this warning, enter the value in the column’s format.');
  expect(message('not-a-number', { value: '10 (Marzo - Aprile 2024)' })).toBe(
    'Valore non numerico: «10 (Marzo - Aprile 2024)». Scrivere solo un numero (es. 1750 o 12,5), senza testo.',
  );
  expect(message('out-of-range', { value: 150, min: 0, max: 100, allowed: '0–100' })).toBe(
    'Valore 150 fuori dall’intervallo ammesso (0–100). Scrivere un valore 0–100.',
  );
  expect(message('required', { column: 'Descrizione' })).toBe('Manca un valore obbligatorio in «Descrizione». Compilare la cella.');
});
