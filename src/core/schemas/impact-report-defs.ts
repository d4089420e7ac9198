/** Shapes the impact report refers to by `$ref`, each tied to its TypeScript type. */
import type { DeclaredConstraint } from '../report/constraint.js';
import type {
  ClassTransition,
  DataFileChange,
  Delta,
  GuardrailResult,
  MoneyDelta,
  PolicyChange,
  StageImpact,
} from '../report/impact.js';
import type { JsonSchema } from './define.js';
import { impactMetrics } from './guardrails.js';
import { impactGuardrailDefs } from './impact-report-guardrails.js';
import { impactSlaDefs } from './impact-report-sla.js';
import { policyKinds } from './kinds.js';
import { count, flag, list, numberOrNull, oneOf, ref, text, textOrNull } from './report-builders.js';
import { constraintMetrics } from './revenue-goal.js';
import { sharedDefs } from './shared.js';
import { guardrailWaiverSchema } from './waiver-mark.js';
import { objectOf } from './typed-object.js';

const deltaOf = (figure: JsonSchema, description: string): JsonSchema =>
  objectOf<Delta>(
    {
      base: { ...figure, description: 'Under the base policies; null when it cannot be measured there.' },
      head: { ...figure, description: 'Under the head policies; null when it cannot be measured there.' },
      delta: { ...figure, description: 'head − base; null when either is null.' },
    },
    { description },
  );

/** The properties of a payout total under base and head. */
export const moneyDeltaProperties = {
  currency: ref('currency-code', 'Currency of the amounts.'),
  base: ref('money', 'Under the base policies.'),
  head: ref('money', 'Under the head policies.'),
  delta: ref('money', 'head − base.'),
  deltaPct: numberOrNull('delta ÷ base × 100, 2 dp; null when base is 0.'),
} satisfies Record<keyof MoneyDelta, JsonSchema>;

const declaredSide = objectOf<DeclaredConstraint>(
  {
    goal: text('Name of the RevenueGoal policy.'),
    stage: text('The stage it declares as the constraint.'),
    metric: oneOf(constraintMetrics, 'The metric watched there.'),
    target: objectOf<DeclaredConstraint['target']>(
      { max: { type: 'number', description: 'At most this.' }, min: { type: 'number', description: 'At least this.' } },
      { optional: { max: true, min: true }, description: 'The target as declared.' },
    ),
    value: numberOrNull("The metric measured at that stage under this side's policies; null when it cannot be."),
    isMet: { type: ['boolean', 'null'], description: 'Whether the value meets the target; null without a value.' },
  },
  {
    isNullable: true,
    description: "What this side's RevenueGoal declares for its constraint; null when it declares none.",
  },
);

/** Shapes the impact report refers to by `$ref`; shapes shared with the Report come from its schema. */
export const impactReportDefs: Record<string, JsonSchema> = {
  delta: deltaOf(numberOrNull('A figure.'), 'A figure under the base and the head policies, and its change.'),
  'delta-text': deltaOf(
    textOrNull('A figure.'),
    'A figure written as text under base and head (delta is null when it has no meaning).',
  ),
  'delta-money': deltaOf(ref('money-or-null', 'An amount.'), 'An amount under base and head, and its change.'),
  'delta-exact': deltaOf(
    ref('exact-or-null', 'An exact figure.'),
    'An exact figure under base and head, and its exact change.',
  ),
  'money-delta': objectOf<MoneyDelta>(moneyDeltaProperties, { description: 'A payout total under base and head.' }),
  'policy-change': objectOf<PolicyChange>(
    {
      kind: oneOf(policyKinds, 'Policy kind.'),
      name: text('Policy name (`metadata.name`); the head name of a renamed policy.'),
      file: text('The policy file (the head file, unless removed).'),
      change: oneOf(['added', 'removed', 'changed', 'renamed'], 'What happened to the policy.'),
      from: text('The base name of a renamed policy.'),
      changes: list(
        objectOf<PolicyChange['changes'][number]>(
          {
            path: text(
              'Path through the spec; list items are named by their `id`, e.g. `spec.classes[id=mql].minScore`.',
            ),
            before: { description: 'The base value (any JSON value); null when it is not there.' },
            after: { description: 'The head value (any JSON value); null when it is not there.' },
          },
          { description: 'One changed value.' },
        ),
        'Each changed value.',
      ),
    },
    { optional: { from: true }, description: 'One change in one policy, by meaning rather than by text line.' },
  ),
  'class-transition': objectOf<ClassTransition>(
    {
      from: text('Lead class under the base.'),
      to: text('Lead class under the head.'),
      count: count('Leads that moved.'),
      examples: { ...list(text('A lead id.'), 'Up to three lead ids (pseudonyms when masked).'), maxItems: 3 },
    },
    { description: 'How many leads move from one class to another.' },
  ),
  'stage-impact': objectOf<StageImpact>(
    {
      stage: text('Stage id.'),
      arrivals: ref('delta', 'Arrivals within the window; null on a side whose funnel has no such stage.'),
      throughputPerWeek: ref('delta', 'Exits per week.'),
      conversionCohort: ref('delta', 'Share of the arrivals that advanced by as-of.'),
      utilisation: ref('delta', 'Demand ÷ capacity.'),
    },
    { description: 'One stage under base and head.' },
  ),
  'declared-sides': objectOf<{ base: DeclaredConstraint | null; head: DeclaredConstraint | null }>(
    { base: declaredSide, head: declaredSide },
    { isNullable: true, description: 'The declared constraint of each side; null when neither declares one.' },
  ),
  'data-file-change': objectOf<DataFileChange>(
    {
      file: text('Path in the repository (named by the head tree: untrusted).'),
      change: oneOf(['added', 'removed', 'changed'], 'What happened to the file.'),
      rows: objectOf<NonNullable<DataFileChange['rows']>>(
        { added: count('Lines added.'), removed: count('Lines removed.'), changed: count('Lines changed.') },
        { isNullable: true, description: 'Lines added, removed and changed; null when the rows were not compared.' },
      ),
      note: textOrNull('What else differs, e.g. `header changed`; null when nothing.'),
    },
    { description: 'One data file that differs between the base and the head commit.' },
  ),
  'guardrail-result': objectOf<GuardrailResult>(
    {
      id: ref('identifier', 'Id of the guardrail in the base policies.'),
      description: textOrNull('What the guardrail protects; null when the policy gives none.'),
      metric: {
        type: ['string', 'null'],
        enum: [...impactMetrics, null],
        description: 'The impact metric it watches; null for one on changed kinds only.',
      },
      threshold: objectOf<NonNullable<GuardrailResult['threshold']>>(
        {
          above: { type: 'number', description: 'Crossed above this.' },
          below: { type: 'number', description: 'Crossed below this.' },
        },
        {
          optional: { above: true, below: true },
          isNullable: true,
          isClosedForReaders: true,
          description: 'The thresholds; null without any.',
        },
      ),
      value: {
        type: ['number', 'boolean', 'null'],
        description: "The metric's value for this change; null when it cannot be measured.",
      },
      isCrossed: flag('Whether the change crosses it: then its approvers must approve the head commit.'),
      crossings: list(
        ref('guardrail-crossing', 'One reason it is crossed.'),
        'Why it is crossed, as coded facts; empty when it is not.',
      ),
      approvers: objectOf<GuardrailResult['approvers']>(
        {
          users: { ...list(ref('github-login', 'A GitHub login.'), 'GitHub users who may approve.'), maxItems: 50 },
          teams: {
            ...list(ref('github-team', 'A team.'), 'GitHub teams (`org/team-slug`) whose members may approve.'),
            maxItems: 20,
          },
          requires: {
            enum: ['any', 'all'],
            description:
              '`any`: `minApprovals` different people among them; `all`: every user and one member per team, each a different person.',
          },
          minApprovals: {
            type: 'integer',
            minimum: 1,
            maximum: 70,
            description:
              'How many different people must approve: 1 to 10 with `any`, every listed approver with `all`.',
          },
        },
        { isClosedForReaders: true, description: 'Who must approve when it is crossed.' },
      ),
      waiver: guardrailWaiverSchema,
      changedKinds: {
        ...list(
          oneOf(policyKinds, 'Policy kind.'),
          'The policy kinds whose change crosses it; absent when it watches none.',
        ),
        maxItems: 20,
      },
    },
    {
      optional: { waiver: true, changedKinds: true },
      isClosedForReaders: true,
      description: 'One guardrail of the base policies, checked against the change.',
    },
  ),
  ...impactSlaDefs,
  ...impactGuardrailDefs,
  identifier: { ...sharedDefs.identifier },
  'github-login': { ...sharedDefs['github-login'] },
  'github-team': { ...sharedDefs['github-team'] },
};
