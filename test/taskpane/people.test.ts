/** @jest-environment jsdom */
/**
 * The pane's Persone tab on a workbook with people: before Calcola it says to compute; after, it
 * lists the pots with what was paid and shows the scheda of the person chosen, in Italian and in
 * English, with the numbers the computation gave.
 */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { scoreWorkbook } from '../../src/actions/assess';
import { euro } from '../../src/i18n/euro';
import { message } from '../../src/i18n';
import { parseInterchange } from '../../src/schema/interchange';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import { PAY_DOCUMENT } from '../fixtures/payPlan';
import { memoryHost } from './memoryHost';
import { renderPane } from './renderPane';

configure({ asyncUtilTimeout: 55_000 });

async function payWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(parseInterchange(PAY_DOCUMENT), 'it'));
  return workbook;
}

test('Persone: pots and a person’s scheda after Calcola, in Italian then English', async () => {
  const expected = (await scoreWorkbook(await payWorkbook(), 'it')).pay!;
  renderPane(memoryHost(await payWorkbook()));
  await waitFor(() => expect(screen.getByTestId('btn-create-sheets')).not.toHaveProperty('disabled', true));

  fireEvent.click(screen.getByTestId('tab-people'));
  expect(screen.getByTestId('people-empty').textContent).toBe(message('ui-people-not-computed', {}, 'it'));

  fireEvent.click(screen.getByTestId('tab-compute'));
  fireEvent.click(screen.getByTestId('btn-compute'));
  await screen.findByTestId('org-result');
  fireEvent.click(screen.getByTestId('tab-people'));
  const cards = screen.getAllByTestId('fund-card');
  expect(cards.map((c) => [c.getAttribute('data-fund'), Number(c.getAttribute('data-paid'))])).toEqual(expected.funds.map((f) => [f.code, f.paid]));
  expect(Array.from(cards[0].querySelectorAll('span[title]'), (e) => e.getAttribute('title'))).toContain(euro(12000, 'it'));

  // M2: Funzionari e EQ, part-time 50 %, 10 days and 9 hours absent (= 12 days).
  fireEvent.change(screen.getByTestId('person-select'), { target: { value: 'M2' } });
  const scheda = screen.getByTestId('scheda');
  const m2 = expected.people[1];
  expect(scheda.getAttribute('data-person')).toBe('M2');
  expect(Number(scheda.getAttribute('data-total'))).toBe(m2.total);
  expect(within(scheda).getAllByTestId('scheda-component').map((r) => r.getAttribute('data-component'))).toEqual(['ente', 'obiettivi', 'comportamenti']);
  const lines = within(scheda).getByTestId('scheda-trace').querySelectorAll('li');
  const texts = Array.from(lines, (li) => li.textContent);
  expect(texts[0]).toBe('Profilo «Funzionari e EQ»');
  expect(texts.some((t) => t?.includes('1,3 × ') && t.includes(' × 50 % × (365 − 12) / 365 = '))).toBe(true);

  fireEvent.click(screen.getByTestId('lang-switch'));
  await waitFor(() => expect(screen.getByTestId('tab-people').textContent).toBe('People'));
  const english = Array.from(within(screen.getByTestId('scheda')).getByTestId('scheda-trace').querySelectorAll('li'), (li) => li.textContent);
  expect(english[0]).toBe('Profile «Funzionari e EQ»');
  expect(english[english.length - 1]).toBe(`Total of all pots: ${euro(m2.total, 'en')}`);
});
