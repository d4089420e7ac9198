import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/index.js';
import type { InsightsReport } from '../../src/core/insights/types.js';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { examplePolicies, fixturesDir, useTempDirs } from '../helpers/paths.js';

/**
 * A synthetic HubSpot contacts export with custom properties (test/fixtures/hubspot-custom):
 * the mapping declares `g2_intent_score` (number), `time_on_site` (integer, "Total Time Spent
 * on Website") and `estimated_arr` (decimal) under `custom:`, and the lead definition scores on
 * them. Scores by hand (fit cap 60, engagement cap 40, mql at 60):
 *   101: g2 85 → 50, arr 25000 → 10, time 620 → 20: 80 mql
 *   102: g2 90 → 50, arr 5000 → 0, time 100 → 0: 50 nurture
 *   103: g2 40 → 10, arr 12000 → 10, time 900 → 20: 40 nurture
 *   104: g2 75.5 → 50, arr 9999.99 → 0, time 301 → 20: 70 mql
 *   105: g2 empty → 0, arr empty → 0, time 1200 → 20: 20 nurture
 *   106: g2 `high`: the row is rejected (line 7, column 5)
 *   107: g2 70 → 50, arr 10000.00 → 10, time 300 → 20: 80 mql
 *   108: g2 69.9 → 10, arr 50000 → 10, time 5000 → 20: 40 nurture
 */
const dir = join(fixturesDir, 'hubspot-custom');
const evaluateArgs = (policies: string): string[] => [
  'evaluate',
  '--policies',
  policies,
  '--data',
  join(dir, 'export'),
  '--mapping',
  'hubspot',
  '--as-of',
  '2026-03-31T00:00:00Z',
  '--format',
  'json',
  '--quiet',
];

describe('revops evaluate on a HubSpot export with custom properties', () => {
  let run: CliRun;
  let report: Report;

  beforeAll(async () => {
    run = await runRevops(evaluateArgs(join(dir, 'policies')));
    report = JSON.parse(run.stdout) as Report;
  });

  it('scores the leads on the custom fields', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(report.classification?.classes.map((c) => [c.class, c.count])).toEqual([
      ['mql', 3],
      ['nurture', 4],
    ]);
  });

  it('keeps the declared custom fields and drops the undeclared columns', () => {
    const contacts = report.data.files.find((f) => f.file.endsWith('contacts.csv'));
    expect(contacts?.fields).toEqual([
      'id',
      'created_at',
      'email',
      'g2_intent_score',
      'time_on_site',
      'estimated_arr',
      'persona',
    ]);
    expect(contacts?.ignoredColumns).toEqual(['First Name', 'Favorite Color']);
  });

  it('rejects a row with a bad value in a custom column, located', () => {
    const contacts = report.data.files.find((f) => f.file.endsWith('contacts.csv'));
    expect(contacts).toMatchObject({ rowsRead: 8, rowsEvaluated: 7, rowsRejected: 1 });
    expect(report.data.issues).toMatchObject([
      {
        code: 'data.bad-number',
        line: 7,
        column: 5,
        columnName: 'G2 Intent Score',
        field: 'g2_intent_score',
        raw: 'high',
      },
    ]);
  });
});

describe('revops insights on the same export', () => {
  it('groups the leads by a text custom field, masked like a person under --mask', async () => {
    const args = evaluateArgs(join(dir, 'policies'));
    args[0] = 'insights';
    const run = await runRevops(args);
    expect(run.code, run.stderr).toBe(0);
    const insights = JSON.parse(run.stdout) as InsightsReport;
    const persona = insights.stages[0]?.attributes.find((a) => a.attribute === 'persona');
    // Economic buyers 101, 104, 107 all reach mql; champions 102, 103 and end users 105, 108 none.
    expect(persona?.groups.map((g) => [g.value, g.matured, g.advanced])).toEqual([
      ['Economic buyer', 3, 3],
      ['Champion', 2, 0],
      ['End user', 2, 0],
    ]);
    const masked = await runRevops([...args, '--mask']);
    expect(masked.stdout).not.toContain('Economic buyer');
  });
});

describe('rule variables', () => {
  const tempDir = useTempDirs();

  /** The fixture's policies in a temp directory, with `edit` applied to one file. */
  function editedPolicies(file: string, edit: (text: string) => string): string {
    const policies = join(tempDir(), 'policies');
    cpSync(join(dir, 'policies'), policies, { recursive: true });
    writeFileSync(join(policies, file), edit(readFileSync(join(policies, file), 'utf8')));
    return policies;
  }

  it('a misspelt canonical field in a rule fails validate (it was a warning, so CI passed on an always-empty rule)', async () => {
    const policies = join(tempDir(), 'policies');
    cpSync(examplePolicies, policies, { recursive: true });
    const file = join(policies, 'lead-definition.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"var": "is_student"', '"var": "is_studnet"'));
    const result = await runRevops(['validate', '--policies', policies]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error +`is_studnet` is neither a field of leads/);
    expect(result.stdout).toContain('Did you mean `is_student`?');
  });

  it('a misspelt custom field in a rule fails validate with the declared name suggested', async () => {
    const policies = editedPolicies('lead-definition.yaml', (t) =>
      t.replace('"var": "time_on_site"', '"var": "time_on_sight"'),
    );
    const result = await runRevops(['validate', '--policies', policies]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('logic.unknown-field');
    expect(result.stdout).toContain('Did you mean `time_on_site`?');
    const evaluated = await runRevops(evaluateArgs(policies));
    expect(evaluated.code).toBe(2);
  });

  it('a custom field a rule reads but no mapping declares is an error, with where to declare it', async () => {
    const policies = editedPolicies('mapping-hubspot.yaml', (t) =>
      t.replace(/ {8}estimated_arr:\n {10}type: decimal\n {10}column: Estimated ARR\n/, ''),
    );
    const result = await runRevops(['validate', '--policies', policies]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/`estimated_arr` is neither a field of leads[^]*custom:/);
  });

  it('a custom field the rules read but the run’s mapping does not declare is a warning on the file, not silence', async () => {
    const policies = editedPolicies('mapping-hubspot.yaml', (t) => t);
    const plain = readFileSync(join(policies, 'mapping-hubspot.yaml'), 'utf8')
      .replace('name: hubspot', 'name: plain')
      .replace(/ {6}custom:\n[^]*$/, '');
    writeFileSync(join(policies, 'mapping-plain.yaml'), plain);
    const args = evaluateArgs(policies);
    args[args.indexOf('hubspot')] = 'plain';
    const result = await runRevops(args);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const notes = report.data.issues.filter((i) => i.code === 'data.missing-column');
    expect(notes.map((i) => [i.severity, i.field, i.line])).toEqual([
      ['warning', 'g2_intent_score', 0],
      ['warning', 'estimated_arr', 0],
      ['warning', 'time_on_site', 0],
    ]);
    expect(notes[0]!.message).toContain("this file's mapping does not declare: it is empty in every row");
    expect(report.classification?.classes.map((c) => [c.class, c.count])).toEqual([['nurture', 8]]);
  });

  it('a custom field named like a canonical one is an error', async () => {
    const policies = editedPolicies('mapping-hubspot.yaml', (t) => t.replace('time_on_site:', 'source:'));
    const result = await runRevops(['validate', '--policies', policies]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('mapping.custom-canonical');
  });
});
