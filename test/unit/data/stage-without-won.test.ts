import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { FunnelStages } from '../../../src/core/data/funnel-stages.js';
import { expectBalanced, memoryIo, parseMapping } from './helpers.js';

const stages: FunnelStages = {
  funnel: 'deals',
  ids: ['opportunity', 'won', 'lost'],
  names: ['Opportunity', 'Closed won', 'Closed lost'],
  won: ['won'],
  lost: ['lost'],
};

const csv = [
  'id,created_at,stage',
  'O1,2024-01-01T00:00:00Z,won',
  'O2,2024-01-02T00:00:00Z,lost',
  'O3,2024-01-03T00:00:00Z,opportunity',
  'O4,2024-01-04T00:00:00Z,Won',
  'O5,2024-01-05T00:00:00Z,',
].join('\n');

const mapping = parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: deals, owner: revops, description: Stage but no won.}
spec:
  source: custom
  entities:
    opportunities:
      file: deals.ndjson
      fields:
        id: {column: Id}
        created_at: {column: Created}
        stage:
          column: Stage
          values: {Open: opportunity, Closed Won: won, Closed Lost: lost}
`);

const ndjson = [
  { Id: 'A', Created: '2024-01-01T00:00:00Z', Stage: 'Closed Won' },
  { Id: 'B', Created: '2024-01-02T00:00:00Z', Stage: 'Closed Lost' },
  { Id: 'C', Created: '2024-01-03T00:00:00Z', Stage: 'Open' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const wonOf = (rows: readonly Record<string, unknown>[]): unknown[] => rows.map((r) => r.won);

describe('opportunities with a stage but no won', () => {
  it('read won from the terminal stages of the Funnel, with a warning, in a file of canonical columns', async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.csv': csv }), { stages });
    expectBalanced(data);
    expect(wonOf(data.opportunities)).toEqual([true, false, null, null, null]);
    expect(data.files[0]).toMatchObject({
      rowsRead: 5,
      rowsEvaluated: 5,
      fields: ['id', 'stage', 'created_at', 'won'],
    });
    const [note, unknown] = data.issues;
    expect(note).toMatchObject({ code: 'data.missing-column', severity: 'warning', line: 1, field: 'won' });
    // `Won` is no stage id: its rows are kept, counted and located, with the entry that would translate it.
    expect(unknown).toMatchObject({
      code: 'data.unmapped-value',
      severity: 'warning',
      line: 5,
      field: 'stage',
      columnName: 'stage',
      raw: 'Won',
    });
    expect(unknown!.hint).toBe('Did you mean the stage `won`? Map it under the field\'s `values`: `"Won": won`.');
    expect(data.issues).toHaveLength(2);
  });

  it("read won through the stage's own values in a mapped file of any format", async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'deals.ndjson': ndjson }), { mapping, stages });
    expectBalanced(data);
    expect(wonOf(data.opportunities)).toEqual([true, false, null]);
    expect(data.issues.map((i) => [i.code, i.severity, i.field])).toEqual([['data.missing-column', 'warning', 'won']]);
  });

  it('say that every deal reads as open when no Funnel names the terminal stages', async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'deals.ndjson': ndjson }), { mapping });
    expect(wonOf(data.opportunities)).toEqual([undefined, undefined, undefined]);
    expect(data.issues.map((i) => i.message)).toEqual([
      'Opportunities have a `stage` (column `Stage`) but no `won`, and no Funnel names won or lost stages: every opportunity reads as open.',
    ]);
  });

  it('keep a won column the file has, and still check the stage values', async () => {
    const withWon =
      'id,created_at,stage,won\nO1,2024-01-01T00:00:00Z,won,false\nO2,2024-01-02T00:00:00Z,negotiation,\n';
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.csv': withWon }), { stages });
    expect(wonOf(data.opportunities)).toEqual([false, null]);
    expect(data.issues.map((i) => [i.code, i.line, i.raw])).toEqual([['data.unmapped-value', 3, 'negotiation']]);
  });
});
