import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCsvLines } from '../../src/cli/csv-text.js';
import { fieldNames } from '../../src/core/model/canonical.js';
import { runRevops } from '../helpers/cli.js';
import { examplePolicies, repoRoot, useTempDirs } from '../helpers/paths.js';

const entities = ['users', 'leads', 'opportunities', 'activities', 'spend'] as const;
const bundle = join(repoRoot, 'examples', 'data');

describe('revops sample-data', () => {
  const tempDir = useTempDirs();
  const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
  const copyPolicies = () => {
    const dir = tempDir();
    cpSync(examplePolicies, dir, { recursive: true });
    return dir;
  };

  it('reproduces the bundled examples/data byte for byte (a quarter, 5,500 leads, seed 42)', async () => {
    const out = tempDir();
    const run = await runRevops([
      'sample-data',
      '--leads',
      '5500',
      '--seed',
      '42',
      '--start',
      '2026-01-01',
      '--days',
      '90',
      '--output',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const entity of entities)
      expect(read(out, `${entity}.csv`) === read(bundle, `${entity}.csv`), entity).toBe(true);
    expect(readdirSync(out).sort()).toEqual([
      'activities.csv',
      'leads.csv',
      'opportunities.csv',
      'spend.csv',
      'users.csv',
    ]);
  });

  it('prints one summary line with the rows per entity', async () => {
    const run = await runRevops(['sample-data', '--leads', '500', '--seed', '1', '--output', tempDir()]);
    expect(run.stdout).toMatch(
      /^Wrote 12 users, 500 leads, \d+ opportunities, [\d,]+ activities and \d+ spend rows to .+\/ \(csv\) in \d+\.\d s\.\n$/,
    );
  });

  it('tops up the opportunities with customer deals and scales the team with --scale-capacity', async () => {
    const out = tempDir();
    const run = await runRevops([
      'sample-data',
      '--leads',
      '600',
      '--seed',
      '4',
      '--days',
      '60',
      '--opportunities',
      '150',
      '--scale-capacity',
      '2.5',
      '--output',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Wrote 22 users, 600 leads, 150 opportunities \(1[34]\d with customers\), [\d,]+ activities and \d+ spend rows to /,
    );
    const users = Papa.parse<Record<string, string>>(read(out, 'users.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(users.filter((u) => u.role === 'sdr')).toHaveLength(8); // 3 × 2.5, rounded up
    const opportunities = Papa.parse<Record<string, string>>(read(out, 'opportunities.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const customerDeals = opportunities.filter((o) => o.lead_id === '');
    expect(customerDeals.length).toBe(Number(/\((\d+) with customers\)/.exec(run.stdout)?.[1]));
    expect(customerDeals.every((o) => o.source === 'expansion')).toBe(true);
  });

  it('exits 2, naming the problem, when the policies cannot size the team', async () => {
    const missing = await runRevops([
      'sample-data',
      '--leads',
      '10',
      '--seed',
      '1',
      '--output',
      tempDir(),
      '--policies',
      join(tempDir(), 'nowhere'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^revops: Policy directory .*nowhere does not exist \(--policies\); the team sizes and stage capacities come from its Funnel policy\.\n$/,
    );

    const policies = copyPolicies();
    const funnel = join(policies, 'funnel.yaml');
    const noDiscoveryCapacity = read(policies, 'funnel.yaml').replace(
      /(entry: sal_accepted\n)\s+capacity:\n(\s+\w+: .*\n){3}/,
      '$1',
    );
    expect(noDiscoveryCapacity).not.toBe(read(policies, 'funnel.yaml'));
    writeFileSync(funnel, noDiscoveryCapacity);
    const uncapped = await runRevops([
      'sample-data',
      '--leads',
      '10',
      '--seed',
      '1',
      '--output',
      join(policies, 'out'),
      '--policies',
      policies,
    ]);
    expect(uncapped.code).toBe(2);
    expect(uncapped.stderr).toBe(
      `revops: Cannot size the sample team from ${policies}: Funnel lumen-funnel (${funnel}): stage sal (SDR discovery) needs a capacity above zero: headcount and perPersonPerWeek.\n`,
    );

    writeFileSync(funnel, 'kind: Funnel\nspec: [\n');
    const invalid = await runRevops([
      'sample-data',
      '--leads',
      '10',
      '--seed',
      '1',
      '--output',
      join(policies, 'out'),
      '--policies',
      policies,
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(
      new RegExp(
        `^revops: The policies in ${policies} are not valid \\(run revops validate ${policies}\\):\n  ${funnel}:\\d+:\\d+: `,
      ),
    );
    expect(existsSync(join(policies, 'out'))).toBe(false);
  });

  it('writes CSV with the canonical header, ISO UTC instants, true/false and empty cells', async () => {
    const out = tempDir();
    await runRevops(['sample-data', '--leads', '2000', '--seed', '3', '--output', out, '--quiet']);
    for (const entity of entities) {
      const parsed = Papa.parse<Record<string, string>>(read(out, `${entity}.csv`), {
        header: true,
        skipEmptyLines: true,
      });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(fieldNames(entity));
    }
    const leads = Papa.parse<Record<string, string>>(read(out, 'leads.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(leads).toHaveLength(2000);
    for (const lead of leads) {
      expect(lead.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(lead.is_student).toMatch(/^(true|false)$/);
      expect(lead.mql_at).toMatch(/^(|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/);
    }
    expect(leads.some((l) => l.employee_count === '')).toBe(true);
    const users = Papa.parse<Record<string, string>>(read(out, 'users.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(users.every((u) => /^\d{4}-\d{2}-\d{2}$/.test(u.active_from as string) && u.active_to === '')).toBe(true);
  });

  it('gives the same bytes for the same seed and others for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await runRevops([
      'sample-data',
      '--leads',
      '400',
      '--seed',
      '9',
      '--output',
      a,
      '--days',
      '90',
      '--start',
      '2025-07-01',
    ]);
    await runRevops([
      'sample-data',
      '--leads',
      '400',
      '--seed',
      '9',
      '--output',
      b,
      '--days',
      '90',
      '--start',
      '2025-07-01',
    ]);
    await runRevops([
      'sample-data',
      '--leads',
      '400',
      '--seed',
      '10',
      '--output',
      c,
      '--days',
      '90',
      '--start',
      '2025-07-01',
    ]);
    expect(read(a, 'leads.csv')).toBe(read(b, 'leads.csv'));
    expect(read(a, 'activities.csv')).toBe(read(b, 'activities.csv'));
    expect(read(a, 'leads.csv')).not.toBe(read(c, 'leads.csv'));
    expect(read(a, 'leads.csv')).toContain('\nL0000001,2025-07-01T');
  });

  it('writes NDJSON with string ids, JSON booleans and null for missing values', async () => {
    const out = tempDir();
    const run = await runRevops([
      'sample-data',
      '--leads',
      '800',
      '--seed',
      '2',
      '--output',
      out,
      '--format',
      'ndjson',
    ]);
    expect(run.code).toBe(0);
    const leads = read(out, 'leads.ndjson')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(leads).toHaveLength(800);
    expect(Object.keys(leads[0] as object)).toEqual(fieldNames('leads'));
    expect(leads.every((l) => typeof l.id === 'string' && typeof l.is_customer === 'boolean')).toBe(true);
    expect(leads.some((l) => l.mql_at === null)).toBe(true);
    const opportunities = read(out, 'opportunities.ndjson')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(opportunities.every((o) => typeof o.amount === 'string' && /^\d+\.\d{2}$/.test(o.amount))).toBe(true);
  });

  it('refuses to overwrite existing files without --force (exit 2), and overwrites with it', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'leads.csv'), 'mine');
    const refused = await runRevops(['sample-data', '--leads', '100', '--seed', '1', '--output', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`revops: ${out}/leads.csv already exists; pass --force to overwrite.\n`);
    expect(read(out, 'leads.csv')).toBe('mine');
    expect(existsSync(join(out, 'users.csv'))).toBe(false);

    const forced = await runRevops([
      'sample-data',
      '--leads',
      '100',
      '--seed',
      '1',
      '--output',
      out,
      '--force',
      '--quiet',
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(read(out, 'leads.csv').startsWith('id,created_at,')).toBe(true);
  });

  it.each([
    [['--leads', 'ten', '--seed', '1'], "--leads must be a whole number, got 'ten'."],
    [['--leads', '0', '--seed', '1'], '--leads must be a whole number from 1 to 50000000, got 0.'],
    [['--leads', '10', '--seed', '-1'], "--seed must be a whole number, got '-1'."],
    [['--leads', '10', '--seed', '4294967296'], '--seed must be a whole number from 0 to 4294967295'],
    [
      ['--leads', '10', '--seed', '1', '--start', '2026-02-30'],
      '--start must be a calendar date YYYY-MM-DD, got 2026-02-30.',
    ],
    [['--leads', '10', '--seed', '1', '--days', '0'], '--days must be a whole number from 1 to 3660, got 0.'],
    [['--leads', '10', '--seed', '1', '--format', 'xlsx'], "argument 'xlsx' is invalid"],
    [
      ['--leads', '10', '--seed', '1', '--opportunities', 'many'],
      "--opportunities must be a whole number, got 'many'.",
    ],
    [
      ['--leads', '10', '--seed', '1', '--scale-capacity', '0'],
      "--scale-capacity must be a number above 0 and at most 1000, got '0'.",
    ],
    [
      ['--leads', '10', '--seed', '1', '--scale-capacity', '1e3'],
      "--scale-capacity must be a number above 0 and at most 1000, got '1e3'.",
    ],
    [['--seed', '1'], "required option '--leads <n>' not specified"],
  ])('exits 2 on a bad option: %j', async (args, message) => {
    const out = join(tempDir(), 'out');
    const run = await runRevops(['sample-data', '--output', out, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(out, 'leads.csv'))).toBe(false);
  });

  it('exits 2 when --output is a file or a file cannot be written, leaving no partial files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain'), 'x');
    const onFile = await runRevops(['sample-data', '--leads', '10', '--seed', '1', '--output', join(dir, 'plain')]);
    expect(onFile.code).toBe(2);
    expect(onFile.stderr).toContain('is a file; give a directory');

    mkdirSync(join(dir, 'leads.csv.partial')); // a directory where the leads file must go
    const blocked = await runRevops(['sample-data', '--leads', '10', '--seed', '1', '--output', dir]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^revops: Could not write .*leads\.csv\.partial: /);
    expect(readdirSync(dir).sort()).toEqual(['leads.csv.partial', 'plain']);
  });
});

describe('CSV cells a spreadsheet would run as formulas', () => {
  it("get a leading ' unless they are plain numbers", () => {
    const text = formatCsvLines([
      [
        '=SUM(A1:A9)',
        '+1 555 0100',
        '-x',
        '@cmd',
        '\tx',
        '\rx',
        '-5',
        '+3',
        '-1.5',
        '12500.00',
        'plain',
        -5,
        null,
        true,
        'a,b',
      ],
    ]);
    expect(text).toBe(
      `"'=SUM(A1:A9)","'+1 555 0100","'-x","'@cmd","'\tx","'\rx",-5,+3,-1.5,12500.00,plain,-5,,true,"a,b"\n`,
    );
    expect(Papa.parse<string[]>(text.trimEnd()).data[0]).toHaveLength(15);
  });
});
