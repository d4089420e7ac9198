import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { fixturesDir, useTempDirs } from '../helpers/paths.js';

/** The engine version is the only part of the output that changes without a change in policies or data. */
function normalise(text: string): string {
  return text.replace(/revops-policy \d+\.\d+\.\d+\S*/g, 'revops-policy X.Y.Z');
}

const hostile = join(fixturesDir, 'evaluate', 'hostile-names');

/**
 * Key figures of the bundled example, worked by hand from the tables, asserted beside each
 * golden so that a regenerated golden cannot quietly change them. They read the same in the
 * terminal and in markdown (cells split by spaces or `|`).
 */
function expectExampleFigures(text: string): void {
  expect(text).toMatch(/utilisation 0\.87\b/); // mql: 65.2 arrivals a week ÷ capacity 75 = 0.869
  expect(text).toContain('14,726 rows read, 14,726 evaluated, 0 rejected'); // 5,500 + 73 + 9,104 + 12 + 37 spend rows
  // CAC over the window: 358,720.33 of marketing spend (the sum of spend.csv) + sales heads (3 × 90,000 + 3 × 240,000
  // a year, OTE) × 90 days ÷ 365 = 244,109.59; 602,829.92 ÷ 11 new customers = 54,802.72.
  expect(text).toMatch(/window\W+358,720\.33\W+244,109\.59\W+heads\W+602,829\.92/);
  expect(text).toMatch(/window\W+54,802\.72\W/);
  expect(text).toMatch(/mql\W+mql\W+838\W+15\.2 %/); // 838 ÷ 5,500 leads = 15.24 %
  expect(text).toContain('267 of 827 decided'); // speed-to-lead 267 ÷ 827 = 32.3 %
  expect(text).toContain('32.3 %');
  // sdr-pipeline: each person's months add up to the person's total, and the people to the plan's.
  expect(text).toMatch(/U007 Jordan Blake\W+787\.50\W+1,462\.50\W+3,463\.47\W+5,713\.47/); // 787.50 + 1,462.50 + 3,463.47
  expect(text).toMatch(/total\W+3,712\.50\W+7,331\.85\W+8,082\.72\W+19,127\.07/); // 5,713.47 + 6,280.70 + 7,132.90
  expect(text).toContain('39,009.47 USD'); // 19,882.40 + 0.00 + 19,127.07 over the three plans
}

describe('revops evaluate', () => {
  const tempDir = useTempDirs();

  it('prints the summary first and every section for the bundled example (terminal golden)', async () => {
    const run = await runRevops(['evaluate', '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').every((line) => [...line].length <= 100)).toBe(true);
    expectExampleFigures(run.stdout);
    expectGolden('evaluate/example.terminal.txt', normalise(run.stdout));
  });

  it('renders GitHub markdown for the bundled example (markdown golden)', async () => {
    const run = await runRevops(['evaluate', '-q', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('### Revenue engine as of ')).toBe(true);
    expect(run.stdout.split('<details>').length).toBe(run.stdout.split('</details>').length);
    expectExampleFigures(run.stdout);
    expectGolden('evaluate/example.markdown.md', normalise(run.stdout));
  });

  it('names the constraint and compares it with the RevenueGoal in the JSON report', async () => {
    const run = await runRevops(['evaluate', '-q', '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.stamp.asOfSource).toBe('data');
    expect(report.constraint?.stage).toBe('mql');
    expect(report.constraint?.declared).toMatchObject({
      stage: 'mql',
      metric: 'utilisation',
      target: { max: 0.85 },
      isMet: false,
    });
    expect(report.constraint?.agrees).toBe(true);
    for (const file of report.data.files) expect(file.rowsRead).toBe(file.rowsEvaluated + file.rowsRejected);
  });

  it('shows names from the data inert in markdown: no mention, reference, tag, comment or broken table', async () => {
    const run = await runRevops(['evaluate', '-q', '--allow-partial-data', '--data', hostile, '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('octocat');
    expect(run.stdout).not.toMatch(/@octocat/);
    expect(run.stdout).not.toMatch(/#123/);
    expect(run.stdout).not.toMatch(/<img|<!--/);
    expect(run.stdout).not.toContain('[pwn](');
    expect(run.stdout).toContain('pwned');
    expect(run.stdout).not.toMatch(/\$x\$|GH-123|https:\/\/evil|@org/);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toContain('&lt;U+202E&gt;&lt;U+200B&gt;');
    const row = run.stdout.split('\n').find((l) => l.includes('octocat')) ?? '';
    expect(row.split(/(?<!\\)\|/).length).toBe(5);
  });

  it('masks person names and ids in every format', async () => {
    for (const format of ['terminal', 'markdown', 'json']) {
      const run = await runRevops(['evaluate', '-q', '--mask', '--format', format]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(/Ethan Brooks|Mei Chen|U010|U011/);
      expect(run.stdout).toMatch(/person-[0-9a-f]{10}\b/);
    }
  });

  it('evaluates as of a given moment, by month, and writes to a file', async () => {
    const out = join(tempDir(), 'report.json');
    const run = await runRevops([
      'evaluate',
      '-q',
      '--as-of',
      '2026-02-28T23:59:59Z',
      '--period',
      'month',
      '--format',
      'json',
      '--output',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.stamp).toMatchObject({ asOf: '2026-02-28T23:59:59.000Z', asOfSource: 'option' });
    expect(report.funnel?.periods).toEqual(['2026-01', '2026-02']);
  });

  it.each([
    [['--as-of', '31/03/2026'], /--as-of 31\/03\/2026 is not an ISO 8601 date/],
    [['--time-zone', 'Mars/Olympus'], /--time-zone Mars\/Olympus is not an IANA time zone/],
    [['--data', 'no/such/dir'], /Data directory no\/such\/dir does not exist/],
    [['--mapping', 'nope'], /No FieldMapping named nope; there are: hubspot, salesforce/],
    [['--period', 'day'], /argument 'day' is invalid/],
  ])('refuses %j with exit 2 and a clear message', async (args, message) => {
    const run = await runRevops(['evaluate', '-q', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
