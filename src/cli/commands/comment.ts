import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { createGitHubClient } from '../../github/client.js';
import type { PullRequestTarget } from '../../github/context.js';
import { resolvePullRequestTarget } from '../../github/context.js';
import type { RunStamp } from '../../github/marker.js';
import { buildMarker, defaultMarkerName, isMarkerName, parseRunStamp } from '../../github/marker.js';
import type { CommentMode, StickyOutcome, StickyPlan } from '../../github/sticky-comment.js';
import {
  applyStickyPlan,
  listIssueComments,
  planStickyComment,
  prepareCommentBody,
  resolveCommentAuthor,
} from '../../github/sticky-comment.js';
import type { CliIo } from '../cli-io.js';
import { hasToken, previewComment, readBody } from '../comment-preview.js';
import { addGitHubOptions } from '../github-options.js';
import type { GitHubOptions } from '../github-options.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { terminalLines, terminalText } from '../../reporters/sanitize.js';
import { version } from '../version.js';

interface CommentOptions extends GitHubOptions {
  bodyFile: string;
  mode: CommentMode;
  dryRun: boolean;
  headSha?: string;
  runId?: string;
  summaryFile?: string;
  marker: string;
  author?: string;
}

async function readText(io: CliIo, path: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path));
}

/** `--run-id`, else `GITHUB_RUN_ID` with `GITHUB_RUN_ATTEMPT`; none outside a workflow. */
function resolveRunStamp(flag: string | undefined, env: CliIo['env']): RunStamp | undefined {
  if (flag !== undefined) {
    const stamp = parseRunStamp(flag.trim());
    if (stamp === undefined)
      throw new UsageError(
        `--run-id must be a run id (a positive integer up to 2^53-1), optionally with its attempt (1 to 9999), e.g. 8123456789 or 8123456789.2, not ${JSON.stringify(flag)}.`,
      );
    return stamp;
  }
  const id = env.GITHUB_RUN_ID?.trim();
  if (id === undefined || id === '') return undefined;
  const stamp = parseRunStamp(env.GITHUB_RUN_ATTEMPT?.trim() ? `${id}.${env.GITHUB_RUN_ATTEMPT.trim()}` : id);
  if (stamp === undefined)
    throw new UsageError(
      `GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT must be a positive integer up to 2^53-1 and one from 1 to 9999, not ${JSON.stringify(id)} and ${JSON.stringify(env.GITHUB_RUN_ATTEMPT ?? '')}.`,
    );
  return stamp;
}

function describePlan(plan: StickyPlan, where: string, length: number): string {
  switch (plan.action) {
    case 'create':
      return `create a comment on ${where} (${length} characters)`;
    case 'update':
      return `update comment ${plan.commentId} on ${where} (${length} characters)`;
    case 'delete-and-create':
      return `delete comment${plan.deleteIds.length === 1 ? '' : 's'} ${plan.deleteIds.join(', ')} and create a comment on ${where} (${length} characters)`;
    case 'skip':
      return plan.reason === 'unchanged'
        ? `skip: comment ${plan.commentId} on ${where} already says this`
        : `skip: comment ${plan.commentId} on ${where} is from a newer run (${plan.theirRun}); leaving it`;
  }
}

function describeOutcome(outcome: StickyOutcome, where: string, length: number): string {
  const { plan, comment } = outcome;
  const url = comment === undefined ? '' : `: ${comment.url}`;
  if (plan.action === 'skip') return describePlan(plan, where, length);
  if (plan.action === 'update' && outcome.isRecreated)
    return `comment ${plan.commentId} was deleted meanwhile; created comment ${comment?.id} on ${where} (${length} characters)${url}`;
  if (plan.action === 'update') return `updated comment ${comment?.id} on ${where} (${length} characters)${url}`;
  const deleted = outcome.deletedIds.length === 0 ? '' : `deleted ${outcome.deletedIds.join(', ')}; `;
  return `${deleted}created comment ${comment?.id} on ${where} (${length} characters)${url}`;
}

async function appendSummary(io: CliIo, path: string, text: string): Promise<void> {
  let existing = '';
  try {
    existing = await readText(io, path);
  } catch {
    // A new summary file.
  }
  await io.writeFile(
    path,
    `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${text}${text.endsWith('\n') ? '' : '\n'}`,
  );
}

export function registerComment(program: Command, ctx: CommandContext): void {
  const command = program
    .command('comment')
    .description(describeCommand('comment'))
    .requiredOption('--body-file <file>', 'markdown to post (e.g. from `revops impact --format markdown`)')
    .addOption(
      new Option(
        '--mode <mode>',
        'update: edit ours or create one; new: always create; delete-and-new: delete ours, then create',
      )
        .choices(['update', 'new', 'delete-and-new'])
        .default('update'),
    )
    .option(
      '--dry-run',
      'print what would happen (create, update, skip, delete) and write nothing; without a token, print the comment',
      false,
    )
    .option('--head-sha <sha>', 'head commit the report describes (default: from the event payload)')
    .option('--run-id <id[.attempt]>', 'run stamp that orders runs (default: GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT)')
    .option(
      '--summary-file <file>',
      'where the full body goes when the comment is truncated (default: GITHUB_STEP_SUMMARY)',
    )
    .option('--marker <name>', 'name in the hidden marker, to keep several sticky comments apart', defaultMarkerName)
    .option('--author <login>', 'login the comments are posted as (default: GET /user, else github-actions[bot])')
    .addHelpText(
      'after',
      `
Examples:
  revops comment --body-file impact.md                  in a workflow (GITHUB_* variables)
  revops comment --body-file impact.md --dry-run        no token: prints the comment, asks nothing
  revops comment --body-file impact.md --repo acme/revops --pr 42 --head-sha <sha>
  revops comment --body-file impact.md --mode delete-and-new

The first line of the comment is a hidden marker:
  <!-- ${defaultMarkerName} sha=<head sha> run=<run id>.<attempt> -->
Only a comment whose first line is exactly that marker (run id up to 2^53-1, attempt up to
9999) AND written by the token's user is edited or deleted. A run never overwrites a comment
from a newer run, and an unchanged body is not posted again. A rate limit (429, or a 403
that says so) waits Retry-After, at most 300 s, and retries up to 3 times.
A body over GitHub's 65,536-character limit is cut at a safe place with a notice; the full
body is appended to the job summary.

Exit codes: 0 posted or nothing to do, 2 usage or configuration error, 3 GitHub refused
or could not be reached (after waiting out rate limits).`,
    )
    .action(async (options: CommentOptions) => {
      const { io } = ctx;
      if (!isMarkerName(options.marker))
        throw new UsageError(
          `--marker must be letters, digits and - _ . : (e.g. ${defaultMarkerName}), not "${options.marker}".`,
        );
      const run = resolveRunStamp(options.runId, io.env);
      const source = await readBody(io, options.bodyFile);
      if (options.dryRun && !hasToken(options, io.env)) {
        previewComment(io, source, options, run);
        return;
      }
      const target: PullRequestTarget = await resolvePullRequestTarget(options, io.env, (path) => readText(io, path));
      const fields = {
        ...(target.headSha === undefined ? {} : { sha: target.headSha }),
        ...(run === undefined ? {} : { run }),
      };
      const prepared = prepareCommentBody(source, options.marker, fields);
      const where = `${target.owner}/${target.repo}#${target.pullNumber}`;
      const client = createGitHubClient({
        token: target.token,
        apiUrl: target.apiUrl,
        userAgent: `revops-policy/${version}`,
        warn: (m) => io.stderr(`revops: ${terminalLines(m)}\n`),
      });
      const summaryFile = options.summaryFile ?? (io.env.GITHUB_STEP_SUMMARY || undefined);
      const author = options.author ?? (await resolveCommentAuthor(client));
      const comments = await listIssueComments(client, target);
      const plan = planStickyComment({
        comments,
        author,
        markerName: options.marker,
        body: prepared.body,
        ...(run === undefined ? {} : { run }),
        mode: options.mode,
      });
      if (prepared.isTruncated)
        io.stderr(
          `revops: the body is over GitHub's limit; the comment is truncated${summaryFile === undefined ? '' : ` and the full body goes to ${summaryFile}`}\n`,
        );
      if (options.dryRun) {
        io.stdout(`dry run: would ${describePlan(plan, where, prepared.body.length)}\n`);
        io.stdout(`dry run: marker ${buildMarker(options.marker, fields)}; author ${terminalText(author)}\n`);
        return;
      }
      if (prepared.isTruncated && summaryFile !== undefined) await appendSummary(io, summaryFile, source);
      const outcome = await applyStickyPlan(client, target, plan, prepared.body);
      io.stdout(`${describeOutcome(outcome, where, prepared.body.length)}\n`);
    });
  // The GitHub options (shared with the other GitHub command) come last in --help.
  addGitHubOptions(command);
}
