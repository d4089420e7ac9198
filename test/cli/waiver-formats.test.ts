import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

/*
 * A waived finding stays visible, marked "waived (owner, until date, reason)", in every format,
 * and fails nothing. The example policies with one misspelt rule field (a validate error, waived)
 * and one unparseable employee count in the example data (a data issue, waived).
 */
const now = '2026-12-06T12:00:00Z';
const mark = 'waived (revops, until 2027-03-31, renamed in the Q1 export)';
const dataMark = 'waived (data-team, until 2027-01-31, CRM sync fix scheduled)';

function waiverFile(expires: string): string {
  return [
    'apiVersion: revops/v1',
    'kind: Waiver',
    'metadata: {name: known-findings, owner: revops, description: Findings accepted for now.}',
    'spec:',
    '  waivers:',
    '    - validate: {code: logic.unknown-field, file: lead-definition.yaml, path: /spec/exclusions/0/when/==/0/var}',
    '      owner: revops',
    '      reason: renamed in the Q1 export',
    `      expires: "${expires}"`,
    '    - data: {code: data.bad-number, entity: leads, file: leads.csv, column: employee_count}',
    '      owner: data-team',
    '      reason: CRM sync fix scheduled',
    '      expires: "2027-01-31"',
    '',
  ].join('\n');
}

describe('waived findings in every output', { timeout: 120_000 }, () => {
  let policies = '';
  let data = '';

  beforeAll(() => {
    const temp = makeTempDir('revops-waiver-formats-');
    policies = join(temp.dir, 'policies');
    data = join(temp.dir, 'data');
    cpSync(join(repoRoot, 'policies'), policies, { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), data, { recursive: true });
    const lead = join(policies, 'lead-definition.yaml');
    writeFileSync(lead, readFileSync(lead, 'utf8').replace('{"var": "is_competitor"}', '{"var": "is_competiter"}'));
    writeFileSync(join(policies, 'waivers.yaml'), waiverFile('2027-03-31'));
    const leads = join(data, 'leads.csv');
    const rows = readFileSync(leads, 'utf8').split('\n');
    // employee_count (column 16) of the first lead: 24 → "twenty".
    rows[1] = rows[1]!.replace(',GB,emea,24,', ',GB,emea,twenty,');
    writeFileSync(leads, rows.join('\n'));
    return temp.cleanup;
  });

  const validate = (format: string, at = now) =>
    runRevops(['validate', '--policies', policies, '--format', format, '--now', at]);

  it('validate passes and marks the waived error: terminal', async () => {
    const run = await validate('terminal');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/waived +`is_competiter` /);
    expect(run.stdout).toContain(`error ${mark}`);
    expect(run.stdout).toContain('✔ 19 policy files valid, 1 waived');
  });

  it('validate passes and marks the waived error: json', async () => {
    const run = await validate('json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { ok: boolean; summary: Record<string, number>; issues: unknown[] };
    expect(out.ok).toBe(true);
    expect(out.summary).toEqual({ files: 19, errors: 0, warnings: 0, waived: 1 });
    expect(out.issues).toEqual([
      expect.objectContaining({
        code: 'logic.unknown-field',
        severity: 'error',
        waiver: {
          policy: 'known-findings',
          owner: 'revops',
          reason: 'renamed in the Q1 export',
          expires: '2027-03-31',
        },
      }),
    ]);
  });

  it('validate passes and marks the waived error: github annotations as a notice', async () => {
    const run = await validate('github');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^::notice file=.*lead-definition\.yaml,line=\d+,col=\d+,title=revops logic\.unknown-field::/m,
    );
    expect(run.stdout).toContain(`error ${mark}:`);
    expect(run.stdout).not.toMatch(/^::(warning|error)/m);
  });

  it('validate fails, located, once the waiver expired, and the warning counts again', async () => {
    const run = await validate('terminal', '2027-04-01T00:00:00Z');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/waivers\.yaml\n {2}9:\d+ +error +This waiver expired on 2027-03-31/);
    expect(run.stdout).toMatch(/error +`is_competiter`/);
  });

  it('--fail-on warning ignores a waived finding', async () => {
    const run = await runRevops(['validate', '--policies', policies, '--fail-on', 'warning', '--now', now]);
    expect(run.code).toBe(0);
  });

  const evaluate = (format: string) =>
    runRevops(['evaluate', '-q', '--policies', policies, '--data', data, '--format', format, '--now', now]);

  it('evaluate marks the waived data issue: json', async () => {
    const run = await evaluate('json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      data: { totals: { rowsRejected: number }; issues: { code: string; waiver?: unknown }[] };
      policies: { warnings: { code: string; waiver?: unknown }[] };
    };
    // The row is still rejected and counted: a waiver accepts the problem, it does not repair it.
    expect(report.data.totals.rowsRejected).toBe(1);
    // Both waivers match a finding: no `waiver.unmatched` warning.
    expect(run.stdout).not.toContain('waiver.unmatched');
    expect(report.data.issues).toEqual([
      expect.objectContaining({
        code: 'data.bad-number',
        waiver: {
          policy: 'known-findings',
          owner: 'data-team',
          reason: 'CRM sync fix scheduled',
          expires: '2027-01-31',
        },
      }),
    ]);
    expect(report.policies.warnings).toEqual([
      expect.objectContaining({ code: 'logic.unknown-field', waiver: expect.objectContaining({ owner: 'revops' }) }),
    ]);
  });

  it('evaluate marks the waived data issue: terminal and markdown', async () => {
    const terminal = await evaluate('terminal');
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain(`1 data.bad-number issue ${dataMark}`);
    expect(terminal.stdout).toMatch(new RegExp(`leads\\.csv:2:16 .* — ${dataMark.replace(/[()]/g, '\\$&')}`));
    const markdown = await evaluate('markdown');
    expect(markdown.code).toBe(0);
    expect(markdown.stdout.replace(/\\([()])/g, '$1')).toContain(`- 1 data.bad-number issue ${dataMark}`);
  });
});
