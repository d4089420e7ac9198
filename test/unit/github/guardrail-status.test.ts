import { describe, expect, it } from 'vitest';
import type { GuardrailVerdict } from '../../../src/github/approvals.js';
import { summariseGuardrails } from '../../../src/github/guardrail-status.js';

const verdict = (
  id: string,
  users: string[],
  teams: string[],
  minApprovals: number,
  approvedBy: string[],
): GuardrailVerdict => ({
  guardrail: {
    id,
    description: '',
    isCrossed: true,
    reason: `${id} moved`,
    approvers: { users, teams, requires: 'any', minApprovals },
  },
  approvedBy,
  isSatisfied: approvedBy.length >= minApprovals,
  missing: { users: users.filter((u) => !approvedBy.includes(u)), teams },
});

describe('summariseGuardrails', () => {
  it.each([
    ['nothing crossed', [], 'success', 'No guardrail crossed'],
    [
      'every guardrail approved',
      [verdict('a', ['cfo'], [], 1, ['cfo']), verdict('b', ['vp-sales'], [], 1, ['vp-sales', 'cfo'])],
      'success',
      'Approved by cfo, vp-sales',
    ],
    [
      'one approver missing',
      [verdict('constraint', ['vp-sales'], ['org/people-ops'], 1, [])],
      'failure',
      'Approval missing: constraint needs one of vp-sales or org/people-ops',
    ],
    [
      'two of three missing',
      [verdict('payout', ['cfo', 'vp-finance', 'vp-sales'], [], 2, [])],
      'failure',
      'Approval missing: payout needs 2 of cfo, vp-finance or vp-sales',
    ],
    [
      'one more of two',
      [verdict('payout', ['cfo', 'vp-finance'], [], 2, ['cfo'])],
      'failure',
      'Approval missing: payout needs 1 more of cfo or vp-finance',
    ],
    [
      'no approver listed',
      [verdict('orphan', [], [], 1, [])],
      'failure',
      'Approval missing: orphan needs nobody (no approver is listed)',
    ],
  ] as const)('%s', (_label, verdicts, state, description) => {
    const status = summariseGuardrails([...verdicts]);
    expect(status.state).toBe(state);
    expect(status.description).toBe(description);
  });

  it('keeps the description within 140 characters (emoji counted as one) and the full list in the lines', () => {
    const verdicts = Array.from({ length: 8 }, (_, i) =>
      verdict(`guardrail-${i}-🚦`, ['cfo', 'vp-finance'], ['org/revenue-leadership'], 1, []),
    );
    const status = summariseGuardrails(verdicts);
    expect([...status.description].length).toBe(140);
    expect(status.description.endsWith('…')).toBe(true);
    expect(status.lines.filter((l) => l.startsWith('missing'))).toHaveLength(8);
  });
});
