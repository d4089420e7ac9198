import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import { limits } from '../core/policy/limits.js';
import { PROJECT_CONFIG_FILE } from '../core/schemas/project-config.js';
import { terminalText } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';
import { commandIndex } from './command-index.js';
import { parseProjectConfig } from './project-config-parse.js';
import type { ProjectConfigIssueCode, ProjectConfigValues } from './project-config-parse.js';

export type { ProjectConfigValues } from './project-config-parse.js';
export { PROJECT_CONFIG_FILE };

/** A project config that was found and is valid. */
export interface ProjectConfig {
  /** The file as messages name it (relative to the working directory when inside it). */
  file: string;
  /** Absolute directory of the file: the paths in it are relative to this directory. */
  dir: string;
  /** The commit it was read at (`main (3f2a…)`), or null for the file on disk. */
  at: string | null;
  values: ProjectConfigValues;
  /** `file:line:column` of a key's value, for messages about it. */
  locate(path: readonly string[]): string;
}

/** How `--config` / `--no-config` chose: a file, none at all, or undefined to look for one. */
export type ConfigChoice = string | false | undefined;

/** `abs` relative to `cwd` when it lies inside it, else absolute: paths as a user would type them. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith('../') || rel.startsWith('..\\') || isAbsolute(rel) ? abs : rel;
}

/**
 * The nearest `revops.config.yaml` from `start` upwards, stopping at the top of the git
 * repository `start` is in (the directory holding `.git`). Outside a git repository only
 * `start` itself is looked at: a parent such as /tmp or a home directory is not the project's.
 */
export async function findProjectConfig(io: CliIo, start: string): Promise<string | undefined> {
  const dirs: string[] = [];
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    dirs.push(dir);
    if (await io.exists(join(dir, '.git'))) break;
    if (dirname(dir) === dir) {
      dirs.splice(1);
      break;
    }
  }
  for (const dir of dirs) {
    const file = join(dir, PROJECT_CONFIG_FILE);
    if (await io.exists(file)) return file;
  }
  return undefined;
}

/** One line per issue, as `fmt` and the policy loader show them: `file:line:column: message [code]` and the fix. */
export function describeConfigIssues(issues: readonly Issue<ProjectConfigIssueCode>[]): string {
  return issues
    .map((issue) => {
      const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
      const hint = issue.hint === undefined ? '' : `\n    fix: ${terminalText(issue.hint)}`;
      return `  ${terminalText(where)}: ${terminalText(issue.message)} [${issue.code}]${hint}`;
    })
    .join('\n');
}

/**
 * Parses a config's bytes; a config with problems stops the command (exit 2) with every
 * problem located, as an invalid policy does.
 */
export function toProjectConfig(
  bytes: Uint8Array,
  where: { file: string; dir: string; at: string | null },
): ProjectConfig {
  const parsed = parseProjectConfig(
    where.file,
    bytes,
    commandIndex.map((entry) => entry.name),
  );
  if (parsed.issues.length > 0) {
    const at = where.at === null ? '' : ` at ${where.at}`;
    throw new UsageError(
      `The project config ${where.file}${at} is not valid; fix it, or pass --no-config to run without it:\n${describeConfigIssues(parsed.issues)}`,
    );
  }
  return { ...where, values: parsed.values, locate: parsed.locate };
}

/**
 * The project config a command reads from the file system: `--config FILE`, none with
 * `--no-config`, else the nearest `revops.config.yaml` from `start` (see `findProjectConfig`).
 * `cwd` is where relative paths on the command line are read from.
 */
export async function readProjectConfig(
  io: CliIo,
  options: { choice: ConfigChoice; cwd: string; start?: string },
): Promise<ProjectConfig | undefined> {
  if (options.choice === false) return undefined;
  let file: string;
  if (options.choice !== undefined) {
    file = resolve(options.cwd, options.choice);
    if (!(await io.exists(file))) throw new UsageError(`--config ${options.choice} does not exist.`);
  } else {
    const found = await findProjectConfig(io, options.start ?? options.cwd);
    if (found === undefined) return undefined;
    file = found;
  }
  const shown = displayPath(file, options.cwd);
  let bytes: Uint8Array;
  try {
    const size = await io.fileSize(file);
    if (size > limits.maxFileBytes)
      throw new Error(`it is ${size} bytes; a project config may be at most ${limits.maxFileBytes}`);
    bytes = await io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Cannot read the project config ${shown}: ${reason}`, { cause: error });
  }
  return toProjectConfig(bytes, { file: shown, dir: dirname(file), at: null });
}
