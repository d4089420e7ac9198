import { definePolicySchema } from './define.js';

const weekday = { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };

export const calendarSchema = definePolicySchema({
  kind: 'Calendar',
  file: 'calendar.schema.json',
  title: 'Calendar',
  description: 'Business time: the time zone, working hours and holidays in which SLA clocks run.',
  spec: {
    type: 'object',
    required: ['timeZone', 'workingHours'],
    additionalProperties: false,
    properties: {
      timeZone: {
        type: 'string',
        maxLength: 64,
        description: 'IANA time zone, e.g. `America/New_York` or `Europe/Berlin`.',
      },
      workingHours: {
        type: 'array',
        minItems: 1,
        maxItems: 14,
        description: 'When the clock runs, as day ranges with start and end times in the calendar time zone.',
        items: {
          type: 'object',
          required: ['days', 'start', 'end'],
          additionalProperties: false,
          properties: {
            days: {
              type: 'array',
              minItems: 1,
              maxItems: 7,
              uniqueItems: true,
              items: weekday,
              description: 'Days these hours apply to.',
            },
            start: { $ref: '#/$defs/time-of-day', description: 'Start of the working day, e.g. `"09:00"`.' },
            end: { $ref: '#/$defs/time-of-day', description: 'End of the working day, e.g. `"17:30"`; after `start`.' },
          },
        },
      },
      holidays: {
        type: 'array',
        maxItems: 1000,
        description: 'Days on which the clock does not run.',
        items: {
          type: 'object',
          required: ['date'],
          additionalProperties: false,
          properties: {
            date: { $ref: '#/$defs/date' },
            name: { $ref: '#/$defs/display-name' },
          },
        },
      },
    },
  },
});
