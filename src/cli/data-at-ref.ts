import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { IoError, UsageError } from '../core/errors.js';
import type { CliIo } from './cli-io.js';
import { isRegularFile, listTreeAt, readTreeAt, repoTopLevel } from './git-policies.js';

/** Where `impact` reads the data it replays. */
export type DataRef = 'base' | 'head' | 'worktree';

export const dataRefs: readonly DataRef[] = ['base', 'head', 'worktree'];

/** A data directory inside a repository: its top directory and the data's path from there. */
export interface RepoDataDir {
  top: string;
  /** Relative to `top`, `/`-separated; `.` for the top itself. */
  dir: string;
}

/** The real path of `path`, or its absolute path when it does not exist. */
export async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The data directory as a path inside the repository at `repo`, or null when it lies outside
 * the repository's working tree (then no commit holds it, and a pull request cannot change it).
 */
export async function locateRepoData(dataDir: string, repo: string): Promise<RepoDataDir | null> {
  const top = await realOrResolved(await repoTopLevel(repo));
  const rel = relative(top, await realOrResolved(dataDir));
  if (rel === '..' || rel.startsWith('../') || rel.startsWith('..\\') || isAbsolute(rel)) return null;
  return { top, dir: rel === '' ? '.' : rel.split('\\').join('/') };
}

/**
 * A CliIo whose files under the data directory are the blobs of commit `sha` (read from git,
 * no checkout), so the loader reads the committed data unchanged. Fails, naming the path,
 * when the commit has no such directory or holds a symbolic link or submodule in it.
 */
export async function openDataAtRef(
  io: CliIo,
  data: RepoDataDir,
  sha: string,
  label: string,
  origin?: string,
): Promise<CliIo> {
  const entries = await listTreeAt(sha, data.dir, data.top);
  if (entries.size === 0) {
    throw new UsageError(
      `${data.dir} is not in the repository at ${label}: commit the data there, or pass --data-ref worktree to read the working tree${origin === undefined ? '' : ` (the directory comes from ${origin}; revops sample-data makes example data)`}.`,
    );
  }
  const prefix = data.dir === '.' ? '' : `${data.dir}/`;
  for (const entry of entries.values()) {
    const name = entry.path.slice(prefix.length);
    if (name.includes('/') || name.startsWith('.') || isRegularFile(entry)) continue;
    throw new IoError(
      `${entry.path} is ${entry.size === null ? 'a submodule' : 'a symbolic link'} at ${label}; data read from git must be regular files.`,
    );
  }
  // The loader streams data files; none is read whole, so readFile refuses every one.
  const tree = await readTreeAt(sha, data.dir, data.top, { maxFileBytes: 0 });
  const inTree = (path: string): string =>
    data.top === '.' ? path : relative(data.top, resolve(data.top, path)).split('\\').join('/');
  return {
    ...io,
    readDir: (dir) => tree.readDir(inTree(dir)),
    fileSize: (file) => tree.fileSize(inTree(file)),
    readFile: (file) => tree.readFile(inTree(file)),
    readStream: (file) => tree.readStream(inTree(file)),
    async exists(path) {
      const p = inTree(path);
      return p === data.dir || [...entries.keys()].some((e) => e === p || e.startsWith(`${p}/`));
    },
  };
}
