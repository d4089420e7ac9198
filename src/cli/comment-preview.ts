import { UsageError } from '../core/errors.js';
import { parsePullNumber, parseSha } from '../github/context.js';
import type { RunStamp } from '../github/marker.js';
import { prepareCommentBody } from '../github/sticky-comment.js';
import { terminalLines } from '../reporters/sanitize.js';
import type { CliIo } from './cli-io.js';

async function readText(io: CliIo, path: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path));
}

/** The markdown to post: readable UTF-8 and not empty, else a usage error naming the flag. */
export async function readBody(io: CliIo, path: string): Promise<string> {
  let source: string;
  try {
    source = await readText(io, path);
  } catch (error) {
    throw new UsageError(`Cannot read --body-file ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (source.trim() === '') throw new UsageError(`--body-file ${path} is empty: there is nothing to post.`);
  return source;
}

/** Whether a token is given (flag or `GITHUB_TOKEN`): without one, a dry run asks GitHub nothing. */
export function hasToken(options: { token?: string | undefined }, env: CliIo['env']): boolean {
  return (options.token ?? '').trim() !== '' || (env.GITHUB_TOKEN ?? '').trim() !== '';
}

/**
 * `--dry-run` without a token: GitHub is not asked, so whether ours exists is unknown; prints
 * the comment exactly as it would be posted (marker first, cut to GitHub's limit).
 */
export function previewComment(
  io: CliIo,
  source: string,
  options: { headSha?: string | undefined; pr?: string | undefined; marker: string },
  run: RunStamp | undefined,
): void {
  const sha =
    options.headSha === undefined || options.headSha.trim() === ''
      ? undefined
      : parseSha(options.headSha, '--head-sha');
  const prepared = prepareCommentBody(source, options.marker, {
    ...(sha === undefined ? {} : { sha }),
    ...(run === undefined ? {} : { run }),
  });
  const where =
    options.pr === undefined || options.pr === ''
      ? 'the pull request'
      : `pull request #${parsePullNumber(options.pr, '--pr')}`;
  io.stdout(
    `dry run without a token: GitHub not asked; would create the sticky comment on ${where}, or update ours if it differs (${prepared.body.length} characters${prepared.isTruncated ? ", truncated to GitHub's limit" : ''}):\n`,
  );
  io.stdout(`${terminalLines(prepared.body)}${prepared.body.endsWith('\n') ? '' : '\n'}`);
}
