import type { Finding, Severity, TableKey } from '../../src/schema/findings';
import { blockedRows } from '../../src/validation/blocked';

const f = (severity: Severity, table: TableKey, index: number | null): Finding => ({ severity, rule: 'r', table, index, field: null, params: {} });

test('only errors block, and only rows of objectives, indicators, phases and Pesatura', () => {
  const blocked = blockedRows([
    f('errore', 'objectives', 3),
    f('avviso', 'objectives', 4),
    f('info', 'indicators', 1),
    f('errore', 'indicators', 2),
    f('errore', 'indicators', 2),
    f('errore', 'phases', 0),
    f('errore', 'weighting', 7),
    f('errore', 'units', 5),
    f('errore', 'staff', 6),
    f('errore', 'rules', null),
  ]);
  expect([...blocked.objectives]).toEqual([3]);
  expect([...blocked.indicators]).toEqual([2]);
  expect([...blocked.phases]).toEqual([0]);
  expect([...blocked.weighting]).toEqual([7]);
});
