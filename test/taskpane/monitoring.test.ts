/** @jest-environment jsdom */
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { recordedDates } from '../../src/actions/monitoringHistory';
import { buildDemoRaw } from '../../src/demo/demo';
import { readWorkbookTables } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import type { TableData } from '../../src/workbook/port';
import { memoryHost, type MemoryHost } from './memoryHost';
import { renderPane } from './renderPane';

configure({ asyncUtilTimeout: 55_000 });

async function openPane(host: MemoryHost): Promise<void> {
  renderPane(host);
  await waitFor(() => expect(screen.getByTestId('btn-create-sheets')).not.toHaveProperty('disabled', true));
  fireEvent.click(screen.getByTestId('tab-compute'));
}

async function click(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

function setDate(iso: string): void {
  fireEvent.change(screen.getByTestId('input-monitoring-date'), { target: { value: iso } });
}

const history = async (port: MemoryWorkbook): Promise<TableData> => (await port.readTables()).find((t) => t.name === 'Monitoraggi')!;

describe('Registra monitoraggio in the pane', () => {
  it('records a date; the same date again asks first, and only a confirmation replaces it', async () => {
    const port = new MemoryWorkbook();
    await port.apply(importChanges(buildDemoRaw(), 'it'));
    const host = memoryHost(port);
    await openPane(host);

    setDate('2023-06-30');
    await click('btn-record');
    await waitFor(() => expect(screen.getByTestId('message-bar').textContent).toContain('Monitoraggio al 30/06/2023 registrato in Monitoraggi: 150 indicatori, 188 fasi.'));
    const recorded = await history(port);
    expect(recorded.rows).toHaveLength(150 + 188);

    // A manager's Nota, then the same date again: a dialog, and nothing changes until confirmed.
    const noteColumn = recorded.headers.indexOf('Nota');
    await port.apply([{ kind: 'writeColumn', table: 'Monitoraggi', header: 'Nota', values: recorded.rows.map((_, i) => (i === 150 ? 'Gara deserta' : null)) }]);
    const before = port.snapshot();
    await click('btn-record');
    const confirm = await screen.findByTestId('dialog-confirm');
    expect(document.body.textContent).toContain('Il monitoraggio al 30/06/2023 è già registrato (338 righe in Monitoraggi).');
    fireEvent.click(screen.getByTestId('dialog-cancel'));
    await waitFor(() => expect(screen.queryByTestId('dialog-confirm')).toBeNull());
    expect(port.snapshot()).toEqual(before);
    expect(confirm).toBeTruthy();

    await click('btn-record');
    fireEvent.click(await screen.findByTestId('dialog-confirm'));
    await waitFor(() => expect(screen.queryByTestId('dialog-confirm')).toBeNull());
    await waitFor(() => expect(screen.getByTestId('message-bar').textContent).toContain('Monitoraggio al 30/06/2023 registrato'));
    const replaced = await history(port);
    expect(replaced.rows).toHaveLength(338);
    expect(replaced.rows[150][noteColumn]).toBe('Gara deserta');

    // A second date, then Calcola: the compact trend lists each unit's grades at both dates, and
    // the date choice computes as of a recorded date.
    setDate('2023-09-30');
    await click('btn-record');
    expect(recordedDates(readWorkbookTables(await port.readTables()).raw)).toEqual(['2023-06-30', '2023-09-30']);
    await click('btn-compute');
    await waitFor(() => expect(screen.getByTestId('trend')).toBeTruthy());
    expect(screen.getByTestId('trend').textContent).toContain('Andamento (30/06/2023 → 30/09/2023)');
    const pers = screen.getAllByTestId('trend-row').find((row) => row.getAttribute('data-unit') === 'PERS')!;
    expect(pers.textContent).toBe('PERS · PERSONALE97,93 → 97,93');

    fireEvent.change(screen.getByTestId('select-as-of'), { target: { value: '2023-06-30' } });
    await click('btn-compute');
    await waitFor(() => expect(screen.getByTestId('org-result').getAttribute('data-grade')).not.toBe(''));
    const stamp = port.snapshot().sheets.find((s) => s.name === 'Riepilogo')!;
    expect(JSON.stringify(stamp.cells)).toContain('30/06/2023');
  });
});
