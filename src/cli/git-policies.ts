import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { IoError, UsageError } from '../core/errors.js';
import type { DirEntry, FileIo } from '../core/io.js';
import { limits } from '../core/policy/limits.js';

const run = promisify(execFile);

/** Listings and small blobs only: blobs are size-checked before they are read. */
const maxListingBytes = 64 * 1024 * 1024;

async function git(args: string[], cwd: string, maxBuffer = maxListingBytes): Promise<Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim() ?? '';
    if ((error as { code?: string }).code === 'ENOENT')
      throw new IoError('git is not installed or not on PATH; use --base-dir and --head-dir instead.', {
        cause: error,
      });
    throw new UsageError(`git ${args.join(' ')} failed${stderr === '' ? '' : `: ${stderr}`}`);
  }
}

/** The commit a ref names (`main`, `origin/main`, a SHA, `HEAD~1`). */
export async function resolveCommit(ref: string, cwd = '.'): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`${ref} is not a git ref.`);
  return (
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).catch(() => {
      throw new UsageError(`${ref} is not a commit in this repository (fetch it first, e.g. git fetch origin ${ref}).`);
    })
  )
    .toString('utf8')
    .trim();
}

/** Whether `dir` in the working tree differs from commit `sha` (edits, new or deleted files). */
export async function hasWorkingTreeChanges(sha: string, dir: string, cwd = '.'): Promise<boolean> {
  const tracked = await git(['diff', '--quiet', sha, '--', dir], cwd).then(
    () => false,
    () => true,
  );
  if (tracked) return true;
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--', dir], cwd);
  return untracked.length > 0;
}

/** The top directory of the repository `cwd` is in. */
export async function repoTopLevel(cwd = '.'): Promise<string> {
  return (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
}

/** One entry of a tree listing: a regular file, an executable, a symbolic link or a submodule. */
export interface TreeEntry {
  /** Path as in the working tree, relative to the directory git ran in. */
  path: string;
  mode: string;
  object: string;
  /** Bytes of the blob; null for a submodule. */
  size: number | null;
}

/** Whether a tree entry is a regular file (git's modes 100644 and 100755). */
export const isRegularFile = (entry: TreeEntry): boolean => entry.mode === '100644' || entry.mode === '100755';

/** Every entry under `dir` at commit `sha`, with blob sizes, read from git without a checkout. */
export async function listTreeAt(sha: string, dir: string, cwd = '.'): Promise<Map<string, TreeEntry>> {
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).toString('utf8').trim();
  const clean = dir.replace(/\/+$/, '') || '.';
  const listing = (await git(['ls-tree', '-r', '-l', '-z', '--full-name', sha, '--', clean], cwd)).toString('utf8');
  const entries = new Map<string, TreeEntry>();
  for (const line of listing.split('\0')) {
    const match = /^([0-7]+) (blob|commit) ([0-9a-f]+) +(-|[0-9]+)\t(.*)$/s.exec(line);
    if (match === null) continue;
    const full = match[5] as string;
    const path = prefix !== '' && full.startsWith(prefix) ? full.slice(prefix.length) : full;
    entries.set(path, {
      path,
      mode: match[1] as string,
      object: match[3] as string,
      size: match[4] === '-' ? null : Number(match[4]),
    });
  }
  return entries;
}

/** A blob's bytes as a stream from `git cat-file`: never held whole. */
export async function* streamBlob(object: string, cwd: string): AsyncGenerator<Uint8Array> {
  const child = spawn('git', ['cat-file', 'blob', object], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => void (stderr = (stderr + t).slice(0, 2000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  // Handled here too, so a reader that stops early leaves no unhandled rejection behind.
  exited.catch(() => undefined);
  let done = false;
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
    done = true;
  } finally {
    // A reader that stops early must not leave git writing into a full pipe.
    if (!done) child.kill();
  }
  const code = await exited;
  if (code !== 0)
    throw new IoError(`git cat-file blob ${object} failed${stderr.trim() === '' ? '' : `: ${stderr.trim()}`}`);
}

export interface TreeIoOptions {
  /** Largest blob `readFile` returns (default: the policy file limit); bigger ones are refused unread. */
  maxFileBytes?: number;
}

/**
 * The files under `dir` at commit `sha`, read from git without a checkout, as a read-only
 * FileIo whose paths are the same as in the working tree (`dir/...`). Sizes come from the
 * listing, so an oversized blob is refused before a byte of it is read; blobs are read when
 * asked for and not kept, and `readStream` never holds a blob whole. A symbolic link or a
 * submodule is neither a file nor a directory (as `readdir` sees a link), and reading one fails.
 */
export async function readTreeAt(sha: string, dir: string, cwd = '.', options: TreeIoOptions = {}): Promise<FileIo> {
  const files = await listTreeAt(sha, dir, cwd);
  const maxFileBytes = options.maxFileBytes ?? limits.maxFileBytes;
  const at = sha.slice(0, 12);
  const entryOf = (file: string): TreeEntry & { size: number } => {
    const entry = files.get(file);
    if (entry === undefined) throw new IoError(`${file} does not exist at ${at}`);
    if (entry.size === null) throw new IoError(`${file} is a submodule at ${at}, not a file`);
    if (!isRegularFile(entry)) throw new IoError(`${file} is a symbolic link at ${at}, not a file`);
    return entry as TreeEntry & { size: number };
  };
  return {
    async readDir(path) {
      const base = path === '.' ? '' : `${path.replace(/\/+$/, '')}/`;
      const seen = new Map<string, DirEntry>();
      for (const entry of files.values()) {
        if (!entry.path.startsWith(base)) continue;
        const [name = '', ...rest] = entry.path.slice(base.length).split('/');
        const isDirectory = rest.length > 0;
        seen.set(name, { name, isFile: !isDirectory && isRegularFile(entry), isDirectory });
      }
      if (seen.size === 0 && base !== '') throw new IoError(`${path} does not exist at ${at}`);
      return [...seen.values()];
    },
    async fileSize(file) {
      return entryOf(file).size;
    },
    async readFile(file) {
      const entry = entryOf(file);
      if (entry.size > maxFileBytes)
        throw new IoError(`${file} is ${entry.size} bytes at ${at}; at most ${maxFileBytes} are read whole`);
      return new Uint8Array(await git(['cat-file', 'blob', entry.object], cwd, entry.size + 1));
    },
    async *readStream(file) {
      yield* streamBlob(entryOf(file).object, cwd);
    },
    async writeFile() {
      throw new IoError('a git tree is read-only');
    },
  };
}
