/**
 * The content of a new, empty Traguardo workbook: every table, the rule profile filled with its
 * defaults (so a clerk sees what applies), the default bands and criteria.
 */
import { defaultBands, defaultCriteria, defaultRules } from '../schema/model';
import { rawFromDocument } from '../schema/interchangeRows';
import type { RawTables } from '../schema/raw';

export function templateRaw(year: number): RawTables {
  return rawFromDocument({
    format: 'traguardo/1',
    organization: null,
    year,
    units: [],
    objectives: [],
    indicators: [],
    phases: [],
    criteria: defaultCriteria(),
    weighting: [],
    staff: [],
    rules: defaultRules(year),
    bands: defaultBands(),
    people: [],
    profiles: [],
    items: [],
    evaluations: [],
    funds: [],
    classes: [],
    categoryCoefficients: [],
  });
}
