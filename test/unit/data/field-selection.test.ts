import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { findLatestTimestamp } from '../../../src/core/engine/as-of.js';
import { expectBalanced, memoryIo, summarise } from './helpers.js';

const header = 'id,created_at,email,company,recycled_at,employee_count';
const csv = [
  header,
  'L1,2026-01-01T00:00:00Z,a@x.io,Acme,,10',
  'L2,2026-01-02T00:00:00Z,b@y.io,Beta Inc,2026-03-01T00:00:00Z,20',
  'L3,2026-01-03T00:00:00Z,c@z.io,Gamma,2026-02-30T00:00:00Z,30', // a bad date in a field not kept
  'L4,2026-01-04T00:00:00Z,d@w.io,\uFFFDmega,,40', // a bad encoding in a string not kept
  '',
].join('\n');
const keep = { leads: new Set(['id', 'created_at', 'employee_count']) };

async function load(
  options: Parameters<typeof loadPipelineData>[2] = {},
): Promise<Awaited<ReturnType<typeof loadPipelineData>>> {
  const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': csv }), options);
  expectBalanced(data);
  return data;
}

describe('rows keeping only the fields selected', () => {
  it('hold only those fields', async () => {
    const data = await load({ keep });
    expect(data.leads.map((row) => Object.keys(row))).toEqual([
      ['id', 'created_at', 'employee_count'],
      ['id', 'created_at', 'employee_count'],
    ]);
    expect(data.leads.map((row) => row['employee_count'])).toEqual([10, 20]);
    expect(Object.getPrototypeOf(data.leads[0])).toBeNull();
  });

  it('reject the same rows, with the same issues and accounting, as rows keeping every field', async () => {
    const all = await load();
    const some = await load({ keep });
    expect(some.files).toEqual(all.files);
    expect(summarise(some.issues)).toEqual(summarise(all.issues));
    expect(summarise(some.issues).map((i) => [i['code'], i['line'], i['field']])).toEqual([
      ['data.bad-datetime', 4, 'recycled_at'],
      ['data.bad-encoding', 5, 'company'],
    ]);
    expect(all.leads.map((row) => row['id'])).toEqual(some.leads.map((row) => row['id']));
  });

  it('still date the data by every date-time field, kept or not', async () => {
    const all = await load();
    const some = await load({ keep });
    expect(some.leads.some((row) => 'recycled_at' in row)).toBe(false);
    expect(findLatestTimestamp(some)).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(findLatestTimestamp(some)).toBe(findLatestTimestamp(all));
    // The same figure as reading every date-time of every row, the way data built by hand is dated.
    const withoutNotes = { ...all };
    delete withoutNotes.latestTimestamps;
    expect(findLatestTimestamp(withoutNotes)).toBe(findLatestTimestamp(all));
  });
});
