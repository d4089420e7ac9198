import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { copyExamplePolicies } from '../helpers/paths.js';

describe('revops test', () => {
  it('passes the example policy tests with every decision of every policy seen both ways', async () => {
    const run = await runRevops(['test', '--policies', 'policies', '--min-coverage', '100']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/lead definition lumen-lead-definition\s+22 \/ 22\s+100\.0 %/);
    expect(run.stdout).toMatch(/handoff SLA speed-to-lead\s+6 \/ 6\s+100\.0 %/);
    expect(run.stdout).toMatch(/comp plan sdr-pipeline\s+5 \/ 5\s+100\.0 %/);
    expect(run.stdout).toContain('total 100.0 % (47 / 47 decisions)');
    expect(run.stdout).toContain('speed-to-lead-tests (policies/tests/sla-speed-to-lead.test.yaml)');
    expect(run.stdout).toContain('ae-new-business-tests (policies/tests/comp-plan-ae.test.yaml)');
    expect(run.stdout).toContain('✔ 32 passed, 0 failed');
    expectGolden('policy-test/example-coverage.txt', run.stdout);
  });

  it('fails with the difference when an expectation does not hold', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'tests', 'lead-definition.test.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'expect: {class: nurture, fit: 28, engagement: 18, score: 46}',
          'expect: {class: mql, fit: 30, engagement: 18, score: 46}',
        ),
      );
      const run = await runRevops(['test', '--policies', temp.dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✗ unsubscribing takes points off');
      expect(run.stdout).toMatch(/at .*lead-definition\.test\.yaml:\d+/);
      expect(run.stdout).toContain('class: expected "mql", got "nurture"');
      expect(run.stdout).toContain('fit: expected 30, got 28');
      expect(run.stdout).toContain('✖ 31 passed, 1 failed');
      expectGolden('policy-test/one-failure.txt', run.stdout.split(temp.dir).join('<policies>'));
    } finally {
      temp.cleanup();
    }
  });

  it('fails below --min-coverage and lists the decisions no test sees both ways', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'tests', 'lead-definition.test.yaml');
      const text = readFileSync(file, 'utf8');
      // Keep only the first case (a competitor): the first exclusion fires, nothing after it is decided.
      writeFileSync(file, text.slice(0, text.indexOf('    - name: a student is excluded')));
      const run = await runRevops(['test', '--policies', temp.dir, '--min-coverage', '90']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/lumen-lead-definition\s+0 \/ 22\s+0\.0 %\n/);
      expect(run.stdout).toMatch(/ {6}\S*lead-definition\.yaml:16 {2}exclusion `competitor`: always fired\n/);
      expect(run.stdout).toMatch(/ {6}\S*lead-definition\.yaml:18 {2}exclusion `student`: no test reaches it\n/);
      expect(run.stdout).toMatch(
        / {6}\S*lead-definition\.yaml:99 {2}class threshold `mql\.minFit`: no test reaches it\n/,
      );
      expect(run.stderr).toMatch(/outcome coverage 53\.2 % is below --min-coverage 90 %/);
    } finally {
      temp.cleanup();
    }
  });

  it('names a scoring rule no test fires, with file:line, and drops below 100 %', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'lead-definition.yaml');
      const rule = [
        '        - id: g2-intent',
        '          points: 12',
        '          when: {">=": [{"var": "page_views"}, 50]}',
        '',
      ].join('\n');
      const text = readFileSync(file, 'utf8');
      // A fit rule after target-region: every test lead evaluates it, none has 50 page views.
      writeFileSync(file, text.replace('    engagement:\n', `${rule}    engagement:\n`));
      const line = text.slice(0, text.indexOf('    engagement:\n')).split('\n').length;
      const run = await runRevops(['test', '--policies', temp.dir, '--min-coverage', '100']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('✔ 32 passed, 0 failed');
      expect(run.stdout).toMatch(/lead definition lumen-lead-definition\s+22 \/ 23\s+95\.7 %\n/);
      expect(run.stdout).toContain(
        `${temp.dir}/lead-definition.yaml:${line}  scoring rule \`g2-intent\`: never fired\n`,
      );
      expect(run.stdout).toContain('total 97.9 % (47 / 48 decisions)');
      expect(run.stderr).toBe('revops test: outcome coverage 97.9 % is below --min-coverage 100 %\n');

      const json = await runRevops(['test', '--policies', temp.dir, '--format', 'json']);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as {
        coveragePercent: number;
        coverage: { policy: string; uncovered: unknown[] }[];
      };
      expect(report.coveragePercent).toBeCloseTo((100 * 47) / 48, 9);
      expect(report.coverage.find((c) => c.policy === 'lumen-lead-definition')?.uncovered).toEqual([
        {
          kind: 'scoring-rule',
          id: 'g2-intent',
          path: ['spec', 'scoring', 'fit', 'rules', 6],
          outcomes: ['fired', 'not-fired'],
          at: `${temp.dir}/lead-definition.yaml:${line}`,
          missing: ['fired'],
        },
      ]);

      // The floor decides the exit code: at or below the measure passes.
      expect((await runRevops(['test', '--policies', temp.dir, '--min-coverage', '97.9'])).code).toBe(0);
      expect((await runRevops(['test', '--policies', temp.dir, '--coverage'])).code).toBe(0);
    } finally {
      temp.cleanup();
    }
  });

  it('counts a comp plan no test names, every decision uncovered', async () => {
    const temp = copyExamplePolicies();
    try {
      rmSync(join(temp.dir, 'tests', 'comp-plan-sdr.test.yaml'));
      const run = await runRevops(['test', '--policies', temp.dir, '--min-coverage', '90']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/comp plan sdr-pipeline\s+0 \/ 5\s+0\.0 % {2}no tests\n/);
      expect(run.stdout).toMatch(/comp-plan-sdr\.yaml:\d+ {2}cap `qualified-pipeline`: no test reaches it\n/);
      expect(run.stdout).toContain('total 89.4 % (42 / 47 decisions)');
    } finally {
      temp.cleanup();
    }
  });

  it('writes the report as JSON', async () => {
    const run = await runRevops(['test', '--policies', 'policies', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { passed: number; failed: number; coveragePercent: number };
    expect(report).toMatchObject({
      passed: 32,
      failed: 0,
      coverageCount: { covered: 47, total: 47 },
      coveragePercent: 100,
    });
  });

  it('reports the SLA outcome and the payouts each case gets', async () => {
    const run = await runRevops(['test', '--policies', 'policies', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { cases: { suite: string; actual: unknown }[] };
    const actual = (suite: string): unknown[] => report.cases.filter((c) => c.suite === suite).map((c) => c.actual);
    expect(actual('speed-to-lead-tests')).toEqual([
      { status: 'met', target: 'hand-raiser', responseHours: 0.75 },
      { status: 'breached', target: 'enterprise', responseHours: 2.5 },
      { status: 'pending', target: 'default', responseHours: 2 },
      { status: 'met', target: 'default', responseHours: 3 },
      { status: 'breached', target: 'hand-raiser', responseHours: 1.5 },
      { status: 'met', target: 'enterprise', responseHours: 1.5 },
      { status: 'breached', target: 'default', responseHours: 6 },
      { status: 'breached', target: 'default', responseHours: 120 },
    ]);
    expect(actual('ae-new-business-tests')).toEqual([
      { payout: '25200.00', components: { 'new-business': '19200.00', 'shared-goal': '6000.00' }, warnings: [] },
      { payout: '65400.00', components: { 'new-business': '60000.00', 'shared-goal': '5400.00' }, warnings: [] },
      { payout: '14400.00', components: { 'new-business': '14400.00', 'shared-goal': '0.00' }, warnings: [] },
      { payout: '13500.00', components: { 'new-business': '7200.00', 'shared-goal': '4800.00' }, warnings: [] },
      { payout: '10260.00', components: { 'new-business': '5760.00', 'shared-goal': '4500.00' }, warnings: [] },
      { payout: '4800.00', components: { 'new-business': '11200.00', 'shared-goal': '4800.00' }, warnings: [] },
    ]);
  });

  it('fails an SLA case and a payout case with the difference and where the case is', async () => {
    const temp = copyExamplePolicies();
    try {
      const sla = join(temp.dir, 'tests', 'sla-speed-to-lead.test.yaml');
      writeFileSync(
        sla,
        readFileSync(sla, 'utf8').replace(
          'expect: {status: breached, target: enterprise, responseHours: 2.5}',
          'expect: {status: met, target: enterprise, responseHours: {max: 2}}',
        ),
      );
      const comp = join(temp.dir, 'tests', 'comp-plan-ae.test.yaml');
      writeFileSync(
        comp,
        readFileSync(comp, 'utf8')
          .replace('payout: "65400.00"', 'payout: "66000"')
          .replace('new-business: "60000.00"', 'new-business: "60600.00"'),
      );
      const run = await runRevops(['test', '--policies', temp.dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /✗ an enterprise lead from Friday afternoon answered on Monday morning is breached\n {6}at .*sla-speed-to-lead\.test\.yaml:23\n/,
      );
      expect(run.stdout).toContain('status: expected "met", got "breached"');
      expect(run.stdout).toContain('responseHours: expected at most 2, got 2.5');
      expect(run.stdout).toMatch(
        /✗ a quarter at twice the quota is capped at 2\.5 times target pay\n {6}at .*comp-plan-ae\.test\.yaml:28\n/,
      );
      expect(run.stdout).toContain('payout: expected "66000", got "65400.00"');
      expect(run.stdout).toContain('components.new-business: expected "60600.00", got "60000.00"');
      expect(run.stdout).toContain('✖ 30 passed, 2 failed');
      expectGolden('policy-test/sla-and-comp-failures.txt', run.stdout.split(temp.dir).join('<policies>'));
    } finally {
      temp.cleanup();
    }
  });

  it('rejects a test of a HandoffSla that does not exist, and a component the plan does not have, with file:line', async () => {
    const temp = copyExamplePolicies();
    try {
      const sla = join(temp.dir, 'tests', 'sla-speed-to-lead.test.yaml');
      writeFileSync(sla, readFileSync(sla, 'utf8').replace('handoffSla: speed-to-lead', 'handoffSla: speed-to-leed'));
      const comp = join(temp.dir, 'tests', 'comp-plan-ae.test.yaml');
      writeFileSync(
        comp,
        readFileSync(comp, 'utf8').replace(
          'components: {new-business: "19200.00"',
          'components: {new-busines: "19200.00"',
        ),
      );
      const run = await runRevops(['test', '--policies', temp.dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /sla-speed-to-lead\.test\.yaml\n {2}13:\d+ +error +HandoffSla `speed-to-leed` does not exist\. +ref\.policy-missing\n/,
      );
      expect(run.stderr).toContain('Did you mean `speed-to-lead`?');
      expect(run.stderr).toMatch(
        /comp-plan-ae\.test\.yaml\n {2}26:\d+ +error +`ae-new-business` has no component `new-busines`\. +ref\.component-missing\n/,
      );
    } finally {
      temp.cleanup();
    }
  });

  it('rejects a test that names two policies under test', async () => {
    const temp = copyExamplePolicies();
    try {
      const sla = join(temp.dir, 'tests', 'sla-speed-to-lead.test.yaml');
      writeFileSync(
        sla,
        readFileSync(sla, 'utf8').replace(
          '  handoffSla: speed-to-lead\n',
          '  handoffSla: speed-to-lead\n  leadDefinition: lumen-lead-definition\n',
        ),
      );
      const run = await runRevops(['test', '--policies', temp.dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /sla-speed-to-lead\.test\.yaml\n {2}14:\d+ +error +Unknown property `leadDefinition` in `spec`\./,
      );
    } finally {
      temp.cleanup();
    }
  });

  it('rejects a --min-coverage that is not a percentage', async () => {
    const run = await runRevops(['test', '--policies', 'policies', '--min-coverage', '120']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--min-coverage must be a number from 0 to 100, not 120.');
  });
});
