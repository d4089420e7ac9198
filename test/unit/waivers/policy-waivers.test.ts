import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import { countBySeverity } from '../../../src/core/issue.js';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import { applyPolicyWaivers } from '../../../src/core/waivers/policy-waivers.js';
import { examplePolicies } from '../../helpers/paths.js';

interface Case {
  name: string;
  break?: string;
  mutate?: { file: string; path: (string | number)[]; value: unknown };
  today: string;
  expired?: 'error' | 'warning';
  waivers: unknown[];
  expect: { file: string; code: string; severity: string; path: string; hint?: string; waived?: boolean }[];
}

const cases = parse(readFileSync(new URL('./policy-waivers.cases.yaml', import.meta.url), 'utf8')) as Case[];
const originals = new Map(
  readdirSync(examplePolicies)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(`${examplePolicies}/${f}`, 'utf8')] as const),
);

function edit(text: string, path: (string | number)[], value: unknown): string {
  const doc = parseDocument(text);
  doc.setIn(path, doc.createNode(value));
  return doc.toString();
}

function loadCase(c: Case) {
  const files = new Map(originals);
  if (c.break !== undefined)
    files.set(
      'lead-definition.yaml',
      edit(files.get('lead-definition.yaml')!, ['spec', 'exclusions', 0, 'when'], { '==': [{ var: c.break }, true] }),
    );
  if (c.mutate !== undefined) files.set(c.mutate.file, edit(files.get(c.mutate.file)!, c.mutate.path, c.mutate.value));
  const waiver = {
    apiVersion: 'revops/v1',
    kind: 'Waiver',
    metadata: { name: 'known-findings', owner: 'revops', description: 'Accepted for now.' },
    spec: { waivers: c.waivers },
  };
  files.set('waivers.yaml', stringify(waiver));
  const loaded = loadPolicySources([...files].map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })));
  return applyPolicyWaivers(loaded, { today: c.today, dir: '.', expired: c.expired ?? 'error' });
}

const byPlace = (a: { file: string; code: string; path: string }, b: typeof a): number =>
  `${a.file} ${a.path} ${a.code}`.localeCompare(`${b.file} ${b.path} ${b.code}`);

describe('waivers of validate findings', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = loadCase(c);
    const found = result.issues
      .map((i) => ({ file: i.file, code: i.code, severity: i.severity, path: i.path, waived: i.waiver !== undefined }))
      .sort(byPlace);
    const wanted = c.expect
      .map((e) => ({ file: e.file, code: e.code, severity: e.severity, waived: e.waived === true, path: e.path }))
      .sort(byPlace);
    expect(found).toEqual(wanted);
    for (const e of c.expect.filter((e) => e.hint !== undefined))
      expect(result.issues.find((i) => i.code === e.code)?.hint).toContain(e.hint);
    for (const issue of result.issues) expect(issue.line, `${issue.code} is located`).toBeGreaterThan(0);
    // A waived finding carries who accepted it, until when and why, and counts as neither error nor warning.
    const waived = result.issues.filter((i) => i.waiver !== undefined);
    for (const issue of waived) {
      const entry = (c.waivers as { owner: string; reason: string; expires: string }[])[0]!;
      expect(issue.waiver).toEqual({
        policy: 'known-findings',
        owner: entry.owner,
        reason: entry.reason,
        expires: entry.expires,
      });
    }
    const counted = result.issues.filter((i) => i.waiver === undefined);
    expect(countBySeverity(result.issues)).toEqual(countBySeverity(counted));
    expect(result.files.find((f) => f.file === 'lead-definition.yaml')).toMatchObject(
      countBySeverity(counted.filter((i) => i.file === 'lead-definition.yaml')),
    );
  });
});
