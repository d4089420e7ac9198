import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import { examplePolicies } from '../../helpers/paths.js';

const originals = new Map(
  readdirSync(examplePolicies)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(join(examplePolicies, f), 'utf8')] as const),
);

type Edit = { file: string; path: (string | number)[]; value?: unknown };

interface Case {
  name: string;
  edits: Edit[];
  /** `file code` of every issue; [] when the set stays valid. */
  expect: string[];
  message?: string;
  hint?: string;
}

const marketing = 'comp-plan-marketing.yaml';
const components = (...parts: [string, number][]) =>
  parts.map(([metric, weight], i) => ({ id: `c${i}`, metric, weight }));
/** The plan of the issue: it names the shared goal but pays on MQL-side volume only, with no gate. */
const misaligned: Edit[] = [
  {
    file: marketing,
    path: ['spec', 'components'],
    value: components(['sal_count', 0.5], ['sourced_pipeline_amount', 0.5]),
  },
  { file: marketing, path: ['spec', 'gates'] },
];

const cases: Case[] = [
  {
    name: 'a marketing plan paid 100 % on sal_count and sourced pipeline, no gate',
    edits: misaligned,
    expect: [`${marketing} comp.shared-outcome`],
    message:
      'This marketing plan pays 100 % on sal_count (50 %), sourced_pipeline_amount (50 %), 0 % on the shared goal or the constraint metric, and no gate on them holds the rest back; the RevenueGoal asks for at least 30 %.',
    hint: 'Move at least 30 % of the weights to components on `goal_attainment`, `won_amount`, `sourced_won_amount`, `constraint_target_met`',
  },
  {
    name: 'the same plan gated by 70 % of the shared goal for every component',
    edits: [
      ...misaligned,
      { file: marketing, path: ['spec', 'gates'], value: [{ id: 'floor', metric: 'goal_attainment', min: 0.7 }] },
    ],
    expect: [],
  },
  {
    name: 'the same plan gated on the constraint for both of its components',
    edits: [
      ...misaligned,
      {
        file: marketing,
        path: ['spec', 'gates'],
        value: [{ id: 'floor', metric: 'constraint_target_met', min: 1, components: ['c0', 'c1'] }],
      },
    ],
    expect: [],
  },
  {
    name: 'a gate that holds back only one of the two components is no gate on the plan',
    edits: [
      ...misaligned,
      {
        file: marketing,
        path: ['spec', 'gates'],
        value: [{ id: 'floor', metric: 'goal_attainment', min: 0.7, components: ['c0'] }],
      },
    ],
    expect: [`${marketing} comp.shared-outcome`],
  },
  {
    name: 'a gate on a volume metric does not tie the plan to the outcome',
    edits: [
      ...misaligned,
      { file: marketing, path: ['spec', 'gates'], value: [{ id: 'floor', metric: 'sal_count', min: 0.7 }] },
    ],
    expect: [`${marketing} comp.shared-outcome`],
  },
  {
    name: 'exactly the share (0.1 + 0.2 on the outcome, summed exactly) passes',
    edits: [
      {
        file: marketing,
        path: ['spec', 'components'],
        value: components(['sal_count', 0.7], ['goal_attainment', 0.1], ['constraint_target_met', 0.2]),
      },
      { file: marketing, path: ['spec', 'gates'] },
    ],
    expect: [],
  },
  {
    name: 'just under the share fails, naming both sides of the split',
    edits: [
      { file: marketing, path: ['spec', 'components'], value: components(['sal_count', 0.71], ['won_amount', 0.29]) },
      { file: marketing, path: ['spec', 'gates'] },
    ],
    expect: [`${marketing} comp.shared-outcome`],
    message: 'pays 71 % on sal_count (71 %), 29 % on the shared goal or the constraint metric — won_amount (29 %)',
  },
  {
    name: 'the goal raises the share to 0.5: the SDR plan (40 % on the outcome, no gate) fails',
    edits: [{ file: 'revenue-goal.yaml', path: ['spec', 'sharedOutcome'], value: { minShare: 0.5 } }],
    expect: ['comp-plan-sdr.yaml comp.shared-outcome'],
    message: 'the RevenueGoal asks for at least 50 %.',
  },
  {
    name: 'a share of 0 turns the rule off',
    edits: [...misaligned, { file: 'revenue-goal.yaml', path: ['spec', 'sharedOutcome'], value: { minShare: 0 } }],
    expect: [],
  },
  {
    name: 'a share written as a percent is refused by the schema',
    edits: [{ file: 'revenue-goal.yaml', path: ['spec', 'sharedOutcome'], value: { minShare: 30 } }],
    expect: [
      'revenue-goal.yaml schema.maximum',
      ...['ae', 'marketing', 'sdr'].map((p) => `comp-plan-${p}.yaml ref.not-checked`),
    ],
  },
];

describe('shared-outcome lint', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const files = new Map(originals);
    for (const edit of c.edits) {
      const doc = parseDocument(files.get(edit.file) ?? '');
      if (edit.value === undefined) doc.deleteIn(edit.path);
      else doc.setIn(edit.path, doc.createNode(edit.value));
      files.set(edit.file, doc.toString());
    }
    const { issues } = loadPolicySources(
      [...files].map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
    );
    expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(c.expect);
    if (c.message !== undefined) expect(issues[0]?.message).toContain(c.message);
    if (c.hint !== undefined) expect(issues[0]?.hint).toContain(c.hint);
    for (const issue of issues) expect(issue.line).toBeGreaterThan(0);
  });
});
