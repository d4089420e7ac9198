/** Shapes of the impact report's SLA model (`slas`), each tied to its TypeScript type. */
import type { SlaAssumption, SlaImpact } from '../report/impact.js';
import type { JsonSchema } from './define.js';
import { numberOrNull, oneOf, ref, text, textOrNull } from './report-builders.js';
import { objectOf } from './typed-object.js';

type AssumptionOf<C extends SlaAssumption['code']> = Extract<SlaAssumption, { code: C }>;

const utilisation = (description: string): JsonSchema => ({ type: 'number', minimum: 0, description });

// Keyed by the code: an assumption added to the type without its schema fails to compile.
const slaAssumptions: { [C in SlaAssumption['code']]: JsonSchema } = {
  'no-capacity': objectOf<AssumptionOf<'no-capacity'>>(
    {
      code: {
        const: 'no-capacity',
        description: 'The stage has no capacity (or differs by side): nothing modelled, the replayed change counts.',
      },
    },
    { description: 'No capacity at the stage.' },
  ),
  'no-steady-state': objectOf<AssumptionOf<'no-steady-state'>>(
    {
      code: {
        const: 'no-steady-state',
        description: 'Head utilisation ≥ 1: the queue grows every week; nothing projected.',
      },
      headUtilisation: utilisation('Utilisation under the head.'),
    },
    { description: 'No steady state under the head.' },
  ),
  'no-base-demand': objectOf<AssumptionOf<'no-base-demand'>>(
    {
      code: {
        const: 'no-base-demand',
        description: 'No base demand at the stage: nothing modelled, the replayed change counts.',
      },
    },
    { description: 'No base demand at the stage.' },
  ),
  'wait-scaling': objectOf<AssumptionOf<'wait-scaling'>>(
    {
      code: {
        const: 'wait-scaling',
        description: 'An M/M/1 queue: waits scale with ρ ÷ (1 − ρ); service and targets unchanged.',
      },
      baseUtilisation: utilisation('Utilisation under the base.'),
      headUtilisation: utilisation('Utilisation under the head.'),
      waitFactor: { type: 'number', minimum: 0, description: 'The unrounded factor applied to every base wait.' },
    },
    { description: 'Waits scaled from base to head utilisation.' },
  ),
};

/** Shapes `slas` refers to by `$ref`. */
export const impactSlaDefs: Record<string, JsonSchema> = {
  'sla-impact': objectOf<SlaImpact>(
    {
      name: text('Name of the HandoffSla policy.'),
      measuredOn: oneOf(['both', 'base', 'head'], 'Which sides measured the SLA (one when renamed, added or removed).'),
      stage: textOrNull('The stage whose demand drives the queue model; null when none.'),
      replayed: ref('delta', 'Compliance measured on the data under each policy set.'),
      modelled: numberOrNull('Compliance the queue model projects for the head; null when nothing is modelled.'),
      modelledChangePts: numberOrNull('modelled − base compliance, in percentage points.'),
      medianResponseHours: objectOf<SlaImpact['medianResponseHours']>(
        { base: numberOrNull('Under the base.'), modelled: numberOrNull('As the model projects it for the head.') },
        { description: 'Median response time in business hours.' },
      ),
      utilisation: ref('delta', "Utilisation of the SLA's stage."),
      waitFactor: numberOrNull('Factor applied to every base wait; null when nothing is modelled.'),
      assumption: ref('sla-assumption', 'What the model assumes, as a code and its parameters.'),
    },
    { description: "An SLA's compliance replayed, and modelled from its stage's utilisation." },
  ),
  'sla-assumption': {
    oneOf: Object.values(slaAssumptions),
    description: 'What the SLA queue model assumes (reporters phrase it).',
  },
};
