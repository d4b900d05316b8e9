import { assessWorkbook, scoreWorkbook } from '../../src/actions/assess';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { TableData } from '../../src/workbook/port';

function table(name: string, headers: string[], rows: TableData['rows']): TableData {
  return { name, sheet: name, top: 1, left: 1, headers, rows };
}

const UNITS = table('Strutture', ['Codice', 'Denominazione', 'Responsabile'], [['RIS', 'Risorse', 'Rossi Anna']]);

describe('one problem, one finding', () => {
  test('an unreadable polarity is reported once, as unreadable, not also as missing', async () => {
    const port = MemoryWorkbook.fromTables([
      UNITS,
      table('Obiettivi', ['Codice', 'Titolo', 'Struttura'], [['RIS-1', 'Tempi di pagamento', 'RIS']]),
      table(
        'Indicatori',
        ['Codice', 'Obiettivo', 'Descrizione', 'Tipo', 'Polarità', 'Target', 'Consuntivo'],
        [['RIS-1.I1', 'RIS-1', 'Giorni medi', 'Numero', 'in su', 30, 28]],
      ),
    ]);
    const { located } = await assessWorkbook(port, 'it');
    const onPolarity = located.filter((f) => f.sheet === 'Indicatori' && f.column === 'Polarità');
    expect(onPolarity.map((f) => f.rule)).toEqual(['invalid-option']);
    expect(onPolarity[0].cell).toBe('E2');
  });

  test('a missing required column is one table finding, not one per row', async () => {
    const rows: TableData['rows'] = Array.from({ length: 50 }, (_, i) => [`OB-${i}`, 'RIS']);
    const port = MemoryWorkbook.fromTables([UNITS, table('Obiettivi', ['Codice', 'Struttura'], rows)]);
    const { located } = await assessWorkbook(port, 'it');
    const aboutTitle = located.filter((f) => f.column === 'Titolo');
    expect(aboutTitle).toHaveLength(1);
    expect(aboutTitle[0]).toMatchObject({ rule: 'column-missing', severity: 'errore', sheet: 'Obiettivi', row: null, cell: null });
  });

  test('computing never changes an input cell', async () => {
    const objectives = table('Obiettivi', ['Codice', 'Titolo', 'Struttura', 'Nota mia'], [['RIS-1', 'Tempi', 'RIS', 'da rivedere']]);
    const indicators = table(
      'Indicatori',
      ['Codice', 'Obiettivo', 'Descrizione', 'Tipo', 'Polarità', 'Target', 'Consuntivo'],
      [['RIS-1.I1', 'RIS-1', 'Giorni medi', 'Numero', 'Decrescente', 30, 36]],
    );
    const phases = table('Fasi', ['Obiettivo', 'Descrizione'], []);
    const port = MemoryWorkbook.fromTables([UNITS, objectives, indicators, phases]);
    const before = await port.readTables();
    const scored = await scoreWorkbook(port, 'it');
    expect(scored.results.indicators[0].grade).toBeCloseTo(83.3333333333, 9);
    const after = await port.readTables();
    for (const original of before) {
      const now = after.find((t) => t.name === original.name);
      expect(now).toBeDefined();
      const width = original.headers.length;
      expect(now?.headers.slice(0, width)).toEqual(original.headers);
      expect(now?.rows.map((r) => r.slice(0, width))).toEqual(original.rows);
    }
  });
});
