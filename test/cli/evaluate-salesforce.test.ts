import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

/**
 * End to end on Salesforce's public sample opportunities (CC0; test/fixtures/salesforce-deals,
 * origin in its SOURCES.md), read through a mapping written as a new user would. The expected
 * figures come from test/fixtures/salesforce-deals/compute-expected.py, which reads the CSV
 * with nothing but Python's csv module.
 */
interface Expected {
  asOf: string;
  file: { rowsRead: number; rowsEvaluated: number; rowsRejected: number };
  rejectedLines: number[];
  deals: Pick<Report['deals'], 'total' | 'open' | 'won' | 'lost' | 'openAgeDays'> & {
    cycleDays: { lost: Report['deals']['cycleDays']['lost'] };
  };
  opportunity: { arrivals: number; exits: number; advanced: number; dropped: number; openAtAsOf: number };
}

const dir = join(fixturesDir, 'salesforce-deals');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

describe('revops evaluate on Salesforce sample opportunities', () => {
  let run: CliRun;
  let report: Report;

  beforeAll(async () => {
    run = await runRevops([
      'evaluate',
      '--policies',
      join(dir, 'policies'),
      '--data',
      join(dir, 'export'),
      '--mapping',
      'salesforce-opportunities',
      '--as-of',
      expected.asOf,
      '--format',
      'json',
    ]);
    report = JSON.parse(run.stdout) as Report;
  });

  it('rejects the rows of stages Salesforce does not have, each located, and evaluates the rest', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(report.data.files[0]).toMatchObject(expected.file);
    const rejected = report.data.issues.filter((i) => i.code === 'data.unmapped-value');
    expect(rejected.map((i) => i.line)).toEqual(expected.rejectedLines);
    expect(rejected.every((i) => i.columnName === 'StageName')).toBe(true);
  });

  it('counts the deals, the lost deal’s cycle and the open deals’ ages', () => {
    const { cycleDays, ...counts } = expected.deals;
    expect(report.deals).toMatchObject(counts);
    expect(report.deals.cycleDays.lost).toEqual(cycleDays.lost);
  });

  it('follows the deals through the opportunity stage', () => {
    expect(report.funnel?.stages.find((s) => s.id === 'opportunity')).toMatchObject(expected.opportunity);
  });
});
