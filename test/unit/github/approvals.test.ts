import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PullReview } from '../../../src/github/approvals.js';
import { findApprovers, judgeGuardrails } from '../../../src/github/approvals.js';
import type { ImpactGuardrail } from '../../../src/github/impact-guardrails.js';
import { fixturesDir } from '../../helpers/paths.js';

interface ReviewRow {
  id: number;
  user: string | null;
  state: string;
  commit: string;
  at: string | null;
}

const table = JSON.parse(readFileSync(join(fixturesDir, 'github', 'approval-cases.json'), 'utf8')) as {
  headSha: string;
  cases: { name: string; author: string; reviews: ReviewRow[]; approvers: string[] }[];
};

const toReview = (row: ReviewRow): PullReview => ({
  id: row.id,
  user: row.user === null ? null : { login: row.user },
  state: row.state,
  commit_id: row.commit,
  submitted_at: row.at,
});

describe('findApprovers (test/fixtures/github/approval-cases.json)', () => {
  it.each(table.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(findApprovers(c.reviews.map(toReview), table.headSha, c.author)).toEqual(c.approvers);
  });

  it('reads the lower-case states of webhook payloads as well', () => {
    expect(
      findApprovers(
        [toReview({ id: 1, user: 'cfo', state: 'approved', commit: table.headSha, at: '2026-04-01T09:00:00Z' })],
        table.headSha,
        'analyst',
      ),
    ).toEqual(['cfo']);
  });
});

const guardrail = (
  id: string,
  approvers: Partial<ImpactGuardrail['approvers']>,
  isCrossed = true,
): ImpactGuardrail => ({
  id,
  description: '',
  isCrossed,
  reason: '',
  approvers: { users: [], teams: [], requires: 'any', minApprovals: 1, ...approvers },
});

describe('judgeGuardrails', () => {
  const teams: Record<string, string[]> = {
    'org/finance': ['controller', 'cfo'],
    'org/people-ops': ['people-partner'],
  };
  const lookups: string[] = [];
  const isTeamMember = (team: string, login: string): Promise<boolean> => {
    lookups.push(`${team}:${login}`);
    return Promise.resolve(teams[team]?.includes(login) ?? false);
  };

  it('judges only crossed guardrails, counting each approver once as a user or a team member', async () => {
    const verdicts = await judgeGuardrails(
      [
        guardrail('payout-cost', { users: ['CFO'], teams: ['org/finance'], minApprovals: 2 }),
        guardrail('headcount', { teams: ['org/people-ops'] }),
        guardrail('not-crossed', { users: ['nobody'] }, false),
      ],
      ['cfo', 'controller', 'vp-sales'],
      isTeamMember,
    );
    expect(verdicts.map((v) => [v.guardrail.id, v.approvedBy, v.isSatisfied])).toEqual([
      ['payout-cost', ['cfo', 'controller'], true],
      ['headcount', [], false],
    ]);
    expect(lookups).not.toContain('org/finance:cfo');
  });

  it('fails a crossed guardrail that lists no approver', async () => {
    const [verdict] = await judgeGuardrails([guardrail('orphan', {})], ['cfo'], isTeamMember);
    expect(verdict?.isSatisfied).toBe(false);
  });
});
