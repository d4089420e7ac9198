import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { LoadPipelineOptions } from '../../../src/core/data/load.js';
import type { FileAccounting, PipelineData } from '../../../src/core/data/types.js';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import type { Policy } from '../../../src/core/policy/types.js';
import { useFastPath } from '../../helpers/fast-path.js';
import { expectBalanced, memoryIo, parseMapping, summarise } from './helpers.js';

/** A mapping whose deals take their lead's date and source by lookup, and whose users are the deals' owners. */
const mappingYaml = `apiVersion: revops/v1
kind: FieldMapping
metadata: {name: joins, owner: revops, description: Lookups and derived users.}
spec:
  source: custom
  entities:
    leads:
      file: leads.csv
      fields:
        id: {column: lead_id}
        created_at: {column: created}
        source: {column: channel}
    opportunities:
      file: deals.csv
      fields:
        id: {column: deal_id}
        lead_id: {column: lead}
        owner_id: {column: owner_id}
        created_at: {lookup: {entity: leads, key: lead_id, field: created_at}}
        source: {lookup: {entity: leads, key: lead_id, field: source}}
        closed_at: {column: closed}
    users:
      from: {entity: opportunities}
      fields:
        id: {column: owner_id}
        name: {column: owner_name}
        role: {const: ae}
`;

const leads = `lead_id,created,channel
L1,2026-01-05T10:00:00Z,organic
L2,2026-01-06T11:00:00Z,paid
L3,2026-01-07T12:00:00Z,
`;

async function load(files: Record<string, string>, options: LoadPipelineOptions = {}): Promise<PipelineData> {
  const data = await loadPipelineData('x', memoryIo(files), { mapping: parseMapping(mappingYaml), ...options });
  expectBalanced(data);
  return data;
}

/** The accounting of an entity's file (a derived entity shares its file name with another). */
function accountingOf(data: PipelineData, entity: string): FileAccounting | undefined {
  return data.files.find((f) => f.entity === entity);
}

/** Plain copies of the rows (rows have no prototype). */
const plain = (rows: readonly object[]): object[] => rows.map((r) => ({ ...r }));

for (const fast of [true, false]) {
  describe(`joins in a mapping (fast path ${fast ? 'on' : 'off'})`, () => {
    useFastPath(fast);

    it("fills a deal's created_at and source from its lead, and reads no reshaped file", async () => {
      const deals = `deal_id,lead,owner_id,owner_name,closed
D1,L1,u1,Ann,2026-02-01T00:00:00Z
D2,L3,u2,Bob,
`;
      const data = await load({ 'leads.csv': leads, 'deals.csv': deals });
      expect(data.issues).toEqual([]);
      expect(plain(data.opportunities)).toEqual([
        {
          id: 'D1',
          lead_id: 'L1',
          owner_id: 'u1',
          created_at: Date.parse('2026-01-05T10:00:00Z'),
          source: 'organic',
          closed_at: Date.parse('2026-02-01T00:00:00Z'),
        },
        // L3 has no channel: the looked-up source is empty, as the lead's is.
        {
          id: 'D2',
          lead_id: 'L3',
          owner_id: 'u2',
          created_at: Date.parse('2026-01-07T12:00:00Z'),
          source: null,
          closed_at: null,
        },
      ]);
    });

    it('keeps the key and the looked-up fields it needs when the caller keeps fewer fields', async () => {
      const deals = `deal_id,lead,owner_id,owner_name,closed
D1,L1,u1,Ann,
D2,L9,u1,Ann,
`;
      const keep = { leads: new Set(['id']), opportunities: new Set(['id', 'created_at']) };
      const data = await load({ 'leads.csv': leads, 'deals.csv': deals }, { keep });
      // The key (lead_id) stays in the row; source is looked up and checked, not kept.
      expect(plain(data.opportunities)).toEqual([
        { id: 'D1', lead_id: 'L1', created_at: Date.parse('2026-01-05T10:00:00Z') },
      ]);
      // The row whose lead is unknown is rejected whatever is kept: the accounting is the same.
      expect(accountingOf(data, 'opportunities')).toMatchObject({ rowsRead: 2, rowsEvaluated: 1, rowsRejected: 1 });
    });

    it('rejects a deal whose lead is not found, located at the key column with the key as raw value', async () => {
      const deals = `deal_id,lead,owner_id,owner_name,closed
D1,L1,u1,Ann,
D2,L404,u1,Ann,
D3,,u1,Ann,
`;
      const data = await load({ 'leads.csv': leads, 'deals.csv': deals });
      expect(accountingOf(data, 'opportunities')).toMatchObject({ rowsRead: 3, rowsEvaluated: 1, rowsRejected: 2 });
      // D3 has no lead: created_at, required, stays empty.
      expect(summarise(data.issues)).toEqual([
        {
          file: 'deals.csv',
          code: 'data.lookup-no-match',
          line: 3,
          column: 2,
          columnName: 'lead',
          // The first field looked up by that key (in the model's order) carries the row's one issue.
          field: 'source',
          raw: 'L404',
        },
        {
          file: 'deals.csv',
          code: 'data.missing-required',
          line: 4,
          column: 2,
          columnName: 'lead',
          field: 'created_at',
        },
      ]);
      expect(data.issues[0]?.message).toBe(
        '`lead` (source): looked up in leads by lead_id (matching leads.id), but no leads row evaluated has this key.',
      );
    });

    it('does not match a lead whose own row was rejected', async () => {
      const badLeads = `lead_id,created,channel
L1,not a date,organic
`;
      const deals = `deal_id,lead,owner_id,owner_name,closed
D1,L1,u1,Ann,
`;
      const data = await load({ 'leads.csv': badLeads, 'deals.csv': deals });
      expect(summarise(data.issues).map((i) => [i.file, i.code])).toEqual([
        ['leads.csv', 'data.bad-datetime'],
        ['deals.csv', 'data.lookup-no-match'],
      ]);
    });

    it('builds users from the distinct owners of the deals file, and rejects an owner id given two names', async () => {
      const deals = `deal_id,lead,owner_id,owner_name,closed
D1,L1,u1,Ann,
D2,L2,u2,Bob,
D3,L1,u1,Ann,
D4,L2,u1,Anne,
D5,L3,,,
`;
      const data = await load({ 'leads.csv': leads, 'deals.csv': deals });
      expect(plain(data.users)).toEqual([
        { id: 'u1', name: 'Ann', role: 'ae' },
        { id: 'u2', name: 'Bob', role: 'ae' },
      ]);
      // Each deal row is read for users: D3 repeats u1 (used, no new row), D5 has no owner (no
      // user), D4 names u1 otherwise and is rejected for users only.
      const users = accountingOf(data, 'users');
      expect(users).toMatchObject({
        file: 'x/deals.csv',
        rowsRead: 5,
        rowsEvaluated: 4,
        rowsRejected: 1,
        distinctRows: 2,
      });
      expect(users?.ignoredColumns).toEqual([]);
      // owner_name is read, for users: the deals' own accounting does not list it as ignored.
      expect(accountingOf(data, 'opportunities')?.ignoredColumns).toEqual([]);
      expect(accountingOf(data, 'opportunities')).toMatchObject({ entity: 'opportunities', rowsEvaluated: 5 });
      expect(summarise(data.issues)).toEqual([
        {
          file: 'deals.csv',
          code: 'data.distinct-conflict',
          line: 5,
          column: 4,
          columnName: 'owner_name',
          field: 'name',
          raw: 'Anne',
        },
      ]);
      expect(data.issues[0]?.message).toContain('the row on line 2 gives this users id another name');
    });
  });
}

describe('a lookup with two matches', () => {
  it('rejects the row: a lead with two stage events cannot take one entry date', async () => {
    const mapping = parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: mql-dates, owner: revops, description: MQL date from stage events.}
spec:
  source: custom
  entities:
    leads:
      file: leads.csv
      fields:
        id: {column: lead_id}
        created_at: {column: created}
        # A lead that never became an MQL has no event: its mql_at is empty, not an error.
        mql_at: {lookup: {entity: stage_events, key: id, on: entity_id, field: entered_at, ifNoMatch: empty}}
    stage_events:
      file: events.csv
      fields:
        entity: {const: lead}
        entity_id: {column: lead}
        stage: {const: mql}
        entered_at: {column: at}
`);
    const events = `lead,at
L1,2026-01-08T00:00:00Z
L2,2026-01-09T00:00:00Z
L2,2026-01-10T00:00:00Z
`;
    const data = await loadPipelineData('x', memoryIo({ 'leads.csv': leads, 'events.csv': events }), { mapping });
    expectBalanced(data);
    expect(data.leads.map((l) => [l.id, l.mql_at])).toEqual([
      ['L1', Date.parse('2026-01-08T00:00:00Z')],
      ['L3', null],
    ]);
    expect(accountingOf(data, 'leads')).toMatchObject({ rowsRead: 3, rowsEvaluated: 2, rowsRejected: 1 });
    expect(summarise(data.issues)).toEqual([
      {
        file: 'leads.csv',
        code: 'data.lookup-ambiguous',
        line: 3,
        column: 1,
        columnName: 'lead_id',
        field: 'mql_at',
        raw: 'L2',
      },
    ]);
    expect(data.issues[0]?.message).toContain('2 stage_events rows have this key');
  });
});

describe('lookups in a circle', () => {
  it('read neither file, each failing with the reason, and the rest is read', async () => {
    const mapping = parseMappingLoosely(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: circle, owner: revops, description: Two entities looking each other up.}
spec:
  source: custom
  entities:
    leads:
      file: leads.csv
      fields:
        id: {column: lead_id}
        created_at: {column: created}
        opportunity_at: {lookup: {entity: opportunities, key: id, on: lead_id, field: created_at}}
    opportunities:
      file: deals.csv
      fields:
        id: {column: deal_id}
        lead_id: {column: lead}
        created_at: {lookup: {entity: leads, key: lead_id, field: created_at}}
    users:
      file: users.csv
      fields:
        id: {column: id}
        role: {column: role}
`);
    const files = { 'leads.csv': leads, 'deals.csv': 'deal_id,lead\nD1,L1\n', 'users.csv': 'id,role\nu1,ae\n' };
    const data = await loadPipelineData('x', memoryIo(files), { mapping });
    expectBalanced(data);
    expect(data.files.map((f) => [f.entity, f.status])).toEqual([
      ['users', 'read'],
      ['leads', 'failed'],
      ['opportunities', 'failed'],
    ]);
    expect(data.issues.map((i) => i.code)).toEqual(['data.lookup-unavailable', 'data.lookup-unavailable']);
    expect(data.issues[0]?.message).toContain('Lookups go round in a circle');
  });
});

/** A mapping that validate rejects with `mapping.join-cycle` only, as the loader still gets it when asked to go on. */
function parseMappingLoosely(yaml: string): Policy<'FieldMapping'> {
  const result = loadPolicySources([{ file: 'mapping.yaml', bytes: new TextEncoder().encode(yaml) }]);
  expect(result.issues.map((i) => i.code)).toEqual(['mapping.join-cycle']);
  return result.set.FieldMapping[0]!;
}
