import type { Row } from '../../data/types.js';
import type { Period } from '../periods.js';
import type { CompContext } from './context.js';
import type { CreditIndex } from './credit.js';
import { parseAmount, ZERO } from './money.js';
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
  warn(message: string): void;
}

/** A metric a comp plan can pay on: its kind, and how it is tallied per period. */
export interface MetricDefinition {
  kind: MetricKind;
  tally(input: TallyInput): PeriodValues[];
}

/** Empty values for every period. */
export function emptyValues(input: TallyInput): PeriodValues[] {
  return input.periods.map(() => ({ byPerson: new Map(), shared: null, isUnknown: false }));
}

/** Adds `amount` to a person's value. */
export function addTo(values: PeriodValues, person: string, amount: Decimal): void {
  values.byPerson.set(person, (values.byPerson.get(person) ?? ZERO).plus(amount));
}

/**
 * The amount of an opportunity in the plan's currency: an empty `currency` is taken to be
 * the plan's; another currency leaves the opportunity out (never converted), and an empty
 * amount counts as 0. null when left out.
 */
export function amountInPlanCurrency(opportunity: Row, input: TallyInput): Decimal | null {
  const currency = readText(opportunity, 'currency');
  if (currency !== null && currency !== input.currency) {
    input.otherCurrency.add(readText(opportunity, 'id') ?? '');
    return null;
  }
  return parseAmount(opportunity.amount) ?? ZERO;
}
