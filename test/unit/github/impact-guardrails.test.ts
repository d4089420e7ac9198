import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImpactGuardrails } from '../../../src/github/impact-guardrails.js';
import { fixturesDir } from '../../helpers/paths.js';

const base = { schemaVersion: 1, kind: 'impact', head: { sha: '3f786850e387550fdab836ed7e6dc881de23001b' } };
const parse = (value: unknown) => parseImpactGuardrails(JSON.stringify(value), 'impact.json');

describe('parseImpactGuardrails', () => {
  it('reads the fixture report with its approvers and defaults', () => {
    const text = readFileSync(join(fixturesDir, 'github', 'impact-constraint-crossed.json'), 'utf8');
    expect(parseImpactGuardrails(text, 'impact.json')).toEqual({
      headSha: '3f786850e387550fdab836ed7e6dc881de23001b',
      guardrails: [
        {
          id: 'constraint-overload',
          description: 'The constraint stage must not run above capacity',
          isCrossed: true,
          reason: 'mql utilisation 0.87 → 1.04 (above 1.0)',
          approvers: { users: ['vp-sales'], teams: ['org/people-ops'], minApprovals: 1 },
        },
        {
          id: 'payout-cost',
          description: 'Payout cost may not grow more than 5 %',
          isCrossed: false,
          reason: 'payout cost +1.2 % (at most +5 %)',
          approvers: { users: ['cfo'], teams: [], minApprovals: 1 },
        },
      ],
    });
  });

  it('refuses a report without its head commit or its guardrails: a partial report would judge any head as nothing crossed', () => {
    expect(() => parse({ schemaVersion: 1, kind: 'impact', guardrails: [] })).toThrow(
      /head\.sha must be a full commit SHA/,
    );
    expect(() => parse({ schemaVersion: 1, kind: 'impact', head: { sha: null }, guardrails: [] })).toThrow(
      /head\.sha must be a full commit SHA/,
    );
    expect(() => parse({ ...base })).toThrow(/guardrails must be a list/);
    expect(parse({ ...base, guardrails: [] })).toEqual({ headSha: base.head.sha, guardrails: [] });
  });

  it('strips control, escape and bidi characters from text shown in logs', () => {
    const parsed = parse({
      ...base,
      guardrails: [{ id: 'g', isCrossed: true, reason: 'up\u001b[31m\u202e 5 %\nnow', approvers: { users: ['cfo'] } }],
    });
    expect(parsed.guardrails[0]?.reason).toBe('up [31m  5 % now');
  });

  it.each([
    ['not JSON', '{', /impact\.json is not JSON/],
    ['another kind', { ...base, kind: 'report' }, /kind must be "impact"/],
    ['another schema version', { ...base, schemaVersion: 2 }, /schemaVersion must be 1/],
    ['a short head SHA', { ...base, head: { sha: 'abc' } }, /head\.sha must be a full commit SHA/],
    ['guardrails that are not a list', { ...base, guardrails: {} }, /guardrails must be a list/],
    ['a missing isCrossed', { ...base, guardrails: [{ id: 'g' }] }, /guardrails\[0\]\.isCrossed must be true or false/],
    [
      'a duplicate id',
      {
        ...base,
        guardrails: [
          { id: 'g', isCrossed: false },
          { id: 'g', isCrossed: false },
        ],
      },
      /guardrails\[1\]\.id must be unique/,
    ],
    [
      'a user that is not a login',
      { ...base, guardrails: [{ id: 'g', isCrossed: true, approvers: { users: ['../admin'] } }] },
      /approvers\.users\[0\] must be GitHub logins/,
    ],
    [
      'a team without its org',
      { ...base, guardrails: [{ id: 'g', isCrossed: true, approvers: { teams: ['people-ops'] } }] },
      /approvers\.teams\[0\] must be teams written org\/team-slug/,
    ],
    [
      'minApprovals 0',
      { ...base, guardrails: [{ id: 'g', isCrossed: true, approvers: { users: ['cfo'], minApprovals: 0 } }] },
      /minApprovals must be a whole number from 1 to 100/,
    ],
  ])('refuses %s with the JSON path', (_label, value, message) => {
    expect(() =>
      parseImpactGuardrails(typeof value === 'string' ? value : JSON.stringify(value), 'impact.json'),
    ).toThrow(message);
  });
});
