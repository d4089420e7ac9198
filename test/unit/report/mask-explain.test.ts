import { describe, expect, it } from 'vitest';
import type { LeadExplanation } from '../../../src/core/engine/explain.js';
import type { TraceNode } from '../../../src/core/logic/compile.js';
import { maskExplanation } from '../../../src/core/report/mask-explain.js';
import { Pseudonyms } from '../../../src/core/report/mask-pseudonyms.js';
import type { PseudonymDigest } from '../../../src/core/report/mask-pseudonyms.js';

const digest: PseudonymDigest = (kind, id) => `${kind === 'lead' ? 'a' : 'b'}${id.length}`.padEnd(64, '7');

function node(op: string, value: unknown, args: TraceNode[] = []): TraceNode {
  return { path: [], op, value, args };
}
const field = (name: string, value: unknown): TraceNode => node('var', value, [node('value', name)]);

function explanation(rules: TraceNode[], classWhen?: TraceNode): LeadExplanation {
  const classification = {
    class: 'mql',
    reason: 'threshold' as const,
    fit: 10,
    engagement: 0,
    score: 10,
    engagementRaw: 0,
    decayFactor: 1,
  };
  // Both views share the class's trace, as explainLead builds them.
  const classes = classWhen === undefined ? [] : [{ id: 'mql', path: [], isMet: true, checks: [], when: classWhen }];
  return {
    leadId: 'L-1',
    policy: 'p',
    file: 'p.yaml',
    asOf: 0,
    classification,
    rules: rules.map((when, i) => ({ section: 'fit', id: `r${i}`, path: [], isMatched: true, when })),
    classes,
    replay: { classification, classes: classes.map((c) => ({ ...c })), reportedBy: ['evaluate', 'impact'] },
    asOfReportedBy: ['explain', 'test'],
    isSameClass: true,
  };
}

describe('maskExplanation', () => {
  it('shows the lead and its owner as the pseudonyms other masked outputs give them', () => {
    const masked = maskExplanation(
      explanation([node('==', false, [field('owner_id', 'U007'), field('id', 'L-1')])]),
      digest,
    );
    expect(masked.isMasked).toBe(true);
    expect(masked.leadId).toBe(new Pseudonyms('lead', digest).of('L-1'));
    expect(masked.rules[0]!.when!.args.map((a) => a.value)).toEqual([
      new Pseudonyms('person', digest).of('U007'),
      masked.leadId,
    ]);
  });

  it('masks a class condition in both views, the replay and the as-of, once each', () => {
    const when = node('==', true, [field('id', 'L-1'), node('value', 'x')]);
    const source = explanation([], when);
    const separate = { ...source, replay: { ...source.replay, classes: structuredClone(source.classes) } };
    for (const e of [source, separate]) {
      const masked = maskExplanation(e, digest);
      expect(masked.classes[0]!.when!.args[0]!.value).toBe(masked.leadId);
      expect(masked.replay.classes[0]!.when!.args[0]!.value).toBe(masked.leadId);
    }
  });

  it('hides identifying values and every text built from them, keeps numbers, categories and results', () => {
    const rule = node('and', true, [
      node('in', false, [field('email_domain', 'acme.io'), node('value', ['gmail.com'])]),
      node('==', true, [node('lower', 'jane@acme.io', [field('email', 'Jane@acme.io')]), node('value', 'x')]),
      node('>=', true, [field('employee_count', 450), node('value', 200)]),
      node('==', true, [field('segment', 'smb'), node('value', 'smb')]),
      node('var', 'Acme Corp', [node('cat', 'company', [node('value', 'comp'), node('value', 'any')])]),
    ]);
    const masked = maskExplanation(explanation([rule]), digest);
    const text = JSON.stringify(masked.rules);
    expect(text).not.toMatch(/acme|jane|Acme/i);
    const [domain, email, size, segment, dynamic] = masked.rules[0]!.when!.args;
    expect(domain!.args[0]!.value).toBe('***');
    expect(domain!.value).toBe(false);
    expect(email!.args[0]!.value).toBe('***');
    expect(size!.args[0]!.value).toBe(450);
    expect(segment!.args[0]!.value).toBe('smb');
    expect(dynamic!.value).toBe('***');
  });

  it('hides what a rule reads from a list element or a path it built (var "", current, a.b): it may be an identifying value', () => {
    // some([email_domain], "" == "x"): the element is the domain itself.
    const rule = node('some', false, [
      node('array', ['acme.io'], [field('email_domain', 'acme.io')]),
      node('==', false, [field('', 'acme.io'), node('value', 'x')]),
      node('reduce', 'jane', [
        field('current', 'jane'),
        field('accumulator', 'jane'),
        field('company.name', 'Acme Corp'),
      ]),
    ]);
    const masked = maskExplanation(explanation([rule]), digest);
    expect(JSON.stringify(masked.rules)).not.toMatch(/acme|jane/i);
    const [, compare] = masked.rules[0]!.when!.args;
    expect(compare!.args[0]!.value).toBe('***');
    expect(compare!.value).toBe(false);
  });

  it('hides a number computed from an identifier (an id read as a number), and keeps points chosen by a yes/no on one', () => {
    const rule = node('and', true, [
      node('>', true, [node('+', 51234567, [field('id', '51234567')]), node('value', 0)]),
      node('some', true, [
        node('array', [51234567], [node('*', 51234567, [field('owner_id', '51234567'), node('value', 1)])]),
        node('>', true, [field('', 51234567), node('value', 0)]),
      ]),
    ]);
    const points = node('if', 10, [
      node('in', true, [node('value', 'gmail'), field('email', 'x@gmail.com')]),
      node('value', 10),
      node('value', 0),
    ]);
    const masked = maskExplanation(explanation([rule, points]), digest);
    expect(JSON.stringify(masked.rules)).not.toMatch(/51234567|gmail\.com/);
    expect(masked.rules[0]!.when!.value).toBe(true);
    expect(masked.rules[1]!.when!.value).toBe(10);
  });
});
