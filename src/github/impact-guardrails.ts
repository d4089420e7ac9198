import { UsageError } from '../core/errors.js';
import type { ApprovalRule } from '../core/policy/types.js';
import { parseImpactReport } from '../core/impact/read-report.js';
import type { GuardrailWaiver, ImpactReport } from '../core/report/impact.js';
import { phraseGuardrail } from '../reporters/phrase-guardrail.js';

/**
 * Who may approve a crossed guardrail: GitHub users, `org/team-slug` teams, whether any
 * `minApprovals` of them or all of them must approve.
 */
export interface GuardrailApprovers {
  users: string[];
  teams: string[];
  requires: ApprovalRule;
  minApprovals: number;
}

/** One guardrail of an impact report, as `revops check` reads it. */
export interface ImpactGuardrail {
  id: string;
  description: string;
  isCrossed: boolean;
  /** Why it is crossed, phrased from the report's `crossings` (`phraseGuardrail`) and cleaned. */
  reason: string;
  approvers: GuardrailApprovers;
  /** Its waiver (owner and reason cleaned); only an `applied` one, from the base branch, lifts the approvals. */
  waiver?: GuardrailWaiver;
}

/** The fields of an impact report (`kind: impact`, `schemaVersion: 1`) that gate a merge. */
export interface ImpactGuardrails {
  /** The head commit the report was built on (`revops impact --head <ref>`). */
  headSha: string;
  guardrails: ImpactGuardrail[];
}

/** Shown in logs and a commit status: no control, escape or bidi characters. */
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function cleanText(value: string | null): string {
  return (value ?? '').replace(unsafeCharacters, ' ').slice(0, 1000);
}

/**
 * Reads the guardrails of an impact report. The report may come from an artifact of an
 * untrusted run, so the whole report is validated against its schema (as readers apply it,
 * see `parseImpactReport`) before anything is read; a problem is a usage error naming its JSON path.
 */
export function parseImpactGuardrails(text: string, source: string): ImpactGuardrails {
  const report = parseImpactReport(text, source);
  // A report that does not name its head would pass any head as nothing crossed.
  const headSha = report.head.sha;
  if (headSha === null)
    throw new UsageError(
      `${source}: head.sha must be a full commit SHA (the head the report was built on: \`revops impact --head <ref>\`), not null.`,
    );
  return { headSha, guardrails: readReportGuardrails(report, source) };
}

/**
 * The guardrails of a report that passed its schema (`parseImpactReport`), checked as `check`
 * reads them. `revops pr` reads a working-tree report (no head commit) through here too.
 */
export function readReportGuardrails(report: ImpactReport, source: string): ImpactGuardrail[] {
  const seen = new Set<string>();
  for (const [i, g] of report.guardrails.entries()) {
    // Two results for one id would let the lenient one stand for both in a status.
    if (seen.has(g.id))
      throw new UsageError(`${source}: guardrails[${i}].id must be unique ("${g.id}" appears twice).`);
    seen.add(g.id);
    // The gate reads isCrossed; a reason without the flag (or the flag without one) is a forged report.
    if (g.isCrossed !== g.crossings.length > 0)
      throw new UsageError(
        `${source}: guardrails[${i}].isCrossed must be ${g.crossings.length > 0} when it has ${g.crossings.length} crossings.`,
      );
    // The schema admits up to 70 for `all` (one per listed approver); `any` stays within what a policy allows.
    if (g.approvers.requires === 'any' && g.approvers.minApprovals > 10)
      throw new UsageError(
        `${source}: guardrails[${i}].approvers.minApprovals is the number ${g.approvers.minApprovals}, which must be <= 10 when it requires any.`,
      );
    // `all` counts one approval per listed approver; any other count would judge a different rule.
    const listed = g.approvers.users.length + g.approvers.teams.length;
    if (g.approvers.requires === 'all' && g.approvers.minApprovals !== Math.max(1, listed))
      throw new UsageError(
        `${source}: guardrails[${i}].approvers.minApprovals must be ${Math.max(1, listed)} (one per listed approver) when it requires all.`,
      );
  }
  return report.guardrails.map((g) => ({
    id: g.id,
    description: cleanText(g.description),
    isCrossed: g.isCrossed,
    reason: cleanText(phraseGuardrail(g, report)),
    approvers: {
      users: [...g.approvers.users],
      teams: [...g.approvers.teams],
      requires: g.approvers.requires,
      minApprovals: g.approvers.minApprovals,
    },
    ...(g.waiver === undefined
      ? {}
      : {
          waiver: {
            ...g.waiver,
            policy: cleanText(g.waiver.policy),
            owner: cleanText(g.waiver.owner),
            reason: cleanText(g.waiver.reason),
          },
        }),
  }));
}
