import { scoreWorkbook } from '../../../src/actions/assess';
import { generatePlan } from '../../../src/bench/generate';
import { parseInterchange } from '../../../src/schema/interchange';
import { PAYLOAD_LIMIT } from '../../../src/workbook/office/officeWorkbook';
import { importChanges } from '../../../src/workbook/outputs';
import { officeUnderTest } from './foreign';

it('measure', async () => {
  const { port, model } = officeUnderTest();
  const raw = parseInterchange(generatePlan({ objectives: 50_000, indicators: 250_000, phases: 100_000 }));
  await port.apply(importChanges(raw, 'it'));
  model.syncs = [];
  await scoreWorkbook(port, 'it');
  const syncs = model.syncs;
  const bytes = syncs.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0);
  const lines = syncs.map((s, i) => {
    const counts = new Map<string, number>();
    for (const a of s.actions) counts.set(a, (counts.get(a) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([a, n]) => `${a}×${n}`).join(', ');
    return `${i + 1}: req ${s.requestBytes} resp ${s.responseBytes} ${top}`;
  });
  console.log(`${syncs.length} syncs, ${(bytes / 1e6).toFixed(1)} MB, bound ${Math.ceil(bytes / PAYLOAD_LIMIT) + 2}\n${lines.join('\n')}`);
}, 900_000);
