import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { createGitHubClient } from '../../github/client.js';
import { parseSha, resolvePullRequestTarget } from '../../github/context.js';
import { checkGuardrailApprovals, defaultStatusContext } from '../../github/guardrail-check.js';
import type { ImpactGuardrails } from '../../github/impact-guardrails.js';
import { parseImpactGuardrails } from '../../github/impact-guardrails.js';
import { judgeOffline, parseApprovedBy } from '../../github/offline-check.js';
import type { ReviewerOutcome, ReviewerRequest } from '../../github/review-requests.js';
import type { CliIo } from '../cli-io.js';
import { addGitHubOptions } from '../github-options.js';
import type { GitHubOptions } from '../github-options.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { terminalLines, terminalText } from '../../reporters/sanitize.js';
import { version } from '../version.js';

interface CheckOptions extends GitHubOptions {
  impact: string;
  headSha?: string;
  context: string;
  dryRun: boolean;
  requestReviewers: boolean;
  approvedBy?: string;
}

/** An impact report is small; anything far larger is not one. */
const maxImpactBytes = 20 * 1024 * 1024;

async function readText(io: CliIo, path: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path));
}

/** The workflow run's page, for the status link, when the run's variables are there. */
function runUrl(env: CliIo['env']): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = env;
  if (!server || !repo || !runId || !/^https?:\/\//.test(server) || !/^\d+$/.test(runId)) return undefined;
  return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${runId}`;
}

function hasToken(options: CheckOptions, env: CliIo['env']): boolean {
  return (options.token ?? '').trim() !== '' || (env.GITHUB_TOKEN ?? '').trim() !== '';
}

/** The reviewers asked (or, in a dry run, to ask), those GitHub refused, and those left out. */
export function printReviewers(io: CliIo, plan: ReviewerRequest, outcome?: ReviewerOutcome): void {
  const teams = (names: readonly string[]) => names.map((t) => `team ${t}`);
  if (outcome === undefined) {
    const all = [...plan.users, ...teams(plan.teams)];
    io.stdout(
      `dry run: would request reviews from ${all.length === 0 ? 'nobody new' : terminalText(all.join(', '))}\n`,
    );
  } else {
    const all = [...outcome.requested.users, ...teams(outcome.requested.teams)];
    io.stdout(`requested reviews from ${all.length === 0 ? 'nobody new' : terminalText(all.join(', '))}\n`);
    for (const r of outcome.refused)
      io.stderr(`revops: could not request a review from ${terminalText(r.reviewer)}: ${terminalText(r.reason)}\n`);
  }
  for (const note of plan.notes) io.stdout(`  not requested: ${terminalText(note)}\n`);
}

/** `--dry-run` without a token: the report judged alone, by the same judge, status and reviewer plan. */
async function checkOffline(
  io: CliIo,
  impact: ImpactGuardrails,
  options: CheckOptions,
): Promise<'success' | 'failure'> {
  if (options.headSha !== undefined && options.headSha.trim() !== '') {
    const sha = parseSha(options.headSha, '--head-sha');
    if (sha !== impact.headSha)
      throw new UsageError(
        `The impact report is for commit ${impact.headSha}, not --head-sha ${sha}: build the report on that commit.`,
      );
  }
  const approvedBy = parseApprovedBy(options.approvedBy);
  const judged = await judgeOffline(impact, approvedBy);
  io.stdout(
    `Guardrails at ${impact.headSha.slice(0, 12)} (dry run without a token: GitHub not asked; approvals assumed: ${approvedBy.length === 0 ? 'none' : approvedBy.join(', ')}):\n`,
  );
  for (const line of judged.status.lines) io.stdout(`  ${terminalText(line)}\n`);
  io.stdout(
    `dry run: would set status ${options.context} = ${judged.status.state}: ${terminalText(judged.status.description)}\n`,
  );
  if (options.requestReviewers) printReviewers(io, judged.reviewers);
  return judged.status.state;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  const command = program
    .command('check')
    .description(describeCommand('check'))
    .requiredOption(
      '--impact <file>',
      'impact report JSON (`revops impact --format json`, guardrails from the base branch)',
    )
    .option(
      '--head-sha <sha>',
      "commit to judge and set the status on (default: the event's head, else the pull request's head)",
    )
    .option('--context <name>', 'commit status context (the name branch protection requires)', defaultStatusContext)
    .option(
      '--dry-run',
      'judge and print, but set no status and request no review (no token: GitHub is not asked)',
      false,
    )
    .option('--no-request-reviewers', 'do not ask the approvers of guardrails missing approvals to review')
    .option(
      '--approved-by <logins>',
      'with --dry-run and no token: approvals to assume, as logins and org/team-slug teams separated by commas',
    )
    .addHelpText(
      'after',
      `
Examples:
  revops check --impact impact.json                     in a workflow (GITHUB_* variables)
  revops check --impact impact.json --repo acme/revops --pr 42 --dry-run
  revops check --impact impact.json --context revops-policy/guardrails
  revops check --impact impact.json --dry-run --approved-by vp-sales   no token: judged offline

A reviewer counts when their latest review that is not a comment approves the head commit;
the pull request's author never counts. A team approver (org/team-slug) is satisfied by an
approving member. A crossed guardrail with requires: any (the default) needs its
minApprovals (default 1) different people; with requires: all, every listed user and one
member of every listed team, each a different person. While approvals are missing, the
approvers not yet asked are requested as reviewers (users, and teams of the repository's
organisation), once; GitHub refusing one (422, e.g. not a collaborator) is reported, not fatal.
With --dry-run and no token, GitHub is not asked: the report alone is judged, with no
approvals or those of --approved-by, and the status and reviewers it would set are printed.
The pull request's changed files are listed first: when GitHub cannot list them all (it
lists at most 3,000), nothing is judged and the status is a failure that says so.

Exit codes: 0 success status, 1 approvals missing or not judged (failure status set),
2 usage or configuration error, 3 GitHub refused or could not be reached (after waiting
out rate limits).`,
    )
    .action(async (options: CheckOptions) => {
      const { io } = ctx;
      if (options.context.trim() === '' || options.context.length > 255)
        throw new UsageError('--context must be a status name of 1 to 255 characters.');
      let impactText: string;
      try {
        if ((await io.fileSize(options.impact)) > maxImpactBytes)
          throw new Error(`larger than ${maxImpactBytes / 1024 / 1024} MiB`);
        impactText = await readText(io, options.impact);
      } catch (error) {
        throw new UsageError(
          `Cannot read --impact ${options.impact}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      const impact = parseImpactGuardrails(impactText, options.impact);
      if (options.dryRun && !hasToken(options, io.env)) {
        const state = await checkOffline(io, impact, options);
        ctx.setExitCode(state === 'success' ? 0 : 1);
        return;
      }
      if (options.approvedBy !== undefined)
        throw new UsageError('--approved-by is for --dry-run without a token; with a token the real reviews are read.');
      const target = await resolvePullRequestTarget(options, io.env, (path) => readText(io, path));
      const client = createGitHubClient({
        token: target.token,
        apiUrl: target.apiUrl,
        userAgent: `revops-policy/${version}`,
        warn: (m) => io.stderr(`revops: ${terminalLines(m)}\n`),
      });
      const targetUrl = runUrl(io.env);
      const result = await checkGuardrailApprovals(client, target, impact, {
        context: options.context,
        isDryRun: options.dryRun,
        requestReviewers: options.requestReviewers,
        ...(targetUrl === undefined ? {} : { targetUrl }),
      });
      const where = `${target.owner}/${target.repo}#${target.pullNumber}`;
      if (result.currentHeadSha !== undefined)
        io.stderr(`revops: the pull request's head is now ${result.currentHeadSha}; judging ${result.headSha}\n`);
      io.stdout(`Guardrails on ${where} at ${result.headSha.slice(0, 12)} (author ${terminalText(result.author)}):\n`);
      const listed = result.files.files.length;
      if (!result.files.truncated) io.stdout(`  ${listed} changed file${listed === 1 ? '' : 's'}, listed in full\n`);
      for (const line of result.status.lines) io.stdout(`  ${terminalText(line)}\n`);
      const verb = result.isStatusSet ? 'set' : 'dry run: would set';
      io.stdout(
        `${verb} status ${options.context} = ${result.status.state}: ${terminalText(result.status.description)}\n`,
      );
      if (result.reviewers !== undefined) printReviewers(io, result.reviewers.plan, result.reviewers.outcome);
      ctx.setExitCode(result.status.state === 'success' ? 0 : 1);
    });
  // The GitHub options (shared with the other GitHub command) come last in --help.
  addGitHubOptions(command);
}
