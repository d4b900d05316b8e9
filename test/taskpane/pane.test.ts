/** @jest-environment jsdom */
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { assessWorkbook, scoreWorkbook } from '../../src/actions/assess';
import { buildDemoRaw } from '../../src/demo/demo';
import { bandLabel } from '../../src/rules/bands';
import { message } from '../../src/i18n';
import { parseInterchange, toInterchange } from '../../src/schema/interchange';
import { readPlan } from '../../src/schema/read';
import { ALL_TABLES } from '../../src/schema/tables';
import { readWorkbookTables } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import { planCounts } from '../../src/actions/sheets';
import { cellAddress, type TableData } from '../../src/workbook/port';
import { blobText, memoryHost, type MemoryHost } from './memoryHost';
import { renderPane } from './renderPane';

const FIXTURES = join(__dirname, '..', 'fixtures');

/*
 * Every wait below ends as soon as the pane shows what it waits for; the bound only has to catch a
 * pane that never gets there. Testing Library's default of 1 s did not: importing a 344 KB plan
 * takes longer than that on a loaded 2-core machine, which made «imports a file after
 * confirmation» fail under load and pass alone. The bound is now that of the test itself.
 */
configure({ asyncUtilTimeout: 55_000 });

async function demoWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(buildDemoRaw(), 'it'));
  return workbook;
}

async function planOf(workbook: MemoryWorkbook): Promise<ReturnType<typeof readPlan>['plan']> {
  return readPlan(readWorkbookTables(await workbook.readTables()).raw).plan;
}

/** The pane, opened, with its opening check of the workbook finished. */
async function openPane(host: MemoryHost): Promise<void> {
  renderPane(host);
  await waitFor(() => expect(screen.getByTestId('btn-create-sheets')).not.toHaveProperty('disabled', true));
}

function tab(key: string): void {
  fireEvent.click(screen.getByTestId(`tab-${key}`));
}

async function click(testId: string): Promise<void> {
  fireEvent.click(screen.getByTestId(testId));
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
}

function tabLabel(key: string): string | null {
  return screen.getByTestId(`tab-${key}`).textContent;
}

function messageBar(): HTMLElement {
  return screen.getByTestId('message-bar');
}

describe('opening the pane', () => {
  it('on a workbook without Traguardo tables says so and offers to create the sheets, which then exist', async () => {
    const host = memoryHost();
    renderPane(host);
    const bar = await screen.findByTestId('message-bar');
    expect(bar.getAttribute('data-intent')).toBe('warning');
    expect(bar.textContent).toContain(message('not-a-traguardo-workbook', {}, 'it'));
    await click('message-action-create-sheets');
    const names = (await host.port.readTables()).map((t) => t.name);
    expect(names).toEqual(ALL_TABLES.map((d) => d.table));
    expect((await planOf(host.port)).year).toBe(new Date().getFullYear());
    expect(messageBar().getAttribute('data-intent')).toBe('success');
  });

  it('on a workbook with a renamed required column names it with the accepted headers and adds it on «Aggiorna i fogli»', async () => {
    const workbook = MemoryWorkbook.fromTables([
      { name: 'Obiettivi', sheet: 'Obiettivi', top: 1, left: 1, headers: ['Codice', 'Nome obiettivo'], rows: [['OB1', 'Primo']] },
    ]);
    const host = memoryHost(workbook);
    renderPane(host);
    const bar = await screen.findByTestId('message-bar');
    await waitFor(() => expect(bar.textContent).toContain('Obiettivi: «Titolo» — nomi accettati: Titolo, Title, Obiettivo, Titolo obiettivo, Denominazione'));
    // Strutture, Indicatori and Fasi are missing too: the same notice names them, as an error.
    expect(bar.textContent).toContain(message('table-missing', { table: 'Indicatori' }, 'it'));
    expect(bar.getAttribute('data-intent')).toBe('error');
    await click('message-action-upgrade-sheets');
    const objectives = (await workbook.readTables()).find((t) => t.name === 'Obiettivi') as TableData;
    expect(objectives.headers.slice(0, 3)).toEqual(['Codice', 'Nome obiettivo', 'Livello']);
    expect(objectives.headers).toContain('Titolo');
    expect(objectives.rows[0].slice(0, 2)).toEqual(['OB1', 'Primo']);
  });
});

describe('the message bar across sections', () => {
  it('keeps a warning about the workbook in every section and drops a success once the user moves on', async () => {
    const host = memoryHost();
    renderPane(host);
    await waitFor(() => expect(messageBar().getAttribute('data-intent')).toBe('warning'));
    tab('check');
    expect(messageBar().getAttribute('data-intent')).toBe('warning');
    tab('start');
    await click('btn-create-sheets');
    expect(messageBar().textContent).toContain(message('ui-sheets-created', {}, 'it'));
    tab('start');
    expect(messageBar().getAttribute('data-intent')).toBe('success');
    tab('exchange');
    expect(screen.queryByTestId('message-bar')).toBeNull();
  });
});

describe('Inizia', () => {
  it('creates the sheets once, then reports them complete', async () => {
    const host = memoryHost();
    await openPane(host);
    await click('btn-create-sheets');
    expect(messageBar().textContent).toContain(message('ui-sheets-created', {}, 'it'));
    const before = host.port.snapshot();
    await click('btn-create-sheets');
    expect(messageBar().getAttribute('data-intent')).toBe('info');
    expect(host.port.snapshot()).toEqual(before);
  });

  it('loads the demo into a new workbook without asking, and asks before replacing data', async () => {
    const host = memoryHost();
    await openPane(host);
    await click('btn-load-demo');
    expect(screen.queryByTestId('dialog-confirm')).toBeNull();
    const plan = await planOf(host.port);
    expect(plan.organization).toBe('Comune di Calenzano');
    expect(messageBar().textContent).toContain(`${plan.units.length} strutture, ${plan.objectives.length} obiettivi`);

    host.port.setCell('Obiettivi', 'C2', 'Titolo cambiato');
    const edited = host.port.snapshot();
    await click('btn-load-demo');
    fireEvent.click(await screen.findByTestId('dialog-cancel'));
    await waitFor(() => expect(screen.queryByTestId('dialog-confirm')).toBeNull());
    expect(host.port.snapshot()).toEqual(edited);

    await click('btn-load-demo');
    fireEvent.click(await screen.findByTestId('dialog-confirm'));
    await waitFor(() => expect(host.port.cell('Obiettivi', 'C2')?.value).not.toBe('Titolo cambiato'));
  });
});

describe('Verifica', () => {
  it('lists the findings of assessWorkbook grouped by sheet, counts them by severity, and writes only Esito verifica', async () => {
    const host = memoryHost(await demoWorkbook());
    const expected = await assessWorkbook(await demoWorkbook(), 'it');
    await openPane(host);
    tab('check');
    await click('btn-validate');

    for (const severity of ['errore', 'avviso', 'info'] as const) {
      const count = expected.located.filter((f) => f.severity === severity).length;
      expect(screen.getByTestId(`finding-count-${severity}`).textContent).toBe(String(count));
    }
    const items = screen.getAllByTestId('finding-item');
    expect(items.map((i) => [i.dataset.sheet, i.dataset.cell, i.dataset.rule, i.dataset.severity])).toEqual(
      [...expected.located]
        .sort((a, b) => sheetOrder(expected.located, a.sheet) - sheetOrder(expected.located, b.sheet))
        .map((f) => [f.sheet, f.cell ?? '', f.rule, f.severity]),
    );
    const groups = screen.getAllByTestId('finding-group').map((g) => g.dataset.sheet);
    expect(groups).toEqual([...new Set(expected.located.map((f) => f.sheet))]);

    const check = (await host.port.readTables()).find((t) => t.name === 'Indicatori') as TableData;
    const column = check.headers.indexOf('Esito verifica');
    const located = expected.located.find((f) => f.sheet === 'Indicatori' && f.row !== null) as (typeof expected.located)[number];
    expect(String(check.rows[(located.row as number) - 2][column])).toContain(located.message);
    const grade = check.headers.indexOf('Grado %');
    expect(check.rows.every((r) => r[grade] === null)).toBe(true);
    expect(host.port.sheetNames()).not.toContain('Riepilogo');
  });

  it('selects the cell of a finding when it is clicked', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('check');
    await click('btn-validate');
    const item = screen.getAllByTestId('finding-item').find((i) => i.dataset.sheet === 'Fasi' && i.dataset.cell !== '') as HTMLElement;
    fireEvent.click(item);
    await waitFor(() => expect(host.port.selection).toEqual({ sheet: 'Fasi', address: item.dataset.cell }));
  });

  it('filters the list by severity', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('check');
    await click('btn-validate');
    const warnings = Number(screen.getByTestId('finding-count-avviso').textContent);
    fireEvent.click(screen.getByTestId('finding-count-avviso'));
    const items = screen.getAllByTestId('finding-item');
    expect(items).toHaveLength(warnings);
    expect(items.every((i) => i.dataset.severity === 'avviso')).toBe(true);
  });
});

function sheetOrder(findings: readonly { sheet: string }[], sheet: string): number {
  return [...new Set(findings.map((f) => f.sheet))].indexOf(sheet);
}

describe('Calcola', () => {
  it('shows every unit and the organisation with the grades scoreWorkbook computes, rounded with a decimal comma', async () => {
    const host = memoryHost(await demoWorkbook());
    const expected = await scoreWorkbook(await demoWorkbook(), 'it');
    await openPane(host);
    tab('compute');
    await click('btn-compute');

    const units = screen.getAllByTestId('unit-result');
    expect(units.map((u) => [u.dataset.unit, u.dataset.grade, u.dataset.band])).toEqual(
      expected.results.units.map((u) => [u.code, u.grade === null ? '' : String(u.grade), bandLabel(expected.plan.bands, u.band) ?? '']),
    );
    const ris = units.find((u) => u.dataset.unit === 'RIS') as HTMLElement;
    expect(ris.textContent).toContain('97,45 %');
    expect(within(ris).getByText('Raggiunto').getAttribute('style')).toContain('background-color: rgb(0, 176, 80)');
    const org = screen.getByTestId('org-result');
    expect(org.dataset.grade).toBe(String(expected.results.organization.grade));
    expect(org.textContent).toContain('94,11 %');
    // The organisation's grade rests on 24 of its 48 objectives, 4 950 of 10 180 in raw weight.
    expect(within(org).getByTestId('coverage').textContent).toBe('su 24 di 48 obiettivi · peso valutato 48,6 %');
    expect(within(org).getByTestId('coverage-partial').textContent).toBe('Parziale');
    // VIG's 97,93 comes from one shared objective: all its own have no grade.
    const vig = units.find((u) => u.dataset.unit === 'VIG') as HTMLElement;
    expect(within(vig).getByTestId('coverage').textContent).toBe('su 1 di 8 obiettivi · peso valutato 12,1 %');
    const sg = units.find((u) => u.dataset.unit === 'SG') as HTMLElement;
    expect(within(sg).getByTestId('coverage').textContent).toBe('su 0 di 3 obiettivi · peso valutato 0 %');
    expect(within(sg).getByTestId('coverage-partial').textContent).toBe('Nulla');
    expect(screen.queryByTestId('ente-result')).toBeNull();
    expect(screen.getByTestId('compute-progress').dataset.state).toBe('done');
    expect(host.port.sheetNames()).toContain('Riepilogo');
    expect(messageBar().getAttribute('data-intent')).toBe('success');

    const errors = expected.findings.filter((f) => f.severity === 'errore').length;
    expect(screen.getByText(message('ui-compute-errors', { count: errors }, 'it'), { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByTestId('link-open-check'));
    expect(screen.getByTestId('finding-count-errore').textContent).toBe(String(errors));
  });

  it('shows the performance di ente apart when the plan has objectives of level Ente', async () => {
    const raw = parseInterchange({
      format: 'traguardo/1',
      organization: 'Comune di Prova',
      year: 2023,
      units: [
        { code: 'SG', name: 'Segreteria', head: 'Rossi' },
        { code: 'VUOTA', name: 'Senza obiettivi', head: 'Bianchi' },
      ],
      objectives: [
        { code: 'E1', level: 'ente', title: 'Soddisfazione', weight: 1, indicatorShare: 100, phaseShare: 0 },
        { code: 'O1', level: 'esecutivo', title: 'Protocollo', unit: 'SG', weight: 1, indicatorShare: 100, phaseShare: 0 },
      ],
      indicators: [
        { code: 'I1', objective: 'E1', name: 'Indice', type: 'numero', polarity: 'crescente', target: 80, actual: 60 },
        { code: 'I2', objective: 'O1', name: 'Pratiche', type: 'numero', polarity: 'crescente', target: 100, actual: 90 },
      ],
    });
    const workbook = new MemoryWorkbook();
    await workbook.apply(importChanges(raw, 'it'));
    const host = memoryHost(workbook);
    await openPane(host);
    tab('compute');
    await click('btn-compute');
    expect(screen.getByTestId('ente-result').dataset.grade).toBe('75');
    expect(screen.getByTestId('ente-result').textContent).toContain('75 %');
    const [sg, empty] = screen.getAllByTestId('unit-result');
    expect(sg.dataset.grade).toBe('90');
    // Its one executive objective is graded: the whole grade, no «Parziale», no weight share to point out.
    expect(within(sg).getByTestId('coverage').textContent).toBe('su 1 di 1 obiettivo');
    expect(within(sg).queryByTestId('coverage-partial')).toBeNull();
    expect(within(empty).getByTestId('coverage').textContent).toBe('nessun obiettivo');
    // The Ente-level objective is not one the organisation's grade rests on.
    expect(within(screen.getByTestId('org-result')).getByTestId('coverage').textContent).toBe('su 1 di 1 obiettivo');
  });
});

describe('formulas or values', () => {
  /** The Grado finale % cells of every objective row. */
  const finalGrades = async (workbook: MemoryWorkbook) => {
    const { locator } = readWorkbookTables(await workbook.readTables());
    const p = locator.placement('objectives');
    if (!p) throw new Error('no Obiettivi');
    const offset = p.headers.indexOf('Grado finale %');
    return p.rows.map((row) => workbook.cell(p.sheet, cellAddress(p.top + 1 + row, p.left + offset)));
  };

  it('Calcola writes formulas by default, the Riepilogo chart, and says that grades follow the inputs', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('compute');
    expect((screen.getByTestId('switch-values') as HTMLInputElement).checked).toBe(false);
    await click('btn-compute');
    const formulas = (await finalGrades(host.port)).filter((c) => c?.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas[0]?.formula).toMatch(/^=IF\(ISNUMBER\(/);
    expect(host.port.charts('Riepilogo')).toHaveLength(1);
    expect(messageBar().textContent).toContain('formule di Excel');
  });

  it('with «Valori fissi» writes plain values and says the copy does not follow the inputs', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('compute');
    fireEvent.click(screen.getByTestId('switch-values'));
    await click('btn-compute');
    const cells = await finalGrades(host.port);
    expect(cells.filter((c) => c?.formula !== undefined)).toEqual([]);
    expect(cells.filter((c) => typeof c?.value === 'number').length).toBeGreaterThan(20);
    expect(messageBar().textContent).toContain(message('ui-compute-done-values', { summary: 'Riepilogo' }, 'it'));
  });

  it('Verifica warns when inputs changed since a Calcola that wrote values', async () => {
    const workbook = await demoWorkbook();
    await scoreWorkbook(workbook, 'it', { mode: 'valori', now: new Date(Date.UTC(2026, 10, 20)) });
    const objectives = (await workbook.readTables()).find((t) => t.name === 'Obiettivi') as TableData;
    const titles = objectives.rows.map((r) => r[objectives.headers.indexOf('Grado NdV %')]);
    titles[0] = 55;
    await workbook.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado NdV %', values: titles }]);
    await openPane(memoryHost(workbook));
    tab('check');
    await click('btn-validate');
    expect(messageBar().getAttribute('data-intent')).toBe('warning');
    expect(messageBar().textContent).toContain(message('stale-inputs', { date: '20/11/2026' }, 'it'));
  });
});

describe('language', () => {
  it('switches every label to English and back', async () => {
    await openPane(memoryHost(await demoWorkbook()));
    expect(tabLabel('check')).toBe('Verifica');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(tabLabel('check')).toBe('Check');
    expect(tabLabel('start')).toBe('Start');
    expect(screen.getByTestId('btn-create-sheets').textContent).toBe('Create or upgrade sheets');
    tab('check');
    await click('btn-validate');
    const item = screen.getAllByTestId('finding-item')[0];
    expect(item.textContent).toMatch(/^[A-Z][a-z]/);
    expect(messageBar().textContent).toContain('Check result updated');
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(tabLabel('check')).toBe('Verifica');
    expect(messageBar().textContent).toContain('Esito verifica aggiornato');
  });
});

describe('Regole', () => {
  it('shows the rule profile, saves edits to the Regole sheet, and readPlan reads them back', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('rules');
    const cap = (await screen.findByTestId('rule-cap')) as HTMLInputElement;
    expect(cap.value).toBe('100');
    expect((screen.getByTestId('rule-referenceDate') as HTMLInputElement).value).toBe('2023-12-31');
    expect(screen.getAllByTestId('band-row')).toHaveLength(3);

    fireEvent.change(cap, { target: { value: '120' } });
    fireEvent.change(screen.getByTestId('rule-referenceDate'), { target: { value: '2023-06-30' } });
    fireEvent.click(screen.getByTestId('rule-typeMultipliers'));
    fireEvent.click(screen.getByTestId('btn-add-band'));
    const added = screen.getAllByTestId('band-row')[3];
    fireEvent.change(within(added).getByTestId('band-from'), { target: { value: '100' } });
    fireEvent.change(within(added).getByTestId('band-label'), { target: { value: 'Eccellente' } });
    fireEvent.change(within(added).getByTestId('band-reward'), { target: { value: '100' } });
    fireEvent.change(within(added).getByTestId('band-color'), { target: { value: '#0070C0' } });
    await click('btn-save-rules');

    expect(messageBar().getAttribute('data-intent')).toBe('success');
    const plan = await planOf(host.port);
    expect(plan.rules.cap).toBe(120);
    expect(plan.rules.referenceDate).toBe('2023-06-30');
    expect(plan.rules.typeMultipliers).toBe(true);
    expect(plan.rules.year).toBe(2023);
    expect(plan.organization).toBe('Comune di Calenzano');
    expect(plan.bands.map((b) => [b.from, b.label, b.reward, b.proportional, b.color])).toEqual([
      [0, 'Non raggiunto', 0, false, '#C00000'],
      [60, 'Parzialmente raggiunto', null, true, '#FFC000'],
      [90, 'Raggiunto', 100, false, '#00B050'],
      [100, 'Eccellente', 100, false, '#0070C0'],
    ]);
    expect(readWorkbookTables(await host.port.readTables()).findings).toEqual([]);
    await waitFor(() => expect((screen.getByTestId('rule-cap') as HTMLInputElement).value).toBe('120'));
  });

  it('refuses to save invalid values, marking the fields, and leaves the workbook unchanged', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('rules');
    fireEvent.change(await screen.findByTestId('rule-decimals'), { target: { value: '11' } });
    const band = screen.getAllByTestId('band-row')[1];
    fireEvent.change(within(band).getByTestId('band-from'), { target: { value: '0' } });
    fireEvent.change(within(band).getByTestId('band-color'), { target: { value: 'giallo' } });
    const before = host.port.snapshot();
    await click('btn-save-rules');

    expect(messageBar().getAttribute('data-intent')).toBe('error');
    expect(screen.getByText(/Un’altra fascia parte già da 0 %/)).toBeTruthy();
    expect(screen.getByText(/Colore non valido: «giallo»/)).toBeTruthy();
    const decimals = screen.getByTestId('rule-decimals').closest('[class*="fui-Field"]') as HTMLElement;
    expect(decimals.querySelector('[role="alert"], [id*="validationMessage"], .fui-Field__validationMessage')?.textContent).toMatch(/10/);
    expect(host.port.snapshot()).toEqual(before);
  });
});

describe('Scambio', () => {
  it('exports the workbook as a traguardo/1 file named after the organisation and year', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('exchange');
    await click('btn-export');
    expect(host.downloads).toHaveLength(1);
    const [file] = host.downloads;
    expect(file.fileName).toBe('Comune di Calenzano-2023.json');
    expect(file.mimeType).toBe('application/json');
    const doc = JSON.parse(await blobText(file.content)) as unknown;
    const raw = parseInterchange(doc);
    expect(doc).toEqual(toInterchange(readWorkbookTables(await host.port.readTables()).raw));
    expect(raw.objectives).toHaveLength(buildDemoRaw().objectives?.length ?? -1);
  });

  it('imports a file after confirmation, replacing the tables', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('exchange');
    const text = readFileSync(join(FIXTURES, 'capannori-2023.json'), 'utf8');
    const file = new File([text], 'capannori-2023.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('input-import'), { target: { files: [file] } });
    const confirm = await screen.findByTestId('dialog-confirm');
    const expected = parseInterchange(JSON.parse(text));
    expect(document.body.textContent).toContain(message('ui-import-confirm-text', { ...planCounts(expected) }, 'it'));
    fireEvent.click(confirm);
    await waitFor(() => expect(messageBar().textContent).toContain('Piano importato da capannori-2023.json'));

    const plan = await planOf(host.port);
    expect(plan.organization).toBe('Comune di Capannori');
    expect(plan.objectives.map((o) => o.code)).toEqual(expected.objectives?.map((o) => o.code));
    expect(plan.units).toHaveLength(expected.units?.length ?? -1);
  });

  it('shows why a file cannot be imported and changes nothing', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    tab('exchange');
    const before = host.port.snapshot();
    fireEvent.change(screen.getByTestId('input-import'), { target: { files: [new File(['{"format": "altro/1"'], 'rotto.json')] } });
    await waitFor(() => expect(messageBar().getAttribute('data-intent')).toBe('error'));
    expect(messageBar().textContent).toContain('Il file rotto.json non è un JSON valido');
    fireEvent.change(screen.getByTestId('input-import'), { target: { files: [new File(['{"format": "altro/1"}'], 'altro.json')] } });
    await waitFor(() => expect(messageBar().textContent).toContain('non è un documento traguardo/1 valido'));
    expect(screen.queryByTestId('dialog-confirm')).toBeNull();
    expect(host.port.snapshot()).toEqual(before);
  });
});

describe('bad input', () => {
  it('on a protected sheet reports the sheet and how to unprotect it, and writes nothing', async () => {
    const workbook = await demoWorkbook();
    workbook.protectSheet('Indicatori');
    const host = memoryHost(workbook);
    await openPane(host);
    const before = workbook.snapshot();
    tab('compute');
    await click('btn-compute');
    const bar = messageBar();
    expect(bar.getAttribute('data-intent')).toBe('error');
    expect(bar.textContent).toContain(message('workbook-sheet-protected', { sheet: 'Indicatori' }, 'it'));
    expect(bar.textContent).toContain('Rimuovere la protezione del foglio Indicatori (Revisione › Rimuovi protezione) e riprovare.');
    expect(screen.queryAllByTestId('unit-result')).toHaveLength(0);
    expect(workbook.snapshot()).toEqual(before);

    tab('check');
    await click('btn-validate');
    expect(messageBar().getAttribute('data-intent')).toBe('error');
    expect(Number(screen.getByTestId('finding-count-errore').textContent)).toBeGreaterThan(0);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('Verifica on a workbook that is not a Traguardo workbook offers to create the sheets', async () => {
    const host = memoryHost(MemoryWorkbook.fromTables([{ name: 'Tabella1', sheet: 'Foglio1', top: 1, left: 1, headers: ['A'], rows: [[1]] }]));
    await openPane(host);
    tab('check');
    await click('btn-validate');
    expect(messageBar().getAttribute('data-intent')).toBe('warning');
    expect(screen.getByTestId('message-action-create-sheets')).toBeTruthy();
  });

  it('shows an unexpected failure in the message bar with a way to reload', async () => {
    const host = memoryHost(await demoWorkbook());
    await openPane(host);
    host.port.readTables = () => Promise.reject(new Error('connessione persa'));
    tab('check');
    await click('btn-validate');
    expect(messageBar().textContent).toContain('Errore imprevisto: connessione persa');
    expect(screen.getByTestId('message-action-reload')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('message-action-reload'));
    });
    expect(screen.getByTestId('tab-start').getAttribute('aria-selected')).toBe('true');
  });
});
