import { UsageError } from '../core/errors.js';
import type { ImpactInputs } from '../core/report/impact.js';
import type { CliIo } from './cli-io.js';
import { dataRefs, locateRepoData, openDataAtRef } from './data-at-ref.js';
import type { DataRef } from './data-at-ref.js';
import { compareDataAt } from './data-changes.js';
import { cleanPath } from './options.js';

/** One side of `impact` as far as the data is concerned: a commit, or a plain directory (sha null). */
export interface DataSide {
  ref: string;
  sha: string | null;
}

/** Where `impact` reads its data, through which side's FieldMapping, and what the change does to data. */
export interface ImpactDataPlan {
  /** What the loader reads through: the real files, or the blobs of one commit. */
  io: CliIo;
  /** The data directory as `io` names it. */
  dir: string;
  /** Whether big files may be read on a second thread (which reads the file system, not git). */
  isThreadable: boolean;
  /** Whose FieldMapping `--mapping` names. */
  mappingFrom: 'base' | 'head';
  inputs: Pick<ImpactInputs, 'dataFrom' | 'dataDir' | 'dataChanges' | 'note'>;
}

/** `--data-ref` checked: base, head or worktree; default base when both sides are commits, else worktree. */
export function parseDataRef(value: string | undefined, base: DataSide, head: DataSide): DataRef {
  const isGit = base.sha !== null && head.sha !== null;
  if (value === undefined) return isGit ? 'base' : 'worktree';
  if (!(dataRefs as readonly string[]).includes(value))
    throw new UsageError(`--data-ref must be base, head or worktree, not ${JSON.stringify(value)}.`);
  const ref = value as DataRef;
  if (ref !== 'worktree' && (ref === 'base' ? base : head).sha === null)
    throw new UsageError(`--data-ref ${ref} needs --${ref} <git ref>: a plain directory has no committed data.`);
  return ref;
}

/**
 * Decides where the replay's data comes from. With git refs the data is read at the base
 * commit by default (a pull request cannot bend the numbers that judge it), and the data
 * files that differ between base and head are listed. A data directory outside the
 * repository is read from the file system, with a note: no commit holds it.
 */
export async function planImpactData(
  io: CliIo,
  options: {
    data: string;
    dataRef: string | undefined;
    repo: string;
    base: DataSide;
    head: DataSide;
    /** Where `data` came from (`--data`, a config key), for the error when the commit has none. */
    dataOrigin?: string;
  },
): Promise<ImpactDataPlan> {
  const { base, head } = options;
  const dataRef = parseDataRef(options.dataRef, base, head);
  const dir = cleanPath(options.data);
  const worktree: ImpactDataPlan = {
    io,
    dir,
    isThreadable: true,
    mappingFrom: base.sha === null ? 'head' : 'base',
    inputs: { dataFrom: 'worktree', dataDir: dir, dataChanges: [], note: null },
  };
  if (base.sha === null || head.sha === null) return worktree;
  const located = await locateRepoData(dir, options.repo);
  if (located === null) {
    return {
      ...worktree,
      inputs: {
        ...worktree.inputs,
        note: `${dir} is outside the repository: read from the file system, the same data for base and head.`,
      },
    };
  }
  const dataChanges = await compareDataAt(base.sha, head.sha, located.dir, located.top);
  if (dataRef === 'worktree') {
    return {
      ...worktree,
      inputs: {
        ...worktree.inputs,
        dataChanges,
        note: 'data read from the working tree (--data-ref worktree), not from a commit.',
      },
    };
  }
  const side = dataRef === 'base' ? base : head;
  const sha = side.sha as string;
  const label = `${side.ref} (${sha.slice(0, 12)})`;
  return {
    io: await openDataAtRef(io, located, sha, label, options.dataOrigin),
    dir: located.dir,
    isThreadable: false,
    mappingFrom: dataRef,
    inputs: {
      dataFrom: dataRef,
      dataDir: located.dir,
      dataChanges,
      note:
        dataRef === 'head'
          ? `data and mapping read at the head ${label} (--data-ref head): the change can alter them.`
          : null,
    },
  };
}
