import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { findFormatLoss, formatPolicyText, listComments } from '../../../src/core/policy/format.js';
import type * as FormatRender from '../../../src/core/policy/format-render.js';
import { safeYamlOptions } from '../../../src/core/policy/parse.js';
import { examplePolicies, fixturesDir } from '../../helpers/paths.js';

const scenario = join(fixturesDir, 'fmt', 'comments-everywhere');
const input = readFileSync(join(scenario, 'input.yaml'), 'utf8');
const expected = readFileSync(join(scenario, 'expected.yaml'), 'utf8');

const readData = (text: string): unknown => parse(text.replace(/^\uFEFF/, ''), safeYamlOptions);
const sorted = (items: string[]): string[] => [...items].sort();
const keysOf = (value: unknown): string[] => Object.keys(value as object);

/** A small Calendar policy with its metadata keys out of order. */
const calendar = [
  'apiVersion: revops/v1',
  'kind: Calendar',
  'metadata:',
  '  owner: revops   # the team',
  '  name: us',
  '  description: US business hours.',
  'spec:',
  '  timeZone: America/New_York',
  '',
].join('\n');

describe('formatPolicyText on a file with comments in tricky places', () => {
  const outcome = formatPolicyText(input, 'input.yaml');

  it('produces the reviewed canonical form', () => {
    expect(outcome.status).toBe('changed');
    expect(outcome.output).toBe(expected);
  });

  it('keeps every comment, the header first', () => {
    const output = outcome.output ?? '';
    expect(sorted(listComments(output))).toEqual(sorted(listComments(input)));
    // 17 comments; the `#` inside the literal block is text, not a comment.
    expect(listComments(input)).toHaveLength(17);
    expect(listComments(input).some((comment) => comment.includes('not a comment'))).toBe(false);
    expect(output.startsWith('# yaml-language-server: $schema=../../../../schemas/funnel.schema.json\n#\n')).toBe(true);
    expect(output).toContain('      owner: sdr        # trailing on a key that moves down\n');
    expect(output).toContain('        perPersonPerWeek: 45.50   # written as it was\n');
  });

  it('reads as the same data, with keys in schema order and unknown keys after them', () => {
    const before = readData(input) as Record<string, Record<string, unknown>>;
    const after = readData(outcome.output ?? '') as Record<string, Record<string, unknown>>;
    expect(after).toEqual(before);
    expect(keysOf(before)).toEqual(['kind', 'apiVersion', 'spec', 'metadata']);
    expect(keysOf(after)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(keysOf(after.metadata)).toEqual(['name', 'owner', 'description', 'labels', 'title', 'reviewed']);
    // Labels are free-form data (`additionalProperties`): their order is the author's.
    expect(keysOf(after.metadata?.labels)).toEqual(['country', 'version', 'zip', 'plain']);
    expect(keysOf(after.spec)).toEqual(['teams', 'events', 'stages']);
    const stages = after.spec?.stages as Record<string, unknown>[];
    expect(keysOf(stages[0])).toEqual(['id', 'description', 'owner', 'entry', 'capacity']);
    expect(keysOf(stages[0]?.capacity)).toEqual(['headcount', 'perPersonPerWeek', 'unit']);
  });

  it('keeps quoting that carries meaning', () => {
    const output = outcome.output ?? '';
    expect(output).toContain("    country: 'NO'\n");
    expect(output).toContain('    version: "1.10"\n');
    expect(output).toContain("    zip: '01234'\n");
    const labels = (readData(output) as { metadata: { labels: Record<string, unknown> } }).metadata.labels;
    expect(labels).toEqual({ country: 'NO', version: '1.10', zip: '01234', plain: 'yes' });
  });

  it('keeps a hand-wrapped folded paragraph and a literal block as written', () => {
    expect(outcome.output).toContain(
      '        A folded paragraph the author wrapped by hand,\n        which stays wrapped where it was.\n',
    );
    expect(outcome.output).toContain('        A literal block # not a comment\n          keeps its indentation.\n');
  });

  it('is idempotent', () => {
    expect(formatPolicyText(expected, 'expected.yaml')).toEqual({ status: 'unchanged' });
  });
});

describe('formatPolicyText on the example policies', () => {
  const files = readdirSync(examplePolicies).filter((name) => name.endsWith('.yaml'));

  it.each(files)('%s: formats without loss and reaches a fixed point', (name) => {
    const text = readFileSync(join(examplePolicies, name), 'utf8');
    const outcome = formatPolicyText(text, name);
    expect(['unchanged', 'changed']).toContain(outcome.status);
    const output = outcome.output ?? text;
    expect(readData(output)).toEqual(readData(text));
    expect(sorted(listComments(output))).toEqual(sorted(listComments(text)));
    expect(formatPolicyText(output, name).status).toBe('unchanged');
  });
});

describe('formatPolicyText details', () => {
  it('orders keys and keeps a UTF-8 BOM and CRLF line endings', () => {
    const text = '\uFEFF' + calendar.replace(/\n/g, '\r\n');
    const outcome = formatPolicyText(text, 'calendar.yaml');
    expect(outcome.status).toBe('changed');
    const output = outcome.output ?? '';
    expect(output.startsWith('\uFEFFapiVersion: revops/v1\r\n')).toBe(true);
    expect(output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(output).toContain(
      'metadata:\r\n  name: us\r\n  owner: revops   # the team\r\n  description: US business hours.\r\n',
    );
    expect(output.endsWith('timeZone: America/New_York\r\n')).toBe(true);
    expect(formatPolicyText(output, 'calendar.yaml').status).toBe('unchanged');
  });

  it('ends the file with exactly one newline', () => {
    const missing = formatPolicyText(calendar.trimEnd(), 'a.yaml').output ?? '';
    const extra = formatPolicyText(`${calendar}\n\n\n`, 'a.yaml').output ?? '';
    expect(missing.endsWith('America/New_York\n')).toBe(true);
    expect(extra).toBe(missing);
  });

  it('indents with two spaces and indents block sequences under their key', () => {
    const text =
      'apiVersion: revops/v1\nkind: Funnel\nmetadata:\n    name: f\n    owner: o\n    description: d\nspec:\n    teams:\n    -   id: a\n        function: sales\n';
    expect(formatPolicyText(text, 'f.yaml').output).toBe(
      'apiVersion: revops/v1\nkind: Funnel\nmetadata:\n  name: f\n  owner: o\n  description: d\nspec:\n  teams:\n    - id: a\n      function: sales\n',
    );
  });

  it('writes numbers, escapes and flow collections as the source spells them', () => {
    const text = `${calendar}  extra: [1.50, +12, .5, 1E3, "\\u00e9", 'it''s', ~]\n`;
    const outcome = formatPolicyText(text, 'a.yaml');
    expect(outcome.output).toContain(`  extra: [1.50, +12, .5, 1E3, "\\u00e9", 'it''s', ~]\n`);
  });

  it('reports a syntax error with its position and formats nothing', () => {
    const outcome = formatPolicyText(`${calendar}  holidays: [\n`, 'broken.yaml');
    expect(outcome.status).toBe('invalid');
    expect(outcome.output).toBeUndefined();
    expect(outcome.issues?.[0]).toMatchObject({ file: 'broken.yaml', severity: 'error', line: 9, column: 13 });
  });

  it('reports an unknown kind with a suggestion', () => {
    const outcome = formatPolicyText(calendar.replace('kind: Calendar', 'kind: Calender'), 'typo.yaml');
    expect(outcome.status).toBe('invalid');
    expect(outcome.issues).toEqual([
      expect.objectContaining({
        code: 'policy.unknown-kind',
        file: 'typo.yaml',
        path: '/kind',
        line: 2,
        column: 7,
        hint: expect.stringContaining('Did you mean `Calendar`?'),
      }),
    ]);
  });

  it('reports a missing kind', () => {
    const outcome = formatPolicyText(calendar.replace('kind: Calendar\n', ''), 'nokind.yaml');
    expect(outcome.status).toBe('invalid');
    expect(outcome.issues?.map((issue) => issue.code)).toEqual(['policy.kind-missing']);
  });
});

describe('findFormatLoss, the guard in front of every write', () => {
  const formatted = formatPolicyText(calendar, 'a.yaml').output ?? '';
  const stable = (text: string): string => text;

  it('accepts a lossless, stable result', () => {
    expect(formatted).not.toBe('');
    expect(findFormatLoss(calendar, formatted, stable)).toBeUndefined();
  });

  it('refuses an output that drops a comment', () => {
    const output = formatted.replace('   # the team', '');
    expect(findFormatLoss(calendar, output, stable)).toBe('comment would be lost: # the team');
  });

  it('refuses an output that changes a comment', () => {
    const output = formatted.replace('# the team', '# the squad');
    expect(findFormatLoss(calendar, output, stable)).toBe('comment would be lost: # the team');
  });

  it('refuses an output that adds a comment', () => {
    expect(findFormatLoss(calendar, `${formatted}# new\n`, stable)).toBe('comment would be added or changed: # new');
  });

  it('refuses an output that reads as different data, naming where', () => {
    const text = `${calendar}  code: '01234'\n`;
    const output = text.replace("'01234'", '01234');
    expect(findFormatLoss(text, output, stable)).toBe('the formatted text would read as different data at /spec/code');
  });

  it('refuses an output that does not parse', () => {
    expect(findFormatLoss(calendar, `${formatted}  broken: [\n`, stable)).toMatch(
      /^the formatted text would not parse \(/,
    );
  });

  it('refuses an output that formatting changes again', () => {
    expect(findFormatLoss(calendar, formatted, (text) => `${text}\n`)).toBe(
      'formatting is not stable (formatting the result again changes it)',
    );
  });

  it('does not count key order as a difference', () => {
    expect(findFormatLoss('a: 1\nb: [x, {c: 2, d: 3}]\n', 'b: [x, {d: 3, c: 2}]\na: 1\n', stable)).toBeUndefined();
  });
});

describe('formatPolicyText when a formatting pass would lose something', () => {
  const renderModule = '../../../src/core/policy/format-render.js';
  afterEach(() => {
    vi.doUnmock(renderModule);
    vi.resetModules();
  });

  /** Loads formatPolicyText with its rendering step replaced by a faulty one. */
  async function loadWithFaultyRender(fault: (text: string) => string): Promise<typeof formatPolicyText> {
    vi.resetModules();
    vi.doMock(renderModule, async (importOriginal) => {
      const real = await importOriginal<typeof FormatRender>();
      return {
        ...real,
        renderCanonical: (text: string, schema: Parameters<typeof real.renderCanonical>[1]) =>
          fault(real.renderCanonical(text, schema)),
      };
    });
    return (await import('../../../src/core/policy/format.js')).formatPolicyText;
  }

  it('refuses instead of dropping a comment', async () => {
    const format = await loadWithFaultyRender((text) => text.replace('   # the team', ''));
    expect(format(calendar, 'a.yaml')).toEqual({ status: 'refused', reason: 'comment would be lost: # the team' });
  });

  it('refuses instead of unquoting a string', async () => {
    const format = await loadWithFaultyRender((text) => text.replace('"1.10"', '1.10'));
    const outcome = format(input, 'input.yaml');
    expect(outcome.status).toBe('refused');
    expect(outcome.reason).toBe('the formatted text would read as different data at /metadata/labels/version');
    expect(outcome.output).toBeUndefined();
  });
});
