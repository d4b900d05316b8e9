/**
 * Cross-row validation (SPEC §4) on the typed plan. Cell-level problems (types, enums, ranges,
 * single required values) are found while reading cells (schema/read.ts); everything here
 * involves two fields of a row, several rows or several tables.
 */
import type { Finding } from '../schema/findings';
import type { Plan } from '../schema/model';
import { buildContext } from './context';
import { checkUniqueness } from './rules/codes';
import { checkIndicators } from './rules/indicators';
import { checkObjectives } from './rules/objectives';
import { checkPay } from './rules/pay';
import { checkPhases } from './rules/phases';
import { checkCycles, checkReferences } from './rules/references';
import { checkStaff } from './rules/staff';
import { checkDuplicateTitles } from './rules/titles';
import { checkUnitHeads } from './rules/units';
import { checkWeighting } from './rules/weighting';

const RULES = [
  checkUniqueness,
  checkReferences,
  checkCycles,
  checkDuplicateTitles,
  checkUnitHeads,
  checkObjectives,
  checkPhases,
  checkIndicators,
  checkWeighting,
  checkStaff,
  checkPay,
];

export function validate(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const ctx = buildContext(plan, findings);
  for (const rule of RULES) rule(ctx);
  return findings;
}
