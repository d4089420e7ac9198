import { Decimal } from 'decimal.js';
import type { Row } from '../data/types.js';
import type { DealsSection, DealStats } from '../report/goal.js';
import { Dec } from './comp/money.js';
import { ExactSum } from './exact-sum.js';
import { describe, mean, NumberList, ratio } from './stats.js';

const DAY_MS = 86_400_000;

/** How an opportunity stands at as-of. */
export type DealState = 'won' | 'lost' | 'open' | 'future';

/** Won and lost need a `closed_at` by as-of; everything else created by as-of is open. */
export function dealState(opp: Row, asOf: number): DealState {
  const created = opp.created_at;
  if (typeof created !== 'number' || created > asOf) return 'future';
  const closed = opp.closed_at;
  if (typeof closed === 'number' && closed <= asOf) {
    if (opp.won === true) return 'won';
    if (opp.won === false) return 'lost';
  }
  return 'open';
}

/** The decimal amount of a deal; 0 when the export has none. */
export function amountOf(opp: Row): Decimal {
  return typeof opp.amount === 'string' ? new Decimal(opp.amount) : new Decimal(0);
}

function stats(days: NumberList): DealStats {
  const values = days.toArray();
  return { ...describe(values), mean: mean(values) };
}

/**
 * Deals as of the run: every opportunity created by as-of is won or lost (closed by as-of
 * with `won` true or false) or open. Win rate = won ÷ (won + lost). Cycle = days from
 * `created_at` to `closed_at`; open deals' age = days from `created_at` to as-of
 * (over90: older than 90 days). Amounts are summed exactly; the average won deal is rounded
 * to cents, half up. Currency is the opportunities' one, or null when they mix currencies
 * (amounts are then summed as given, and the run warns).
 */
export function measureDeals(opportunities: readonly Row[], asOf: number): { section: DealsSection; warnings: string[] } {
  let won = 0;
  let lost = 0;
  let open = 0;
  const wonAmount = new ExactSum(Dec);
  const wonDays = new NumberList();
  const lostDays = new NumberList();
  const openDays = new NumberList();
  let over90 = 0;
  const currencies = new Set<string>();
  const owners = new Map<string, { won: number; amount: ExactSum }>();
  for (let i = 0; i < opportunities.length; i++) {
    const opp = opportunities[i] as Row;
    const state = dealState(opp, asOf);
    if (state === 'future') continue;
    if (typeof opp.currency === 'string') currencies.add(opp.currency);
    const created = opp.created_at as number;
    if (state === 'open') {
      open++;
      const age = (asOf - created) / DAY_MS;
      openDays.push(age);
      if (age > 90) over90++;
      continue;
    }
    const days = ((opp.closed_at as number) - created) / DAY_MS;
    if (state === 'lost') {
      lost++;
      lostDays.push(days);
      continue;
    }
    won++;
    wonDays.push(days);
    const owner = typeof opp.owner_id === 'string' ? opp.owner_id : '(none)';
    let entry = owners.get(owner);
    if (entry === undefined) {
      entry = { won: 0, amount: new ExactSum(Dec) };
      owners.set(owner, entry);
    }
    entry.won++;
    if (typeof opp.amount === 'string') {
      wonAmount.add(opp.amount);
      entry.amount.add(opp.amount);
    }
  }
  const totalWon = wonAmount.value();
  const warnings = currencies.size > 1 ? [`Opportunities are in ${[...currencies].sort().join(', ')}; deal amounts are summed as given.`] : [];
  const byOwner = [...owners.entries()]
    .map(([ownerId, v]) => ({ ownerId, won: v.won, amount: v.amount.value() }))
    .sort((x, y) => y.amount.comparedTo(x.amount) || (x.ownerId < y.ownerId ? -1 : x.ownerId > y.ownerId ? 1 : 0))
    .map(({ ownerId, won, amount }) => ({ ownerId, won, wonAmount: amount.toFixed(2) }));
  return {
    section: {
      currency: currencies.size === 1 ? ([...currencies][0] as string) : null,
      total: won + lost + open,
      open,
      won,
      lost,
      winRate: ratio(won, won + lost),
      wonAmount: totalWon.toFixed(2),
      averageWonAmount: won === 0 ? null : totalWon.div(won).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      cycleDays: { won: stats(wonDays), lost: stats(lostDays) },
      openAgeDays: { ...stats(openDays), over90 },
      byOwner,
    },
    warnings,
  };
}
