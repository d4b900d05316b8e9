import { scoreWorkbook } from '../../../src/actions/assess';
import { generatePlan } from '../../../src/bench/generate';
import { parseInterchange } from '../../../src/schema/interchange';
import { PAYLOAD_LIMIT } from '../../../src/workbook/office/officeWorkbook';
import { importChanges } from '../../../src/workbook/outputs';
import { officeUnderTest } from './foreign';

describe('sync budget on a 50 000-objective / 250 000-indicator workbook', () => {
  it('Calcola uses at most ⌈bytes / 4 MB⌉ + 2 syncs, none carrying more than 4 MB either way', async () => {
    // A frozen clock: the write reuses the metadata of the read however long the computation takes
    // on this machine, as it does in Excel within METADATA_REUSE_MS; what is pinned here is the
    // packing by bytes.
    const { port, model } = officeUnderTest(undefined, { now: () => 0 });
    const raw = parseInterchange(generatePlan({ objectives: 50_000, indicators: 250_000, phases: 100_000 }));
    await port.apply(importChanges(raw, 'it'));
    const importSyncs = model.syncs;
    expect(Math.max(...importSyncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    model.syncs = [];
    const scored = await scoreWorkbook(port, 'it');
    const syncs = model.syncs;
    const bytes = syncs.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0);
    expect(scored.plan.indicators).toHaveLength(250_000);
    expect(scored.results.indicators).toHaveLength(250_000);
    // Measured with formulas: 94 syncs (28 reads) for 382.6 MB moved (bound 94); largest request
    // 4 186 049 bytes, largest response 4 168 457. With values only it was 33 syncs for 129.6 MB.
    // No sync merges: the metadata sync must precede the bodies (it gives their rows), the last
    // body chunk (1.0 MB and the notes' cells) precedes the writes computed from it, and the 66
    // writes carry 274.0 MB, 65.5 requests' worth. The bodies' 108.5 MB are 25.9 requests' worth in
    // 27: the chunk estimate's margins (10 % after the sample, 1 % after) leave about 1 %.
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(bytes / PAYLOAD_LIMIT) + 2);
    expect(Math.max(...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const reads = syncs.filter((s) => s.actions.every((a) => !a.startsWith('set')));
    const writes = syncs.filter((s) => s.actions.some((a) => a === 'set values'));
    expect(reads.length + writes.length).toBe(syncs.length);
    expect(writes.every((s) => s.actions[0] === 'call suspendApiCalculationUntilNextSync' && s.actions[s.actions.length - 1] === 'set enableEvents')).toBe(true);
  }, 600_000);
});
