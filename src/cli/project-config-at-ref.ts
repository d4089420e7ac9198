import { dirname, join, relative, resolve } from 'node:path';
import { posix } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { terminalText } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import { realOrResolved } from './data-at-ref.js';
import { listTreeAt, readTreeAt, repoTopLevel, resolveCommit } from './git-policies.js';
import {
  displayPath,
  findProjectConfig,
  PROJECT_CONFIG_FILE,
  readProjectConfig,
  toProjectConfig,
} from './project-config.js';
import type { ConfigChoice, ProjectConfig } from './project-config.js';

interface ImpactSideOptions {
  base?: string;
  head?: string;
  baseDir?: string;
  headDir?: string;
  repo?: string;
  quiet?: boolean;
}

function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || rel.startsWith('/');
}

/**
 * The project config `impact` reads (as does any command with a `--base`). With a git base,
 * the one in the base commit (found from `--repo` upwards as on disk, or the `--config` file's
 * path there): a pull request's head cannot point the replay at other data, policies or
 * mapping. The working tree's config is read for a plain-directory base, and for its `base`
 * key only when the head is the working tree (a local run; a run that names `--head` names
 * `--base` too).
 */
export async function readImpactConfig(
  command: Command,
  io: CliIo,
  choice: ConfigChoice,
  cwd: string,
): Promise<ProjectConfig | undefined> {
  if (choice === false) return undefined;
  const options = command.opts<ImpactSideOptions>();
  const repo = resolve(cwd, options.repo ?? '.');
  const readLocal = (): Promise<ProjectConfig | undefined> => readProjectConfig(io, { choice, cwd, start: repo });
  let base = command.getOptionValueSource('base') === 'cli' ? options.base : undefined;
  if (base === undefined) {
    if (options.baseDir !== undefined) return readLocal();
    const local = await readLocal();
    const isLocalRun = options.head === undefined && options.headDir === undefined;
    if (local?.values.base === undefined || !isLocalRun) return local;
    base = local.values.base;
    command.setOptionValueWithSource('base', base, 'config');
  }
  const sha = await resolveCommit(base, repo);
  return readConfigAtCommit(io, {
    sha,
    label: `${base} (${sha.slice(0, 12)})`,
    repo,
    choice,
    cwd,
    quiet: options.quiet === true,
  });
}

/** The project config in commit `sha`, or undefined when it holds none; a note when the working tree's differs. */
async function readConfigAtCommit(
  io: CliIo,
  options: { sha: string; label: string; repo: string; choice: string | undefined; cwd: string; quiet: boolean },
): Promise<ProjectConfig | undefined> {
  const { sha, label, choice, cwd } = options;
  const top = await realOrResolved(await repoTopLevel(options.repo));
  const existsAt = async (path: string): Promise<boolean> => (await listTreeAt(sha, path, top)).has(path);
  let rel: string | undefined;
  if (choice !== undefined) {
    rel = relative(top, await realOrResolved(resolve(cwd, choice)))
      .split('\\')
      .join('/');
    // A file outside the repository is in no commit, and a pull request cannot change it.
    if (isOutside(rel)) return readProjectConfig(io, { choice, cwd });
    if (!(await existsAt(rel)))
      throw new UsageError(
        `--config ${choice} is not in the repository at ${label}: with a git base, impact reads the project config from the base commit (commit it there, or leave out --config).`,
      );
  } else {
    const start = relative(top, await realOrResolved(options.repo))
      .split('\\')
      .join('/');
    for (let dir = isOutside(start) ? '' : start; ; dir = posix.dirname(dir)) {
      const candidate = dir === '' || dir === '.' ? PROJECT_CONFIG_FILE : `${dir}/${PROJECT_CONFIG_FILE}`;
      if (await existsAt(candidate)) {
        rel = candidate;
        break;
      }
      if (dir === '' || dir === '.') break;
    }
  }
  const onDisk = rel === undefined ? await findProjectConfig(io, options.repo) : join(top, rel);
  const shown = onDisk === undefined ? undefined : displayPath(onDisk, cwd);
  if (rel === undefined) {
    if (shown !== undefined && !options.quiet)
      io.stderr(
        `note: ${terminalText(shown)} is not in the base ${terminalText(label)}: with a git base, impact reads the project config from the base commit, so it reads none.\n`,
      );
    return undefined;
  }
  const bytes = await (await readTreeAt(sha, rel, top)).readFile(rel);
  const file = displayPath(join(top, rel), cwd);
  if (!options.quiet && (await differsOnDisk(io, join(top, rel), bytes)))
    io.stderr(
      `note: ${terminalText(file)} is read at the base ${terminalText(label)}, as guardrails are; its working-tree version is left out.\n`,
    );
  return toProjectConfig(bytes, { file, dir: dirname(join(top, rel)), at: label });
}

async function differsOnDisk(io: CliIo, file: string, bytes: Uint8Array): Promise<boolean> {
  if (!(await io.exists(file))) return true;
  try {
    return !Buffer.from(await io.readFile(file)).equals(Buffer.from(bytes));
  } catch {
    return true;
  }
}
