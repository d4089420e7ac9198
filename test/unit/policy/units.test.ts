import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import { examplePolicies } from '../../helpers/paths.js';

interface Change {
  path: (string | number)[];
  value: unknown;
}

interface Case {
  name: string;
  file: string;
  set: Change | Change[];
  expect: { code: string; path: string; at: string; hint?: string };
}

const cases = parse(readFileSync(new URL('./units.cases.yaml', import.meta.url), 'utf8')) as Case[];
const originals = new Map(
  readdirSync(examplePolicies)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, readFileSync(`${examplePolicies}/${f}`, 'utf8')] as const),
);

function load(files: Map<string, string>) {
  return loadPolicySources([...files].map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })));
}

/** Where `at` is in the text, found without the locator under test: its line, and the column after `: `. */
function findPosition(text: string, at: string): { line: number; column: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(at));
  expect(index, `\`${at}\` is in the changed file`).toBeGreaterThanOrEqual(0);
  return { line: index + 1, column: lines[index]!.indexOf(at) + at.indexOf(': ') + 3 };
}

describe('unit sanity', () => {
  it('finds nothing wrong with the example policies', () => {
    expect(load(originals).issues).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = parseDocument(originals.get(c.file) ?? '');
    for (const change of Array.isArray(c.set) ? c.set : [c.set]) doc.setIn(change.path, doc.createNode(change.value));
    const text = doc.toString();
    const { issues } = load(new Map(originals).set(c.file, text));

    expect(issues.map((i) => ({ file: i.file, code: i.code, path: i.path, severity: i.severity }))).toEqual([
      { file: c.file, code: c.expect.code, path: c.expect.path, severity: 'error' },
    ]);
    const issue = issues[0]!;
    expect({ line: issue.line, column: issue.column }).toEqual(findPosition(text, c.expect.at));
    if (c.expect.hint !== undefined) expect(issue.hint).toContain(c.expect.hint);
  });
});
