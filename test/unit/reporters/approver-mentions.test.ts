import { describe, expect, it } from 'vitest';
import { describeMentions } from '../../../src/reporters/approver-mentions.js';

describe('describeMentions', () => {
  it('mentions each approver once, saying any one of or all of as the guardrail requires', () => {
    expect(
      describeMentions([
        { id: 'sla', approvers: { users: ['vp-sales', 'head-of-sdr'], teams: [], requires: 'any', minApprovals: 1 } },
        {
          id: 'comp',
          approvers: { users: ['vp-sales'], teams: ['acme/people_ops'], requires: 'all', minApprovals: 2 },
        },
      ]),
    ).toBe(
      '**Approval needed from** any one of @vp-sales or @head-of-sdr (sla); all of vp-sales and @acme/people_ops (comp).',
    );
  });

  it('mentions nothing that is not a login or a team, escaping it as untrusted text', () => {
    const line = describeMentions([
      {
        id: 'x',
        approvers: { users: ['a](https://evil.example) @everyone'], teams: [], requires: 'any', minApprovals: 1 },
      },
    ]);
    expect(line).not.toContain('@everyone');
    expect(line).not.toContain('](');
    expect(line).toContain('a\\]\\(https:');
  });
});
