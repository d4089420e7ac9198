import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { runPolicyTests } from '../../core/testing/run-policy-tests.js';
import { renderPolicyTestTerminal } from '../../reporters/policy-test-terminal.js';
import { loadValidPolicies } from '../load-policies.js';
import { formatOption, isColorEnabled } from '../options.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { jsonText } from '../../reporters/sanitize.js';

interface TestOptions {
  format: 'terminal' | 'json';
  coverage: boolean;
  minCoverage?: number;
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw new UsageError(`--min-coverage must be a number from 0 to 100, not ${value}.`);
  return n;
}

export function registerTest(program: Command, ctx: CommandContext): void {
  program
    .command('test')
    .description(describeCommand('test'))
    .argument('[dir]', 'policy directory', 'policies')
    .addOption(formatOption(['terminal', 'json'], 'terminal'))
    .option('--coverage', 'report which lead definition clauses the tests exercise', false)
    .addOption(
      new Option(
        '--min-coverage <percent>',
        'fail (exit 1) below this lead definition clause coverage; implies --coverage',
      ).argParser(parsePercent),
    )
    .addHelpText(
      'after',
      `
Examples:
  revops test                          run policies/**/*.yaml of kind PolicyTest
  revops test policies --coverage      and list every clause no test reaches, with file:line
  revops test --min-coverage 100       fail unless every clause is exercised

A test file names the policy under test with one of:
  leadDefinition  each case gives a lead and the class, deciding rule, fit, engagement and
                  score it must get (numbers as a value or {min, max})
  handoffSla      each case gives a lead (or opportunity), from and to instants (no to: no
                  response yet) and the status it must get at asOf (met, breached, pending,
                  untargeted), optionally the target and responseHours in business hours
  compPlan        each case gives a period, a person, their opportunities and the shared-goal
                  inputs, and the payout (and per-component payouts) the plan must give
Clause coverage counts lead definition rules only. Exit codes: 0 all passed, 1 a test failed
or coverage is below --min-coverage, 2 usage error or invalid policies.`,
    )
    .action(async (dir: string, options: TestOptions) => {
      const { io } = ctx;
      const loaded = await loadValidPolicies(io, dir);
      if (loaded.result.set.PolicyTest.length === 0)
        throw new UsageError(
          `No policy tests (kind: PolicyTest) in ${dir}; see policies/tests/ in revops init for an example.`,
        );
      const report = runPolicyTests(loaded.result.set, { calendars: loaded.calendars });
      const showCoverage = options.coverage || options.minCoverage !== undefined;
      if (options.format === 'json') io.stdout(jsonText(report));
      else
        io.stdout(renderPolicyTestTerminal(report, { color: isColorEnabled(io), locate: loaded.locate, showCoverage }));
      const isBelow = options.minCoverage !== undefined && report.coveragePercent + 1e-9 < options.minCoverage;
      if (isBelow && options.format !== 'json')
        io.stderr(
          `revops test: clause coverage ${report.coveragePercent.toFixed(1)} % is below --min-coverage ${options.minCoverage} %\n`,
        );
      ctx.setExitCode(report.failed > 0 || isBelow ? 1 : 0);
    });
}
