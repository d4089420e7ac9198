import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IoError, UsageError } from '../core/errors.js';
import type { DirEntry, FileIo } from '../core/io.js';

const run = promisify(execFile);

async function git(args: string[], cwd: string): Promise<Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim() ?? '';
    if ((error as { code?: string }).code === 'ENOENT') throw new IoError('git is not installed or not on PATH; use --base-dir and --head-dir instead.', { cause: error });
    throw new UsageError(`git ${args.join(' ')} failed${stderr === '' ? '' : `: ${stderr}`}`);
  }
}

/** The commit a ref names (`main`, `origin/main`, a SHA, `HEAD~1`). */
export async function resolveCommit(ref: string, cwd = '.'): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`${ref} is not a git ref.`);
  return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).catch(() => {
    throw new UsageError(`${ref} is not a commit in this repository (fetch it first, e.g. git fetch origin ${ref}).`);
  }))
    .toString('utf8')
    .trim();
}

/**
 * The files under `dir` at commit `sha`, read from git without a checkout, as a read-only
 * FileIo whose paths are the same as in the working tree (`dir/...`).
 */
export async function readTreeAt(sha: string, dir: string, cwd = '.'): Promise<FileIo> {
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).toString('utf8').trim();
  const clean = dir.replace(/\/+$/, '');
  const listing = (await git(['ls-tree', '-r', '-z', '--full-name', sha, '--', clean], cwd)).toString('utf8');
  const files = new Map<string, { object: string; bytes?: Uint8Array }>();
  for (const entry of listing.split('\0')) {
    const match = /^[0-9]+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (match === null) continue;
    const full = match[2] as string;
    const path = prefix !== '' && full.startsWith(prefix) ? full.slice(prefix.length) : full;
    files.set(path, { object: match[1] as string });
  }
  const read = async (file: string): Promise<Uint8Array> => {
    const entry = files.get(file);
    if (entry === undefined) throw new IoError(`${file} does not exist at ${sha.slice(0, 12)}`);
    entry.bytes ??= new Uint8Array(await git(['cat-file', 'blob', entry.object], cwd));
    return entry.bytes;
  };
  return {
    async readDir(path) {
      const base = path === '.' ? '' : `${path.replace(/\/+$/, '')}/`;
      const seen = new Map<string, DirEntry>();
      for (const file of files.keys()) {
        if (!file.startsWith(base)) continue;
        const [name = '', ...rest] = file.slice(base.length).split('/');
        seen.set(name, { name, isFile: rest.length === 0, isDirectory: rest.length > 0 });
      }
      if (seen.size === 0 && base !== '') throw new IoError(`${path} does not exist at ${sha.slice(0, 12)}`);
      return [...seen.values()];
    },
    async fileSize(file) {
      return (await read(file)).length;
    },
    readFile: read,
    async *readStream(file) {
      yield await read(file);
    },
    async writeFile() {
      throw new IoError('a git tree is read-only');
    },
  };
}
