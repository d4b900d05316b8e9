import calenzano from '../../fixtures/calenzano-2023.json';
import { assessWorkbook, scoreWorkbook } from '../../../src/actions/assess';
import { UserError } from '../../../src/errors';
import { message } from '../../../src/i18n';
import { officeMessages } from '../../../src/i18n/messages/office';
import { parseInterchange } from '../../../src/schema/interchange';
import { ALL_TABLES } from '../../../src/schema/tables';
import type { OfficeWorkbookOptions } from '../../../src/workbook/office/officeWorkbook';
import { importChanges } from '../../../src/workbook/outputs';
import type { ExcelModel } from './excelDouble';
import { officeUnderTest } from './foreign';

const OUTPUT_HEADERS = new Set(ALL_TABLES.flatMap((t) => t.outputs.flatMap((o) => [o.label.it.toLowerCase(), o.label.en.toLowerCase()])));

/** The sheets Traguardo writes whole, output only. */
const OUTPUT_SHEETS = new Set(['Riepilogo', 'Riepilogo DUP', 'Andamento']);

/** Every cell a user typed: the table cells outside output columns, and every other sheet but the output sheets. */
function inputCells(model: ExcelModel): string {
  const cells: string[] = [];
  for (const sheet of model.sheets) {
    if (OUTPUT_SHEETS.has(sheet.name)) continue;
    const outputColumns = new Set<number>();
    for (const table of model.tables.filter((t) => t.sheet === sheet)) {
      model.headers(table).forEach((h, i) => {
        if (OUTPUT_HEADERS.has(h.toLowerCase())) outputColumns.add(table.column + i);
      });
    }
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell && !(outputColumns.has(c) && r > 0)) cells.push(`${sheet.name}!${r},${c}=${JSON.stringify(cell.value)}|${cell.format ?? ''}`);
      }),
    );
  }
  return cells.join('\n');
}

async function imported(options: Partial<OfficeWorkbookOptions> = {}) {
  const made = officeUnderTest(undefined, options);
  await made.port.apply(importChanges(parseInterchange(calenzano), 'it'));
  made.model.syncs = [];
  return made;
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('a failure at any sync leaves every input cell as it was', () => {
  // A 32 KB budget cuts Calcola on Calenzano into many reads and several writes.
  const SMALL = { payloadLimit: 32 * 1024 };

  it('Calcola in small requests takes many syncs, and gives the same outputs as in one request', async () => {
    const small = await imported(SMALL);
    await scoreWorkbook(small.port, 'it');
    const large = await imported();
    await scoreWorkbook(large.port, 'it');
    expect(small.model.syncs.length).toBeGreaterThan(6);
    expect(small.model.syncs.filter((s) => s.actions.includes('set values')).length).toBeGreaterThan(1);
    const content = (model: ExcelModel): string => JSON.stringify(model.sheets.map(({ id, ...sheet }) => sheet));
    expect(content(small.model)).toBe(content(large.model));
  });

  it('at every sync of Calcola, whether Excel fails halfway through the request or after it', async () => {
    const probe = await imported(SMALL);
    await scoreWorkbook(probe.port, 'it');
    const count = probe.model.syncs.length;
    for (let sync = 1; sync <= count; sync++) {
      for (const afterActions of [0, undefined, 10_000]) {
        const { port, model } = await imported(SMALL);
        const before = inputCells(model);
        model.failAt = { sync, afterActions };
        const error = await rejection(scoreWorkbook(port, 'it'));
        expect({ sync, afterActions, key: error.key }).toEqual({ sync, afterActions, key: 'office-refused' });
        expect(inputCells(model)).toBe(before);
        expect(model.eventsEnabled).toBe(true);
      }
    }
  });
});

describe('Excel refusals become messages the user can act on', () => {
  it('a protected sheet refuses Calcola before any write is sent', async () => {
    const { port, model } = await imported();
    model.sheet('Indicatori')!.protected = true;
    const before = inputCells(model);
    const error = await rejection(scoreWorkbook(port, 'it'));
    expect(error.key).toBe('workbook-sheet-protected');
    expect(error.params).toEqual({ sheet: 'Indicatori' });
    expect(model.syncs).toHaveLength(2);
    expect(model.syncs.flatMap((s) => s.actions).filter((a) => a.startsWith('set') || a.startsWith('call'))).toEqual([]);
    expect(inputCells(model)).toBe(before);
  });

  it('a sheet protected between reading and writing: Excel refuses (AccessDenied) and nothing of the input changes', async () => {
    const { port, model } = await imported();
    const tables = await port.readTables();
    model.sheet('Obiettivi')!.protected = true;
    const before = inputCells(model);
    const objectives = tables.find((t) => t.name === 'Obiettivi')!;
    const error = await rejection(
      port.apply([
        { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['x']] },
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: objectives.rows.map(() => 'OK') },
      ]),
    );
    expect(error.key).toBe('office-sheet-protected');
    expect(inputCells(model)).toBe(before);
    expect(model.eventsEnabled).toBe(true);
  });

  it('cell-edit mode: «Terminare la modifica della cella (Invio o Esc) e riprovare»', async () => {
    const { port, model } = await imported();
    model.editing = true;
    const error = await rejection(assessWorkbook(port, 'it'));
    expect(error.key).toBe('office-cell-editing');
    expect(message(error.key, error.params, 'it')).toContain('Terminare la modifica della cella (Invio o Esc) e riprovare');
  });

  it('a payload Excel refuses even in the smallest request is reported as too large', async () => {
    const { port, model } = await imported();
    model.rejectAbove = 2_000;
    const error = await rejection(assessWorkbook(port, 'it'));
    expect(error.key).toBe('office-payload-too-large');
  });

  it('a read Excel finds too large is read again in smaller chunks', async () => {
    const { port, model } = await imported({ payloadLimit: 64 * 1024 });
    // Responses are refused above 12 KB while the adapter aims at 64 KB: it halves until they pass.
    model.rejectAbove = 12 * 1024;
    const sheet = model.sheet('Obiettivi')!;
    for (let r = 2; r < 40; r++) model.update(sheet, r, 1, { value: 'x'.repeat(300) });
    const { plan } = await assessWorkbook(port, 'it');
    expect(plan.objectives.length).toBeGreaterThan(0);
    const refused = model.syncs.filter((s) => s.failed === 'ResponsePayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThan(0);
    expect(Math.max(...model.syncs.filter((s) => !s.failed).map((s) => s.responseBytes))).toBeLessThanOrEqual(12 * 1024);
  });

  it('a sync that never returns ends in office-timeout', async () => {
    const { port, model } = await imported({ syncTimeoutMs: 20 });
    model.hangAt = 1;
    const error = await rejection(assessWorkbook(port, 'it'));
    expect(error.key).toBe('office-timeout');
    expect(message(error.key, error.params, 'it')).toContain('Excel non ha risposto');
  });

  it('every message of the adapter exists in Italian and English', () => {
    for (const [key, text] of Object.entries(officeMessages)) {
      expect({ key, it: text.it.length > 0, en: text.en.length > 0 }).toEqual({ key, it: true, en: true });
    }
  });
});

describe('layout in Excel', () => {
  it('creates dropdown lists, band colours, grey output columns and header notes', async () => {
    const { model } = await imported();
    const indicators = model.sheet('Indicatori')!;
    expect(indicators.validations.some((v) => v.source.split(',').includes('SI'))).toBe(true);
    const objectives = model.sheet('Obiettivi')!;
    const table = model.table('Obiettivi')!;
    const grade = model.headers(table).indexOf('Grado finale %');
    expect(grade).toBeGreaterThan(0);
    const bands = objectives.conditional.filter((c) => c.rect.column === table.column + grade);
    expect(bands.length).toBeGreaterThan(1);
    expect(bands[0].formula).toMatch(/^=AND\(ISNUMBER\([A-Z]+2\),[A-Z]+2>=/);
    expect(model.cell(objectives, 0, table.column + grade)).toMatchObject({ fill: '#D9D9D9', bold: true });
    expect(model.cell(objectives, 0, table.column + grade)?.note).toMatch(/^calcolato/);
    expect(model.cell(objectives, 1, table.column + grade)?.fill).toBe('#D9D9D9');
  });

  it('without ExcelApi 1.18 the header notes are left out, the rest is the same', async () => {
    const made = officeUnderTest(undefined, { supports: () => false });
    await made.port.apply(importChanges(parseInterchange(calenzano), 'it'));
    const sheet = made.model.sheet('Obiettivi')!;
    expect(sheet.cells[0].some((c) => c?.note)).toBe(false);
  });

  it('selectCell activates the sheet and selects the cell', async () => {
    const { port, model } = await imported();
    await port.selectCell('Indicatori', 'E7');
    expect(model.selection).toEqual({ sheet: 'Indicatori', address: 'E7' });
    expect(model.syncs).toHaveLength(1);
  });
});
