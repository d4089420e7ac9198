import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

/*
 * A `data` waiver in force that matches no data issue of the run (the example data has no
 * unparseable employee count) is said by `evaluate`, as `validate` says of a `validate` waiver
 * that matches nothing; an expired one is not (validate fails on it, evaluate warns of it there).
 */
const now = '2026-12-06T12:00:00Z';
const waivers = [
  'apiVersion: revops/v1',
  'kind: Waiver',
  'metadata: {name: known-findings, owner: revops, description: Findings accepted for now.}',
  'spec:',
  '  waivers:',
  '    - data: {code: data.bad-number, entity: leads, file: leads.csv, column: employee_count}',
  '      owner: data-team',
  '      reason: CRM sync fix scheduled',
  '      expires: "2027-01-31"',
  '',
].join('\n');

describe('evaluate with a data waiver that matches nothing', { timeout: 120_000 }, () => {
  let policies = '';
  let data = '';

  beforeAll(() => {
    const temp = makeTempDir('revops-waiver-unmatched-');
    policies = join(temp.dir, 'policies');
    data = join(temp.dir, 'data');
    cpSync(join(repoRoot, 'policies'), policies, { recursive: true });
    cpSync(join(repoRoot, 'examples', 'data'), data, { recursive: true });
    writeFileSync(join(policies, 'waivers.yaml'), waivers);
    return temp.cleanup;
  });

  const evaluate = (format: string) =>
    runRevops(['evaluate', '-q', '--policies', policies, '--data', data, '--format', format, '--now', now]);

  it('warns in the JSON report, as a coded fact the report schema accepts', async () => {
    const run = await evaluate('json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { warnings: { code: string }[] };
    expect(report.warnings.filter((w) => w.code === 'waiver.unmatched')).toEqual([
      {
        code: 'waiver.unmatched',
        waiver: 'known-findings',
        index: 0,
        dataCode: 'data.bad-number',
        entity: 'leads',
        file: 'leads.csv',
        column: 'employee_count',
      },
    ]);
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'report.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('phrases it in the terminal and markdown reports', async () => {
    const sentence =
      'Waiver known-findings (waivers[0]) accepts data issue data.bad-number in leads.csv, column employee_count, but the run has none';
    const terminal = await evaluate('terminal');
    expect(terminal.code).toBe(0);
    expect(terminal.stdout.replace(/\s+/g, ' ')).toContain(sentence);
    const markdown = await evaluate('markdown');
    expect(markdown.stdout.replace(/\\/g, '')).toContain(sentence);
  });
});
