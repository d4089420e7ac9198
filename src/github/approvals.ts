import { needsApproval } from '../core/waivers/guardrail-waivers.js';
import type { ImpactGuardrail } from './impact-guardrails.js';

/** The fields of a pull request review this module reads. */
export interface PullReview {
  id: number | bigint;
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string | null | undefined;
}

/** How one crossed guardrail stands on the head commit. */
export interface GuardrailVerdict {
  guardrail: ImpactGuardrail;
  /** Reviewers whose approval counts for this guardrail. */
  approvedBy: string[];
  isSatisfied: boolean;
  /** The listed users and teams (`org/team-slug`) that no counted approval stands for. */
  missing: { users: string[]; teams: string[] };
}

/**
 * Reviews that decide a reviewer's stance; a comment neither grants nor withdraws approval, a
 * pending review is not submitted.
 */
const decisiveStates = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

function byTime(a: PullReview, b: PullReview): number {
  const ta = a.submitted_at ?? '';
  const tb = b.submitted_at ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/**
 * Reviewers whose latest decisive review is an approval of the head commit. The pull
 * request's author never counts: nobody approves their own change.
 */
export function findApprovers(reviews: readonly PullReview[], headSha: string, author: string): string[] {
  const latest = new Map<string, PullReview>();
  for (const review of [...reviews].sort(byTime)) {
    if (review.user === null || !decisiveStates.has(review.state.toUpperCase())) continue;
    latest.set(review.user.login.toLowerCase(), review);
  }
  return [...latest.values()]
    .filter(
      (r) =>
        r.state.toUpperCase() === 'APPROVED' &&
        r.commit_id?.toLowerCase() === headSha.toLowerCase() &&
        r.user?.login.toLowerCase() !== author.toLowerCase(),
    )
    .map((r) => r.user?.login ?? '')
    .sort((a, b) => a.localeCompare(b));
}

/** Whether `login` is an active member of `org/team-slug`. */
export type TeamMembershipLookup = (team: string, login: string) => Promise<boolean>;

/** One listed approver: a user, or a team (`org/team-slug`) any active member of which stands for it. */
interface ApproverEntry {
  kind: 'user' | 'team';
  name: string;
}

/**
 * Pairs each entry with a different approver (augmenting paths; at most 70 entries), so that
 * under `requires: all` one person never stands for two listed approvers.
 */
function matchEntries(candidates: readonly (readonly string[])[]): (string | undefined)[] {
  const owner = new Map<string, number>();
  const tryEntry = (entry: number, seen: Set<string>): boolean => {
    for (const login of candidates[entry] ?? []) {
      if (seen.has(login)) continue;
      seen.add(login);
      const held = owner.get(login);
      if (held === undefined || tryEntry(held, seen)) {
        owner.set(login, entry);
        return true;
      }
    }
    return false;
  };
  candidates.forEach((_, entry) => tryEntry(entry, new Set()));
  const matched: (string | undefined)[] = candidates.map(() => undefined);
  for (const [login, entry] of owner) matched[entry] = login;
  return matched;
}

type Judged = Omit<GuardrailVerdict, 'guardrail'>;

/** `minApprovals` different people, each a listed user or a member of a listed team. */
async function judgeAny(
  guardrail: ImpactGuardrail,
  approvers: readonly string[],
  isTeamMember: TeamMembershipLookup,
): Promise<Judged> {
  const users = new Set(guardrail.approvers.users.map((u) => u.toLowerCase()));
  const approvedBy: string[] = [];
  const teamsHeard = new Set<string>();
  for (const login of approvers) {
    if (users.has(login.toLowerCase())) {
      approvedBy.push(login);
      continue;
    }
    for (const team of guardrail.approvers.teams) {
      if (await isTeamMember(team, login)) {
        approvedBy.push(login);
        teamsHeard.add(team);
        break;
      }
    }
  }
  const approved = new Set(approvedBy.map((a) => a.toLowerCase()));
  return {
    approvedBy,
    isSatisfied: approvedBy.length >= guardrail.approvers.minApprovals,
    missing: {
      users: guardrail.approvers.users.filter((u) => !approved.has(u.toLowerCase())),
      teams: guardrail.approvers.teams.filter((t) => !teamsHeard.has(t)),
    },
  };
}

/** Every listed user and one member of every listed team, each a different person. */
async function judgeAll(
  guardrail: ImpactGuardrail,
  approvers: readonly string[],
  isTeamMember: TeamMembershipLookup,
): Promise<Judged> {
  const entries: ApproverEntry[] = [
    ...guardrail.approvers.users.map((name) => ({ kind: 'user' as const, name })),
    ...guardrail.approvers.teams.map((name) => ({ kind: 'team' as const, name })),
  ];
  const candidates: string[][] = [];
  for (const entry of entries) {
    const fits: string[] = [];
    for (const login of approvers) {
      const isFit =
        entry.kind === 'user'
          ? login.toLowerCase() === entry.name.toLowerCase()
          : await isTeamMember(entry.name, login);
      if (isFit) fits.push(login);
    }
    candidates.push(fits);
  }
  const matched = matchEntries(candidates);
  const missing = { users: [] as string[], teams: [] as string[] };
  entries.forEach((entry, i) => {
    if (matched[i] === undefined) (entry.kind === 'user' ? missing.users : missing.teams).push(entry.name);
  });
  return {
    approvedBy: approvers.filter((login) => matched.includes(login)),
    isSatisfied: entries.length > 0 && matched.every((login) => login !== undefined),
    missing,
  };
}

/** Crossed guardrails a base-branch waiver in force accepts: shown in the status, needing nobody. */
export function listWaivedGuardrails(guardrails: readonly ImpactGuardrail[]): ImpactGuardrail[] {
  return guardrails.filter((g) => g.isCrossed && !needsApproval(g));
}

/**
 * Judges every crossed guardrail that needs approval (a base-branch waiver in force lifts it). Under `requires: any`, each approver counts once, as a listed
 * user or as a member of a listed team, and the guardrail passes with `minApprovals` of them.
 * Under `requires: all`, every listed user and one member of every listed team must approve,
 * each a different person. `missing` names the listed approvers no approval stands for yet.
 */
export async function judgeGuardrails(
  guardrails: readonly ImpactGuardrail[],
  approvers: readonly string[],
  isTeamMember: TeamMembershipLookup,
): Promise<GuardrailVerdict[]> {
  const verdicts: GuardrailVerdict[] = [];
  for (const guardrail of guardrails.filter(needsApproval)) {
    const verdict =
      guardrail.approvers.requires === 'all'
        ? await judgeAll(guardrail, approvers, isTeamMember)
        : await judgeAny(guardrail, approvers, isTeamMember);
    verdicts.push({ guardrail, ...verdict });
  }
  return verdicts;
}
