import type { CompWarningFact } from '../../report/warnings.js';
import type { Row } from '../../data/types.js';
import type { Period } from '../periods.js';
import type { CompContext } from './context.js';
import type { CreditIndex } from './credit.js';
import { ExactSum } from '../exact-sum.js';
import { Dec, parseAmount, ZERO } from './money.js';
import type { Decimal } from './money.js';
import { readText } from './rows.js';

/** How a metric is measured against its target: money and counts by a target, fractions are attainment already. */
export type MetricKind = 'money' | 'count' | 'fraction';

/** One metric in one payout period. */
export interface PeriodValues {
  /** Value per person id; a person missing here has 0. */
  byPerson: Map<string, Decimal>;
  /** When set, every person on the plan has this value: team credit, or a company-wide fraction. */
  shared: Decimal | null;
  /** Whether the shared value could not be known and counts as 0. */
  isUnknown: boolean;
}

/** What a metric is tallied from, for one plan. */
export interface TallyInput {
  ctx: CompContext;
  credit: CreditIndex;
  periods: readonly Period[];
  /** Ids of the people on the plan: only their credit is tallied. */
  people: ReadonlySet<string>;
  /** The plan's currency: money metrics count only opportunities in it. */
  currency: string;
  /** The plan's people own no leads, so sourced metrics credit the whole team with inbound opportunities. */
  isTeamCredit: boolean;
  /** Ids of opportunities credited to the plan's people but left out because their currency is not the plan's. */
  otherCurrency: Set<string>;
  warn(fact: CompWarningFact): void;
}

/** A metric a comp plan can pay on: its kind, and how it is tallied per period. */
export interface MetricDefinition {
  kind: MetricKind;
  /**
   * A cost per unit (blended_cac): lower is better, so attainment is target ÷ value; and its
   * target is a level, not a yearly sum, so it is not prorated to the payout period.
   */
  isCostPerUnit?: true;
  tally(input: TallyInput): PeriodValues[];
}

/** Empty values for every period. */
export function emptyValues(input: TallyInput): PeriodValues[] {
  return input.periods.map(() => ({ byPerson: new Map(), shared: null, isUnknown: false }));
}

/**
 * Values per person (and for the whole team) per period, summed exactly and fast (see
 * `ExactSum`), then given as PeriodValues in the order people were first credited.
 */
export class PeriodSums {
  private readonly people: Map<string, ExactSum>[];
  private readonly team: ExactSum[];

  constructor(private readonly input: TallyInput) {
    this.people = input.periods.map(() => new Map());
    this.team = input.periods.map(() => new ExactSum(Dec));
  }

  /** Adds an amount (a decimal text, as rows hold it) to a person's value in period `k`. */
  add(k: number, person: string, amount: string): void {
    const sums = this.people[k];
    if (sums === undefined) return;
    let sum = sums.get(person);
    if (sum === undefined) {
      sum = new ExactSum(Dec);
      sums.set(person, sum);
    }
    sum.add(amount);
  }

  /** Adds an amount to the team's value in period `k`. */
  addTeam(k: number, amount: string): void {
    this.team[k]?.add(amount);
  }

  /** The values; with `isTeam`, every period's team value is shared by all. */
  values(isTeam = false): PeriodValues[] {
    const values = emptyValues(this.input);
    values.forEach((bucket, k) => {
      for (const [person, sum] of this.people[k] ?? []) bucket.byPerson.set(person, sum.value());
      if (isTeam) bucket.shared = this.team[k]?.value() ?? ZERO;
    });
    return values;
  }
}

/**
 * The amount of an opportunity in the plan's currency: an empty `currency` is taken to be
 * the plan's; another currency leaves the opportunity out (never converted), and an empty
 * amount counts as 0. null when left out.
 */
export function amountInPlanCurrency(opportunity: Row, input: TallyInput): Decimal | null {
  return isInPlanCurrency(opportunity, input) ? (parseAmount(opportunity.amount) ?? ZERO) : null;
}

/**
 * Whether an opportunity counts in the plan's currency (an empty one is taken to be it); if not, it
 * is noted as left out.
 */
export function isInPlanCurrency(opportunity: Row, input: TallyInput): boolean {
  const currency = readText(opportunity, 'currency');
  if (currency !== null && currency !== input.currency) {
    input.otherCurrency.add(readText(opportunity, 'id') ?? '');
    return false;
  }
  return true;
}
