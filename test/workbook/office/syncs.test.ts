import calenzano from '../../fixtures/calenzano-2023.json';
import { assessWorkbook, scoreWorkbook } from '../../../src/actions/assess';
import { resultsDocument } from '../../../src/actions/resultsJson';
import { parseInterchange } from '../../../src/schema/interchange';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../../src/workbook/outputs';
import { officeUnderTest } from './foreign';

async function importedCalenzano() {
  const made = officeUnderTest();
  await made.port.apply(importChanges(parseInterchange(calenzano), 'it'));
  made.model.syncs = [];
  return made;
}

describe('sync budget on the Calenzano workbook (data well under 4 MB)', () => {
  it('Verifica takes 2 syncs: metadata with the first rows, then the remaining rows', async () => {
    const { port, model } = await importedCalenzano();
    const assessment = await assessWorkbook(port, 'it');
    expect(assessment.plan.objectives.length).toBeGreaterThan(0);
    expect(model.syncs).toHaveLength(2);
    expect(model.syncs.every((s) => !s.actions.some((a) => a.startsWith('set') || a.startsWith('call')))).toBe(true);
  });

  it('Calcola takes 3 syncs: metadata, values, one write request with calculation, screen and events suspended', async () => {
    const { port, model } = await importedCalenzano();
    await scoreWorkbook(port, 'it');
    expect(model.syncs).toHaveLength(3);
    const write = model.syncs[2].actions;
    expect(write.slice(0, 3)).toEqual(['call suspendApiCalculationUntilNextSync', 'call suspendScreenUpdatingUntilNextSync', 'set enableEvents']);
    expect(write[write.length - 1]).toBe('set enableEvents');
    expect(model.eventsEnabled).toBe(true);
  });

  it('Calcola on Excel gives the grades of the in-memory workbook', async () => {
    const { port } = await importedCalenzano();
    const memory = new MemoryWorkbook();
    await memory.apply(importChanges(parseInterchange(calenzano), 'it'));
    const onExcel = await scoreWorkbook(port, 'it');
    const inMemory = await scoreWorkbook(memory, 'it');
    expect(resultsDocument(onExcel, 'it')).toEqual(resultsDocument(inMemory, 'it'));
    expect(onExcel.located).toEqual(inMemory.located);
  });
});
