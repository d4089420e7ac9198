import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImpactGuardrails } from '../../../src/github/impact-guardrails.js';
import { fixturesDir } from '../../helpers/paths.js';

type Json = Record<string, unknown>;

const fixtureText = readFileSync(join(fixturesDir, 'github', 'impact-constraint-crossed.json'), 'utf8');
const headSha = '3f786850e387550fdab836ed7e6dc881de23001b';

/** The fixture report (a whole report as `revops impact --format json` writes it), changed by `edit`. */
function reportWith(edit: (report: Json & { guardrails: Json[]; head: Json }) => void): string {
  const report = JSON.parse(fixtureText) as Json & { guardrails: Json[]; head: Json };
  edit(report);
  return JSON.stringify(report);
}
const parse = (text: string) => parseImpactGuardrails(text, 'impact.json');
const firstGuardrail = (r: { guardrails: Json[] }): Json => r.guardrails[0] as Json;
const firstApprovers = (r: { guardrails: Json[] }): Json => firstGuardrail(r).approvers as Json;

describe('parseImpactGuardrails', () => {
  it('reads the fixture report with its approvers', () => {
    expect(parse(fixtureText)).toEqual({
      headSha,
      guardrails: [
        {
          id: 'constraint-overload',
          description: 'The constraint stage must not run above capacity',
          isCrossed: true,
          reason: 'constraint_utilisation 1.04 is above 1',
          approvers: { users: ['vp-sales'], teams: ['org/people-ops'], requires: 'any', minApprovals: 1 },
        },
        {
          id: 'payout-cost',
          description: 'Payout cost may not grow more than 5 %',
          isCrossed: false,
          reason: 'not crossed',
          approvers: { users: ['cfo'], teams: [], requires: 'any', minApprovals: 1 },
        },
      ],
    });
  });

  it('refuses a report without its head commit or its guardrails: a partial report would judge any head as nothing crossed', () => {
    expect(() => parse(reportWith((r) => void delete (r as Json).head))).toThrow(
      /^impact\.json is not a valid impact report:\n {2}head is missing/,
    );
    expect(() => parse(reportWith((r) => void (r.head.sha = null)))).toThrow(/head\.sha must be a full commit SHA/);
    expect(() => parse(reportWith((r) => void delete (r as Json).guardrails))).toThrow(/guardrails is missing/);
    expect(parse(reportWith((r) => void (r.guardrails = [])))).toEqual({ headSha, guardrails: [] });
  });

  it('strips control, escape and bidi characters from text shown in logs', () => {
    const name = 'up\u001b[31m\u202e 5 %\nnow';
    const crossings = [{ code: 'policies-changed', policies: [{ kind: 'CompPlan', name }] }];
    const parsed = parse(reportWith((r) => void (firstGuardrail(r).crossings = crossings)));
    expect(parsed.guardrails[0]?.reason).toBe('changed: CompPlan up [31m  5 % now');
  });

  it.each([
    ['not JSON', '{', /impact\.json is not JSON/],
    ['another kind', reportWith((r) => void (r.kind = 'report')), /kind must be "impact", not the string "report"/],
    [
      'another schema version',
      reportWith((r) => void (r.schemaVersion = 2)),
      /schemaVersion must be 1, not the number 2/,
    ],
    [
      'a short head SHA',
      reportWith((r) => void (r.head.sha = 'abc')),
      /head\.sha is the string "abc", which is not of the expected form\. Expected: The full commit SHA/,
    ],
    [
      'guardrails that are not a list',
      reportWith((r) => void ((r as Json).guardrails = {})),
      /guardrails must be a list, not an object/,
    ],
    [
      'a missing isCrossed',
      reportWith((r) => void delete firstGuardrail(r).isCrossed),
      /guardrails\[0\]\.isCrossed is missing\. Expected: Whether the change crosses it/,
    ],
    [
      'a crossed guardrail without a crossing (or the flag would say one thing and the reason another)',
      reportWith((r) => void (firstGuardrail(r).crossings = [])),
      /guardrails\[0\]\.isCrossed must be false when it has 0 crossings/,
    ],
    [
      'a crossing on a guardrail marked not crossed',
      reportWith((r) => void ((r.guardrails[1] as Json).crossings = firstGuardrail(r).crossings)),
      /guardrails\[1\]\.isCrossed must be true when it has 1 crossings/,
    ],
    [
      'a duplicate id',
      reportWith((r) => void (r.guardrails[1] = { ...firstGuardrail(r) })),
      /guardrails\[1\]\.id must be unique/,
    ],
    [
      'a user that is not a login',
      reportWith((r) => void (firstApprovers(r).users = ['../admin'])),
      /guardrails\[0\]\.approvers\.users\[0\] is the string "\.\.\/admin", which is not of the expected form\. Expected: A GitHub user login/,
    ],
    [
      'a team without its org',
      reportWith((r) => void (firstApprovers(r).teams = ['people-ops'])),
      /guardrails\[0\]\.approvers\.teams\[0\] is the string "people-ops", which is not of the expected form\. Expected: A GitHub team as `org\/team-slug`/,
    ],
    [
      'minApprovals 0',
      reportWith((r) => void (firstApprovers(r).minApprovals = 0)),
      /guardrails\[0\]\.approvers\.minApprovals is the number 0, which must be >= 1\. Expected: How many different people must approve/,
    ],
    [
      'a report that is a list',
      '[]',
      /impact\.json is not an impact report:\n {2}the report must be an object, not a list\./,
    ],
  ])('refuses %s with the JSON path', (_label, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  // Each of these passed the hand-written check that came before the schema.
  it.each([
    ['a report without its figures', reportWith((r) => void delete r.stages), /stages is missing/],
    [
      'a money figure written as a float',
      reportWith((r) => void ((r.comp as { total: Json[] }).total[0]!.delta = -1350)),
      /comp\.total\[0\]\.delta must be a string, not the number -1350/,
    ],
    [
      'a crossed guardrail without approvers',
      reportWith((r) => void delete firstGuardrail(r).approvers),
      /guardrails\[0\]\.approvers is missing/,
    ],
    [
      'a misspelt key where the gate reads (minApprovals would have fallen back to 1)',
      reportWith((r) => {
        delete firstApprovers(r).minApprovals;
        firstApprovers(r).minApproval = 3;
      }),
      /guardrails\[0\]\.approvers has an unknown key "minApproval": guardrails\[0\]\.approvers decides a merge/,
    ],
    [
      'an unknown key beside the head SHA',
      reportWith((r) => void (r.head.trustedSha = headSha)),
      /head has an unknown key "trustedSha"/,
    ],
    [
      'a prototype key in a guardrail',
      reportWith(
        (r) => void (firstGuardrail(r).approvers = { users: ['cfo'], teams: [], requires: 'any', minApprovals: 1 }),
      ).replace('"users":["cfo"]', '"__proto__":{"minApprovals":100},"users":["cfo"]'),
      /guardrails\[0\]\.approvers has an unknown key "__proto__"/,
    ],
    [
      'a prototype key among the figures',
      fixtureText.replace('"stages": [\n    {', '"stages": [\n    {"constructor": {"x": 1},'),
      /stages\[0\] has the key "constructor", which could reach an object prototype/,
    ],
    [
      'more approvers than a guardrail may list (each costs GitHub requests)',
      reportWith((r) => void (firstApprovers(r).teams = Array.from({ length: 21 }, (_, i) => `org/team-${i}`))),
      /guardrails\[0\]\.approvers\.teams is a list, which must NOT have more than 20 items/,
    ],
    [
      'minApprovals above what a policy allows',
      reportWith((r) => void (firstApprovers(r).minApprovals = 50)),
      /minApprovals is the number 50, which must be <= 10/,
    ],
    [
      'requires all with fewer approvals than listed approvers',
      reportWith((r) => {
        firstApprovers(r).requires = 'all';
        firstApprovers(r).minApprovals = 1;
      }),
      /guardrails\[0\]\.approvers\.minApprovals must be 2 \(one per listed approver\) when it requires all/,
    ],
    [
      'an approval rule that is neither any nor all',
      reportWith((r) => void (firstApprovers(r).requires = 'most')),
      /guardrails\[0\]\.approvers\.requires/,
    ],
    [
      'a guardrail id no policy can have',
      reportWith((r) => void (firstGuardrail(r).id = 'Gate:1')),
      /guardrails\[0\]\.id is the string "Gate:1", which is not of the expected form/,
    ],
  ])('refuses %s', (_label, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('quotes a hostile key or value in its message: no control character, no line a CI log would run as a command', () => {
    const text = reportWith((r) => {
      firstGuardrail(r)['\n::error::owned\u001b[31m'] = 1;
      r.head.sha = '\n::add-mask::\u202e';
    });
    expect(() => parse(text)).toThrow(/has an unknown key "\\n::error::owned\\u001b\[31m"/);
    const message = (() => {
      try {
        return String(parse(text));
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).not.toMatch(/^::/m);
    // eslint-disable-next-line no-control-regex
    expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it('lists at most ten problems, then how many more', () => {
    const text = reportWith((r) => {
      r.guardrails = Array.from({ length: 12 }, (_, i) => ({ ...firstGuardrail(r), id: `g${i}`, isCrossed: 'yes' }));
    });
    const message = (() => {
      try {
        parse(text);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split('\n').filter((l) => l.includes('isCrossed must be true or false'))).toHaveLength(10);
    expect(message).toContain('  and 2 more\n');
    expect(message).toMatch(/Pass the JSON that `revops impact --format json` wrote, unchanged/);
  });

  it('ignores a key a newer version adds outside the gate (adding a figure does not break older readers)', () => {
    const text = reportWith((r) => {
      r.newSection = { wonRevenue: '1.00' };
      (r.projection as Json).newFigure = 1;
      (r.stages as Json[])[0]!.newFigure = 1;
    });
    expect(parse(text).headSha).toBe(headSha);
  });
});
