import { scoreWorkbook, validateWorkbook } from '../../src/actions/assess';
import { recordMonitoring, scoreWorkbookAt } from '../../src/actions/monitoring';
import * as engine from '../../src/engine/score';
import { replacePlan } from '../../src/actions/sheets';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { monitoringPlan } from '../fixtures/monitoringPlan';
import type { TableData } from '../../src/workbook/port';

const plan = monitoringPlan;

async function recorded(): Promise<MemoryWorkbook> {
  const port = MemoryWorkbook.fromTables([]);
  await replacePlan(port, plan(30, 20), 'it');
  await recordMonitoring(port, '2023-06-30', 'it');
  await replacePlan(port, plan(60, 40), 'it');
  await recordMonitoring(port, '2023-09-30', 'it');
  return port;
}

function table(tables: readonly TableData[], name: string): TableData {
  return tables.find((t) => t.name === name)!;
}

describe('Andamento', () => {
  test('grade and Stato counts per date for the organisation, each unit and each missione/programma, with the change since the previous date', async () => {
    const port = await recorded();
    const computed = await scoreWorkbook(port, 'it', { now: new Date('2023-10-05T10:00:00Z') });
    const sheet = port.snapshot().sheets.find((s) => s.name === 'Andamento')!;
    const cell = (address: string) => sheet.cells[address]?.value ?? null;
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4', 'H4', 'I4', 'J4', 'K4', 'L4'].map(cell)).toEqual([
      'Livello', 'Codice', 'Denominazione', 'Data', 'Grado %', 'Variazione (punti)', 'Obiettivi', 'In linea', 'In ritardo', 'Critico', 'Completato', 'Non avviato',
    ]);
    const row = (r: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => cell(`${c}${r}`));
    const june = new Date('2023-06-30T00:00:00Z');
    const september = new Date('2023-09-30T00:00:00Z');
    // Organisation: (1 × 30 + 3 × 20) / 4 = 22,5 at 30/06; (60 + 3 × 40) / 4 = 45 at 30/09.
    expect(row(5)).toEqual(['Ente', null, 'Comune di Prova', june, 22.5, null, 2, 0, 1, 1, 0, 0]);
    expect(row(6)).toEqual(['Ente', null, 'Comune di Prova', september, 45, 22.5, 2, 0, 1, 1, 0, 0]);
    expect(row(7)).toEqual(['Struttura', 'RIS', 'Risorse', june, 30, null, 1, 0, 1, 0, 0, 0]);
    expect(row(8)).toEqual(['Struttura', 'RIS', 'Risorse', september, 60, 30, 1, 0, 1, 0, 0, 0]);
    expect(row(9)).toEqual(['Struttura', 'AMB', 'Ambiente', june, 20, null, 1, 0, 0, 1, 0, 0]);
    expect(row(10)).toEqual(['Struttura', 'AMB', 'Ambiente', september, 40, 20, 1, 0, 0, 1, 0, 0]);
    expect(row(11)).toEqual(['Missione', '1', 'Missione 1', june, 20, null, 1, 0, 0, 1, 0, 0]);
    expect(row(13)).toEqual(['Programma', '1.03', 'Missione 1, programma 3', june, 20, null, 1, 0, 0, 1, 0, 0]);
    expect(row(14)).toEqual(['Programma', '1.03', 'Missione 1, programma 3', september, 40, 20, 1, 0, 0, 1, 0, 0]);

    // The grid the chart draws: a line per group, a column per date.
    expect(['N4', 'O4', 'P4', 'Q4'].map(cell)).toEqual(['Codice', 'Denominazione', '30/06/2023', '30/09/2023']);
    expect(['N5', 'O5', 'P5', 'Q5'].map(cell)).toEqual([null, 'Comune di Prova', 22.5, 45]);
    expect(['N7', 'O7', 'P7', 'Q7'].map(cell)).toEqual(['AMB', 'Ambiente', 20, 40]);
    expect(port.lineCharts('Andamento')).toEqual([
      {
        title: 'Grado per data di monitoraggio',
        categories: 'P4:Q4',
        series: [
          { name: 'O5', values: 'P5:Q5' },
          { name: 'O6', values: 'P6:Q6' },
          { name: 'O7', values: 'P7:Q7' },
        ],
        anchor: 'N9',
      },
    ]);
    expect(computed.trend!.trend.dates).toEqual(['2023-06-30', '2023-09-30']);

    // Riepilogo DUP is at the reference date (31/12, today's values): AMB-1, 40 % and Critico.
    const dup = port.snapshot().sheets.find((s) => s.name === 'Riepilogo DUP')!;
    const dupRow = (r: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => dup.cells[`${c}${r}`]?.value ?? null);
    expect(dupRow(5)).toEqual(['Missione', '1', 'Missione 1', 1, 3, 40, 'Non raggiunto', 0, 0, 1, 0, 0]);
    expect(dupRow(6)).toEqual(['Programma', '1.03', 'Missione 1, programma 3', 1, 3, 40, 'Non raggiunto', 0, 0, 1, 0, 0]);
  });

  test('an objective In ritardo or Critico at a date without a Nota there is an avviso on its Monitoraggi row; a Nota on any of its rows of that date clears it', async () => {
    const port = await recorded();
    const { assessment } = await validateWorkbook(port, 'it');
    const notes = assessment.located.filter((f) => f.rule.startsWith('monitoring-note-missing'));
    // Rows 2–3: the two phases at 30/06, rows 4–5 at 30/09 (no indicators in this plan); Nota is column H.
    expect(notes.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ['monitoring-note-missing', 'avviso', 'Monitoraggi', 'H2'],
      ['monitoring-note-missing-critical', 'avviso', 'Monitoraggi', 'H3'],
      ['monitoring-note-missing', 'avviso', 'Monitoraggi', 'H4'],
      ['monitoring-note-missing-critical', 'avviso', 'Monitoraggi', 'H5'],
    ]);
    expect(notes[1].message).toBe(
      'L’obiettivo AMB-1 è Critico al 30/06/2023 (scostamento -29,59 punti) e nessuna sua riga di quella data ha una Nota: scriverci il motivo dello scostamento.',
    );
    const history = table(await port.readTables(), 'Monitoraggi');
    await port.apply([
      { kind: 'writeColumn', table: 'Monitoraggi', header: 'Nota', values: history.rows.map((_, i) => (i === 1 ? 'Rilievi sospesi per maltempo' : null)) },
    ]);
    const after = (await validateWorkbook(port, 'it')).assessment.located.filter((f) => f.rule.startsWith('monitoring-note-missing'));
    expect(after.map((f) => f.cell)).toEqual(['H2', 'H4', 'H5']);
  });
});

describe('Calcola at a recorded date', () => {
  test('grades that date once, for its results and for the trend; each other date once more', async () => {
    const port = await recorded();
    const now = new Date('2023-10-05T10:00:00Z');
    const grading = jest.spyOn(engine, 'score');
    try {
      const computed = await scoreWorkbook(port, 'it', { asOf: '2023-06-30', now });
      // 30/06 (Calcola's results, shared with the trend) and 30/09 (the trend): twice, not three times.
      expect(grading).toHaveBeenCalledTimes(2);
      expect(computed.results.organization.grade).toBe(22.5);
      const organization = computed.trend!.trend.series.find((s) => s.group.kind === 'organization')!;
      expect(organization.points.map((p) => p.grade)).toEqual([22.5, 45]);
      // The same grades as the plan at that date scored on its own.
      expect(computed.results).toEqual((await scoreWorkbookAt(port, 'it', '2023-06-30')).results);
      grading.mockClear();
      // Today's plan is not a recorded date: it and the two dates of the trend.
      await scoreWorkbook(port, 'it', { now });
      expect(grading).toHaveBeenCalledTimes(3);
    } finally {
      grading.mockRestore();
    }
  });
});
