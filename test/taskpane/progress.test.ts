/** @jest-environment jsdom */
/**
 * The pane's Verifica and Calcola report their real stages on the progress bar, in order, and
 * the pane's language switch changes the pane, never the workbook's sheets or names.
 */
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { buildDemoRaw } from '../../src/demo/demo';
import { message } from '../../src/i18n';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import { memoryHost } from './memoryHost';
import { renderPane } from './renderPane';

configure({ asyncUtilTimeout: 55_000 });

async function demoWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(buildDemoRaw(), 'it'));
  return workbook;
}

async function openPane(workbook: MemoryWorkbook): Promise<void> {
  renderPane(memoryHost(workbook));
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

/** Every stage and percentage the bar `testId` shows until the pane is idle again. */
async function watchBar(testId: string, start: () => void): Promise<{ stages: string[]; percents: number[]; labels: string[] }> {
  const stages: string[] = [];
  const percents: number[] = [];
  const labels: string[] = [];
  const note = (): void => {
    const bar = document.querySelector(`[data-testid="${testId}"]`);
    const stage = bar?.getAttribute('data-stage');
    if (!bar || !stage) return;
    if (stages[stages.length - 1] !== stage) stages.push(stage);
    percents.push(Number(bar.getAttribute('data-percent')));
    const label = bar.getAttribute('aria-label');
    if (label && labels[labels.length - 1] !== label) labels.push(label);
  };
  const observer = new MutationObserver(note);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  start();
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).not.toBeNull());
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
  observer.disconnect();
  return { stages, percents, labels };
}

describe('progress by stage', () => {
  test('Calcola shows lettura, verifica, calcolo, formule and scrittura, rising to 100 %', async () => {
    await openPane(await demoWorkbook());
    fireEvent.click(screen.getByTestId('tab-compute'));
    const seen = await watchBar('compute-progress', () => fireEvent.click(screen.getByTestId('btn-compute')));
    expect(seen.stages).toEqual(['lettura', 'verifica', 'calcolo', 'formule', 'scrittura']);
    expect(seen.percents[0]).toBe(0);
    expect(Math.max(...seen.percents)).toBe(100);
    for (let i = 1; i < seen.percents.length; i++) expect(seen.percents[i]).toBeGreaterThanOrEqual(seen.percents[i - 1]);
    expect(seen.labels).toContain(message('ui-stage', { stage: message('ui-stage-calcolo'), percent: 40 }));
    expect(screen.getByTestId('compute-progress').getAttribute('data-state')).toBe('done');
  });

  test('Verifica shows lettura, verifica and scrittura (Esito verifica), and the bar goes when it is done', async () => {
    await openPane(await demoWorkbook());
    fireEvent.click(screen.getByTestId('tab-check'));
    const seen = await watchBar('check-progress', () => fireEvent.click(screen.getByTestId('btn-validate')));
    expect(seen.stages).toEqual(['lettura', 'verifica', 'scrittura']);
    expect(Math.max(...seen.percents)).toBe(100);
    expect(screen.queryByTestId('check-progress')).toBeNull();
    expect(screen.getByTestId('finding-count-errore').textContent).not.toBe('0');
  });
});

describe('the pane’s language is not the workbook’s', () => {
  test('switched to English, Calcola on an Italian workbook writes Riepilogo and Italian names, and speaks English', async () => {
    const workbook = await demoWorkbook();
    await openPane(workbook);
    fireEvent.click(screen.getByTestId('lang-switch'));
    await waitFor(() => expect(screen.getByTestId('lang-switch').getAttribute('data-lang')).toBe('en'));
    fireEvent.click(screen.getByTestId('tab-compute'));
    fireEvent.click(screen.getByTestId('btn-compute'));
    await waitFor(() => expect(screen.getByTestId('org-result')).toBeTruthy());
    const snapshot = workbook.snapshot();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Monitoraggi', 'Regole', 'Riepilogo', 'Riepilogo DUP']);
    expect(snapshot.names.map((n) => n.name)).toContain('Anno_piano');
    expect(snapshot.names.map((n) => n.name)).not.toContain('Plan_year');
    expect(screen.getByTestId('message-text').textContent).toContain('Riepilogo');
    expect(screen.getByTestId('btn-compute').textContent).toBe(message('ui-compute', {}, 'en'));
  });
});
