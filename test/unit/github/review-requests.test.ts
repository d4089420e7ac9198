import { describe, expect, it } from 'vitest';
import type { GuardrailVerdict } from '../../../src/github/approvals.js';
import { planReviewerRequests } from '../../../src/github/review-requests.js';

const verdict = (id: string, missing: { users: string[]; teams: string[] }, isSatisfied = false): GuardrailVerdict => ({
  guardrail: {
    id,
    description: '',
    isCrossed: true,
    reason: '',
    approvers: { ...missing, requires: 'any', minApprovals: 1 },
  },
  approvedBy: [],
  isSatisfied,
  missing,
});

describe('planReviewerRequests', () => {
  it('asks each missing approver once, by team slug, skipping the asked, the reviewers of the head and the author', () => {
    const plan = planReviewerRequests({
      verdicts: [
        verdict('a', { users: ['vp-sales', 'CFO', 'analyst'], teams: ['acme/finance', 'other/finance'] }),
        verdict('b', { users: ['cfo', 'head-of-sdr', 'asked'], teams: ['acme/finance', 'acme/ops'] }),
        verdict('c', { users: ['satisfied-only'], teams: [] }, true),
      ],
      owner: 'ACME',
      author: 'analyst',
      requested: { users: ['Asked'], teams: ['ops'] },
      reviewedHead: ['head-of-sdr'],
    });
    expect(plan).toEqual({
      users: ['vp-sales', 'CFO'],
      teams: ['finance'],
      notes: [
        'analyst (a) is the author, who cannot approve their own change',
        'team other/finance (a) is not in ACME, so GitHub cannot ask it to review',
      ],
    });
  });

  it('keeps whole team names when the owner is unknown (offline)', () => {
    const plan = planReviewerRequests({
      verdicts: [verdict('a', { users: [], teams: ['acme/finance'] })],
      requested: { users: [], teams: [] },
      reviewedHead: [],
    });
    expect(plan.teams).toEqual(['acme/finance']);
  });
});
