import { join } from 'node:path/posix';
import type { Command } from 'commander';
import { terminalText } from '../../reporters/sanitize.js';
import { UsageError } from '../../core/errors.js';
import { evaluateWithState, prepareData } from '../../core/engine/evaluate.js';
import type { EvaluateOptions } from '../../core/engine/evaluate.js';
import { computeImpact } from '../../core/impact/impact.js';
import type { ImpactSide } from '../../core/impact/impact.js';
import type { ImpactReport } from '../../core/report/impact.js';
import { maskImpact } from '../../core/report/mask-impact.js';
import { createMaskDigest } from '../mask-key.js';
import { renderImpact } from '../../reporters/impact-formats.js';
import type { CliIo } from '../cli-io.js';
import { hasWorkingTreeChanges, readTreeAt, resolveCommit } from '../git-policies.js';
import { createHashingIo } from '../hashing-io.js';
import { selectFieldsRead } from '../../core/engine/fields-read.js';
import { findNeededEntities } from '../../core/data/needed-entities.js';
import { reportingTimeZone } from '../../core/engine/time-zone.js';
import { loadCommandData } from '../load-data.js';
import { planImpactData } from '../impact-data.js';
import { loadValidPolicies } from '../load-policies.js';
import type { LoadedPolicies } from '../load-policies.js';
import { addEvaluationOptions, readClock, toRunOptions } from '../evaluation-options.js';
import { isOutputColored, writeOutput } from '../write-output.js';
import type { EvaluationCliOptions } from '../evaluation-options.js';
import { cleanPath } from '../options.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { version } from '../version.js';
import { startStepProgress } from '../progress.js';

/** The options of `revops impact` (and of `revops pr`, which builds the same report). */
export interface ImpactOptions extends EvaluationCliOptions {
  base?: string;
  head?: string;
  baseDir?: string;
  headDir?: string;
  policies: string;
  repo: string;
  dataRef?: string;
}

interface LoadedSide {
  ref: string;
  sha: string | null;
  policyHash: string;
  loaded: LoadedPolicies;
}

async function loadSide(io: CliIo, options: ImpactOptions, side: 'base' | 'head'): Promise<LoadedSide> {
  const ref = side === 'base' ? options.base : options.head;
  const dirOption = side === 'base' ? options.baseDir : options.headDir;
  if (dirOption !== undefined || (side === 'head' && ref === undefined)) {
    // Like `git diff`: no head is the working tree's policy directory, uncommitted edits included.
    const dir = cleanPath(dirOption ?? join(options.repo, options.policies));
    const hashing = createHashingIo(io);
    const loaded = await loadValidPolicies(io, dir, hashing.io);
    return {
      ref: dirOption === undefined ? `${dir} (working tree)` : dir,
      sha: null,
      policyHash: hashing.digest(dir),
      loaded,
    };
  }
  if (ref === undefined) throw new UsageError('Give --base <git ref> or --base-dir <dir>.');
  const sha = await resolveCommit(ref, options.repo);
  const dir = cleanPath(options.policies);
  const hashing = createHashingIo(await readTreeAt(sha, dir, options.repo));
  const loaded = await loadValidPolicies(io, dir, hashing.io, `${ref} (${sha.slice(0, 12)})`);
  return { ref, sha, policyHash: hashing.digest(dir), loaded };
}

/**
 * The impact report `revops impact` writes, from its options: both sides loaded (guardrails
 * from the base), the data read once, evaluated, compared and masked with `--mask`. Exported
 * for `revops pr`, which must build exactly the report the workflows post.
 */
export async function buildImpactReport(io: CliIo, options: ImpactOptions): Promise<ImpactReport> {
  if (options.base !== undefined && options.baseDir !== undefined)
    throw new UsageError('Give --base or --base-dir, not both.');
  if (options.head !== undefined && options.headDir !== undefined)
    throw new UsageError('Give --head or --head-dir, not both.');
  const now = readClock(options);
  toRunOptions(options, now); // checks --time-zone first
  const base = await loadSide(io, options, 'base');
  const head = await loadSide(io, options, 'head');
  // The checked-out commit as head, with edits not yet committed: say that they are left out,
  // never a silent "No impact". (A workflow judging another commit than the checkout is not told.)
  if (
    head.sha !== null &&
    head.sha === (await resolveCommit('HEAD', options.repo)) &&
    (await hasWorkingTreeChanges(head.sha, cleanPath(options.policies), options.repo))
  )
    io.stderr(
      `note: ${terminalText(cleanPath(options.policies))} has changes in the working tree that --head ${terminalText(head.ref)} leaves out; leave out --head to compare them.\n`,
    );
  // Dates without a time are days of the reporting zone: the data is read again for a base whose zone differs.
  const headZone = reportingTimeZone(head.loaded.result.set, options.timeZone);
  const baseZone = reportingTimeZone(base.loaded.result.set, options.timeZone);
  const { generatedAt, ...run } = toRunOptions(options, now, headZone);
  const plan = await planImpactData(io, {
    data: options.data,
    dataRef: options.dataRef,
    repo: options.repo,
    base,
    head,
  });
  if (plan.inputs.note !== null && !options.quiet) io.stderr(`note: ${plan.inputs.note}\n`);
  const dataHashing = createHashingIo(plan.io);
  const readData = (timeZone: string): ReturnType<typeof loadCommandData> =>
    loadCommandData(plan.io, {
      data: plan.dir,
      quiet: options.quiet,
      set: (plan.mappingFrom === 'base' ? base : head).loaded.result.set,
      needs: findNeededEntities([base.loaded.result.set, head.loaded.result.set]),
      now,
      allowPartialData: options.allowPartialData,
      mask: options.mask,
      hashing: dataHashing,
      keep: selectFieldsRead([base.loaded.result.set, head.loaded.result.set]),
      timeZone,
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      // The second thread reads the file system; data from a commit is read here, from git.
      ...(plan.isThreadable ? {} : { thread: { workerFile: '' } }),
    });
  const data = await readData(headZone);
  const prepared = prepareData(data);
  const basePrepared = baseZone === headZone ? prepared : prepareData(await readData(baseZone));
  const evaluateSide = (side: LoadedSide, label: string): ImpactSide => {
    const sidePrepared = side === base ? basePrepared : prepared;
    const progress = startStepProgress(label, !options.quiet);
    const evaluateOptions: EvaluateOptions = {
      ...run,
      onStep: progress.onStep,
      calendars: side.loaded.calendars,
      stamp: { engineVersion: version, policyHash: side.policyHash, dataHash: dataHashing.digest(plan.dir) },
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
    .addHelpText(
      'after',
      `
Examples:
  revops impact --base main                          the working tree against main, like git diff
  revops impact --base origin/main --head HEAD --data exports/
  revops impact --base main --head HEAD --format markdown --output impact.md
  revops impact --base-dir policies --head-dir examples/proposed-change/policies

Without --head and --head-dir, the head is the policy directory in the working tree (--repo,
--policies). Every output names the two sides it compared first.
Guardrails are always read from the base: a change cannot loosen the guardrail that judges it.
With --base/--head, data inside the repository and the --mapping FieldMapping are read at the
base commit (--data-ref head or worktree for a local run); data and mapping changes are listed
first and cross the data_changed guardrail metric. Data outside the repository is read from disk.
The JSON report (kind "impact") is what revops check reads.

Exit codes: 0 reported, 2 usage error, invalid policies on either side, or unreadable data.`,
    )
    .action(async (options: ImpactOptions) => {
      const { io } = ctx;
      const report = await buildImpactReport(io, options);
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
  );
}
