import calenzano from '../fixtures/calenzano-2023.json';
import { scoreWorkbook } from '../../src/actions/assess';
import { templateRaw } from '../../src/actions/template';
import { bandLabel } from '../../src/rules/bands';
import { checkCommand, computeCommand, type CommandHost, type NoticeIntent } from '../../src/commands/handlers';
import { UserError } from '../../src/errors';
import { formatNumber } from '../../src/i18n';
import { parseInterchange } from '../../src/schema/interchange';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import type { WorkbookPort } from '../../src/workbook/port';

function stubHost(port: WorkbookPort, paneOpens = true) {
  const notices: { text: string; intent: NoticeIntent }[] = [];
  let paneOpened = 0;
  const host: CommandHost = {
    port,
    lang: 'it',
    notify: async (text, intent) => void notices.push({ text, intent }),
    showPane: async () => {
      paneOpened++;
      return paneOpens;
    },
  };
  return { host, notices, panes: () => paneOpened };
}

async function calenzanoWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(parseInterchange(calenzano), 'it'));
  return workbook;
}

describe('ribbon commands', () => {
  it('Verifica on a plan with errors opens the pane and says how many errors and warnings', async () => {
    const workbook = await calenzanoWorkbook();
    const { host, notices, panes } = stubHost(workbook);
    await checkCommand(host);
    const expected = await scoreWorkbook(await calenzanoWorkbook(), 'it');
    const errors = expected.located.filter((f) => f.severity === 'errore').length;
    const warnings = expected.located.filter((f) => f.severity === 'avviso').length;
    expect(errors).toBeGreaterThan(0);
    expect(panes()).toBe(1);
    expect(notices).toEqual([
      { text: `Verifica: ${errors} errori, ${warnings} avvisi. Il pannello Traguardo elenca ogni problema con la sua cella.`, intent: 'error' },
    ]);
  });

  it('Verifica writes nothing', async () => {
    const workbook = await calenzanoWorkbook();
    const before = workbook.snapshot();
    await checkCommand(stubHost(workbook).host);
    expect(workbook.snapshot()).toEqual(before);
  });

  it('Verifica on a clean plan does not open the pane', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply(importChanges({ ...templateRaw(2025), units: [{ code: 'RIS', name: 'Risorse' }] }, 'it'));
    const { host, notices, panes } = stubHost(workbook);
    await checkCommand(host);
    expect(panes()).toBe(0);
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toMatch(/^Verifica completata: 0 errori, \d+ avvisi, \d+ note\.$/);
  });

  it('Calcola writes the outputs and reports the organisation grade and band as the engine computed them', async () => {
    const workbook = await calenzanoWorkbook();
    const { host, notices } = stubHost(workbook);
    await computeCommand(host);
    const expected = await scoreWorkbook(await calenzanoWorkbook(), 'it');
    const { grade, band } = expected.results.organization;
    const errors = expected.located.filter((f) => f.severity === 'errore').length;
    const warnings = expected.located.filter((f) => f.severity === 'avviso').length;
    const text =
      grade === null
        ? `Calcolo completato senza grado dell’ente: ${errors} errori, ${warnings} avvisi. Aprire il pannello Traguardo per vedere cosa correggere.`
        : `Calcolo completato: grado dell’ente ${formatNumber(grade, 'it')} % (${bandLabel(expected.plan.bands, band)}); ${errors} errori, ${warnings} avvisi. Risultati nelle colonne grigie e nel foglio Riepilogo.`;
    expect(notices).toEqual([{ text, intent: errors > 0 ? 'warning' : 'success' }]);
    expect(workbook.sheetNames()).toContain('Riepilogo');
  });

  it('a UserError becomes a notice with its message, not a failure', async () => {
    const failing: WorkbookPort = {
      readTables: async () => {
        throw new UserError('office-cell-editing');
      },
      apply: async () => undefined,
      readProperty: async () => null,
      supportsCharts: false,
      selectCell: async () => undefined,
    };
    const { host, notices } = stubHost(failing);
    await computeCommand(host);
    expect(notices).toEqual([
      {
        text: 'Traguardo non ha potuto completare l’operazione: Excel sta modificando una cella. Terminare la modifica della cella (Invio o Esc) e riprovare.',
        intent: 'error',
      },
    ]);
  });

  it('a workbook without Traguardo tables gets the way forward', async () => {
    const { host, notices } = stubHost(new MemoryWorkbook());
    await checkCommand(host);
    expect(notices[0].text).toContain('Creare i fogli');
  });
});
