import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import { examplePolicies } from '../../helpers/paths.js';

/** The example policies and their unit tests, by path inside the policy directory. */
const originals = new Map(
  ['', 'tests/'].flatMap((dir) =>
    readdirSync(join(examplePolicies, dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [`${dir}${f}`, readFileSync(join(examplePolicies, dir, f), 'utf8')] as const),
  ),
);

interface Case {
  name: string;
  file: string;
  /** A text edit that breaks the file. */
  from: RegExp;
  to: string;
  /** Every issue, in reported order, as `file code`; `messages` holds parts of some of their messages by index. */
  expect: string[];
  messages?: Record<number, string>;
}

const plans = ['comp-plan-ae.yaml', 'comp-plan-marketing.yaml', 'comp-plan-sdr.yaml'];

const cases: Case[] = [
  {
    name: 'a tab in the goal: the tab first, then one line per plan that names the goal',
    file: 'revenue-goal.yaml',
    from: /^ {4}target: "/m,
    to: '\ttarget: "',
    expect: ['revenue-goal.yaml yaml.tab-as-indent', ...plans.map((p) => `${p} ref.not-checked`)],
    messages: { 1: 'not checked: RevenueGoal `fy2026-new-business` — revenue-goal.yaml did not parse.' },
  },
  {
    // Valid YAML: `target:` left empty and `max` beside it. One issue, on the slipped line.
    name: 'a key slipped left under an empty one fails the schema: one issue, then the same lines',
    file: 'revenue-goal.yaml',
    from: /^ {6}max: 0\.85/m,
    to: '    max: 0.85',
    expect: ['revenue-goal.yaml schema.unknown-property', ...plans.map((p) => `${p} ref.not-checked`)],
    messages: {
      0: 'Line 22 is indented like `target` on line 21, which has no value, so `max` is read as a key beside it instead of under it.',
      1: 'not checked: RevenueGoal `fy2026-new-business` — revenue-goal.yaml failed its schema.',
    },
  },
  {
    name: 'the funnel does not parse: the lead definition names it, not checked',
    file: 'funnel.yaml',
    from: /^ {2}teams:/m,
    to: '   teams:',
    expect: ['funnel.yaml yaml.bad-indent', 'lead-definition.yaml ref.not-checked'],
    messages: {
      0: 'Line 26 is indented 2 spaces, less than the keys before it (3 spaces, line 12)',
      1: 'not checked: Funnel `lumen-funnel` — funnel.yaml did not parse.',
    },
  },
  {
    name: 'the calendar does not parse: both SLAs on it, not checked',
    file: 'calendar-us.yaml',
    from: /^spec:\n/m,
    to: 'spec:\n\t',
    expect: [
      'calendar-us.yaml yaml.tab-as-indent',
      'sla-sal-acceptance.yaml ref.not-checked',
      'sla-speed-to-lead.yaml ref.not-checked',
    ],
    messages: { 2: 'not checked: Calendar `us-business-hours` — calendar-us.yaml did not parse.' },
  },
  {
    name: 'a failed file of another name does not hide a reference that is really missing',
    file: 'revenue-goal.yaml',
    from: /^ {2}name: fy2026-new-business\n([^]*)^ {4}target: "/m,
    to: '  name: fy2027\n$1\ttarget: "',
    expect: ['revenue-goal.yaml yaml.tab-as-indent', ...plans.map((p) => `${p} ref.policy-missing`)],
    messages: { 1: 'RevenueGoal `fy2026-new-business` does not exist.' },
  },
];

describe('root cause first', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const files = new Map(originals);
    const text = files.get(c.file) ?? '';
    expect(c.from.test(text), 'the edit applies').toBe(true);
    files.set(c.file, text.replace(c.from, c.to));
    const { issues } = loadPolicySources([...files].map(([file, t]) => ({ file, bytes: new TextEncoder().encode(t) })));
    expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(c.expect);
    for (const [index, message] of Object.entries(c.messages ?? {}))
      expect(issues[Number(index)]?.message).toContain(message);
    expect(issues.every((i) => i.code !== 'goal.missing')).toBe(true);
  });
});
