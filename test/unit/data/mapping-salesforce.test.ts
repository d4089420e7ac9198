import { describe, expect, it } from 'vitest';
import { fileOf, loadExampleMapping, loadScenario, summarise } from './helpers.js';

describe('the Salesforce mapping on the Trailhead sample opportunities', () => {
  it('matches lower-case API names, reads the fuzz strings as plain text, and maps standard stages', async () => {
    const data = await loadScenario('salesforce-trailhead', { mapping: await loadExampleMapping('salesforce') });
    const file = fileOf(data, 'Opportunity.csv');
    expect(file).toMatchObject({
      status: 'read',
      rowsRead: 50,
      rowsEvaluated: 39,
      rowsRejected: 11,
      ignoredColumns: ['description'],
    });
    expect(file.fields).toEqual([
      'id',
      'account_id',
      'name',
      'amount',
      'currency',
      'stage',
      'created_at',
      'closed_at',
      'won',
    ]);
    expect(data.ignoredFiles).toEqual(['SOURCE.md']);
    expect({ ...data.opportunities[0] }).toEqual({
      id: '0065g0000000001AAA',
      account_id: '@AccountRef32',
      name: 'Cape starling',
      amount: '119373.34',
      currency: 'USD',
      stage: 'opportunity',
      created_at: Date.parse('2020-10-22T21:16:01Z'),
      closed_at: null,
      won: null,
    });
    const lost = data.opportunities.filter((o) => o.stage === 'lost');
    expect(lost.map((o) => [o.won, typeof o.closed_at])).toEqual([[false, 'number']]);
  });

  it('reports every odd stage ("Closed/Won", "Assigned dynamically") instead of losing or guessing it', async () => {
    const data = await loadScenario('salesforce-trailhead', { mapping: await loadExampleMapping('salesforce') });
    const stageIssues = data.issues.filter((i) => i.code === 'data.unmapped-value');
    expect(stageIssues).toHaveLength(11);
    expect(stageIssues.every((i) => i.field === 'stage' && i.columnName === 'StageName' && i.column === 7)).toBe(true);
    const counts = new Map<string, number>();
    for (const issue of stageIssues) counts.set(issue.raw!, (counts.get(issue.raw!) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'Assigned dynamically': 8, 'Closed/Won': 3 });
    // the rows that carry them keep their place in the file: one issue per rejected line
    expect(new Set(stageIssues.map((i) => i.line)).size).toBe(11);
    // the missing optional columns are said once, as warnings
    expect(summarise(data.issues.filter((i) => i.severity === 'warning')).map((i) => i.columnName)).toEqual([
      'OwnerId',
      'LeadSource',
    ]);
  });

  it('fails the original file clearly: it has no Id or CreatedDate column', async () => {
    const data = await loadScenario('salesforce-trailhead-raw', { mapping: await loadExampleMapping('salesforce') });
    // Its rows are counted, as read and lost with the file.
    expect(fileOf(data, 'Opportunity.csv')).toMatchObject({
      status: 'failed',
      rowsRead: 50,
      rowsEvaluated: 0,
      rowsRejected: 50,
    });
    const errors = data.issues.filter((i) => i.severity === 'error' && i.file.endsWith('/Opportunity.csv'));
    expect(errors.map((i) => [i.code, i.field, i.columnName])).toEqual([
      ['data.missing-column', 'id', 'Id'],
      ['data.missing-column', 'created_at', 'CreatedDate'],
    ]);
    expect(errors[0]!.hint).toBe('The header has: amount, closedate, description, name, StageName, accountId.');
  });
});
