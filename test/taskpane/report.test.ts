/** @jest-environment jsdom */
/**
 * «Scarica la relazione (.docx)» in the pane on the in-memory workbook: one Word download named
 * after the plan's year, chapters and date as chosen, and the workbook left exactly as it was.
 */
import './textCodecs';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { recordMonitoring } from '../../src/actions/monitoring';
import { buildDemoRaw } from '../../src/demo/demo';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import { documentXml } from '../support/package';
import { memoryHost } from './memoryHost';
import { renderPane } from './renderPane';

configure({ asyncUtilTimeout: 55_000 });

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

async function documentText(blob: Blob): Promise<string> {
  return documentXml(await blobBytes(blob));
}

test('downloads the Relazione as a .docx, by unit or by missione, and writes nothing into the workbook', async () => {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(buildDemoRaw(), 'it'));
  const before = workbook.snapshot();
  const host = memoryHost(workbook);
  renderPane(host);
  await waitFor(() => expect(screen.getByTestId('btn-create-sheets')).not.toHaveProperty('disabled', true));
  fireEvent.click(screen.getByTestId('tab-compute'));

  fireEvent.click(screen.getByTestId('btn-report'));
  await waitFor(() => expect(host.downloads).toHaveLength(1));
  const [byUnit] = host.downloads;
  expect(byUnit.fileName).toBe('relazione-performance-2023.docx');
  expect(byUnit.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const unitText = await documentText(byUnit.content);
  expect(unitText).toContain('>Obiettivi per struttura</w:t>');
  expect(unitText).toContain('>PERS — PERSONALE</w:t>');
  await waitFor(() => expect(screen.getByTestId('message-text').textContent).toBe('Relazione pronta: «relazione-performance-2023.docx».'));

  fireEvent.click(screen.getByTestId('report-by-mission'));
  fireEvent.click(screen.getByTestId('btn-report'));
  await waitFor(() => expect(host.downloads).toHaveLength(2));
  const missionText = await documentText(host.downloads[1].content);
  expect(missionText).toContain('>Obiettivi per missione e programma</w:t>');
  expect(missionText).not.toContain('>PERS — PERSONALE</w:t>');
  expect(workbook.snapshot()).toEqual(before);
});

test('after Calcola the recorded Monitoraggi dates are offered, and the report of 30/06 is that of the values recorded then', async () => {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(buildDemoRaw(), 'it'));
  await recordMonitoring(workbook, '2023-06-30', 'it');
  const host = memoryHost(workbook);
  renderPane(host);
  await waitFor(() => expect(screen.getByTestId('btn-create-sheets')).not.toHaveProperty('disabled', true));
  fireEvent.click(screen.getByTestId('tab-compute'));
  expect(screen.queryByTestId('report-date')).toBeNull();
  fireEvent.click(screen.getByTestId('btn-compute'));
  const select = (await screen.findByTestId('report-date')) as HTMLSelectElement;
  expect(Array.from(select.options, (o) => o.textContent)).toEqual(['valori attuali dei fogli', '30/06/2023']);
  await waitFor(() => expect(select).not.toHaveProperty('disabled', true));

  fireEvent.change(select, { target: { value: '2023-06-30' } });
  fireEvent.click(screen.getByTestId('btn-report'));
  await waitFor(() => expect(host.downloads).toHaveLength(1));
  expect(await documentText(host.downloads[0].content)).toContain('>Risultati alla data del 30/06/2023</w:t>');
});
