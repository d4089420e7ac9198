import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/data/csv-reader.js';
import { EntitySink } from '../../../src/core/data/entity-sink.js';
import { planEntity } from '../../../src/core/data/field-plan.js';
import { FileTally } from '../../../src/core/data/tally.js';
import { generateSpanRowBuilder } from '../../../src/core/data/row-builder.js';
import { parseMapping } from './helpers.js';

/** Spans of a line split on commas (no quotes). */
function spansOf(line: string): Int32Array {
  const bounds: number[] = [];
  let at = 0;
  for (const cell of line.split(',')) {
    bounds.push(at, at + cell.length);
    at += cell.length + 1;
  }
  return Int32Array.from(bounds);
}

describe('the generated row builder', () => {
  const plan = planEntity('activities');
  const columns = plan.fields.map((_, i) => i);
  const keptAt = plan.fields.map((_, i) => i);
  const build = generateSpanRowBuilder(plan.fields, columns, keptAt);

  it('builds a row of plain cells, and notes its latest date-time', () => {
    expect(build).toBeDefined();
    const latest = { value: undefined as number | undefined };
    const line = 'A1,L1,,call,outbound,2026-01-02T03:04:05Z,U1,connected,,';
    expect(plan.fields.map((f) => f.field)).toEqual([
      'id',
      'lead_id',
      'opportunity_id',
      'type',
      'direction',
      'at',
      'actor_id',
      'outcome',
      'campaign',
      'source',
    ]);
    expect({ ...build!(line, spansOf(line), latest) }).toEqual({
      id: 'A1',
      lead_id: 'L1',
      opportunity_id: null,
      type: 'call',
      direction: 'outbound',
      at: Date.UTC(2026, 0, 2, 3, 4, 5),
      actor_id: 'U1',
      outcome: 'connected',
      campaign: null,
      source: null,
    });
    expect(latest.value).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
  });

  it('gives up on a line with any problem, leaving the latest date-time as it was', () => {
    const latest = { value: 5 };
    for (const line of [
      'A1,L1,,call,outbound,2026-02-30T03:04:05Z,U1,x,,',
      ',L1,,call,outbound,2026-01-02T03:04:05Z,U1,x,,',
      'A1,L1,,,outbound,2026-01-02T03:04:05Z,U1,x,,',
    ]) {
      expect(build!(line, spansOf(line), latest), line).toBeUndefined();
    }
    expect(latest.value).toBe(5);
  });

  it('leaves fields that are not kept out of the row, and files with derived fields to the general builder', () => {
    const only = generateSpanRowBuilder(
      plan.fields,
      columns,
      keptAt.map((at) => (at === 0 || at === 5 ? at : -1)),
    );
    const line = 'A1,L1,,call,outbound,2026-01-02T03:04:05Z,U1,connected';
    expect(Object.keys(only!(line, spansOf(line), { value: undefined })!)).toEqual(['id', 'at']);
    const mapping = parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: m, owner: revops, description: Activities with a derived type.}
spec:
  source: custom
  entities:
    activities:
      file: activities.csv
      fields:
        id: {column: Id}
        type: {derive: {"var": "Kind"}}
        at: {column: When}
`);
    const derived = planEntity('activities', mapping.spec);
    expect(generateSpanRowBuilder(derived.fields, [0, -1, 1], [0, 1, 2])).toBeUndefined();
  });

  it("translates an empty cell through a mapping's `values`, as the general builder does", async () => {
    const mapping = parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: m, owner: revops, description: Leads whose empty source means unknown.}
spec:
  source: custom
  entities:
    leads:
      file: leads.csv
      fields:
        id: {column: Id}
        created_at: {column: Created}
        source: {column: Src, values: {"": unknown, web: organic}, otherwise: keep}
`);
    const text =
      'Id,Created,Src\nL1,2024-01-01T00:00:00Z,\nL2,2024-01-02T00:00:00Z,web\nL3,2024-01-03T00:00:00Z,events\n';
    for (const plainRows of [true, false]) {
      const tally = new FileTally('leads.csv', 'leads', 'csv');
      const sink = new EntitySink(planEntity('leads', mapping.spec), tally);
      await readCsv(
        (async function* () {
          yield text;
        })(),
        sink,
        { plainRows },
      );
      expect(
        sink.rows.map((row) => row['source']),
        `plainRows: ${plainRows}`,
      ).toEqual(['unknown', 'organic', 'events']);
    }
  });
});
