import { IoError } from '../core/errors.js';
import type { GitHubClient } from './client.js';

/**
 * GitHub's `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` lists at most 3,000 files of
 * a pull request, however many it changes (REST docs, "List pull requests files").
 */
export const pullFilesCap = 3000;

/** One changed file, as GitHub lists it. Its names are the pull request's: untrusted text. */
export interface PullFile {
  filename: string;
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`. */
  status: string;
  /** The old name of a renamed or copied file. */
  previousFilename?: string;
  additions: number;
  deletions: number;
}

/** The changed files of a pull request, and whether GitHub's list is known to be incomplete. */
export interface PullFiles {
  files: PullFile[];
  /**
   * The list reached GitHub's 3,000-file cap, or is shorter than the pull request's own
   * `changed_files` count: some changes are not listed, so nothing can be judged from it.
   */
  truncated: boolean;
  /** The pull request's `changed_files`, when the caller passed it. */
  changedFiles?: number;
}

/** Where the pull request is; `changedFiles` is `pull.changed_files` from `GET /pulls/{n}` when at hand. */
export interface PullFilesTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  changedFiles?: number;
}

function readFile(entry: unknown): PullFile {
  const raw = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  if (typeof raw.filename !== 'string' || raw.filename === '')
    throw new IoError('GitHub listed a changed file of the pull request without a name.');
  const count = (value: unknown): number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
  return {
    filename: raw.filename,
    status: typeof raw.status === 'string' ? raw.status : 'changed',
    ...(typeof raw.previous_filename === 'string' ? { previousFilename: raw.previous_filename } : {}),
    additions: count(raw.additions),
    deletions: count(raw.deletions),
  };
}

/**
 * Every changed file of a pull request, 100 a page, stopping at GitHub's cap. `truncated`
 * says when the list cannot be complete; a caller that decides anything from the files
 * (what data or mappings changed) must then refuse to decide.
 */
export async function listPullFiles(client: GitHubClient, target: PullFilesTarget): Promise<PullFiles> {
  const files: PullFile[] = [];
  const params = { owner: target.owner, repo: target.repo, pull_number: target.pullNumber, per_page: 100 };
  await client.paginate(client.rest.pulls.listFiles, params, (response, done) => {
    for (const entry of response.data as unknown[]) files.push(readFile(entry));
    // Past the cap GitHub lists nothing more; an empty page means the end whatever the links say.
    if (files.length >= pullFilesCap || response.data.length === 0) done();
    return [];
  });
  const truncated =
    files.length >= pullFilesCap || (target.changedFiles !== undefined && target.changedFiles > files.length);
  return { files, truncated, ...(target.changedFiles === undefined ? {} : { changedFiles: target.changedFiles }) };
}

/** Why a truncated list cannot be judged, in one line. */
export function describeTruncatedFiles(list: PullFiles): string {
  const count =
    list.changedFiles !== undefined && list.changedFiles > list.files.length
      ? `${list.changedFiles.toLocaleString('en-US')} files`
      : `${pullFilesCap.toLocaleString('en-US')} files or more`;
  return `the pull request changes ${count} and GitHub lists only ${list.files.length.toLocaleString('en-US')} (its cap is ${pullFilesCap.toLocaleString('en-US')}), so what changed cannot be known`;
}
