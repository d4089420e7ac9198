import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import type { Report } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import { copyExamplePolicies, makeTempDir, repoRoot } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';

const proposed = join(repoRoot, 'examples', 'proposed-change', 'policies');
const padded = '  jane.doe@acme.com-not-a-date  ';
const long = `${'x'.repeat(130)}-john.smith@example.org`;
/** The people of the example data, by name and id (`U001,Dana Whitfield,…`). */
const people = readFileSync(join(repoRoot, 'examples', 'data', 'users.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line !== '')
  .flatMap((line) => line.split(',').slice(0, 2));
/** Text that must appear nowhere in a masked output: parts of the two rejected values, and the people. */
const secrets = ['jane.doe', 'acme.com-not', 'john.smith', 'example.org', 'xxxxxxxxxx', ...people];

/** The bundled example data with two rejected lead cells: a padded bad date and an over-long bad number. */
function writeData(): string {
  const dir = join(makeTempDir('revops-mask-').dir, 'data');
  cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
  const file = join(dir, 'leads.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const set = (line: number, column: string, value: string): void => {
    const cells = lines[line - 1]!.split(',');
    cells[header.indexOf(column)] = value;
    lines[line - 1] = cells.join(',');
  };
  set(3, 'created_at', padded);
  set(4, 'employee_count', long);
  writeFileSync(file, lines.join('\n'));
  return dir;
}

/** Real id → pseudonym, from the same list in an unmasked and a masked output. */
function pair(real: readonly string[], masked: readonly string[]): Map<string, string> {
  expect(masked).toHaveLength(real.length);
  return new Map(real.map((id, i) => [id, masked[i]!]));
}

describe('--mask', () => {
  let data: string;
  beforeAll(() => {
    data = writeData();
  });

  it('evaluate: no rejected value survives in JSON, terminal or markdown, and each issue is still located', async () => {
    const plain = await runRevops(['evaluate', '-q', '--data', data, '--format', 'json']);
    expect(plain.stdout).toContain('jane.doe'); // the data does hold the values
    const outputs = new Map<string, string>();
    for (const format of ['json', 'terminal', 'markdown']) {
      const run = await runRevops(['evaluate', '-q', '--data', data, '--mask', '--format', format]);
      expect(run.code).toBe(0);
      outputs.set(format, run.stdout);
      for (const secret of secrets) expect(run.stdout).not.toContain(secret);
      if (format === 'terminal')
        expect(run.stdout).toMatch(
          /leads\.csv:3:2 `created_at`: .*\(value masked\)\.\n.*leads\.csv:4:16 `employee_count`: /,
        );
    }
    const report = JSON.parse(outputs.get('json')!) as Report;
    expect(report.data.issues.map((i) => [i.line, i.column, i.field, i.raw])).toEqual([
      [3, 2, 'created_at', undefined],
      [4, 16, 'employee_count', undefined],
    ]);
    expect(report.data.issues[0]!.message).toBe(
      '`created_at`: the value is not a date-time of the expected format (value masked).',
    );
  });

  it('impact: no rejected value survives in JSON, terminal or markdown', async () => {
    for (const format of ['json', 'terminal', 'markdown']) {
      const run = await runRevops([
        'impact',
        '-q',
        '--base-dir',
        'policies',
        '--head-dir',
        proposed,
        '--data',
        data,
        '--mask',
        '--format',
        format,
      ]);
      expect(run.code).toBe(0);
      for (const secret of secrets) expect(run.stdout).not.toContain(secret);
    }
  });

  it('gives one id the same pseudonym in evaluate, impact and explain', async () => {
    const json = async (args: string[]): Promise<string> =>
      (await runRevops([...args, '-q', '--data', data, '--format', 'json'])).stdout;
    const impactArgs = ['impact', '--base-dir', 'policies', '--head-dir', proposed];
    const evaluated = [
      JSON.parse(await json(['evaluate'])),
      JSON.parse(await json(['evaluate', '--mask'])),
    ] as Report[];
    const impacted = [
      JSON.parse(await json(impactArgs)),
      JSON.parse(await json([...impactArgs, '--mask'])),
    ] as ImpactReport[];
    impacted.forEach(expectValidImpactReport);
    const owners = pair(
      ...(evaluated.map((r) => (r.comp?.plans ?? []).flatMap((plan) => plan.people.map((p) => p.id))) as [
        string[],
        string[],
      ]),
    );
    const people = pair(...(impacted.map((r) => r.comp.byPerson.map((p) => p.personId)) as [string[], string[]]));
    const shared = [...people.keys()].filter((id) => owners.has(id));
    expect(shared.length).toBeGreaterThan(2);
    for (const id of shared) {
      expect(people.get(id)).toBe(owners.get(id));
      expect(people.get(id)).toMatch(/^person-[0-9a-f]{10}$/);
    }
    const leads = pair(
      ...(impacted.map((r) => r.classTransitions.transitions.flatMap((t) => t.examples)) as [string[], string[]]),
    );
    expect(leads.size).toBeGreaterThan(0);
    for (const [id, pseudonym] of leads) {
      expect(pseudonym).toMatch(/^lead-[0-9a-f]{10}$/);
      const explained = JSON.parse(await json(['explain', '--lead', id, '--mask'])) as {
        leadId: string;
        isMasked: boolean;
      };
      expect(explained).toMatchObject({ leadId: pseudonym, isMasked: true });
      const terminal = await runRevops(['explain', '-q', '--data', data, '--lead', id, '--mask']);
      expect(terminal.stdout).toContain(`Lead ${pseudonym} is `);
      expect(terminal.stdout).not.toContain(id);
    }
  });

  it('explain: the lead shows as its pseudonym, identifying values as ***, scored values as they are', async () => {
    const args = ['explain', '-q', '--data', 'test/fixtures/explain/data', '--as-of', '2026-03-31T15:00:00Z', '--mask'];
    const run = await runRevops([...args, '--lead', 'L-1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^As of 2026-03-31T15:00:00.000Z, identifiers masked\nLead lead-[0-9a-f]{10} is mql — score 110/,
    );
    expect(run.stdout).toContain('email_domain="***" in ["gmail.com"');
    expect(run.stdout).toContain('employee_count=450 >= 200');
    expect(run.stdout).not.toMatch(/L-1\b|acme\.io/);
    const pseudonym = /Lead (lead-[0-9a-f]{10})/.exec(run.stdout)![1]!;
    const byPseudonym = await runRevops([...args, '--lead', pseudonym, '--format', 'json']);
    expect(byPseudonym.code).toBe(0);
    expect(byPseudonym.stdout).not.toMatch(/L-1\b|acme\.io/);
    expect(JSON.parse(byPseudonym.stdout)).toMatchObject({
      leadId: pseudonym,
      isMasked: true,
      classification: { class: 'mql', score: 110 },
    });
  });

  it('masks the reason data is missing: in the exit-2 message and in the report of a partial run', async () => {
    // Every lead rejected for the padded value: the run stops, quoting the first rejection.
    const dir = join(makeTempDir('revops-mask-missing-').dir, 'data');
    cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
    const file = join(dir, 'leads.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').split('\n');
    const at = header!.split(',').indexOf('created_at');
    const broken = rows.map((line) =>
      line === ''
        ? line
        : line
            .split(',')
            .map((cell, i) => (i === at ? padded : cell))
            .join(','),
    );
    writeFileSync(file, [header, ...broken].join('\n'));
    const plain = await runRevops(['evaluate', '-q', '--data', dir]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('jane.doe'); // unmasked, the cause is quoted
    const stopped = await runRevops(['evaluate', '-q', '--data', dir, '--mask']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('All 5500 leads rows were rejected');
    expect(stopped.stderr).toContain('(value masked)');
    for (const secret of secrets) expect(stopped.stderr).not.toContain(secret);
    const partial = await runRevops([
      'evaluate',
      '-q',
      '--data',
      dir,
      '--mask',
      '--allow-partial-data',
      '--format',
      'json',
    ]);
    expect((JSON.parse(partial.stdout) as Report).data.missing?.[0]?.reason).toContain('(value masked)');
    for (const secret of secrets) expect(partial.stdout).not.toContain(secret);
  });

  it('a file without its header row: the hint that lists the header names (its first row) is left out', async () => {
    const dir = join(makeTempDir('revops-mask-').dir, 'data');
    cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'leads.csv'),
      'L0000001,2026-01-05T10:00:00Z,jane.doe@acme.com\nL0000002,2026-01-06T10:00:00Z,john.smith@example.org\n',
    );
    // Where a leads file that cannot be read stops the run, ask for the partial run that reports it.
    const partial = (await runRevops(['evaluate', '--help'])).stdout.includes('--allow-partial-data')
      ? ['--allow-partial-data']
      : [];
    const plain = await runRevops(['evaluate', '-q', '--data', dir, ...partial, '--format', 'json']);
    expect(plain.stdout + plain.stderr).toContain('jane.doe'); // the unmasked hint names the first row
    for (const format of ['json', 'terminal', 'markdown']) {
      for (const args of [['evaluate'], ['impact', '--base-dir', 'policies', '--head-dir', proposed]]) {
        const run = await runRevops([...args, '-q', '--data', dir, ...partial, '--mask', '--format', format]);
        for (const secret of ['jane.doe', 'acme.com', 'L0000001', '2026-01-05T10'])
          expect(run.stdout + run.stderr).not.toContain(secret);
      }
    }
  });

  it('explain: a value read from a list element (var "") is masked like the field it came from', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'lead-definition.yaml');
      const text = readFileSync(file, 'utf8');
      const scoped = text.replace(
        'when: {"==": [{"var": "is_student"}, true]}',
        'when: {"some": [[{"var": "email_domain"}], {"==": [{"var": ""}, "x"]}]}',
      );
      expect(scoped).not.toBe(text);
      writeFileSync(file, scoped);
      const args = [
        'explain',
        '-q',
        '--policies',
        temp.dir,
        '--data',
        'test/fixtures/explain/data',
        '--as-of',
        '2026-03-31T15:00:00Z',
        '--lead',
        'L-1',
      ];
      expect((await runRevops(args)).stdout).toContain('acme.io'); // unmasked, the rule shows the domain
      for (const format of ['terminal', 'json']) {
        const run = await runRevops([...args, '--mask', '--format', format]);
        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(/acme|L-1\b/);
      }
    } finally {
      temp.cleanup();
    }
  });
});
