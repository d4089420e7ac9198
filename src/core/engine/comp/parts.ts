import type { CompMetric, CompPartTotal, CompPerson } from '../../report/comp.js';
import { Dec, formatMoney, ZERO } from './money.js';
import type { Decimal } from './money.js';

/**
 * What a plan paid per part over the window: each component (in the plan's order, also when it
 * paid 0, so a gated component shows), then team multipliers, SPIFs and clawbacks when they paid.
 * Summed from the rounded person-period lines, so the parts add up exactly to the plan's total.
 */
export function sumPlanParts(
  components: readonly { id: string; metric: string }[],
  people: readonly CompPerson[],
): CompPartTotal[] {
  const byComponent = new Map<string, Decimal>(components.map((c) => [c.id, ZERO]));
  let multipliers = ZERO;
  let spiffs = ZERO;
  let clawbacks = ZERO;
  for (const person of people) {
    for (const line of person.periods) {
      for (const c of line.components) byComponent.set(c.id, (byComponent.get(c.id) ?? ZERO).plus(new Dec(c.payout)));
      multipliers = multipliers.plus(new Dec(line.variablePay).minus(line.componentPay));
      for (const s of line.spiffs) spiffs = spiffs.plus(new Dec(s.amount));
      for (const c of line.clawbacks) clawbacks = clawbacks.plus(new Dec(c.amount));
    }
  }
  const parts: CompPartTotal[] = components.map((c) => ({
    part: 'component',
    id: c.id,
    metric: c.metric as CompMetric,
    total: formatMoney(byComponent.get(c.id) ?? ZERO),
  }));
  const extras = [
    ['multipliers', multipliers],
    ['spiffs', spiffs],
    ['clawbacks', clawbacks],
  ] as const;
  for (const [part, total] of extras) {
    if (!total.isZero()) parts.push({ part, id: null, metric: null, total: formatMoney(total) });
  }
  return parts;
}
