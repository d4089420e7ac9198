import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileAccounting } from '../../src/core/data/types.js';
import type { DealsSection, GoalSection, Report, StageLoad, StageReport } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

/**
 * End to end on a public dataset: the Maven Analytics "CRM Sales Opportunities" export in
 * test/fixtures/maven/export (origin and licence in test/fixtures/maven/SOURCES.md), read
 * through the FieldMapping in test/fixtures/maven/policies. The expected figures come from
 * test/fixtures/maven/compute-expected.py, which reads the CSV files with nothing but
 * Python's csv module.
 */

/** What compute-expected.py writes for a file: the report's accounting, by base name. */
type FileFigures = Pick<
  FileAccounting,
  'file' | 'entity' | 'rowsRead' | 'rowsEvaluated' | 'rowsRejected' | 'issueCount'
>;

type DealFigures = Pick<
  DealsSection,
  | 'currency'
  | 'total'
  | 'open'
  | 'won'
  | 'lost'
  | 'winRate'
  | 'wonAmount'
  | 'averageWonAmount'
  | 'cycleDays'
  | 'openAgeDays'
>;

type OwnerFigures = DealsSection['byOwner'][number];

type StageFigures = Pick<
  StageReport,
  | 'id'
  | 'arrivals'
  | 'exits'
  | 'advanced'
  | 'dropped'
  | 'openAtAsOf'
  | 'conversionCohort'
  | 'conversionPeriod'
  | 'timeInStageHours'
>;

type LoadFigures = Omit<StageLoad, 'isCandidate'>;

type GoalFigures = Pick<GoalSection, 'actual' | 'target' | 'attainment'>;

interface Expected {
  asOf: string;
  files: FileFigures[];
  deals: Omit<DealFigures, 'byOwner'> & { byOwner: OwnerFigures[]; byOwnerTop3: OwnerFigures[] };
  funnel: { opportunity: Omit<StageFigures, 'id'>; won: { arrivals: number }; lost: { arrivals: number } };
  constraint: LoadFigures;
  goal: GoalFigures;
}

const expected = JSON.parse(readFileSync(join(fixturesDir, 'maven', 'expected.json'), 'utf8')) as Expected;

describe('revops evaluate on the Maven CRM sales opportunities export', () => {
  let run: CliRun;
  let report: Report;

  beforeAll(async () => {
    run = await runRevops([
      'evaluate',
      '--policies',
      'test/fixtures/maven/policies',
      '--data',
      'test/fixtures/maven/export',
      '--mapping',
      'maven',
      '--as-of',
      expected.asOf,
      '--format',
      'json',
    ]);
    try {
      report = JSON.parse(run.stdout) as Report;
    } catch {
      throw new Error(`revops evaluate exited ${run.code} without a JSON report on stdout:\n${run.stderr}`);
    }
  });

  it('runs to the end and prints a JSON report', () => {
    // Rejected rows are problems in the data, not in the command line or the policies.
    expect(run.code, run.stderr).not.toBe(2);
    expect(report.deals).toBeDefined();
    expect(report.data.files).toBeDefined();
  });

  it('accounts for every row: the 500 prospecting deals without an engage date are rejected, one issue each', () => {
    for (const want of expected.files) {
      const got = report.data.files.find((f) => basename(f.file) === want.file);
      expect(got, want.file).toBeDefined();
      expect(got).toMatchObject({
        entity: want.entity,
        rowsRead: want.rowsRead,
        rowsEvaluated: want.rowsEvaluated,
        rowsRejected: want.rowsRejected,
        issueCount: want.issueCount,
      });
      expect(got!.rowsRead).toBe(got!.rowsEvaluated + got!.rowsRejected);
    }
  });

  it('counts deals: total, open, won and lost', () => {
    const { total, open, won, lost, currency } = expected.deals;
    expect(report.deals).toMatchObject({ total, open, won, lost, currency });
    expect(report.deals.open + report.deals.won + report.deals.lost).toBe(report.deals.total);
  });

  it('gives the win rate over closed deals', () => {
    expect(report.deals.winRate).toBe(expected.deals.winRate);
  });

  it('sums won amounts exactly and averages them', () => {
    expect(report.deals.wonAmount).toBe(expected.deals.wonAmount);
    expect(report.deals.averageWonAmount).toBe(expected.deals.averageWonAmount);
  });

  it('measures cycle length of won and lost deals in days', () => {
    expect(report.deals.cycleDays.won).toEqual(expected.deals.cycleDays.won);
    expect(report.deals.cycleDays.lost).toEqual(expected.deals.cycleDays.lost);
  });

  it('ages open deals at the as-of moment', () => {
    expect(report.deals.openAgeDays).toEqual(expected.deals.openAgeDays);
  });

  it('ranks sales agents by won amount', () => {
    expect(report.deals.byOwner.slice(0, 3)).toEqual(expected.deals.byOwnerTop3);
    for (const want of expected.deals.byOwner) {
      expect(
        report.deals.byOwner.find((o) => o.ownerId === want.ownerId),
        want.ownerId,
      ).toEqual(want);
    }
    const ranked = report.deals.byOwner.filter((o) => o.won > 0);
    expect(ranked.map((o) => o.ownerId)).toEqual(expected.deals.byOwner.map((o) => o.ownerId));
  });

  it('follows deals through the funnel: arrivals, exits, open, conversions and time in stage', () => {
    const stage = (id: string) => report.funnel?.stages.find((s) => s.id === id);
    expect(stage('opportunity')).toMatchObject(expected.funnel.opportunity);
    expect(stage('won')?.arrivals).toBe(expected.funnel.won.arrivals);
    expect(stage('lost')?.arrivals).toBe(expected.funnel.lost.arrivals);
  });

  it("finds the constraint on observed capacity: demand, utilisation, peak week, throughput, WIP, queue growth and Little's law", () => {
    const { stage, ...load } = expected.constraint;
    expect(report.constraint?.stage).toBe(stage);
    expect(report.constraint?.stages.find((s) => s.stage === stage)).toMatchObject(load);
  });

  it('measures the goal: won amount closed in 2017 against the target', () => {
    expect(report.goal).toMatchObject(expected.goal);
  });
});
