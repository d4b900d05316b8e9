import { validate } from '../../src/validation/validate';
import { plan } from './builders';

test('the baseline plan of the builders has no finding but the default weight', () => {
  expect(validate(plan()).map((f) => [f.rule, f.severity, f.table, f.index, f.field])).toEqual([
    ['default-weight', 'info', 'objectives', 0, 'weight'],
  ]);
});
