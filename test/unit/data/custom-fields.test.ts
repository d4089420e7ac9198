import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { tableRows } from '../../../src/core/data/column-table.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { readEntityFile } from '../../../src/core/data/read-entity.js';
import { setFastPath } from '../../../src/core/fast-path.js';
import type { PipelineData } from '../../../src/core/data/types.js';
import { fixturesDir } from '../../helpers/paths.js';
import { expectBalanced, memoryIo, parseMapping, summarise } from './helpers.js';

const dir = join(fixturesDir, 'hubspot-custom');
const mapping = parseMapping(readFileSync(join(dir, 'policies', 'mapping-hubspot.yaml'), 'utf8'));

/** Loads the fixture's export with the fast path on or off. */
async function loadBothWays(keep?: ReadonlySet<string>): Promise<PipelineData[]> {
  const out: PipelineData[] = [];
  for (const on of [true, false]) {
    const previous = setFastPath(on);
    try {
      const data = await loadPipelineData(join(dir, 'export'), nodeFileIo, {
        mapping,
        ...(keep === undefined ? {} : { keep: { leads: keep } }),
      });
      expectBalanced(data);
      out.push(data);
    } finally {
      setFastPath(previous);
    }
  }
  return out;
}

describe('custom fields of a mapping', () => {
  it('are kept in the rows, typed, the same on the fast and the general path', async () => {
    const [fast, general] = await loadBothWays();
    expect(fast!.leads.map((l) => ({ ...l }))).toEqual(general!.leads.map((l) => ({ ...l })));
    expect(fast!.issues).toEqual(general!.issues);
    const byId = new Map(fast!.leads.map((l) => [l.id, l]));
    // A decimal is checked as exact decimal text and held as a number, as rules read it.
    expect(byId.get('104')).toMatchObject({ g2_intent_score: 75.5, time_on_site: 301, estimated_arr: 9999.99 });
    expect(byId.get('107')).toMatchObject({ g2_intent_score: 70, estimated_arr: 10000 });
    expect(byId.get('105')).toMatchObject({ g2_intent_score: null, estimated_arr: null, time_on_site: 1200 });
    expect(Object.keys(byId.get('101')!)).not.toContain('Favorite Color');
    expect(summarise(fast!.issues)).toEqual([
      {
        file: 'contacts.csv',
        code: 'data.bad-number',
        line: 7,
        column: 5,
        columnName: 'G2 Intent Score',
        field: 'g2_intent_score',
        raw: 'high',
      },
    ]);
  });

  it('left out of a selection, are still checked: the bad row is rejected all the same', async () => {
    const [fast, general] = await loadBothWays(new Set(['id', 'created_at', 'time_on_site']));
    for (const data of [fast!, general!]) {
      expect(Object.keys(data.leads[0]!)).toEqual(['id', 'created_at', 'time_on_site']);
      expect(data.files[0]).toMatchObject({ rowsRead: 8, rowsEvaluated: 7, rowsRejected: 1 });
    }
  });

  it('come back the same from a column table (the second thread)', async () => {
    const job = {
      source: {
        entity: 'leads' as const,
        file: join(dir, 'export', 'contacts.csv'),
        format: 'csv' as const,
        isMapped: true,
      },
      bytes: 0,
      spec: mapping.spec,
    };
    const asRows = await readEntityFile({ ...job, asColumns: false }, nodeFileIo);
    const asColumns = await readEntityFile({ ...job, asColumns: true }, nodeFileIo);
    expect(tableRows(asColumns.table).map((r) => ({ ...r }))).toEqual(asRows.rows.map((r) => ({ ...r })));
    expect(asRows.rows).toHaveLength(7);
  });

  it('without `fields`, read canonical fields by their own names beside the custom ones', async () => {
    const plain = parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: plain, owner: revops, description: Canonical leads with one extra column.}
spec:
  source: custom
  entities:
    leads:
      file: leads.csv
      custom:
        g2_intent: {type: integer}
        tier: {type: string, column: Account Tier, values: {A: top, B: mid}, otherwise: empty}
`);
    const io = memoryIo({
      'leads.csv':
        'id,created_at,source,g2_intent,Account Tier,extra\nL1,2026-03-01T10:00:00Z,organic,80,A,x\nL2,2026-03-02T10:00:00Z,paid_search,,C,y\nL3,2026-03-03T10:00:00Z,events,8.5,B,z\n',
    });
    const data = await loadPipelineData('data', io, { mapping: plain });
    expect(data.leads.map((l) => ({ ...l }))).toEqual([
      { id: 'L1', created_at: Date.parse('2026-03-01T10:00:00Z'), source: 'organic', g2_intent: 80, tier: 'top' },
      { id: 'L2', created_at: Date.parse('2026-03-02T10:00:00Z'), source: 'paid_search', g2_intent: null, tier: null },
    ]);
    expect(data.files[0]).toMatchObject({ rowsRead: 3, rowsRejected: 1, ignoredColumns: ['extra'] });
    expect(summarise(data.issues)).toEqual([
      {
        file: 'leads.csv',
        code: 'data.bad-number',
        line: 4,
        column: 4,
        columnName: 'g2_intent',
        field: 'g2_intent',
        raw: '8.5',
      },
    ]);
  });

  it('read from NDJSON keys and derived with JSON Logic, checked the same way', async () => {
    const ndjson = parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: nd, owner: revops, description: NDJSON deals with custom fields.}
spec:
  source: custom
  entities:
    opportunities:
      file: deals.ndjson
      custom:
        partner_led: {type: boolean, column: partnerLed}
        seats: {type: integer, derive: {"var": "license.seats"}}
        renewal_on: {type: date}
`);
    const io = memoryIo({
      'deals.ndjson': [
        '{"id":"O1","created_at":"2026-03-01T10:00:00Z","partnerLed":true,"license":{"seats":12},"renewal_on":"2027-03-01"}',
        '{"id":"O2","created_at":"2026-03-02T10:00:00Z","partnerLed":"yes","license":{"seats":3},"renewal_on":"2027-02-30"}',
        '{"id":"O3","created_at":"2026-03-03T10:00:00Z","license":{"seats":"7"}}',
      ].join('\n'),
    });
    const data = await loadPipelineData('data', io, { mapping: ndjson });
    const pick = (o: Record<string, unknown>) => ({
      id: o.id,
      created_at: o.created_at,
      partner_led: o.partner_led,
      seats: o.seats,
      renewal_on: o.renewal_on,
    });
    expect(data.opportunities.map(pick)).toEqual([
      {
        id: 'O1',
        created_at: Date.parse('2026-03-01T10:00:00Z'),
        partner_led: true,
        seats: 12,
        renewal_on: '2027-03-01',
      },
      { id: 'O3', created_at: Date.parse('2026-03-03T10:00:00Z'), partner_led: null, seats: 7, renewal_on: null },
    ]);
    expect(summarise(data.issues).map((i) => [i.code, i.field, i.raw])).toEqual([
      ['data.bad-boolean', 'partner_led', 'yes'],
      ['data.bad-date', 'renewal_on', '2027-02-30'],
    ]);
  });

  it('whose column the file lacks are left out with a warning, never silently', async () => {
    const io = memoryIo({ 'contacts.csv': 'Record ID,Create Date,Email\n1,2026-03-02 09:15,a@b.example\n' });
    const data = await loadPipelineData('data', io, { mapping });
    expect(data.files[0]).toMatchObject({ rowsEvaluated: 1 });
    const warned = data.issues.filter((i) => i.code === 'data.missing-column').map((i) => i.field);
    expect(warned).toEqual(['g2_intent_score', 'time_on_site', 'estimated_arr', 'persona']);
  });
});
