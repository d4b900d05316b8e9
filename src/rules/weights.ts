/**
 * Pesatura (SPEC §3.3): raw weights of objectives, the baskets they are weighed in, and the
 * shares (Peso %) within a basket, with the floors of Peso minimo %.
 */
import { TYPE_MULTIPLIERS, type Basket, type Criterion, type Objective, type Rules, type WeightingRow } from '../schema/model';
import { blankOr, numberLiteral, type Operand } from './formulaText';

const isNonNegative = (value: number | null): value is number => value !== null && Number.isFinite(value) && value >= 0;

/**
 * Punteggio of a Pesatura row: Σ criterion Peso × score. Blank or unreadable scores count 0
 * (validation reports them); a row without any score is no raw-weight source (null).
 */
export function weightingScore(row: WeightingRow, criteria: readonly Criterion[]): number | null {
  let total = 0;
  let scored = false;
  for (const criterion of criteria) {
    const value = row.scores[criterion.name];
    if (!isNonNegative(value ?? null) || !isNonNegative(criterion.weight)) continue;
    total += criterion.weight * (value as number);
    scored = true;
  }
  return scored ? total : null;
}

export type RawWeightSource = 'pesatura' | 'peso' | 'default';

export interface RawWeight {
  value: number;
  source: RawWeightSource;
}

/**
 * The raw weight of an objective: its Pesatura score (× the tipologia multiplier when the rules
 * ask for it; a blank Tipologia multiplies by 1), else its Peso column, else 1.
 */
export function rawWeight(objective: Pick<Objective, 'weight' | 'kind'>, score: number | null, rules: Pick<Rules, 'typeMultipliers'>): RawWeight {
  if (score !== null) return { value: score * typeMultiplier(objective, rules), source: 'pesatura' };
  if (isNonNegative(objective.weight)) return { value: objective.weight, source: 'peso' };
  return { value: 1, source: 'default' };
}

/** The tipologia multiplier of a Pesatura score: 1 unless the rules ask for it and the objective has a Tipologia. */
export function typeMultiplier(objective: Pick<Objective, 'kind'>, rules: Pick<Rules, 'typeMultipliers'>): number {
  return rules.typeMultipliers && objective.kind !== null ? TYPE_MULTIPLIERS[objective.kind] : 1;
}

const SPACES = /\s+/g;

/** Owners are typed by hand: "Rossi Mario" and "rossi  mario " are the same person. */
function ownerKey(owner: string | null): string | null {
  const key = owner?.trim().replace(SPACES, ' ').toLowerCase() ?? '';
  return key === '' ? null : key;
}

/** The single basket of the Ente perimeter. */
const WHOLE_ORGANIZATION = '';

/**
 * The baskets an objective is a member of: Struttura → its unit and every Strutture coinvolte
 * unit (a transversal objective is a full member of each); Responsabile → its owner's; Ente →
 * the one basket. An objective without unit (or owner) belongs to no basket of that perimeter.
 */
export function basketKeys(objective: Pick<Objective, 'unit' | 'sharedWith' | 'owner'>, perimeter: Basket): string[] {
  if (perimeter === 'ente') return [WHOLE_ORGANIZATION];
  if (perimeter === 'responsabile') {
    const owner = ownerKey(objective.owner);
    return owner === null ? [] : [owner];
  }
  const keys: string[] = [];
  if (objective.unit !== null && objective.unit !== '') keys.push(objective.unit);
  for (const unit of objective.sharedWith) {
    if (unit !== '' && !keys.includes(unit)) keys.push(unit);
  }
  return keys;
}

/** The basket whose share is the objective's Peso %: its own unit's (or owner's, or the Ente one). */
export function ownBasketKey(objective: Pick<Objective, 'unit' | 'sharedWith' | 'owner'>, perimeter: Basket): string | null {
  if (perimeter === 'struttura') return objective.unit === null || objective.unit === '' ? null : objective.unit;
  return basketKeys(objective, perimeter)[0] ?? null;
}

/**
 * Shares (%, summing to 100) of the members of one basket, from their raw weights and floors
 * (Peso minimo %, null = none). Members below their floor are fixed at it and the rest share
 * 100 − Σ fixed floors in proportion to raw weight, repeated until no floor is violated.
 * When Σ floors > 100 no split can respect them (validation reports an error) and the shares
 * are plainly proportional. Null when every raw weight is 0: a basket with nothing to share has
 * no shares (SPEC §3.3; validation reports the error on those weights).
 */
export function basketShares(raw: readonly number[], floors: readonly (number | null)[]): number[] | null {
  const n = raw.length;
  const weight = raw.map((r) => (Number.isFinite(r) && r > 0 ? r : 0));
  if (n > 0 && !weight.some((w) => w > 0)) return null;
  const floor = raw.map((_, i) => {
    const f = floors[i] ?? null;
    return f !== null && Number.isFinite(f) && f > 0 ? f : 0;
  });
  const floorSum = floor.reduce((a, b) => a + b, 0);
  const fixed = new Array<boolean>(n).fill(false);
  const shares = new Array<number>(n).fill(0);
  const honourFloors = floorSum <= 100;
  let fixedSum = 0;
  for (;;) {
    let freeWeight = 0;
    let freeCount = 0;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      freeWeight += weight[i];
      freeCount++;
    }
    const remaining = 100 - fixedSum;
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      shares[i] = freeWeight > 0 ? (remaining * weight[i]) / freeWeight : remaining / freeCount;
    }
    if (!honourFloors) return shares;
    let violated = false;
    for (let i = 0; i < n; i++) {
      if (fixed[i] || shares[i] >= floor[i]) continue;
      fixed[i] = true;
      shares[i] = floor[i];
      fixedSum += floor[i];
      violated = true;
    }
    if (!violated) return shares;
  }
}

export interface BasketMember {
  raw: number;
  /** Peso minimo %. */
  floor: number | null;
  /** From basketKeys. */
  keys: readonly string[];
}

export interface BasketSplit {
  /** Indices into the members array, in its order. */
  members: number[];
  /** Peso % of each member in this basket, aligned with `members`; null when the raw weights are all 0. */
  shares: number[] | null;
}

/** Every basket with its members' shares, keyed as basketKeys keys them. */
export function splitBaskets(members: readonly BasketMember[]): Map<string, BasketSplit> {
  const baskets = new Map<string, BasketSplit>();
  members.forEach((member, index) => {
    for (const key of member.keys) {
      const basket = baskets.get(key);
      if (basket) basket.members.push(index);
      else baskets.set(key, { members: [index], shares: null });
    }
  });
  for (const basket of baskets.values()) {
    basket.shares = basketShares(
      basket.members.map((m) => members[m].raw),
      basket.members.map((m) => members[m].floor),
    );
  }
  return baskets;
}

/** Punteggio as a formula: Σ criterion Peso × score over the criteria cells, blank when none is scored. */
export function weightingScoreFormula(scores: readonly { weight: number; score: Operand }[]): string {
  if (scores.length === 0) return '""';
  const terms = scores.map(({ weight, score }) => (weight === 1 ? score.value : `${numberLiteral(weight)}*${score.value}`));
  return `IF(COUNT(${scores.map((s) => s.score.ref).join(',')})=0,"",${terms.join('+')})`;
}

/**
 * The raw weight as a formula: the Pesatura score (× the tipologia multiplier the engine
 * applied) when the objective has a Pesatura row, else its Peso (blank = 1).
 */
export function rawWeightFormula(weight: Operand | undefined, scoreCell: string | null, multiplier: number): string {
  const fallback = blankOr(weight, '1', (v) => v);
  if (scoreCell === null) return fallback;
  return `IF(${scoreCell}="",${fallback},${scoreCell}${multiplier === 1 ? '' : `*${numberLiteral(multiplier)}`})`;
}

/** Peso %: the raw weight's share of its basket's total; no share from a basket whose raw weights are all 0. */
export function weightShareFormula(rawCell: string, total: string): string {
  return `IF(OR(${rawCell}="",${total}=0),"",100*${rawCell}/${total})`;
}
