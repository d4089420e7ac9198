import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { runPolicyTests } from '../../core/testing/run-policy-tests.js';
import { listOutputFormats, renderOutput } from '../../reporters/registry.js';
import type { OutputFormat } from '../../reporters/registry.js';
import { loadValidPolicies } from '../load-policies.js';
import { formatOption, policiesOption, quietOption, takePositionalDir } from '../options.js';
import { isOutputColored, writeOutput } from '../write-output.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';

interface TestOptions {
  policies: string;
  format: OutputFormat<'policy-test'>;
  output?: string;
  quiet: boolean;
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
    // The old positional directory, hidden: --policies replaces it.
    .argument('[dir]')
    .usage('[options]')
    .addOption(policiesOption())
    .addOption(formatOption(listOutputFormats('policy-test'), 'terminal'))
    .option('-o, --output <file>', 'write the results to a file instead of stdout')
    .addOption(quietOption('print nothing when every test passes (and coverage is enough)'))
    .option('--coverage', 'report which policy decisions the tests see go both ways (outcome coverage)', false)
    .addOption(
      new Option('--min-coverage <percent>', 'fail (exit 1) below this outcome coverage; implies --coverage').argParser(
        parsePercent,
      ),
    )
    .addHelpText(
      'after',
      `
Examples:
  revops test                          run policies/**/*.yaml of kind PolicyTest
  revops test --coverage               and list every decision the tests do not see go both ways
  revops test --min-coverage 100       fail unless every decision is covered

A test file names the policy under test with one of:
  leadDefinition  each case gives a lead and the class, deciding rule, fit, engagement and
                  score it must get (numbers as a value or {min, max})
  handoffSla      each case gives a lead (or opportunity), from and to instants (no to: no
                  response yet) and the status it must get at asOf (met, breached, pending,
                  untargeted), optionally the target and responseHours in business hours
  compPlan        each case gives a period, a person, their opportunities and the shared-goal
                  inputs, and the payout (and per-component payouts) the plan must give
Outcome coverage: a decision is covered when the cases see it both ways — an exclusion,
hand-raiser or scoring rule fired and not fired, a class threshold met and missed; an SLA
target met and breached, an escalation step reached and not, the recycle rule applied and not;
a tier reached and not, a cap hit and not, a gate passed and failed, a team multiplier, SPIF or
clawback applied and not. Every lead definition, SLA and comp plan counts, tested or not; each
uncovered decision is listed with file:line and the outcome never seen. Exit codes: 0 all
passed, 1 a test failed or coverage is below --min-coverage, 2 usage error or invalid policies.`,
    )
    .action(async (dirArg: string | undefined, options: TestOptions, command: Command) => {
      const { io } = ctx;
      const dir = takePositionalDir(io, command, dirArg, { name: '--policies', attribute: 'policies' }) ?? 'policies';
      const loaded = await loadValidPolicies(io, dir);
      if (loaded.result.set.PolicyTest.length === 0)
        throw new UsageError(
          `No policy tests (kind: PolicyTest) in ${dir}; see policies/tests/ in revops init for an example.`,
        );
      const report = runPolicyTests(loaded.result.set, { calendars: loaded.calendars, locate: loaded.locate });
      const showCoverage = options.coverage || options.minCoverage !== undefined;
      const isBelow = options.minCoverage !== undefined && report.coveragePercent + 1e-9 < options.minCoverage;
      const color = isOutputColored(io, options);
      if (!(options.quiet && report.failed === 0 && !isBelow))
        await writeOutput(
          io,
          renderOutput('policy-test', options.format, report, { color, locate: loaded.locate, showCoverage }),
          options,
          'test results',
        );
      if (isBelow && options.format !== 'json')
        io.stderr(
          `revops test: outcome coverage ${report.coveragePercent.toFixed(1)} % is below --min-coverage ${options.minCoverage} %\n`,
        );
      ctx.setExitCode(report.failed > 0 || isBelow ? 1 : 0);
    });
}
