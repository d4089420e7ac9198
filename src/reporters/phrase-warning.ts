import { Decimal } from 'decimal.js';
import type { CompCacUnknown, CompPart, CompWarningFact, EngineWarning } from '../core/report/warnings.js';

const partNames: Readonly<Record<CompPart, string>> = {
  component: 'component',
  gate: 'gate',
  'team-multiplier': 'team multiplier',
};

const consequences: Readonly<Record<CompPart, string>> = {
  component: 'it pays 0',
  gate: 'the gate fails',
  'team-multiplier': 'it does not apply',
};

const cacReasons: Readonly<Record<CompCacUnknown, string>> = {
  'no-spend': 'no spend rows',
  'no-customers': 'no new customers won',
  'mixed-currencies': 'spend in more than one currency',
  'other-currency': 'spend in another currency than the plan',
  'zero-spend': 'a spend of 0',
  'not-measured': 'no spend data in this run',
  'sales-cost-unpriced': 'a sales team the base cannot price',
};

/** An exact ratio text as a percent for display: `0.3` → `30 %`. */
function percentOf(ratio: string): string {
  return `${new Decimal(ratio).times(100).toDecimalPlaces(1).toString()} %`;
}

function phraseComp(w: CompWarningFact): string {
  switch (w.code) {
    case 'comp.other-goal':
      return `it pays on goal ${w.goal}, but the goal evaluated is ${w.evaluated}; goal metrics use ${w.evaluated}.`;
    case 'comp.no-people':
      return `no user with role ${w.roles.join(' or ')} in team ${w.team} is active in the window.`;
    case 'comp.target-variable-invalid':
      return `targetVariable ${w.targetVariable} is not a decimal; variable pay is 0.`;
    case 'comp.other-currency':
      return `${w.count} opportunities in a currency other than ${w.currency} are left out of its money metrics (amounts are never converted).`;
    case 'comp.no-target':
      return `${partNames[w.part]} ${w.id}: ${w.metric} has no target (neither its own nor a quota of the same metric); ${consequences[w.part]}.`;
    case 'comp.zero-target':
      return `${partNames[w.part]} ${w.id}: the target of ${w.metric} is 0, so attainment is undefined; ${consequences[w.part]}.`;
    case 'comp.goal-unknown':
      return w.period === null
        ? 'goal_attainment is unknown (no shared RevenueGoal was evaluated); it counts as 0.'
        : `goal_attainment is unknown for ${w.period} (the goal's metric cannot be measured: its won deals carry no amount, or its target is 0); it counts as 0.`;
    case 'comp.constraint-unknown':
      return `constraint_target_met is unknown for ${w.period}; it counts as 0.`;
    case 'comp.amounts-unknown':
      return `${w.metric} is unknown for ${w.periods.join(', ')}: none of the opportunities credited carries an amount; it counts as 0.`;
    case 'comp.cac-unknown':
      return `blended_cac is unknown for ${w.period} (${cacReasons[w.reason]}); components on it pay nothing there.`;
    case 'comp.clawback-unpriced':
      return `opportunity ${w.opportunityId} was cancelled within the clawback window but closed before the evaluated window; its commission is unknown and is not clawed back.`;
    case 'comp.spiff-invalid':
      return `SPIF ${w.spiff} has an invalid amount or date; it is not paid.`;
    case 'comp.spiff-rule-invalid':
      return `SPIF ${w.spiff}: its rule does not compile (${w.error}); it is not paid.`;
    case 'comp.shared-outcome':
      return `under the change it pays ${percentOf(w.share)} of its target variable on the shared goal or the constraint metric (${w.outcomeMetrics.join(', ')}), less than the ${percentOf(w.minShare)} the RevenueGoal asks, and no gate on them holds back the rest${w.paidOn.length === 0 ? '' : ` (paid on ${w.paidOn.join(', ')})`}; revops validate fails on it.`;
    case 'comp.spiff-rule-failed':
      return `SPIF ${w.spiff}: the rule failed on opportunity ${w.opportunityId} (${w.error ?? 'message masked'}); it does not match.`;
  }
}

/** ` in leads.csv, column employee_count`: what a data waiver names, or nothing. */
function whereOf(w: { entity: string | null; file: string | null; column: string | null }): string {
  const parts = [
    ...(w.file !== null ? [w.file] : w.entity !== null ? [w.entity] : []),
    ...(w.column !== null ? [`column ${w.column}`] : []),
  ];
  return parts.length === 0 ? '' : ` in ${parts.join(', ')}`;
}

/**
 * An engine warning as one plain-text sentence (renderers escape it): the one place each
 * warning code becomes words.
 */
export function phraseWarning(w: EngineWarning): string {
  if ('plan' in w) return `${w.plan}: ${phraseComp(w)}`;
  switch (w.code) {
    case 'classify.rule-failed':
      return `${w.count} leads could not be classed: a rule failed on their values (first: ${w.firstError ?? 'message masked'}); they are counted as ${w.countedAs}.`;
    case 'sla.events-unrelated':
      return `SLA ${w.sla}: its events ${w.from} and ${w.to} do not both concern leads or both opportunities (or a lead and its opportunity); it is not measured.`;
    case 'funnel.won-without-lead':
      return `${w.count} won deals arrive in stage ${w.stage} without a lead advancing out of stage ${w.leadStage} for them: their lead is not in the data, never entered ${w.leadStage}, entered it only after the deal closed, or had advanced with an earlier deal. Stage ${w.stage} counts every won deal, stage ${w.leadStage} only the leads it converts.`;
    case 'funnel.bridged-by-stamp':
      return `${w.count} leads advanced to stage ${w.stage} by their opportunity_at stamp alone: no opportunity row names them (lead_id), so stage ${w.stage}, which counts opportunity rows, does not count them among its arrivals.`;
    case 'deals.currencies-mixed':
      return `Opportunities are in ${w.currencies.join(', ')}; deal amounts are summed as given.`;
    case 'deals.amounts-unknown':
      return `None of the ${w.won} won deals carries an amount, so won amounts are unknown.`;
    case 'deals.without-amount':
      return `${w.withoutAmount} of the ${w.won} won deals carry no amount; won amounts sum the other ${w.withAmount}.`;
    case 'goal.other-currency':
      return `${w.count} won deals are not in ${w.currency} and are left out of the goal.`;
    case 'goal.amounts-unknown':
      return `None of the won deals counted by the goal ${w.goal} carries an amount, so its actual and attainment are unknown.`;
    case 'goal.without-amount':
      return `${w.count} won deals counted by the goal ${w.goal} carry no amount and add nothing to it.`;
    case 'waiver.unmatched':
      return `Waiver ${w.waiver} (waivers[${w.index}]) accepts data issue ${w.dataCode}${whereOf(w)}, but the run has none: remove the waiver if the problem is fixed, or correct its code, entity, file or column (as the data issues print them).`;
  }
}
