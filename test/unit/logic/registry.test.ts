import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { allowedOperators, operatorDescriptions } from '../../../src/core/logic/operators.js';
import { operatorRegistry } from '../../../src/core/logic/registry.js';
import { jsonLogicSchema } from '../../../src/core/schemas/index.js';

const defs = jsonLogicSchema.$defs as Record<string, { enum?: unknown[]; description?: string }>;
const validate = new Ajv2020({ strict: true, strictTuples: false, allowUnionTypes: true }).compile(jsonLogicSchema);

describe('the operator registry', () => {
  it('implements exactly the allowlist', () => {
    expect(Object.keys(operatorRegistry).sort()).toEqual([...allowedOperators].sort());
  });

  it('is what the JSON Logic schema allows, with every description', () => {
    expect(defs['logic-operator']?.enum).toEqual([...allowedOperators]);
    for (const op of allowedOperators)
      expect(defs['logic-operator']?.description).toContain(`\`${op}\`: ${operatorDescriptions[op]}`);
  });
});

describe('the JSON Logic schema on domain operators', () => {
  it.each([
    ['a literal pattern', { matches: [{ var: 'email' }, '@gmail[.]com$'] }, true],
    [
      'a literal pattern deep inside a rule',
      { and: [true, { or: [{ matches: [{ var: 'title' }, '(?i)^vp'] }] }] },
      true,
    ],
    ['a pattern read from the row', { matches: [{ var: 'email' }, { var: 'pattern' }] }, false],
    ['a pattern over 200 characters', { matches: [{ var: 'email' }, 'a'.repeat(201)] }, false],
    [
      'a calendar name',
      { business_hours_between: [{ var: 'created_at' }, { var: 'mql_at' }, 'us-business-hours'] },
      true,
    ],
    ['a computed calendar name', { business_hours_between: [0, 1, { cat: ['us-', 'hours'] }] }, false],
    ['a calendar argument missing', { business_hours_between: [0, 1] }, false],
    [
      'the time and text operators',
      {
        and: [
          { '>': [{ days_since: { var: 'mql_at' } }, 3] },
          { iequals: [{ email_domain: { var: 'email' } }, 'gmail.com'] },
        ],
      },
      true,
    ],
  ])('%s', (_name, rule, isValid) => {
    expect(validate(rule)).toBe(isValid);
  });
});
