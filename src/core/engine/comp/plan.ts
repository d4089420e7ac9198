import type { CompWarning, CompWarningFact } from '../../report/warnings.js';
import type { Policy } from '../../policy/types.js';
import type {
  CompClawbackLine,
  CompMetric,
  CompPersonPeriod,
  CompPlanResult,
  CompSpiffLine,
} from '../../report/comp.js';
import { listPeriods } from '../periods.js';
import type { Period } from '../periods.js';
import { findClawbacks } from './clawbacks.js';
import type { CompContext } from './context.js';
import type { CreditIndex } from './credit.js';
import { yearShare } from './earning.js';
import type { PeriodValues, TallyInput } from './metric-types.js';
import { compMetricDefinitions } from './metrics.js';
import { Dec, formatMoney, parseAmount, ZERO } from './money.js';
import type { Decimal } from './money.js';
import { listPlanPeople } from './people.js';
import type { PlanMember } from './people.js';
import { computeVariablePay, teamMultiplierLines } from './person-period.js';
import type { PlanFrame, VariablePay } from './person-period.js';
import { paySpiffs } from './spiffs.js';
import { sumPlanParts } from './parts.js';

/** One plan's result, with its totals as exact decimals for the section totals. */
export interface PlanOutcome {
  result: CompPlanResult;
  total: Decimal;
}

function metricsUsed(spec: Policy<'CompPlan'>['spec']): CompMetric[] {
  const all = [...spec.components, ...(spec.gates ?? []), ...(spec.teamMultipliers ?? [])].map(
    (x) => x.metric as CompMetric,
  );
  return [...new Set(all)];
}

function sumMoney(amounts: readonly string[]): Decimal {
  return amounts.reduce((total, amount) => total.plus(new Dec(amount)), ZERO);
}

/** Variable pay of a period in which the person was not on the plan. */
function nothingPaid(): VariablePay {
  return {
    components: [],
    gates: [],
    multipliers: [],
    multiplier: 1,
    componentPay: ZERO,
    variablePay: ZERO,
    payouts: new Map(),
  };
}

function personPeriodLine(
  period: Period,
  pay: VariablePay | undefined,
  spiffs: CompSpiffLine[],
  clawbacks: CompClawbackLine[],
): CompPersonPeriod {
  const base = pay ?? nothingPaid();
  const total = base.variablePay
    .plus(sumMoney(spiffs.map((s) => s.amount)))
    .plus(sumMoney(clawbacks.map((c) => c.amount)));
  return {
    period: period.label,
    isActive: pay !== undefined,
    components: base.components,
    gates: base.gates,
    multipliers: base.multipliers,
    multiplier: base.multiplier,
    componentPay: formatMoney(base.componentPay),
    variablePay: formatMoney(base.variablePay),
    spiffs,
    clawbacks,
    total: formatMoney(total),
  };
}

/**
 * One comp plan over every payout period that has started by as-of: who is on it, what
 * each person earns per period, and the plan's totals. Warnings go to `warn` (unprefixed).
 */
export function computePlan(
  plan: Policy<'CompPlan'>,
  ctx: CompContext,
  credit: CreditIndex,
  warn: (warning: CompWarning) => void,
): PlanOutcome {
  const { spec } = plan;
  const planWarn = (fact: CompWarningFact): void => warn({ ...fact, plan: plan.metadata.name });
  const periods = listPeriods(spec.period, ctx.window, ctx.timeZone).filter((p) => p.start < ctx.asOf);
  const members = listPlanPeople(spec, ctx.data.users, periods, ctx.window, ctx.timeZone);
  const memberIds = new Set(members.map((m) => m.id));
  if (spec.goal !== undefined && ctx.goal !== undefined && ctx.goal.metadata.name !== spec.goal) {
    planWarn({ code: 'comp.other-goal', goal: spec.goal, evaluated: ctx.goal.metadata.name });
  }
  if (members.length === 0) planWarn({ code: 'comp.no-people', roles: [...spec.roles], team: spec.team });
  const tally: TallyInput = {
    ctx,
    credit,
    periods,
    people: memberIds,
    currency: spec.currency,
    isTeamCredit: members.length > 0 && !credit.ownsLeads(memberIds),
    otherCurrency: new Set(),
    warn: planWarn,
  };
  const values = new Map<CompMetric, PeriodValues[]>(
    metricsUsed(spec).map((m) => [m, compMetricDefinitions[m].tally(tally)]),
  );
  const share = yearShare(spec.period);
  const targetVariable = parseAmount(spec.targetVariable);
  if (targetVariable === null) planWarn({ code: 'comp.target-variable-invalid', targetVariable: spec.targetVariable });
  const frame: PlanFrame = {
    spec,
    share,
    periodVariable: (targetVariable ?? ZERO).times(share),
    values,
    warn: planWarn,
  };

  const multipliers = periods.map((_, k) =>
    teamMultiplierLines(
      frame,
      k,
      members.filter((m) => m.isActiveIn[k]).map((m) => m.id),
    ),
  );
  const pay = new Map<string, (VariablePay | undefined)[]>(
    members.map((m) => [
      m.id,
      periods.map((_, k) => (m.isActiveIn[k] ? computeVariablePay(frame, k, m.id, multipliers[k] ?? []) : undefined)),
    ]),
  );
  const payouts = new Map([...pay].map(([id, perPeriod]) => [id, perPeriod.map((p) => p?.payouts)]));
  const spiffs = paySpiffs(spec, ctx, periods, memberIds, planWarn);
  const clawbacks = findClawbacks({ frame, tally, periods, members, payouts });
  if (tally.otherCurrency.size > 0) {
    planWarn({ code: 'comp.other-currency', count: tally.otherCurrency.size, currency: spec.currency });
  }

  const periodTotals = periods.map(() => ZERO);
  const people = members.map((member: PlanMember) => {
    const lines: CompPersonPeriod[] = [];
    let personTotal = ZERO;
    periods.forEach((period, k) => {
      const variable = pay.get(member.id)?.[k];
      const clawed = clawbacks.get(member.id)?.[k] ?? [];
      if (variable === undefined && clawed.length === 0) return;
      const paid = variable === undefined ? [] : (spiffs.get(member.id)?.[k] ?? []);
      const line = personPeriodLine(period, variable, paid, clawed);
      periodTotals[k] = (periodTotals[k] ?? ZERO).plus(new Dec(line.total));
      personTotal = personTotal.plus(new Dec(line.total));
      lines.push(line);
    });
    return { id: member.id, name: member.name, team: member.team, periods: lines, total: formatMoney(personTotal) };
  });
  const total = periodTotals.reduce((sum, t) => sum.plus(t), ZERO);
  const result: CompPlanResult = {
    name: plan.metadata.name,
    file: plan.file,
    team: spec.team,
    roles: [...spec.roles],
    currency: spec.currency,
    periodUnit: spec.period,
    isTeamCredit: tally.isTeamCredit,
    periods: periods.map((p) => ({
      label: p.label,
      start: new Date(p.start).toISOString(),
      end: new Date(p.end).toISOString(),
      covered: Math.round(p.covered * 10_000) / 10_000,
    })),
    people,
    totals: {
      periods: periods.map((p, k) => ({ period: p.label, total: formatMoney(periodTotals[k] ?? ZERO) })),
      parts: sumPlanParts(spec.components, people),
      total: formatMoney(total),
    },
  };
  return { result, total };
}
