import { describe, expect, it } from 'vitest';
import { loadPolicySources } from '../../../src/core/policy/load.js';

/** A FieldMapping whose entities are the YAML given (indented under `entities:`). */
function validate(entities: string): { code: string; path: string; message: string }[] {
  const yaml = `apiVersion: revops/v1
kind: FieldMapping
metadata: {name: joins, owner: revops, description: Joins.}
spec:
  source: custom
  entities:
${entities.replace(/^/gm, '    ')}`;
  const result = loadPolicySources([{ file: 'mapping.yaml', bytes: new TextEncoder().encode(yaml) }]);
  return result.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
}

const leads = `leads:
  file: leads.csv
  fields: {id: {column: id}, created_at: {column: created}}
`;

// Each case: the opportunities (and other) mappings beside `leads`, and the issues that must follow, only those.
const cases: { name: string; entities: string; expect: { code: string; path: string; message?: string }[] }[] = [
  {
    name: 'a lookup of the lead date by the deal’s lead id is valid',
    entities: `${leads}opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    lead_id: {column: lead}
    created_at: {lookup: {entity: leads, key: lead_id, field: created_at}}
users:
  from: {entity: opportunities}
  fields: {id: {column: owner}, role: {const: ae}}
`,
    expect: [],
  },
  {
    name: 'a key that is not mapped',
    entities: `${leads}opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    created_at: {lookup: {entity: leads, key: lead_id, field: created_at}}
`,
    expect: [{ code: 'mapping.lookup', path: '/spec/entities/opportunities/fields/created_at/lookup/key' }],
  },
  {
    name: 'a misspelt field of the other entity, with did-you-mean',
    entities: `${leads}opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    lead_id: {column: lead}
    created_at: {lookup: {entity: leads, key: lead_id, field: creatd_at}}
`,
    expect: [
      {
        code: 'mapping.lookup',
        path: '/spec/entities/opportunities/fields/created_at/lookup/field',
        message: 'leads has no field `creatd_at`. Did you mean `created_at`?',
      },
    ],
  },
  {
    name: 'a looked-up field of another type',
    entities: `${leads}opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    lead_id: {column: lead}
    created_at: {column: created}
    source: {lookup: {entity: leads, key: lead_id, field: created_at}}
`,
    expect: [
      {
        code: 'mapping.lookup',
        path: '/spec/entities/opportunities/fields/source/lookup/field',
        message: 'opportunities.source is a string but leads.created_at is a datetime.',
      },
    ],
  },
  {
    name: 'two entities looking each other up',
    entities: `leads:
  file: leads.csv
  fields:
    id: {column: id}
    created_at: {column: created}
    opportunity_at: {lookup: {entity: opportunities, key: id, on: lead_id, field: created_at}}
opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    lead_id: {column: lead}
    created_at: {lookup: {entity: leads, key: lead_id, field: created_at}}
`,
    expect: [
      {
        code: 'mapping.join-cycle',
        path: '/spec/entities/leads/fields/opportunity_at/lookup/entity',
        message:
          'Lookups go round in a circle (leads → opportunities → leads): each entity would have to be read before the other.',
      },
    ],
  },
  {
    name: 'an entity looking itself up',
    entities: `${leads}opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    created_at: {column: created}
    closed_at: {lookup: {entity: opportunities, key: id, field: created_at}}
`,
    expect: [{ code: 'mapping.join-cycle', path: '/spec/entities/opportunities/fields/closed_at/lookup/entity' }],
  },
  {
    name: 'an entity with both a file and from',
    entities: `${leads}users:
  file: users.csv
  from: {entity: leads}
  fields: {id: {column: owner}, role: {const: ae}}
`,
    expect: [{ code: 'mapping.entity-source', path: '/spec/entities/users' }],
  },
  {
    name: 'an entity with neither a file nor from',
    entities: `${leads}users:
  fields: {id: {column: owner}, role: {const: ae}}
`,
    expect: [{ code: 'mapping.entity-source', path: '/spec/entities/users' }],
  },
  {
    name: 'an entity built from an entity that is itself built from another',
    entities: `${leads}opportunities:
  from: {entity: leads}
  fields: {id: {column: id}, created_at: {column: created}}
users:
  from: {entity: opportunities}
  fields: {id: {column: owner}, role: {const: ae}}
`,
    expect: [{ code: 'mapping.entity-source', path: '/spec/entities/users/from/entity' }],
  },
  {
    name: 'a field given a column and a lookup',
    entities: `${leads}opportunities:
  file: deals.csv
  fields:
    id: {column: id}
    lead_id: {column: lead}
    created_at: {column: created, lookup: {entity: leads, key: lead_id, field: created_at}}
`,
    expect: [{ code: 'mapping.source', path: '/spec/entities/opportunities/fields/created_at' }],
  },
];

describe('joins in a FieldMapping (validate)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const issues = validate(c.entities);
      expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(
        c.expect.map(({ code, path }) => ({ code, path })),
      );
      c.expect.forEach((e, i) => {
        if (e.message !== undefined) expect(issues[i]?.message).toBe(e.message);
      });
    });
  }
});
