import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/index.js';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';

const scenarios = join(fixturesDir, 'partial-data');
/** The run's clock in these tests: after every row of the fixtures, before the far-future one. */
const NOW = '2026-12-01T00:00:00Z';
const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');

function hasMkfifo(): boolean {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('data that is missing stops the run, or is shown first when allowed', () => {
  const tempDir = useTempDirs();

  /** The small base data set with the files of `scenario` laid over it, in a fresh directory. */
  function dataFor(scenario?: string): string {
    const dir = join(tempDir(), 'data');
    cpSync(join(scenarios, 'base'), dir, { recursive: true });
    if (scenario !== undefined)
      for (const name of readdirSync(join(scenarios, scenario)))
        cpSync(join(scenarios, scenario, name), join(dir, name));
    return dir;
  }

  const evaluate = (dir: string, ...extra: string[]) =>
    runRevops(['evaluate', '-q', '--now', NOW, '--data', dir, ...extra]);

  it('reads the base data completely (the scenarios below each change one thing)', async () => {
    const run = await evaluate(dataFor(), '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).data.missing).toBeUndefined();
  });

  it('refuses a symlinked leads.csv, naming the file and why; with --allow-partial-data the report says so first', async () => {
    const dir = dataFor();
    const target = join(tempDir(), 'elsewhere.csv');
    renameSync(join(dir, 'leads.csv'), target);
    symlinkSync(target, join(dir, 'leads.csv'));
    const run = await evaluate(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${dir}/leads.csv: leads.csv is a symbolic link; only regular files are read as data.`,
    );
    expect(run.stderr).toContain('--allow-partial-data');
    expect(run.stdout).toBe('');

    const partial = await evaluate(dir, '--allow-partial-data');
    expect(partial.code).toBe(0);
    expect(partial.stdout.split('\n')[3]).toMatch(/^PARTIAL\s+Partial data — these figures leave out leads \(/);
    const json = JSON.parse((await evaluate(dir, '--allow-partial-data', '--format', 'json')).stdout) as Report;
    expect(json.data.missing).toEqual([
      {
        entity: 'leads',
        file: `${dir}/leads.csv`,
        reason: 'leads.csv is a symbolic link; only regular files are read as data.',
      },
    ]);
    const markdown = (await evaluate(dir, '--allow-partial-data', '--format', 'markdown')).stdout;
    expect(markdown.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'))).toMatch(/^\*\*⚠ Partial data/);
  });

  it('refuses a leads.csv that is a directory', async () => {
    const dir = dataFor();
    rmSync(join(dir, 'leads.csv'));
    mkdirSync(join(dir, 'leads.csv'));
    const run = await evaluate(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('leads.csv is a directory');
  });

  it.skipIf(!hasMkfifo())('refuses a leads.csv that is a FIFO, without waiting on it', async () => {
    const dir = dataFor();
    rmSync(join(dir, 'leads.csv'));
    execFileSync('mkfifo', [join(dir, 'leads.csv')]);
    const run = await evaluate(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('leads.csv is not a regular file (a FIFO, socket or device)');
  });

  it('refuses a FieldMapping that names a file the directory lacks, with the likely name', async () => {
    const dir = dataFor();
    // The hubspot mapping reads contacts.csv and deals.csv; here the deals file is misnamed.
    renameSync(join(dir, 'leads.csv'), join(dir, 'contacts.csv'));
    renameSync(join(dir, 'opportunities.csv'), join(dir, 'deal.csv'));
    const run = await evaluate(dir, '--mapping', 'hubspot');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `The mapping reads opportunities from deals.csv, which is not in ${dir}. Did you mean \`deal.csv\`?`,
    );
  });

  it.each([
    ['proto-header', '__proto__'],
    ['constructor-header', 'constructor'],
  ])('refuses leads.csv with a %s column instead of dropping every lead', async (scenario, column) => {
    const dir = dataFor(scenario);
    const run = await evaluate(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${dir}/leads.csv: Column name \`${column}\` is not allowed: every JavaScript object has a \`${column}\``,
    );
    expect(run.stderr).toContain('The file is not read. (40 rows lost)');
    // Allowed, the lost rows are still counted: read = evaluated + rejected.
    const json = JSON.parse((await evaluate(dir, '--allow-partial-data', '--format', 'json')).stdout) as Report;
    expect(json.data.files.find((f) => f.entity === 'leads')).toMatchObject({
      status: 'failed',
      rowsRead: 40,
      rowsEvaluated: 0,
      rowsRejected: 40,
    });
    expect(json.data.totals).toMatchObject({ rowsRead: 132, rowsEvaluated: 92, rowsRejected: 40 });
  });

  it('refuses leads the policies need when every row is rejected, with the first reason', async () => {
    const dir = dataFor('all-leads-rejected');
    const run = await evaluate(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${dir}/leads.csv: All 40 leads rows were rejected, and stage lead of funnel lumen-funnel is entered on the lead event lead_created. First: line 2, column 2: \`created_at\``,
    );
  });

  it('rejects an activity dated after the clock: counted, located, and the as-of does not move', async () => {
    const honest = JSON.parse((await evaluate(dataFor(), '--format', 'json')).stdout) as Report;
    const run = await evaluate(dataFor('far-future-activity'), '--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.stamp.asOf).toBe(honest.stamp.asOf);
    expect(report.constraint?.stages).toEqual(honest.constraint?.stages);
    const activities = report.data.files.find((f) => f.entity === 'activities');
    expect(activities).toMatchObject({ rowsRead: 41, rowsEvaluated: 40, rowsRejected: 1 });
    const issue = report.data.issues.find((i) => i.code === 'data.future-date');
    expect(issue).toMatchObject({ line: 42, column: 6, columnName: 'at', field: 'at', raw: '2031-06-01T09:00:00Z' });
    expect(issue?.message).toContain("after the run's clock (2026-12-01T00:00:00.000Z, with a day's tolerance)");
  });

  it('takes a row dated within a day after the clock (time-zone skew), and the real clock by default', async () => {
    // The far-future row is 2031-06-01T09:00Z: a clock 20 hours before it still takes it.
    const near = JSON.parse(
      (
        await runRevops([
          'evaluate',
          '-q',
          '--now',
          '2031-05-31T13:00:00Z',
          '--format',
          'json',
          '--data',
          dataFor('far-future-activity'),
        ])
      ).stdout,
    ) as Report;
    expect(near.stamp.asOf).toBe('2031-06-01T09:00:00.000Z');
    const real = await runRevops(['evaluate', '-q', '--format', 'json', '--data', dataFor('far-future-activity')]);
    expect((JSON.parse(real.stdout) as Report).data.totals.rowsRejected).toBe(
      Date.now() < Date.parse('2031-05-31T09:00:00Z') ? 1 : 0,
    );
  });

  it('refuses a --now that is not an instant', async () => {
    const run = await runRevops(['evaluate', '-q', '--now', 'tomorrow', '--data', dataFor()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--now tomorrow is not an ISO 8601 date or date-time');
  });

  it('keeps the first of two rows with one id, names both lines, and counts won money once', async () => {
    const honest = JSON.parse((await evaluate(dataFor(), '--format', 'json')).stdout) as Report;
    const report = JSON.parse((await evaluate(dataFor('duplicate-ids'), '--format', 'json')).stdout) as Report;
    expect(report.deals.wonAmount).toBe(honest.deals.wonAmount);
    expect(report.deals.won).toBe(honest.deals.won);
    expect(report.classification?.leads).toBe(honest.classification?.leads);
    const duplicates = report.data.issues.filter((i) => i.code === 'data.duplicate-id');
    expect(duplicates.map((i) => [i.file.split('/').pop(), i.line, i.column, i.raw])).toEqual([
      ['leads.csv', 7, 1, 'L0000003'],
      ['opportunities.csv', 42, 1, 'OPP000009'],
    ]);
    expect(duplicates[0]!.message).toBe(
      '`id`: the row on line 4 has the same id; this row is left out and the first one kept.',
    );
    expect(duplicates[1]!.message).toContain('the row on line 10 has the same id');
  });

  it('puts the precise cause before "no as-of moment": a misspelt date column, with did-you-mean', async () => {
    const dir = dataFor('misspelt-date-column');
    // Without leave, the failed file stops the run, naming the column.
    const run = await evaluate(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'The required field `created_at` is read from column `created_at`, which the file does not have. Did you mean `creatd_at`?',
    );
    // With leave, and nothing else holding a date-time, the cause still comes first.
    for (const name of ['opportunities.csv', 'activities.csv']) rmSync(join(dir, name));
    const partial = await evaluate(dir, '--allow-partial-data');
    expect(partial.code).toBe(2);
    const lines = partial.stderr.split('\n');
    expect(lines[0]).toBe(
      `revops: ${dir}/leads.csv could not be read: line 1: The required field \`created_at\` is read from column \`created_at\`, which the file does not have. Did you mean \`creatd_at\`? The header has: ${readHeader(dir)}.`,
    );
    expect(partial.stderr).toContain(
      'So the data holds no timestamp and there is no as-of moment: fix the data, or pass --as-of.',
    );
  });

  it('suggests the file meant when no file holds a timestamp (a wrong file name)', async () => {
    const dir = dataFor();
    renameSync(join(dir, 'leads.csv'), join(dir, 'lead.csv'));
    for (const name of ['opportunities.csv', 'activities.csv']) rmSync(join(dir, name));
    const run = await evaluate(dir, '--allow-partial-data');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'No file holds leads, opportunities, activities, stage_events. Did you mean `lead.csv` for leads?',
    );
  });

  it('applies to impact and explain too', async () => {
    const dir = dataFor('proto-header');
    const impact = await runRevops([
      'impact',
      '-q',
      '--now',
      NOW,
      '--base-dir',
      'policies',
      '--head-dir',
      proposed,
      '--data',
      dir,
    ]);
    expect(impact.code).toBe(2);
    expect(impact.stderr).toContain('Column name `__proto__` is not allowed:');
    const partial = await runRevops([
      'impact',
      '-q',
      '--now',
      NOW,
      '--allow-partial-data',
      '--base-dir',
      'policies',
      '--head-dir',
      proposed,
      '--data',
      dir,
      '--format',
      'json',
    ]);
    expect((JSON.parse(partial.stdout) as ImpactReport).data.missing?.[0]).toMatchObject({ entity: 'leads' });
    const explain = await runRevops(['explain', '-q', '--now', NOW, '--lead', 'L0000001', '--data', dir]);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain('Column name `__proto__` is not allowed:');
  });

  it('shows the goal as unknown, not 0.00, when every opportunity was rejected in a partial run', async () => {
    const dir = dataFor();
    const file = join(dir, 'opportunities.csv');
    // Every date-time in a form no reader takes (`2026-01-23 14:17:14`), so every opportunity is rejected.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z/g, '$1 $2'));
    const json = await evaluate(dir, '--allow-partial-data', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.data.missing?.map((m) => m.entity)).toEqual(['opportunities']);
    expect(report.goal).toMatchObject({ actual: null, attainment: null, unknown: 'opportunities-missing' });
    expect(report.goal?.forecast.projected).toBeNull();
    const text = await evaluate(dir, '--allow-partial-data');
    const goalLine = text.stdout.split('\n').find((l) => l.startsWith('GOAL'));
    expect(goalLine).toContain('—');
    expect(goalLine).not.toContain('0.00');
  });
});

describe('the merge gate on the bundled example, attacked through the data', () => {
  const tempDir = useTempDirs();
  const crossed = (stdout: string) =>
    (JSON.parse(stdout) as ImpactReport).guardrails.filter((g) => g.isCrossed).map((g) => g.id);
  const impact = (data: string) =>
    runRevops([
      'impact',
      '-q',
      '--now',
      NOW,
      '--base-dir',
      'policies',
      '--head-dir',
      proposed,
      '--data',
      data,
      '--format',
      'json',
    ]);

  it('crosses what the honest change crosses when one activity is dated years ahead', async () => {
    const honest = await impact(join(repoRoot, 'examples', 'data'));
    expect(crossed(honest.stdout)).toEqual(expect.arrayContaining(['constraint-overload', 'sla-compliance-drop']));
    const dir = join(tempDir(), 'data');
    cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
    appendFileSync(
      join(dir, 'activities.csv'),
      'ACT99999999,L0000001,,email,outbound,2031-06-01T09:00:00Z,U009,sent\n',
    );
    const attacked = await impact(dir);
    expect(attacked.code).toBe(0);
    expect(crossed(attacked.stdout)).toEqual(crossed(honest.stdout));
  });

  it('exits 2 instead of "no guardrail crossed" when leads.csv is replaced by a symlink', async () => {
    const dir = join(tempDir(), 'data');
    cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
    renameSync(join(dir, 'leads.csv'), join(dir, 'leads.real'));
    symlinkSync(join(dir, 'leads.real'), join(dir, 'leads.csv'));
    const run = await impact(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('leads.csv is a symbolic link');
  });
});

function readHeader(dir: string): string {
  return readFileSync(join(dir, 'leads.csv'), 'utf8').split('\n')[0]!.split(',').join(', ');
}
