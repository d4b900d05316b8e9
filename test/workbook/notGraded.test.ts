/**
 * An objective that errors in its indicator or phase rows leave without a grade says so in its
 * own Esito verifica, naming the cells — after Verifica and after Calcola, never «OK».
 */
import { scoreWorkbook, validateWorkbook } from '../../src/actions/assess';
import { buildDemoRaw } from '../../src/demo/demo';
import type { CellValue } from '../../src/schema/raw';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import type { TableData } from '../../src/workbook/port';

function table(name: string, headers: string[], rows: CellValue[][]): TableData {
  return { name, sheet: name, top: 1, left: 1, headers, rows };
}

/** OB1: two indicators with an unreadable Target (F2, F3) and one phase without Descrizione (B2); OB2 fine. */
function workbook(): MemoryWorkbook {
  return MemoryWorkbook.fromTables([
    table('Strutture', ['Codice', 'Denominazione'], [['U1', 'Ufficio']]),
    table('Obiettivi', ['Codice', 'Titolo', 'Struttura', 'Esito verifica'], [['OB1', 'Primo', 'U1', null], ['OB2', 'Secondo', 'U1', null]]),
    table('Indicatori', ['Codice', 'Obiettivo', 'Descrizione', 'Tipo', 'Polarità', 'Target', 'Consuntivo'], [
      ['I1', 'OB1', 'a', 'Numero', 'Crescente', 'entro aprile', 3],
      ['I2', 'OB1', 'b', 'Numero', 'Crescente', 'molti', 4],
      ['I3', 'OB2', 'c', 'Numero', 'Crescente', 10, 8],
    ]),
    table('Fasi', ['Obiettivo', 'Descrizione', 'Avanzamento %', 'Inizio previsto', 'Fine prevista'], [['OB1', null, 50, '2026-01-01', '2026-12-31']]),
  ]);
}

/** The same in English, the indicators on a sheet whose name needs quoting in a reference. */
function englishWorkbook(): MemoryWorkbook {
  return MemoryWorkbook.fromTables([
    table('Units', ['Code', 'Name'], [['U1', 'Office']]),
    table('Objectives', ['Code', 'Title', 'Unit', 'Check result'], [['OB1', 'First', 'U1', null]]),
    { ...table('Indicators', ['Code', 'Objective', 'Description', 'Type', 'Polarity', 'Target', 'Actual'], [['I1', 'OB1', 'a', 'Number', 'Increasing', 'by April', 3]]), sheet: 'Indicators 2023' },
    table('Phases', ['Objective', 'Description', 'Progress %', 'Planned start', 'Planned end'], [['OB1', null, 50, '2026-01-01', '2026-12-31']]),
  ]);
}

async function checkColumn(book: MemoryWorkbook, lang: 'it' | 'en' = 'it'): Promise<CellValue[]> {
  const [name, header] = lang === 'it' ? ['Obiettivi', 'Esito verifica'] : ['Objectives', 'Check result'];
  const objectives = (await book.readTables()).find((t) => t.name === name) as TableData;
  return objectives.rows.map((r) => r[objectives.headers.indexOf(header)]);
}

describe('Esito verifica of an objective blocked by errors in its other rows', () => {
  it('Calcola names the cells, sheet by sheet', async () => {
    const book = workbook();
    const computed = await scoreWorkbook(book, 'it');
    expect(computed.results.analysis.grading).toEqual(['blocked', 'parts']);
    expect(await checkColumn(book)).toEqual(['Non calcolato: errori in Indicatori!F2, F3; Fasi!B2', 'OK']);
  });

  it('Verifica says the same before any Calcola', async () => {
    const book = workbook();
    await validateWorkbook(book, 'it');
    expect(await checkColumn(book)).toEqual(['Non calcolato: errori in Indicatori!F2, F3; Fasi!B2', 'OK']);
  });

  it('in an English workbook, in English, quoting a sheet name with a space', async () => {
    const book = englishWorkbook();
    await validateWorkbook(book, 'en');
    expect(await checkColumn(book, 'en')).toEqual(["Not graded: errors in 'Indicators 2023'!F2; Phases!B2"]);
  });

  it('on the demo: AMB-1 names its cells; T1 lists ten and counts the rest; own warnings follow', async () => {
    const book = new MemoryWorkbook();
    await book.apply(importChanges(buildDemoRaw(), 'it'));
    await scoreWorkbook(book, 'it');
    const objectives = (await book.readTables()).find((t) => t.name === 'Obiettivi') as TableData;
    const esito = new Map(objectives.rows.map((r) => [r[objectives.headers.indexOf('Codice')], r[objectives.headers.indexOf('Esito verifica')]]));
    expect(esito.get('AMB-1')).toBe('Non calcolato: errori in Indicatori!D82, K82, D83, K83; Fasi!D85, G85');
    expect(esito.get('T1')).toMatch(/^Non calcolato: errori in Indicatori!D3, K3, D4, K4, D5, K5, D8, K8, D9, K9 e altre 4; avviso: Le 8 fasi di T1/);
    // Every objective without a grade because of its rows says so: none reads «OK» with a blank grade.
    const grade = objectives.headers.indexOf('Grado finale %');
    const silent = objectives.rows.filter((r) => r[objectives.headers.indexOf('Esito verifica')] === 'OK' && r[grade] === null);
    expect(silent).toEqual([]);
  });
});
