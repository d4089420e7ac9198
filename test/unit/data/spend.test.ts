import { describe, expect, it } from 'vitest';
import { fileOf, loadFixtureMapping, loadScenario, summarise } from './helpers.js';

describe('the spend entity', () => {
  it('reads spend.csv by canonical names, rejecting an unknown function or period, a negative amount and a bad date', async () => {
    const data = await loadScenario('spend-canonical');
    expect(fileOf(data, 'spend.csv')).toMatchObject({ rowsRead: 7, rowsEvaluated: 3, rowsRejected: 4 });
    expect(data.spend.map((r) => ({ ...r }))).toEqual([
      {
        date: '2026-01-01',
        period: 'month',
        function: 'marketing',
        source: 'paid_search',
        campaign: 'search-brand-2026q1',
        amount: '12000.5',
        currency: 'USD',
      },
      {
        date: '2026-01-01',
        period: 'month',
        function: 'sales',
        source: null,
        campaign: null,
        amount: '30000',
        currency: 'USD',
      },
      {
        date: '2026-01-15',
        period: null,
        function: 'marketing',
        source: 'events',
        campaign: 'saas-connect-2026',
        amount: '8000',
        currency: 'USD',
      },
    ]);
    expect(summarise(data.issues)).toEqual([
      {
        file: 'spend.csv',
        code: 'data.bad-value',
        line: 5,
        column: 2,
        columnName: 'period',
        field: 'period',
        raw: 'fortnight',
      },
      {
        file: 'spend.csv',
        code: 'data.bad-value',
        line: 6,
        column: 3,
        columnName: 'function',
        field: 'function',
        raw: 'finance',
      },
      {
        file: 'spend.csv',
        code: 'data.negative-number',
        line: 7,
        column: 6,
        columnName: 'amount',
        field: 'amount',
        raw: '-5',
      },
      {
        file: 'spend.csv',
        code: 'data.bad-date',
        line: 8,
        column: 1,
        columnName: 'date',
        field: 'date',
        raw: '2026-13-01',
      },
    ]);
  });

  it('reads an ad-cost export through a FieldMapping, with located rejections', async () => {
    const data = await loadScenario('spend-export', { mapping: loadFixtureMapping('spend-export') });
    expect(fileOf(data, 'ad-costs.csv')).toMatchObject({ rowsRead: 4, rowsEvaluated: 3, rowsRejected: 1 });
    expect(data.spend.map((r) => [r.date, r.period, r.function, r.source, r.amount, r.currency])).toEqual([
      ['2026-01-01', 'month', 'marketing', 'paid_search', '1234.56', 'EUR'],
      ['2026-02-01', 'month', 'marketing', 'paid_social', '900', 'EUR'],
      ['2026-02-01', 'month', 'sales', null, '5000', 'EUR'],
    ]);
    expect(summarise(data.issues.filter((i) => i.file.endsWith('ad-costs.csv')))).toMatchObject([
      { code: 'data.unmapped-value', line: 5, column: 2, columnName: 'Team', field: 'function', raw: 'Legal' },
    ]);
  });
});
