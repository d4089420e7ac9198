import { join } from 'node:path/posix';
import { UsageError } from '../core/errors.js';
import { prepareData } from '../core/engine/evaluate.js';
import type { PreparedData } from '../core/engine/evaluate.js';
import { selectFieldsRead } from '../core/engine/fields-read.js';
import { reportingTimeZone } from '../core/engine/time-zone.js';
import { findNeededEntities } from '../core/data/needed-entities.js';
import { terminalText } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import type { EvaluationCliOptions } from './evaluation-options.js';
import { readClock, toRunOptions } from './evaluation-options.js';
import { hasWorkingTreeChanges, readTreeAt, resolveCommit } from './git-policies.js';
import { createHashingIo } from './hashing-io.js';
import { planImpactData } from './impact-data.js';
import type { ImpactDataPlan } from './impact-data.js';
import { loadCommandData } from './load-data.js';
import { loadValidPolicies } from './load-policies.js';
import type { LoadedPolicies } from './load-policies.js';
import { cleanPath } from './options.js';

/** The options of `revops impact`. */
export interface ImpactOptions extends EvaluationCliOptions {
  base?: string;
  head?: string;
  baseDir?: string;
  headDir?: string;
  policies: string;
  repo: string;
  dataRef?: string;
  sweep?: string;
}

/** One side of an impact run: where its policies came from, and the policies. */
export interface LoadedSide {
  ref: string;
  sha: string | null;
  policyHash: string;
  loaded: LoadedPolicies;
}

async function loadSide(io: CliIo, options: ImpactOptions, side: 'base' | 'head', now: number): Promise<LoadedSide> {
  const ref = side === 'base' ? options.base : options.head;
  const dirOption = side === 'base' ? options.baseDir : options.headDir;
  if (dirOption !== undefined || (side === 'head' && ref === undefined)) {
    // Like `git diff`: no head is the working tree's policy directory, uncommitted edits included.
    const dir = cleanPath(dirOption ?? join(options.repo, options.policies));
    const hashing = createHashingIo(io);
    const loaded = await loadValidPolicies(io, dir, hashing.io, undefined, now);
    return {
      ref: dirOption === undefined ? `${dir} (working tree)` : dir,
      sha: null,
      policyHash: hashing.digest(dir),
      loaded,
    };
  }
  if (ref === undefined)
    throw new UsageError(
      'Give --base <git ref> or --base-dir <dir> (or `base` in revops.config.yaml, read when the head is the working tree).',
    );
  const sha = await resolveCommit(ref, options.repo);
  const dir = cleanPath(options.policies);
  const hashing = createHashingIo(await readTreeAt(sha, dir, options.repo));
  const loaded = await loadValidPolicies(io, dir, hashing.io, `${ref} (${sha.slice(0, 12)})`, now);
  return { ref, sha, policyHash: hashing.digest(dir), loaded };
}

/** Both sides' policies, after the flags are checked. */
export async function loadImpactSides(
  io: CliIo,
  options: ImpactOptions,
): Promise<{ base: LoadedSide; head: LoadedSide; now: number }> {
  if (options.base !== undefined && options.baseDir !== undefined)
    throw new UsageError('Give --base or --base-dir, not both.');
  if (options.head !== undefined && options.headDir !== undefined)
    throw new UsageError('Give --head or --head-dir, not both.');
  const now = readClock(options);
  toRunOptions(options, now); // checks --time-zone first
  const base = await loadSide(io, options, 'base', now);
  const head = await loadSide(io, options, 'head', now);
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
  return { base, head, now };
}

/** The data of an impact run, read once, and prepared for each reporting zone the sides need. */
export interface ImpactData {
  plan: ImpactDataPlan;
  data: Awaited<ReturnType<typeof loadCommandData>>;
  /** Prepared in the head's zone, and in the base's (the same object when the zones agree). */
  prepared: PreparedData;
  basePrepared: PreparedData;
  dataHashing: ReturnType<typeof createHashingIo>;
  run: Omit<ReturnType<typeof toRunOptions>, 'generatedAt'>;
  generatedAt: string | undefined;
}

/** Reads the data once for both sides, in the base's reporting zone. */
export async function readImpactData(
  io: CliIo,
  options: ImpactOptions,
  sides: { base: LoadedSide; head: LoadedSide; now: number },
  /** Where `--data` came from (the flag, the project config, the default), for a missing-data message. */
  dataOrigin?: string,
): Promise<ImpactData> {
  const { base, head, now } = sides;
  // One reporting zone, the base's (trusted), for the data read and both sides: a Calendar the
  // pull request adds or names must not shift the head's days, weeks and window.
  const zone = reportingTimeZone(base.loaded.result.set, options.timeZone);
  const { generatedAt, ...runOptions } = toRunOptions(options, now, zone);
  const run = { ...runOptions, timeZone: zone };
  const plan = await planImpactData(io, {
    data: options.data,
    ...(dataOrigin === undefined ? {} : { dataOrigin }),
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
      ...(dataOrigin === undefined ? {} : { dataOrigin }),
      policies: options.policies,
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
  const data = await readData(zone);
  const prepared = prepareData(data);
  const basePrepared = prepared;
  return { plan, data, prepared, basePrepared, dataHashing, run, generatedAt };
}
