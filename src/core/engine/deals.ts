import type { EngineWarning } from '../report/warnings.js';
import { Decimal } from 'decimal.js';
import type { Row } from '../data/types.js';
import type { DealsSection, DealStats } from '../report/goal.js';
import { isFastPath } from '../fast-path.js';
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

/**
 * Exact figures behind the Deals section, as decimal texts (they are memoised and cloned,
 * so no Decimal objects): what velocity is built from before anything is rounded.
 */
export interface DealsExact {
  /** Σ amount of the won deals that carry one; null when none does. */
  wonAmount: string | null;
  /** Σ (closed_at − created_at) of the won deals, in milliseconds. */
  wonCycleMs: string;
}

/** Adds whole milliseconds exactly: in a double while the total is a safe integer (with the fast path on), then in Decimal. */
class MsSum {
  private total = 0;
  private overflow: Decimal | undefined;
  private readonly isFast = isFastPath();

  add(ms: number): void {
    const next = this.total + ms;
    if (this.isFast && Number.isSafeInteger(next)) this.total = next;
    else this.overflow = (this.overflow ?? new Dec(0)).plus(ms);
  }

  value(): Decimal {
    const fast = new Dec(this.total);
    return this.overflow === undefined ? fast : this.overflow.plus(fast);
  }
}

function stats(days: NumberList): DealStats {
  const values = days.toArray();
  return { ...describe(values), mean: mean(values) };
}

/**
 * Deals as of the run: every opportunity created by as-of is won or lost (closed by as-of
 * with `won` true or false) or open. Win rate = won ÷ (won + lost). Cycle = days from
 * `created_at` to `closed_at`; open deals' age = days from `created_at` to as-of
 * (over90: older than 90 days). Amounts are summed exactly; the average won deal (over the
 * won deals that carry an amount) is rounded to cents, half up. When no won deal carries an
 * amount, won amounts are unknown (null, `amountUnknown: 'no-amounts'`), never 0. Currency is the
 * opportunities' one, or null when they mix currencies (amounts are then summed as given, and
 * the run warns).
 */
export function measureDeals(
  opportunities: readonly Row[],
  asOf: number,
): { section: DealsSection; exact: DealsExact; warnings: EngineWarning[] } {
  let won = 0;
  let lost = 0;
  let open = 0;
  const wonAmount = new ExactSum(Dec);
  let wonWithAmount = 0;
  const wonCycleMs = new MsSum();
  const wonDays = new NumberList();
  const lostDays = new NumberList();
  const openDays = new NumberList();
  let over90 = 0;
  const currencies = new Set<string>();
  const owners = new Map<string, { won: number; withAmount: number; amount: ExactSum }>();
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
    wonCycleMs.add((opp.closed_at as number) - created);
    const owner = typeof opp.owner_id === 'string' ? opp.owner_id : '(none)';
    let entry = owners.get(owner);
    if (entry === undefined) {
      entry = { won: 0, withAmount: 0, amount: new ExactSum(Dec) };
      owners.set(owner, entry);
    }
    entry.won++;
    if (typeof opp.amount === 'string') {
      wonAmount.add(opp.amount);
      entry.amount.add(opp.amount);
      entry.withAmount++;
      wonWithAmount++;
    }
  }
  // A sum over won deals none of which carries an amount is unknown, not 0.
  const totalWon = won > 0 && wonWithAmount === 0 ? null : wonAmount.value();
  const wonWithoutAmount = won - wonWithAmount;
  const warnings: EngineWarning[] =
    currencies.size > 1 ? [{ code: 'deals.currencies-mixed', currencies: [...currencies].sort() }] : [];
  if (totalWon === null) warnings.push({ code: 'deals.amounts-unknown', won });
  else if (wonWithoutAmount > 0)
    warnings.push({ code: 'deals.without-amount', withoutAmount: wonWithoutAmount, won, withAmount: wonWithAmount });
  const byOwner = [...owners.entries()]
    .map(([ownerId, v]) => ({ ownerId, won: v.won, amount: v.withAmount === 0 ? null : v.amount.value() }))
    .sort(
      (x, y) =>
        compareAmounts(x.amount, y.amount) ||
        y.won - x.won ||
        (x.ownerId < y.ownerId ? -1 : x.ownerId > y.ownerId ? 1 : 0),
    )
    .map(({ ownerId, won, amount }) => ({ ownerId, won, wonAmount: amount === null ? null : amount.toFixed(2) }));
  return {
    section: {
      currency: currencies.size === 1 ? ([...currencies][0] as string) : null,
      total: won + lost + open,
      open,
      won,
      lost,
      winRate: ratio(won, won + lost),
      wonAmount: totalWon === null ? null : totalWon.toFixed(2),
      averageWonAmount:
        won === 0 || totalWon === null
          ? null
          : totalWon.div(wonWithAmount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      wonWithoutAmount,
      amountUnknown: totalWon === null ? 'no-amounts' : null,
      cycleDays: { won: stats(wonDays), lost: stats(lostDays) },
      openAgeDays: { ...stats(openDays), over90 },
      byOwner,
    },
    exact: { wonAmount: totalWon === null ? null : totalWon.toString(), wonCycleMs: wonCycleMs.value().toString() },
    warnings,
  };
}

/** Larger amounts first; unknown ones last. */
function compareAmounts(x: Decimal | null, y: Decimal | null): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return y.comparedTo(x);
}

/** The amounts of the deals won by as-of that carry one (exact text): the sample the average won deal comes from. */
export function listWonAmounts(opportunities: readonly Row[], asOf: number): string[] {
  const out: string[] = [];
  for (const opp of opportunities)
    if (dealState(opp, asOf) === 'won' && typeof opp.amount === 'string') out.push(opp.amount);
  return out;
}
