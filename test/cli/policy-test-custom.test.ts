import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, useTempDirs } from '../helpers/paths.js';

/**
 * `revops test` on a lead definition that scores on custom fields (test/fixtures/hubspot-custom:
 * the mapping declares `g2_intent_score` number, `time_on_site` integer, `estimated_arr` decimal
 * and `persona` string for leads). The test cases set them; `validate` checks their names and
 * types against the declarations.
 */
const dir = join(fixturesDir, 'hubspot-custom');
const testFile = 'intent-scoring.test.yaml';

describe('revops test with custom fields', () => {
  const tempDir = useTempDirs();

  /** The fixture's policies and its test file in a temp directory, with `edit` applied to the test. */
  function policiesWithTest(edit: (text: string) => string = (t) => t): string {
    const policies = join(tempDir(), 'policies');
    cpSync(join(dir, 'policies'), policies, { recursive: true });
    writeFileSync(join(policies, testFile), edit(readFileSync(join(dir, 'tests', testFile), 'utf8')));
    return policies;
  }

  it('covers every rule on custom fields, fired and not fired', async () => {
    const run = await runRevops(['test', '--policies', policiesWithTest(), '--min-coverage', '100']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/lead definition intent-scoring\s+5 \/ 5\s+100\.0 %/);
    expect(run.stdout).toContain('✔ 3 passed, 0 failed');
  });

  it('drops below 100 % when no case reaches the high-intent score', async () => {
    const policies = policiesWithTest((t) => t.replace('g2_intent_score: 85.5', 'g2_intent_score: 50'));
    const run = await runRevops(['test', '--policies', policies, '--coverage', '--format', 'json']);
    expect(run.code).toBe(1); // the first case now expects a score it does not get
    const report = JSON.parse(run.stdout) as {
      coverage: { policy: string; uncovered: { id: string; missing: string[] }[] }[];
      coveragePercent: number;
    };
    expect(report.coveragePercent).toBe(60);
    expect(report.coverage[0]?.uncovered.map((u) => [u.id, u.missing])).toEqual([
      ['g2-intent', ['fired']],
      ['mql.minScore', ['met']],
    ]);
  });

  it('rejects a misspelt custom field with did-you-mean, and a value of the wrong type, located', async () => {
    const policies = policiesWithTest((t) =>
      t.replace('g2_intent_score: 40', 'g2_intnet_score: 40').replace('time_on_site: 600', 'time_on_site: "10 min"'),
    );
    const run = await runRevops(['test', '--policies', policies]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /intent-scoring\.test\.yaml\n {2}18:22 +error +`g2_intnet_score` is neither a field of leads in the canonical data model nor a custom field a FieldMapping declares\. +test\.unknown-field\n +fix: Did you mean `g2_intent_score`\?\n/,
    );
    expect(run.stderr).toMatch(
      /\n {2}18:\d+ +error +`time_on_site` is an integer custom field of leads \(FieldMapping `hubspot`\); "10 min" is not an integer\. +test\.field-type\n +fix: Write it as a whole number/,
    );
  });

  it('rejects a custom field of another entity', async () => {
    const policies = policiesWithTest();
    const mapping = join(policies, 'mapping-hubspot.yaml');
    // `persona` becomes a custom field of opportunities: a lead case can no longer set it.
    const persona = '        persona: {type: string, column: Buyer Persona}\n';
    const text = readFileSync(mapping, 'utf8');
    expect(text.endsWith(persona)).toBe(true);
    writeFileSync(
      mapping,
      `${text.slice(0, -persona.length)}    opportunities:\n      file: opportunities.csv\n      custom:\n${persona}`,
    );
    const run = await runRevops(['validate', '--policies', policies]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('`persona` is a custom field of opportunities, not of leads');
  });
});
