import type { CompTotals } from '../../report/comp.js';
import { formatMoney, ZERO } from './money.js';
import type { Decimal } from './money.js';
import type { PlanOutcome } from './plan.js';

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Totals per plan, per team and currency, and per currency; amounts in different currencies are never added. */
export function sumTotals(outcomes: readonly PlanOutcome[]): CompTotals {
  const teams = new Map<string, { team: string; currency: string; total: Decimal }>();
  const currencies = new Map<string, Decimal>();
  for (const { result, total } of outcomes) {
    const key = JSON.stringify([result.team, result.currency]);
    const team = teams.get(key) ?? { team: result.team, currency: result.currency, total: ZERO };
    team.total = team.total.plus(total);
    teams.set(key, team);
    currencies.set(result.currency, (currencies.get(result.currency) ?? ZERO).plus(total));
  }
  return {
    byPlan: outcomes.map(({ result, total }) => ({
      plan: result.name,
      team: result.team,
      currency: result.currency,
      total: formatMoney(total),
    })),
    byTeam: [...teams.values()]
      .sort((a, b) => byKey(a.team, b.team) || byKey(a.currency, b.currency))
      .map((t) => ({ team: t.team, currency: t.currency, total: formatMoney(t.total) })),
    overall: [...currencies]
      .sort(([a], [b]) => byKey(a, b))
      .map(([currency, total]) => ({ currency, total: formatMoney(total) })),
  };
}
