import type { Command } from 'commander';
import { dayOf } from '../../core/waivers/waiver-list.js';
import { evaluateWithState } from '../../core/engine/evaluate.js';
import type { EvaluateOptions } from '../../core/engine/evaluate.js';
import { computeImpact } from '../../core/impact/impact.js';
import type { ImpactSide } from '../../core/impact/impact.js';
import { parseSweepSpec } from '../../core/impact/sweep-path.js';
import { maskImpact } from '../../core/report/mask-impact.js';
import { createMaskDigest } from '../mask-key.js';
import { renderImpact } from '../../reporters/impact-formats.js';
import { listOutputFormats } from '../../reporters/registry.js';
import { loadImpactSides, readImpactData } from '../impact-run.js';
import type { ImpactOptions, LoadedSide } from '../impact-run.js';
import type { CliIo } from '../cli-io.js';
import type { ImpactReport } from '../../core/report/impact.js';

export type { ImpactOptions } from '../impact-run.js';
import { addEvaluationOptions } from '../evaluation-options.js';
import { describeOrigin } from '../project-config-apply.js';
import { isOutputColored, writeOutput } from '../write-output.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { version } from '../version.js';
import { startStepProgress } from '../progress.js';
import { runImpactSweep, sweepHelp } from './impact-sweep.js';

/**
 * The impact report `revops impact` writes, from its options: both sides loaded (guardrails
 * from the base), the data read once, evaluated, compared and masked with `--mask`. Exported
 * for `revops pr`, which must build exactly the report the workflows post.
 */
export async function buildImpactReport(
  io: CliIo,
  options: ImpactOptions,
  dataOrigin?: string,
  loaded?: Awaited<ReturnType<typeof loadImpactSides>>,
): Promise<ImpactReport> {
  const sides = loaded ?? (await loadImpactSides(io, options));
  const { base, head } = sides;
  const { plan, data, prepared, basePrepared, dataHashing, run, generatedAt } = await readImpactData(
    io,
    options,
    sides,
    dataOrigin,
  );
  const evaluateSide = (side: LoadedSide, label: string): ImpactSide => {
    const sidePrepared = side === base ? basePrepared : prepared;
    const progress = startStepProgress(label, !options.quiet);
    const evaluateOptions: EvaluateOptions = {
      ...run,
      onStep: progress.onStep,
      calendars: side.loaded.calendars,
      stamp: { engineVersion: version, policyHash: side.policyHash, dataHash: dataHashing.digest(plan.dir) },
      costSet: base.loaded.result.set,
    };
    try {
      return {
        ref: side.ref,
        sha: side.sha,
        policyHash: side.policyHash,
        set: side.loaded.result.set,
        evaluation: evaluateWithState(side.loaded.result.set, sidePrepared, evaluateOptions),
      };
    } finally {
      progress.stop();
    }
  };
  let report = computeImpact(evaluateSide(base, 'evaluating base'), evaluateSide(head, 'evaluating head'), data.leads, {
    engineVersion: version,
    inputs: plan.inputs,
    today: dayOf(sides.now),
    ...(generatedAt === undefined ? {} : { generatedAt }),
  });
  if (options.mask) report = maskImpact(report, createMaskDigest(dataHashing, data.files));
  return report;
}

export function registerImpact(program: Command, ctx: CommandContext): void {
  const command = program
    .command('impact')
    .description(describeCommand('impact'))
    .option('--base <ref>', 'git ref of the policies before the change (e.g. origin/main)')
    .option(
      '--head <ref>',
      'git ref of the policies after the change (default: the working tree, uncommitted edits included)',
    )
    .option('--base-dir <dir>', 'a plain policy directory as the base, instead of --base')
    .option('--head-dir <dir>', 'a plain policy directory as the head, instead of --head')
    .option('--policies <dir>', 'policy directory inside the repository, for --base/--head', 'policies')
    .option('--repo <dir>', 'git repository to read --base and --head from', '.')
    .option(
      '--data-ref <side>',
      'where data in the repository is read, with --base/--head: base (default), head or worktree',
    )
    .option('--sweep <PATH=FROM..TO[:STEP]>', 'one head policy value over a range: a table of its impact per value')
    .addHelpText(
      'after',
      `
Examples:
  revops impact --base main                          the working tree against main, like git diff
  revops impact --base origin/main --head HEAD --data exports/
  revops impact --base main --head HEAD --format markdown --output impact.md
  revops impact --base-dir policies --head-dir examples/proposed-change/policies --format html -o impact.html
  revops impact --base-dir policies --head-dir examples/proposed-change/policies

Without --head and --head-dir, the head is the policy directory in the working tree (--repo,
--policies), and without --base and --base-dir the base is the project config's base key.
Every output names the two sides it compared first. With a git base, revops.config.yaml is
read from the base commit, never from the working tree.
Guardrails are always read from the base: a change cannot loosen the guardrail that judges it.
With --base/--head, data inside the repository and the --mapping FieldMapping are read at the
base commit (--data-ref head or worktree for a local run); data and mapping changes are listed
first and cross the data_changed guardrail metric. Data outside the repository is read from disk.
The JSON report (kind "impact") is what revops check reads.
${sweepHelp}

Exit codes: 0 reported, 2 usage error, invalid policies on either side, or unreadable data.`,
    )
    .action(async (options: ImpactOptions, command: Command) => {
      const { io } = ctx;
      const dataOrigin = describeOrigin(command, 'data', '--data');
      const sweep = options.sweep === undefined ? undefined : parseSweepSpec(options.sweep);
      const sides = await loadImpactSides(io, options);
      if (sweep !== undefined) return runImpactSweep(io, options, sides, sweep, dataOrigin);
      const report = await buildImpactReport(io, options, dataOrigin, sides);
      await writeOutput(
        io,
        renderImpact(report, options.format, { color: isOutputColored(io, options) }),
        options,
        'impact report',
      );
    });
  addEvaluationOptions(
    command,
    "read the data through this FieldMapping policy (the base's with --base, else the head's; see --data-ref)",
    listOutputFormats('impact'),
  );
}
