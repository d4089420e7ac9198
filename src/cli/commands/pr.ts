import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { parseImpactReport } from '../../core/impact/read-report.js';
import type { ImpactReport } from '../../core/report/impact.js';
import { defaultStatusContext } from '../../github/guardrail-check.js';
import { readReportGuardrails } from '../../github/impact-guardrails.js';
import { defaultMarkerName, isMarkerName } from '../../github/marker.js';
import type { OfflineJudgement } from '../../github/offline-check.js';
import { judgeOffline, parseApprovedBy } from '../../github/offline-check.js';
import type { PreparedBody } from '../../github/sticky-comment.js';
import { prepareCommentBody } from '../../github/sticky-comment.js';
import { renderImpact } from '../../reporters/impact-formats.js';
import { jsonText, terminalLines, terminalText } from '../../reporters/sanitize.js';
import { describeCommand } from '../command-index.js';
import { addEvaluationOptions } from '../evaluation-options.js';
import type { CommandContext } from '../program.js';
import { writeOutput } from '../write-output.js';
import type { ImpactOptions } from './impact.js';
import { buildImpactReport } from './impact.js';

interface PrOptions extends ImpactOptions {
  base: string;
  approvedBy?: string;
  context: string;
  marker: string;
}

/** What the two workflow stages would do for this change: the comment, the status, the reviewers. */
export interface PrPreview {
  kind: 'pr-preview';
  base: { ref: string; sha: string | null };
  head: { ref: string; sha: string | null };
  approvedBy: string[];
  comment: { body: string; characters: number; isTruncated: boolean };
  status: { context: string; state: 'success' | 'failure'; description: string; lines: string[] };
  reviewers: { users: string[]; teams: string[]; notes: string[] };
}

/**
 * The PR flow offline: the report built as the workflows build it (guardrails from the base,
 * masked), passed through the JSON `check` reads, then the comment `comment` would post and the
 * status and reviewers `check` would set, by the same functions. Nothing is sent anywhere.
 */
export async function previewPullRequest(
  report: ImpactReport,
  options: { approvedBy: readonly string[]; context: string; marker: string },
): Promise<PrPreview> {
  // Through the JSON and its reader, exactly as stage two hands the report to `check`.
  const read = parseImpactReport(renderImpact(report, 'json', { color: false }), 'the impact report');
  const judged: OfflineJudgement = await judgeOffline(
    { guardrails: readReportGuardrails(read, 'the impact report') },
    options.approvedBy,
  );
  const markdown = renderImpact(report, 'markdown', { color: false });
  const prepared: PreparedBody = prepareCommentBody(
    markdown,
    options.marker,
    report.head.sha === null ? {} : { sha: report.head.sha },
  );
  return {
    kind: 'pr-preview',
    base: { ref: report.base.ref, sha: report.base.sha },
    head: { ref: report.head.ref, sha: report.head.sha },
    approvedBy: [...options.approvedBy],
    comment: { body: prepared.body, characters: prepared.body.length, isTruncated: prepared.isTruncated },
    status: { context: options.context, ...judged.status },
    reviewers: judged.reviewers,
  };
}

/** The preview for a person: each part under a rule, untrusted text made inert for the terminal. */
export function renderPrPreviewText(p: PrPreview): string {
  const rule = (title: string): string => `── ${title} ${'─'.repeat(Math.max(3, 72 - title.length))}`;
  const side = (s: PrPreview['base']): string => `${s.ref}${s.sha === null ? '' : ` (${s.sha.slice(0, 12)})`}`;
  const approvals = p.approvedBy.length === 0 ? 'no approvals yet' : `approvals assumed: ${p.approvedBy.join(', ')}`;
  const who = [...p.reviewers.users, ...p.reviewers.teams.map((t) => `team ${t}`)];
  const out = [
    `revops pr: ${terminalText(side(p.head))} against ${terminalText(side(p.base))} — offline: no token, nothing sent; ${terminalText(approvals)}`,
    '',
    rule(`Comment it would post (${p.comment.characters} characters${p.comment.isTruncated ? ', truncated' : ''})`),
    terminalLines(p.comment.body).replace(/\n$/, ''),
    '',
    rule(`Status it would set: ${p.status.context}`),
    `${p.status.state}: ${terminalText(p.status.description)}`,
    ...p.status.lines.map((l) => `  ${terminalText(l)}`),
    '',
    rule('Reviewers it would request'),
    who.length === 0 ? 'nobody' : terminalText(who.join(', ')),
    ...p.reviewers.notes.map((n) => `  not requested: ${terminalText(n)}`),
  ];
  return `${out.join('\n')}\n`;
}

export function registerPr(program: Command, ctx: CommandContext): void {
  const command = program
    .command('pr')
    .description(describeCommand('pr'))
    .requiredOption('--base <ref>', 'git ref the pull request would merge into (e.g. main or origin/main)')
    .option('--head <ref>', 'git ref of the change (default: the working tree, uncommitted edits included)')
    .option('--policies <dir>', 'policy directory inside the repository', 'policies')
    .option('--repo <dir>', 'git repository to read --base and --head from', '.')
    .addOption(
      new Option('--data-ref <side>', 'where data in the repository is read: base (as the workflows), head or worktree')
        .choices(['base', 'head', 'worktree'])
        .default('base'),
    )
    .option('--approved-by <logins>', 'approvals to assume, as logins and org/team-slug teams separated by commas')
    .option('--context <name>', 'commit status context, as in revops check', defaultStatusContext)
    .option('--marker <name>', 'name in the hidden marker, as in revops comment', defaultMarkerName)
    .addHelpText(
      'after',
      `
Examples:
  revops pr --base main                                the working tree as the pull request
  revops pr --base origin/main --head HEAD --approved-by vp-sales
  revops pr --base main --format json                  comment body, status and reviewers as JSON
  revops pr --base main --format markdown -o pr.md     the comment body alone

From local git only: no token, no network. The report is built as the workflows build it
(guardrails, data and field mapping from the base; identifiers masked), then judged by the
code revops check runs, with no approvals (or those of --approved-by). Reviewers are the
approvers stage two would request; the author and teams outside the organisation are only
known on GitHub.

Exit codes: 0 the status would be success, 1 it would be a failure (approvals missing),
2 usage error, invalid policies or unreadable data.`,
    )
    .action(async (options: PrOptions) => {
      const { io } = ctx;
      if (!isMarkerName(options.marker))
        throw new UsageError(`--marker must be letters, digits and - _ . : (e.g. ${defaultMarkerName}).`);
      if (options.context.trim() === '' || options.context.length > 255)
        throw new UsageError('--context must be a status name of 1 to 255 characters.');
      const approvedBy = parseApprovedBy(options.approvedBy);
      // As the workflows run it: identifiers masked in what would be posted.
      const report = await buildImpactReport(io, { ...options, mask: true });
      const preview = await previewPullRequest(report, {
        approvedBy,
        context: options.context,
        marker: options.marker,
      });
      const text =
        options.format === 'json'
          ? jsonText(preview)
          : options.format === 'markdown'
            ? preview.comment.body
            : renderPrPreviewText(preview);
      await writeOutput(io, text, options, 'pull request preview');
      ctx.setExitCode(preview.status.state === 'success' ? 0 : 1);
    });
  addEvaluationOptions(command, "read the data through this FieldMapping policy (the base's, as the workflows)");
}
