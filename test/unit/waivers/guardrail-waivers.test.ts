import { describe, expect, it } from 'vitest';
import type { Policy, WaiverEntry } from '../../../src/core/policy/types.js';
import type { GuardrailResult } from '../../../src/core/report/impact.js';
import { markGuardrailWaivers, needsApproval } from '../../../src/core/waivers/guardrail-waivers.js';

const result = (id: string, isCrossed = true): GuardrailResult => ({
  id,
  description: null,
  metric: 'payout_cost_change_pct',
  threshold: { above: 5 },
  value: 7,
  isCrossed,
  crossings: isCrossed ? [{ code: 'above', metric: 'payout_cost_change_pct', value: 7, limit: 5 }] : [],
  approvers: { users: ['cfo'], teams: [], requires: 'any', minApprovals: 1 },
});
const waiver = (name: string, expires: string, guardrail = 'payout-cost'): Policy<'Waiver'> => ({
  kind: 'Waiver',
  file: `${name}.yaml`,
  metadata: { name, owner: 'revops', description: 'x' },
  spec: { waivers: [{ guardrail, owner: 'cfo', reason: `${name} reason`, expires } as WaiverEntry] },
});

// Each row: the base and head Waiver policies, the day, and the status the crossed guardrail gets.
const cases: [string, Policy<'Waiver'>[], Policy<'Waiver'>[], string, string | null][] = [
  ['no waiver', [], [], '2026-12-06', null],
  ['a base waiver in force is applied', [waiver('base', '2027-03-31')], [], '2026-12-06', 'applied'],
  ['on its expiry day it still counts', [waiver('base', '2026-12-06')], [], '2026-12-06', 'applied'],
  ['a waiver only in the head is proposed', [], [waiver('head', '2027-03-31')], '2026-12-06', 'proposed'],
  ['a base waiver past its date is expired', [waiver('base', '2026-12-05')], [], '2026-12-06', 'expired'],
  [
    'the head renewing an expired base waiver is proposed',
    [waiver('base', '2026-12-05')],
    [waiver('head', '2027-03-31')],
    '2026-12-06',
    'proposed',
  ],
  [
    'a base waiver in force wins over the head (the head cannot shorten or drop it before merge)',
    [waiver('base', '2027-03-31')],
    [],
    '2026-12-06',
    'applied',
  ],
  ['a waiver of another guardrail is nothing', [waiver('base', '2027-03-31', 'sla-drop')], [], '2026-12-06', null],
];

describe('guardrail waivers', () => {
  it.each(cases)('%s', (_name, base, head, today, status) => {
    const [marked] = markGuardrailWaivers([result('payout-cost')], { base, head }, today);
    expect(marked?.waiver?.status ?? null).toBe(status);
    expect(marked?.isCrossed).toBe(true);
    expect(needsApproval(marked!)).toBe(status !== 'applied');
    if (status === 'applied') expect(marked?.waiver).toMatchObject({ policy: 'base', reason: 'base reason' });
  });

  it('leaves a guardrail that is not crossed alone', () => {
    const [marked] = markGuardrailWaivers(
      [result('payout-cost', false)],
      { base: [waiver('base', '2027-03-31')], head: [] },
      '2026-12-06',
    );
    expect(marked?.waiver).toBeUndefined();
    expect(needsApproval(marked!)).toBe(false);
  });
});
