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

  it('under requires: all, needs every user and one member per team, each a different person', async () => {
    const rule = guardrail('comp', { users: ['cfo'], teams: ['org/finance', 'org/people-ops'], requires: 'all' });
    const judge = async (approvers: string[]) => (await judgeGuardrails([rule], approvers, isTeamMember))[0];
    // cfo is in org/finance, but cannot stand for both cfo and the team.
    expect(await judge(['cfo', 'people-partner'])).toMatchObject({
      isSatisfied: false,
      missing: { users: [], teams: ['org/finance'] },
    });
    // The matching moves cfo to the user entry so that controller takes the team.
    expect(await judge(['controller', 'cfo', 'people-partner'])).toMatchObject({
      isSatisfied: true,
      approvedBy: ['controller', 'cfo', 'people-partner'],
      missing: { users: [], teams: [] },
    });
  });

  it('under requires: any, names as missing the users who have not approved and the teams none approved through', async () => {
    const [verdict] = await judgeGuardrails(
      [guardrail('payout', { users: ['cfo', 'vp-sales'], teams: ['org/people-ops'], minApprovals: 2 })],
      ['cfo'],
      isTeamMember,
    );
    expect(verdict).toMatchObject({ isSatisfied: false, missing: { users: ['vp-sales'], teams: ['org/people-ops'] } });
  });

  it('fails a crossed guardrail that lists no approver', async () => {
    const [verdict] = await judgeGuardrails([guardrail('orphan', {})], ['cfo'], isTeamMember);
    expect(verdict?.isSatisfied).toBe(false);
  });
});
