import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { expectBalanced, memoryIo, summarise } from './helpers.js';

// Quantities of the canonical model (deal amounts, counts) cannot be negative, and an id with an
// invisible character is a second record that looks like the first: both would change won revenue
// or counts with no issue at all, so each row is rejected, counted and located.

const opportunity = (id: string, amount: string) => `${id},2026-01-01T00:00:00Z,2026-01-10T00:00:00Z,${amount},true`;
const header = 'id,created_at,closed_at,amount,won';

describe('negative quantities', () => {
  it('rejects a won deal with a negative amount, located, and keeps the others (CSV)', async () => {
    const text = `${header}\n${opportunity('O1', '100')}\n${opportunity('O2', '-92900.00')}\n${opportunity('O3', '-0')}\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.csv': text }));
    expectBalanced(data);
    expect(data.opportunities.map((r) => [r.id, r.amount])).toEqual([
      ['O1', '100'],
      ['O3', '0'],
    ]);
    expect(summarise(data.issues)).toEqual([
      {
        file: 'opportunities.csv',
        code: 'data.negative-number',
        line: 3,
        column: 4,
        columnName: 'amount',
        field: 'amount',
        raw: '-92900', // the value as read, normalised like every decimal
      },
    ]);
  });

  it('rejects a negative count given as a JSON number', async () => {
    const json = JSON.stringify([
      { id: 'L1', created_at: '2026-01-01T00:00:00Z', page_views: 3 },
      { id: 'L2', created_at: '2026-01-01T00:00:00Z', page_views: -3 },
    ]);
    const data = await loadPipelineData('mem', memoryIo({ 'leads.json': json }));
    expect(data.leads.map((r) => r.id)).toEqual(['L1']);
    expect(data.issues.map((i) => [i.code, i.field, i.record])).toEqual([['data.negative-number', 'page_views', 2]]);
  });
});

describe('ids with invisible characters', () => {
  it.each([
    ['a zero-width space', 'O1\u200b'],
    ['a byte-order mark', '\ufeffO1'],
    ['a control character', 'O\u00011'],
    ['a bidi override', 'O1\u202e'],
  ])('rejects an id holding %s, so it cannot pass as a second record of the same deal', async (_what, id) => {
    const text = `${header}\n${opportunity('O1', '100')}\n${opportunity(id, '100')}\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.csv': text }));
    expectBalanced(data);
    expect(data.opportunities.map((r) => r.id)).toEqual(['O1']);
    expect(data.issues.map((i) => [i.code, i.field, i.line])).toEqual([['data.invisible-character', 'id', 3]]);
  });

  it('rejects an id that carries a line break and a workflow command, before any output sees it', async () => {
    const text = `${header}\n"O1\n::error file=x::pwned",2026-01-01T00:00:00Z,2026-01-10T00:00:00Z,100,true\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.csv': text }));
    expect(data.opportunities).toEqual([]);
    expect(data.issues.map((i) => [i.code, i.line])).toEqual([['data.invisible-character', 2]]);
  });

  it('keeps ids that differ only in case: CRM ids are case-sensitive (Salesforce)', async () => {
    const text = `${header}\n${opportunity('0065g00000AbCdE', '100')}\n${opportunity('0065g00000abcde', '100')}\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.csv': text }));
    expect(data.opportunities).toHaveLength(2);
    expect(data.issues).toEqual([]);
  });
});
