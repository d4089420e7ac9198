import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import { examplePolicies } from '../../helpers/paths.js';

interface Case {
  name: string;
  file: string;
  replaceWith?: string;
  set?: { path: (string | number)[]; value: unknown };
  delete?: (string | number)[];
  expect: { code: string; path: string; severity?: 'error' | 'warning'; hint?: string; file?: string }[];
}

const cases = parse(readFileSync(new URL('./checks.cases.yaml', import.meta.url), 'utf8')) as Case[];
/** The example policies and their unit tests (`tests/…`), by path inside the policy directory. */
const originals = new Map(
  ['', 'tests/'].flatMap((dir) =>
    readdirSync(join(examplePolicies, dir))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [`${dir}${f}`, readFileSync(join(examplePolicies, dir, f), 'utf8')] as const),
  ),
);

function load(files: Map<string, string>) {
  return loadPolicySources([...files].map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })));
}

describe('semantic checks', () => {
  it('find nothing wrong with the example policies', () => {
    expect(load(originals).issues).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const files = new Map(originals);
    const doc = parseDocument(originals.get(c.replaceWith ?? c.file) ?? '');
    if (c.set !== undefined) doc.setIn(c.set.path, doc.createNode(c.set.value));
    if (c.delete !== undefined) doc.deleteIn(c.delete);
    files.set(c.file, doc.toString());

    const { issues } = load(files);
    const found = issues.map((i) => ({ file: i.file, code: i.code, path: i.path, severity: i.severity }));
    expect(found).toEqual(
      c.expect.map((e) => ({ file: e.file ?? c.file, code: e.code, path: e.path, severity: e.severity ?? 'error' })),
    );
    for (const [i, expected] of c.expect.entries()) {
      const issue = issues[i]!;
      expect(issue.line, 'every semantic issue points into the file').toBeGreaterThan(0);
      if (expected.hint !== undefined) expect(issue.hint).toContain(expected.hint);
    }
  });
});
