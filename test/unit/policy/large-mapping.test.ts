import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../src/core/issue.js';
import { loadPolicySources } from '../../../src/core/policy/load.js';
import { formatPolicyText } from '../../../src/core/policy/format.js';
import { parsePolicyFile } from '../../../src/core/policy/parse.js';

// 40k keys fit well under the 1 MiB file limit. Duplicate-key detection (yaml's own check
// compared each key with every earlier one), locating each issue and the unknown-key checks
// were quadratic in the mapping's size: these files took from 20 s to minutes. Each finishes
// in a fraction of a second now, so the generous timeout below only catches a relapse.
const KEYS = 40_000;
const TIMEOUT = 30_000;
const head = 'apiVersion: revops/v1\nkind: Calendar\nmetadata:\n  name: cal\nspec:\n  timeZone: UTC\n';
const HEAD_LINES = 6;

function fileOf(lines: (i: number) => string): Uint8Array {
  return new TextEncoder().encode(head + Array.from({ length: KEYS }, (_, i) => lines(i)).join(''));
}

describe('a mapping of 40k keys', () => {
  it('reports every repeated key, located with its first use and its path', { timeout: TIMEOUT }, () => {
    const issues: Issue[] = [];
    // k0..k19999, then k0..k19999 again: 20,000 repeats.
    const parsed = parsePolicyFile(
      'cal.yaml',
      fileOf((i) => `  k${i % (KEYS / 2)}: 1\n`),
      issues,
    );
    expect(parsed.data).toBeUndefined();
    expect(issues).toHaveLength(KEYS / 2);
    expect(issues.every((i) => i.code === 'yaml.duplicate-key')).toBe(true);
    const last = issues[issues.length - 1];
    expect(last).toMatchObject({ line: HEAD_LINES + KEYS, column: 3, path: `/spec/k${KEYS / 2 - 1}` });
    expect(last?.message).toBe(
      `Key \`k${KEYS / 2 - 1}\` is used twice in this mapping (first at ${HEAD_LINES + KEYS / 2}:3).`,
    );
  });

  it('reports every unknown key, the shown ones located, the rest counted', { timeout: TIMEOUT }, () => {
    const result = loadPolicySources([{ file: 'cal.yaml', bytes: fileOf((i) => `  k${i}: 1\n`) }]);
    const unknown = result.issues.filter((i) => i.code === 'schema.unknown-property');
    // 40,000 unknown keys and 3 missing properties (metadata's owner and description, spec's
    // workingHours), in file order: the missing ones and k0..k196 shown, the rest counted.
    expect(unknown).toHaveLength(197);
    expect(unknown[196]).toMatchObject({ line: HEAD_LINES + 197, column: 3, path: '/spec/k196' });
    expect(result.issues.filter((i) => i.code === 'schema.missing-property').map((i) => i.line)).toEqual([3, 3, 5]);
    expect(result.issues.find((i) => i.code === 'file.too-many-issues')?.message).toBe(
      `${KEYS + 3 - 200} more issues in this file are not shown.`,
    );
  });

  it('finds a value of the wrong type at the end of a long mapping', { timeout: TIMEOUT }, () => {
    const lines =
      'apiVersion: revops/v1\nkind: Calendar\nmetadata:\n  name: cal\n  labels:\n' +
      Array.from({ length: KEYS }, (_, i) => `    k${i}: v\n`).join('') +
      '    last: 7\nspec:\n  timeZone: UTC\n  workingHours: []\n';
    const result = loadPolicySources([{ file: 'cal.yaml', bytes: new TextEncoder().encode(lines) }]);
    const retyped = result.issues.find((i) => i.path === '/metadata/labels/last');
    expect(retyped).toMatchObject({ code: 'schema.type', line: 6 + KEYS, column: 11 });
    expect(retyped?.hint).toContain("Quote it: `'7'`");
  });
});

// fmt parses the file several times (render, stability, loss check): half the keys keep it short.
const FMT_KEYS = KEYS / 2;

describe('fmt on a mapping of 20k keys', () => {
  it('reorders the known keys and keeps every other one, in order', { timeout: TIMEOUT }, () => {
    // `spec` before `metadata`: fmt puts the schema's keys in order and keeps the unknown ones after them.
    const text =
      'apiVersion: revops/v1\nkind: Calendar\nspec:\n  timeZone: UTC\n' +
      Array.from({ length: FMT_KEYS }, (_, i) => `  k${i}: 1\n`).join('') +
      'metadata:\n  name: cal\n';
    const outcome = formatPolicyText(text, 'cal.yaml');
    expect(outcome.status).toBe('changed');
    const lines = outcome.output?.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual(['apiVersion: revops/v1', 'kind: Calendar', 'metadata:', '  name: cal']);
    expect(lines.filter((l) => /^ {2}k\d+: 1$/.test(l))).toEqual(
      Array.from({ length: FMT_KEYS }, (_, i) => `  k${i}: 1`),
    );
  });
});
