import type { Policy } from '../../policy/types.js';
import type { CompMetric, CompPeriod, CompPlanResult, CompSection } from '../../report/comp.js';
import { yearShare } from './earning.js';
import type { PeriodValues } from './metric-types.js';
import { formatMoney, parseAmount, ZERO } from './money.js';
import { listCountedAsZero } from './index.js';
import { sumPlanParts } from './parts.js';
import { computeVariablePay, teamMultiplierLines } from './person-period.js';
import type { PlanFrame } from './person-period.js';

/**
 * What a plan pays its people in one payout period for given metric values (e.g. values a
 * projection expects), with the same tiers, caps, gates and team multipliers as `computeComp`;
 * no SPIFs or clawbacks (they are paid per deal). A metric the plan uses but `values` lacks
 * counts as unknown (0, flagged). The result compares with another through `comparePayouts`.
 */
export function payPlanOnValues(
  plan: Policy<'CompPlan'>,
  period: CompPeriod,
  people: readonly string[],
  values: ReadonlyMap<CompMetric, PeriodValues>,
  warn: (message: string) => void = () => undefined,
): CompPlanResult {
  const { spec } = plan;
  const share = yearShare(spec.period);
  const unknown: PeriodValues = { byPerson: new Map(), shared: ZERO, isUnknown: true };
  const used = [...spec.components, ...(spec.gates ?? []), ...(spec.teamMultipliers ?? [])].map(
    (x) => x.metric as CompMetric,
  );
  const frame: PlanFrame = {
    spec,
    share,
    periodVariable: (parseAmount(spec.targetVariable) ?? ZERO).times(share),
    values: new Map(used.map((m) => [m, [values.get(m) ?? unknown]])),
    warn: (message) => warn(`${plan.metadata.name}: ${message}`),
  };
  const multipliers = teamMultiplierLines(frame, 0, people);
  let total = ZERO;
  const paid = [...people].sort().map((id) => {
    const pay = computeVariablePay(frame, 0, id, multipliers);
    total = total.plus(pay.variablePay);
    return {
      id,
      name: null,
      team: spec.team,
      periods: [
        {
          period: period.label,
          isActive: true,
          components: pay.components,
          gates: pay.gates,
          multipliers: pay.multipliers,
          multiplier: pay.multiplier,
          componentPay: formatMoney(pay.componentPay),
          variablePay: formatMoney(pay.variablePay),
          spiffs: [],
          clawbacks: [],
          total: formatMoney(pay.variablePay),
        },
      ],
      total: formatMoney(pay.variablePay),
    };
  });
  return {
    name: plan.metadata.name,
    file: plan.file,
    team: spec.team,
    roles: [...spec.roles],
    currency: spec.currency,
    periodUnit: spec.period,
    isTeamCredit: false,
    periods: [period],
    people: paid,
    totals: {
      periods: [{ period: period.label, total: formatMoney(total) }],
      parts: sumPlanParts(spec.components, paid),
      total: formatMoney(total),
    },
  };
}

/** Plans paid on given values, as a comp section (totals per plan only) for `comparePayouts`. */
export function sectionOf(plans: readonly CompPlanResult[]): CompSection {
  return {
    moneyRounding: 'cents-half-up',
    plans: [...plans],
    totals: {
      byPlan: plans.map((p) => ({ plan: p.name, team: p.team, currency: p.currency, total: p.totals.total })),
      byTeam: [],
      overall: [],
    },
    countedAsZero: listCountedAsZero(plans),
    warnings: [],
  };
}
