import { definePolicySchema } from './define.js';
import { withUnit } from './units.js';

export const handoffSlaSchema = definePolicySchema({
  kind: 'HandoffSla',
  file: 'handoff-sla.schema.json',
  title: 'Handoff SLA',
  description:
    'How fast one team must act on what another hands over: from one funnel event to another, within a ' +
    'business-time duration, per segment, with escalation and recycling.',
  spec: {
    type: 'object',
    required: ['from', 'to', 'calendar', 'targets'],
    additionalProperties: false,
    properties: {
      from: { $ref: '#/$defs/event-ref', description: 'Event that starts the clock, e.g. `mql_reached`.' },
      to: { $ref: '#/$defs/event-ref', description: 'Event that stops it, e.g. `first_touch`.' },
      calendar: {
        $ref: '#/$defs/policy-ref',
        description: 'Name of the Calendar policy whose business hours the clock runs in.',
      },
      owner: { $ref: '#/$defs/team-ref', description: 'Team accountable for meeting the SLA.' },
      complianceTarget: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: withUnit(
          'Share of decided items (met ÷ (met + breached)) that should meet their deadline, e.g. 0.9; reports mark compliance below it.',
          'ratio',
        ),
      },
      targets: {
        type: 'array',
        minItems: 1,
        maxItems: 50,
        description:
          'Deadlines per segment. The first target whose `when` matches applies; the last usually has no `when`.',
        items: {
          type: 'object',
          required: ['id', 'within'],
          additionalProperties: false,
          properties: {
            id: { $ref: '#/$defs/identifier' },
            description: { $ref: '#/$defs/description' },
            when: { $ref: '#/$defs/logic', description: 'Which leads this target applies to.' },
            within: {
              $ref: '#/$defs/duration',
              description: withUnit('Deadline in business time of the calendar, e.g. `4h`.', 'duration'),
            },
          },
        },
      },
      escalation: {
        type: 'array',
        maxItems: 10,
        description: 'Who is alerted as the clock keeps running, in order.',
        items: {
          type: 'object',
          required: ['after', 'notify'],
          additionalProperties: false,
          properties: {
            after: {
              $ref: '#/$defs/duration',
              description: withUnit('Business time since the start event.', 'duration'),
            },
            notify: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              description: 'Role or channel alerted, e.g. `sdr-manager`.',
            },
          },
        },
      },
      recycle: {
        type: 'object',
        description: 'Untouched items go back to nurture after this long.',
        required: ['after', 'toClass'],
        additionalProperties: false,
        properties: {
          after: {
            $ref: '#/$defs/duration',
            description: withUnit('Business time since the start event after which the item is recycled.', 'duration'),
          },
          toClass: { $ref: '#/$defs/identifier', description: 'Lead class they return to, e.g. `nurture`.' },
        },
      },
    },
  },
});
