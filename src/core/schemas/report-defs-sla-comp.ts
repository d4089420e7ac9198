import { compMetrics } from './comp-plan.js';
import type { JsonSchema } from './define.js';
import {
  componentValueRule,
  count,
  flag,
  hoursSummary,
  list,
  nonNegative,
  number,
  numberOrNull,
  object,
  oneOf,
  QUANTITY,
  ref,
  share,
  shareOrNull,
  slaCounts,
  slaTargetCounts,
  text,
  textOrNull,
} from './report-builders.js';

/** The `$ref` shapes of the SLA and comp sections of the Report. */
export const reportSlaCompDefs: Record<string, JsonSchema> = {
  'hours-summary': hoursSummary,
  'sla-target': object(
    {
      id: text('Target id.'),
      within: text('The deadline as written, e.g. `4h`.'),
      withinHours: nonNegative('The deadline in business hours.'),
      ...slaTargetCounts,
    },
    { description: 'One target of the SLA, in policy order; its counts cover the items it applies to.' },
  ),
  'sla-escalation': object(
    {
      after: text('As written, e.g. `1d`.'),
      afterHours: nonNegative('The same in business hours.'),
      notify: text('Who is notified.'),
      reached: count(
        'Items (not invalidOrder) whose wait reached `after`: to the to-event, or to as-of when still open.',
      ),
    },
    { description: 'One escalation step and how many items waited long enough to reach it.' },
  ),
  'sla-owner': object(
    {
      ownerId: textOrNull('User id; null for the items that have no owner.'),
      name: textOrNull('Name from the users data; null when the owner (or the field) is not there.'),
      team: textOrNull('Team from the users data; null when the owner (or the field) is not there.'),
      ...slaCounts,
    },
    { description: 'The items of one owner (the lead or opportunity owner).' },
  ),
  'sla-team': object(
    {
      team: textOrNull(
        'Team; null holds items with no owner, an owner not in the users data, or an owner without a team.',
      ),
      ...slaCounts,
    },
    { description: 'The items whose owner is on one team.' },
  ),
  'sla-period': object(
    { label: ref('period-label', 'The period, e.g. the ISO week `2026-W03`.'), ...slaCounts },
    { description: 'The items whose clock started in one period.' },
  ),
  'sla-result': object(
    {
      name: text('HandoffSla policy name.'),
      file: text('HandoffSla policy file.'),
      from: text('The event that starts the clock.'),
      to: text('The event that stops the clock.'),
      calendar: text('Calendar policy name.'),
      workingDayHours: nonNegative('Length of the calendar working day in hours (what `1d` means).'),
      ownerTeam: textOrNull('Team accountable for the SLA (`spec.owner`), or null.'),
      decided: count('Items decided: met + breached (the denominator of `compliance`).'),
      complianceTarget: shareOrNull(
        'The share of decided items that should meet their deadline (`spec.complianceTarget`); null when the policy sets none.',
      ),
      isComplianceMet: {
        type: ['boolean', 'null'],
        description:
          'Whether compliance reaches `complianceTarget`, compared exactly; null without a target or a decided item.',
      },
      ...slaCounts,
      response: ref(
        'hours-summary',
        'Business hours from the from-event to the to-event, for eligible items that have both (not invalidOrder).',
      ),
      openAge: ref('hours-summary', 'Business hours from the from-event to as-of, for eligible items still open.'),
      targets: list({ $ref: '#/$defs/sla-target' }, 'The targets, in policy order.'),
      escalations: list({ $ref: '#/$defs/sla-escalation' }, 'The escalation steps, in policy order.'),
      recycled: count(
        'Open items whose wait reached `recycle.after` (0 without a recycle rule); those with a target are counted as breached.',
      ),
      byOwner: list({ $ref: '#/$defs/sla-owner' }, 'By owner id, ascending; the null group last.'),
      byTeam: list({ $ref: '#/$defs/sla-team' }, 'By team, ascending; the null group last.'),
      byWeek: list(
        { $ref: '#/$defs/sla-period' },
        "By the ISO week (in the run's time zone) in which each item's clock started, in order.",
      ),
      ruleErrors: object(
        {
          count: count("Eligible items on which a target's `when` failed to evaluate."),
          example: object(
            { id: text('Id of the first such item.'), message: text('What failed.') },
            { isNullable: true, description: 'The first one; null when none.' },
          ),
        },
        {
          description:
            "Eligible items on which a target's `when` failed to evaluate: counted as untargeted; the first one as an example.",
        },
      ),
    },
    {
      description:
        'What one HandoffSla policy measured on the evaluated window. Hours are business hours of its calendar (2 dp), fractions 0–1 (4 dp).',
    },
  ),
  'comp-period': object(
    {
      label: ref('period-label', '`2026-01`, `2026-Q1` or `2026`.'),
      start: ref('instant', 'Start of the whole calendar period.'),
      end: ref('instant', 'End of the whole calendar period.'),
      covered: share(
        'Share of the period inside the evaluated window (1 = all of it). Targets are not reduced for it.',
      ),
    },
    { description: 'One payout period that had started by the as-of moment.' },
  ),
  'comp-component-line': {
    ...object(
      {
        id: text('Component id.'),
        metric: oneOf(compMetrics, 'What the component measures.'),
        value: {
          type: 'string',
          pattern: QUANTITY,
          maxLength: 40,
          description:
            'The metric for the person in the period: cents for money, a whole number for counts, a fraction (4 dp) for goal_attainment and constraint_target_met.',
        },
        target: {
          type: ['string', 'null'],
          pattern: QUANTITY,
          maxLength: 40,
          description:
            'Target for the period (the yearly target prorated to the period; blended_cac: the target as written, a level); null for metrics that are fractions already, or when there is none.',
        },
        attainment: numberOrNull(
          'value ÷ target (blended_cac: target ÷ value, lower is better; fractions: the value itself), rounded to 4 dp; null when there is no usable target or value.',
        ),
        factor: number(
          'Earning factor after tiers and cap, rounded to 4 dp: payout = period target variable × weight × factor.',
        ),
        tier: {
          type: ['integer', 'null'],
          minimum: 0,
          description:
            'Index (from 0) of the tier band the attainment reached (bands are [from, to)); null without tiers or attainment.',
        },
        isUnknown: flag('Whether the value could not be known (no goal, constraint status unknown) and counted as 0.'),
        isGated: flag('Whether a gate that failed held this component back (payout 0).'),
        isCapped: flag('Whether the cap lowered the factor.'),
        payout: ref('money', 'What the component pays.'),
      },
      { description: 'One component of variable pay.' },
    ),
    allOf: (['money', 'count', 'fraction'] as const).map(componentValueRule),
  },
  'comp-person-period': object(
    {
      period: ref('period-label', 'The payout period.'),
      isActive: flag('false for a period in which the person was not on the plan but had a deal clawed back.'),
      components: list({ $ref: '#/$defs/comp-component-line' }, 'The components of variable pay.'),
      gates: list(
        object(
          {
            id: text('Gate id.'),
            metric: oneOf(compMetrics, "The gate's metric."),
            value: numberOrNull(
              "Attainment of the gate's metric, rounded to 4 dp for display; null when it cannot be measured (the gate then fails).",
            ),
            valueExact: ref('exact-or-null', 'The attainment the gate compares with `min`: exact, never rounded.'),
            min: number('The gate passes when value ≥ min.'),
            isPassed: flag('Whether the gate passed.'),
            components: list({ type: 'string' }, 'Components the gate holds back.'),
          },
          { description: 'One gate: the components it holds back pay nothing when `value < min`.' },
        ),
        'The gates of the plan.',
      ),
      multipliers: list(
        object(
          {
            id: text('Multiplier id.'),
            metric: oneOf(compMetrics, "The multiplier's metric."),
            value: numberOrNull(
              'Attainment of the whole team (sum of values ÷ sum of targets), rounded to 4 dp for display; null when it cannot be measured.',
            ),
            valueExact: ref('exact-or-null', 'The attainment compared with `min`: exact, never rounded.'),
            min: number('The multiplier applies when value ≥ min.'),
            multiplier: number('The factor applied to component pay.'),
            isApplied: flag('Whether it applied.'),
          },
          { description: "One team multiplier: applies when the whole team's attainment is at least `min`." },
        ),
        'The team multipliers of the plan.',
      ),
      multiplier: number('Product of the multipliers applied (1 when none).'),
      componentPay: ref('money', 'Sum of the component payouts (after gates).'),
      variablePay: ref('money', 'componentPay × multiplier.'),
      spiffs: list(
        object(
          {
            id: text('SPIF id.'),
            opportunityId: text('The won opportunity.'),
            amount: ref('money', 'What the SPIF pays.'),
          },
          { description: 'A SPIF paid for one won opportunity.' },
        ),
        'SPIFs paid in the period.',
      ),
      clawbacks: list(
        object(
          {
            id: text('Clawback rule id.'),
            opportunityId: text('The reversed opportunity.'),
            closedIn: ref('period-label', 'Period in which the deal closed and earned the commission now taken back.'),
            amount: ref('money', 'Negative.'),
          },
          { description: 'Commission taken back for a won opportunity reversed soon after its close.' },
        ),
        'Amounts are negative.',
      ),
      total: ref('money', 'variablePay + SPIFs + clawbacks; below zero only through clawbacks.'),
    },
    { description: 'What one person earned in one period.' },
  ),
  'comp-plan': object(
    {
      name: text('Policy name (`metadata.name`).'),
      file: text('Policy file.'),
      team: text('Team the plan is for.'),
      roles: list({ type: 'string' }, 'Roles the plan applies to.'),
      currency: ref('currency-code', 'Currency of every amount in the plan.'),
      periodUnit: oneOf(['month', 'quarter', 'year'], 'Payout period.'),
      isTeamCredit: flag(
        "Whether the plan's people own no leads, so that `sourced_won_amount` and `sourced_pipeline_amount` credit each of them with the whole team's inbound opportunities.",
      ),
      periods: list({ $ref: '#/$defs/comp-period' }, 'Payout periods that had started by as-of, in time order.'),
      people: list(
        object(
          {
            id: text('User id.'),
            name: textOrNull('Name from the users data, or null.'),
            team: textOrNull('Team from the users data, or null.'),
            periods: list(
              { $ref: '#/$defs/comp-person-period' },
              'Periods in which the person was on the plan, or had a clawback; in time order.',
            ),
            total: ref('money', "Sum of the person's period totals over the window."),
          },
          { description: 'A person on the plan in at least one period.' },
        ),
        'People on the plan, by id.',
      ),
      totals: object(
        {
          periods: list(
            object({
              period: ref('period-label', 'The payout period.'),
              total: ref('money', "Sum of every person's total in the period."),
            }),
            "Sum of every person's total in each period, in the order of `periods`.",
          ),
          parts: list(
            object({
              part: oneOf(['component', 'multipliers', 'spiffs', 'clawbacks'], 'Which part of the pay.'),
              id: textOrNull('Component id; null for the other parts.'),
              metric: {
                type: ['string', 'null'],
                enum: [...compMetrics, null],
                description: "The component's metric; null for the other parts.",
              },
              total: ref('money', 'What the part paid over the window (clawbacks: negative).'),
            }),
            'What each part paid over the window: every component in plan order (also at 0), then team multipliers, SPIFs and clawbacks when they paid; they add up exactly to `total`.',
          ),
          total: ref('money', 'The plan over the window.'),
        },
        { description: 'What the plan pays.' },
      ),
    },
    { description: 'One comp plan over the evaluated window.' },
  ),
};
