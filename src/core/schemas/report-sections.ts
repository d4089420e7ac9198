import { compMetrics } from './comp-plan.js';
import { constraintMetrics, goalMetrics } from './revenue-goal.js';
import {
  count,
  dealStats,
  list,
  nonNegative,
  nonNegativeOrNull,
  number,
  numberOrNull,
  object,
  oneOf,
  ref,
  share,
  shareOrNull,
  text,
  textOrNull,
} from './report-builders.js';
import type { Props } from './report-builders.js';

/** The evaluation sections of the Report. */
export const reportSections: Props = {
  classification: object(
    {
      definition: text('Name of the LeadDefinition policy.'),
      leads: count('Leads classed (created by the as-of moment).'),
      classes: list(
        object({
          class: text('Lead class id.'),
          stage: textOrNull('Funnel stage the class qualifies for; null for none.'),
          count: count('Leads in the class.'),
          share: share('Share of the leads classed.'),
        }),
        'Leads per class.',
      ),
      byRule: list(
        object({
          reason: oneOf(['exclusion', 'hand-raiser', 'threshold', 'default'], 'What kind of rule decided.'),
          rule: textOrNull('Rule id; null for the default.'),
          count: count('Leads it decided.'),
        }),
        'Leads per deciding rule: exclusions, hand-raisers and thresholds by id.',
      ),
      modelledEntries: list(
        object({
          stage: text('Stage id.'),
          count: count('Leads whose entry time is modelled.'),
          basis: text('What the entry time is taken from.'),
        }),
        'Leads the policy puts in a stage the CRM never recorded; their entry time is modelled.',
      ),
      notQualified: list(
        object({ stage: text('Stage id.'), count: count('Leads recorded in the stage but not qualified for it.') }),
        'Leads the CRM recorded in a stage that this policy does not qualify them for.',
      ),
    },
    {
      isNullable: true,
      description: 'How each lead is classed by the lead definition; null without a Funnel and LeadDefinition.',
    },
  ),
  funnel: object(
    {
      funnel: text('Name of the Funnel policy.'),
      periodUnit: oneOf(['week', 'month'], 'Reporting period.'),
      periods: list({ $ref: '#/$defs/period-label' }, 'The reporting periods of the window, in order.'),
      stages: list({ $ref: '#/$defs/stage-report' }, 'Every stage, in funnel order.'),
    },
    { isNullable: true, description: 'Funnel figures per stage; null without a Funnel policy.' },
  ),
  constraint: object(
    {
      stages: list({ $ref: '#/$defs/stage-load' }, 'Load of every non-terminal stage.'),
      ratesUnknown: object(
        {
          reason: oneOf(['window_too_short'], 'Why no weekly rate is given.'),
          windowWeeks: nonNegative('Length of the window in weeks.'),
          windowDays: nonNegative('Length of the window in days (2 dp).'),
          minimumWeeks: nonNegative('The shortest window a rate per week is given for.'),
        },
        {
          isNullable: true,
          description: 'Why demand, throughput, queue growth and utilisation are null; null when they are given.',
        },
      ),
      littlesLawTolerance: nonNegative(
        "Little's law flags a stage whose ratio is further than this from 1 (0.2 = a gap over 20 %).",
      ),
      stage: textOrNull('The candidate stage with the highest utilisation; null when no stage has a capacity.'),
      runnerUp: textOrNull('The candidate stage with the next highest utilisation, or null.'),
      declared: object(
        {
          goal: text('Name of the RevenueGoal policy.'),
          stage: text('The stage it declares as the constraint.'),
          metric: oneOf(constraintMetrics, 'The metric watched there.'),
          target: object(
            { max: number('The metric should be at most this.'), min: number('The metric should be at least this.') },
            { optional: ['max', 'min'], description: 'The target as declared.' },
          ),
          value: numberOrNull('The metric measured at that stage over the window; null when it cannot be measured.'),
          isMet: {
            type: ['boolean', 'null'],
            description: 'Whether the value meets the target; null without a value.',
          },
        },
        { isNullable: true, description: 'What the RevenueGoal declares, and its metric measured at that stage.' },
      ),
      agrees: {
        type: ['boolean', 'null'],
        description: 'The data names the same stage as the policy; null without a declaration or a constraint.',
      },
    },
    {
      isNullable: true,
      description: 'Where the funnel is constrained, and whether the policy agrees; null without a Funnel policy.',
    },
  ),
  slas: list({ $ref: '#/$defs/sla-result' }, 'One result per HandoffSla policy, by name.'),
  comp: object(
    {
      moneyRounding: {
        const: 'cents-half-up',
        description:
          'How money is rounded: every line item (component payout, variable pay after multipliers, SPIF, clawback) to cents, half up; every total is the sum of the rounded line items below it, so each table adds up exactly.',
      },
      plans: list({ $ref: '#/$defs/comp-plan' }, 'Every plan, by name.'),
      totals: object(
        {
          byPlan: list(
            object({
              plan: text('Plan name.'),
              team: text('Team.'),
              currency: ref('currency-code', 'Currency.'),
              total: ref('money', 'What the plan pays.'),
            }),
            'Per plan.',
          ),
          byTeam: list(
            object({
              team: text('Team.'),
              currency: ref('currency-code', 'Currency.'),
              total: ref('money', 'What the team is paid.'),
            }),
            'Per team and currency, ordered by team then currency.',
          ),
          overall: list(
            object({ currency: ref('currency-code', 'Currency.'), total: ref('money', 'Everything paid in it.') }),
            'Per currency, ordered by currency.',
          ),
        },
        {
          description: 'Totals across plans, kept apart per currency: amounts in different currencies are never added.',
        },
      ),
      countedAsZero: list(
        oneOf([...compMetrics], 'A comp metric.'),
        'Metrics some component could not know and counted as 0 (sorted, each once); empty when every metric was known.',
      ),
      warnings: list(
        { $ref: '#/$defs/engine-warning' },
        'Problems that did not stop the computation (a metric with no target, an unknown constraint, …), as coded facts.',
      ),
    },
    {
      isNullable: true,
      description:
        'Compensation: what every plan pays each person per payout period, with the attainment, tiers, caps, gates, team multipliers, SPIFs and clawbacks behind it; null without a CompPlan policy.',
    },
  ),
  goal: object(
    {
      name: text('Name of the RevenueGoal policy.'),
      metric: oneOf(goalMetrics, 'What the goal counts.'),
      currency: ref('currency-code', 'Currency of the goal.'),
      period: object(
        { start: ref('date', 'First day.'), end: ref('date', 'Last day.') },
        { description: 'The goal period, as declared.' },
      ),
      target: ref('money', 'The goal target.'),
      actual: ref('money-or-null', "The metric from the period's start to as-of; null when unknown (see `unknown`)."),
      attainment: numberOrNull('actual ÷ target, computed exactly and rounded to 4 dp for display; null when unknown.'),
      attainmentExact: ref('exact-or-null', 'actual ÷ target, exact (never rounded); null when unknown.'),
      unknown: {
        enum: ['no-amounts', 'zero-target', 'opportunities-missing', null],
        description:
          'Why actual and attainment are null: `no-amounts` = the won deals counted carry no amount; `zero-target` = the target is 0; `opportunities-missing` = a partial run left the opportunities out. null when known.',
      },
      elapsed: share('Share of the goal period elapsed at as-of.'),
      pace: numberOrNull(
        'attainment ÷ elapsed (exact, then rounded to 4 dp): above 1 is ahead of a straight line to the target; null before the period starts or when attainment is unknown.',
      ),
      isOnPace: {
        type: ['boolean', 'null'],
        description:
          'Whether attainment keeps up with the elapsed share of the period (pace ≥ 1, compared exactly); null when pace is.',
      },
      velocity: object(
        {
          openOpportunities: count('Open opportunities at as-of.'),
          winRate: shareOrNull('won ÷ (won + lost); null when none closed.'),
          averageWonAmount: ref('money-or-null', 'The average won deal; null when none was won.'),
          cycleDays: nonNegativeOrNull('Mean days from creation to close of won deals; null when none was won.'),
          perDay: ref(
            'money-or-null',
            '(open × win rate × average won) ÷ cycle days, per day, computed from the exact figures and rounded once to cents; null when unknown (see `unknown`).',
          ),
          unknown: {
            enum: ['no-amounts', 'none-closed', 'none-won', 'zero-cycle', null],
            description:
              'Why `perDay` is null: no won deal carries an amount, no deal closed, none was won, or won deals closed as they were created. null when known.',
          },
        },
        { description: 'Pipeline velocity.' },
      ),
      forecast: object(
        {
          remainingDays: nonNegative('Days left in the goal period after as-of, 2 dp.'),
          remainingDaysExact: ref('exact-or-null', 'The same, exact (never rounded).'),
          projected: ref('money-or-null', 'actual + velocity × remaining days; null without a velocity.'),
          projectedAttainment: numberOrNull(
            'projected ÷ target, rounded to 4 dp for display; null without a projection.',
          ),
          projectedAttainmentExact: ref(
            'exact-or-null',
            'projected ÷ target, exact (never rounded): the figure to compare; null without a projection.',
          ),
        },
        { description: 'Where the goal is heading.' },
      ),
    },
    {
      isNullable: true,
      description:
        'The shared revenue goal: where it stands and where it is heading; null without a RevenueGoal policy.',
    },
  ),
  deals: object(
    {
      currency: textOrNull(
        "The opportunities' currency; null when they mix currencies (amounts are then summed as given).",
      ),
      total: count('Opportunities created by as-of.'),
      open: count('Open at as-of.'),
      won: count('Closed won by as-of.'),
      lost: count('Closed lost by as-of.'),
      winRate: shareOrNull('won ÷ (won + lost); null when none closed.'),
      wonAmount: ref(
        'money-or-null',
        'Sum of the amounts of the won deals that carry one; null when none does (see `amountUnknown`).',
      ),
      averageWonAmount: ref(
        'money-or-null',
        'The average won deal (over those with an amount), rounded to cents, half up; null when none was won or none carries an amount.',
      ),
      wonWithoutAmount: count('Won deals without an amount: they add nothing to `wonAmount`.'),
      amountUnknown: {
        enum: ['no-amounts', null],
        description:
          'Why won amounts are null: `no-amounts` = deals were won but none carries an amount. null when known.',
      },
      cycleDays: object(
        { won: ref('deal-stats', 'Won deals.'), lost: ref('deal-stats', 'Lost deals.') },
        { description: 'Days from `created_at` to `closed_at`.' },
      ),
      openAgeDays: object(
        { ...dealStats, over90: count('Open deals older than 90 days.') },
        { description: 'Age of the open deals in days at as-of.' },
      ),
      byOwner: list(
        object({
          ownerId: text('User id of the owner.'),
          won: count('Deals won.'),
          wonAmount: ref('money-or-null', 'Sum of their amounts; null when none carries one.'),
        }),
        'Won deals per owner, by amount (descending; unknown last), then count (descending), then id.',
      ),
    },
    { description: 'Closed and open deals as of the run.' },
  ),
};
