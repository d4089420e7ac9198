import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCollection, parseDocument, visit } from 'yaml';
import { limits } from '../../../src/core/policy/limits.js';
import { precheckText } from '../../../src/core/policy/precheck.js';
import { examplePolicies } from '../../helpers/paths.js';

const max = limits.maxDepth;

function check(text: string): string | undefined {
  const failure = precheckText(text, new TextEncoder().encode(text).byteLength);
  return failure === undefined ? undefined : `${failure.code} ${failure.line}:${failure.column}`;
}

/** How deep the parser itself nests collections in `text`. */
function nestingOf(text: string): number {
  let deepest = 0;
  visit(parseDocument(text), {
    Node(_key, node, ancestors) {
      if (isCollection(node)) deepest = Math.max(deepest, ancestors.filter((a) => isCollection(a)).length + 1);
    },
  });
  return deepest;
}

/** Lines of `depth` nested block mappings, the innermost holding a scalar. */
function blockMaps(depth: number): string {
  return Array.from({ length: depth }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' x\n';
}

/**
 * Each shape builds a document nested exactly `depth` collections deep, as the parser counts. The limit is
 * inclusive: `max` levels pass, `max + 1` fail at the token that opens the extra level.
 */
const shapes: { name: string; build: (depth: number) => string; failsAt: string }[] = [
  { name: 'flow sequences', build: (d) => '['.repeat(d) + ']'.repeat(d) + '\n', failsAt: `1:${max + 1}` },
  { name: 'flow mappings', build: (d) => '{a: '.repeat(d) + 'x' + '}'.repeat(d) + '\n', failsAt: `1:${4 * max + 1}` },
  {
    name: 'single-pair maps in flow sequences',
    build: (d) => '[a: '.repeat(Math.floor(d / 2)) + (d % 2 === 1 ? '[x]' : 'x') + ']'.repeat(Math.floor(d / 2)) + '\n',
    failsAt: `1:${2 * max + 1}`,
  },
  {
    name: 'flow inside a block sequence',
    build: (d) => 'a:\n  - ' + '['.repeat(d - 2) + ']'.repeat(d - 2) + '\n',
    failsAt: `2:${max + 3}`,
  },
  {
    name: 'a flow sequence spread over lines',
    build: (d) => 'a:\n' + Array.from({ length: d - 1 }, (_, i) => ' '.repeat(i + 2) + '[').join('\n') + '\n',
    failsAt: `${max + 1}:${max + 2}`,
  },
  { name: 'indented block mappings', build: blockMaps, failsAt: `${max + 1}:${max + 1}` },
  {
    name: 'indented block sequences',
    build: (d) => Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + '-').join('\n') + ' x\n',
    failsAt: `${max + 1}:${2 * max + 1}`,
  },
  { name: 'compact block sequences', build: (d) => '- '.repeat(d) + 'x\n', failsAt: `1:${2 * max + 1}` },
  {
    name: 'a compact mapping in compact sequences',
    build: (d) => '- '.repeat(d - 1) + 'a: x\n',
    failsAt: `1:${2 * max + 2}`,
  },
  { name: 'compact explicit keys', build: (d) => '? '.repeat(d) + 'x\n', failsAt: `1:${2 * max + 1}` },
  { name: 'nested compact mappings', build: (d) => 'a: '.repeat(d) + 'x\n', failsAt: `1:${3 * (max + 1) - 1}` },
  {
    name: 'mappings and sequences at one indentation',
    build: (d) =>
      Array.from({ length: d }, (_, i) => ' '.repeat(2 * i) + (i % 2 === 1 ? '- ' : 'k:')).join('\n') + ' x\n',
    failsAt: `${max + 1}:${2 * max + 1}`,
  },
  {
    name: 'block mappings after brackets in quotes, comments and block scalars',
    build: (d) => `q: "[[[[[[ # {{{{" # [[[[\nr: '{{{{{{'\ns: |\n  [[[[[[[[[[\n` + blockMaps(d),
    failsAt: `${max + 5}:${max + 1}`,
  },
];

describe('precheckText', () => {
  it.each(shapes.map((s) => [s.name, s] as const))('measures %s exactly', (_name, shape) => {
    expect(nestingOf(shape.build(max))).toBe(max);
    expect(nestingOf(shape.build(max + 1))).toBe(max + 1);
    expect(check(shape.build(max))).toBeUndefined();
    expect(check(shape.build(max + 1))).toBe(`yaml.too-deep ${shape.failsAt}`);
  });

  it.each([
    ['a quote after `-` in a flow sequence', '[-"' + '['.repeat(1000)],
    ['a quote after `:` in a flow mapping', "{a:'" + '['.repeat(1000)],
    ['a quote after `:` in a flow sequence', '[ a:"' + '['.repeat(1000)],
    ['a comment sign inside a quoted key', '{"a #": ' + '['.repeat(1000)],
    ['a tab between compact sequences', '-\t'.repeat(1000) + 'x'],
    ['explicit keys holding sequences', '? - '.repeat(1000) + 'x'],
  ])('is not fooled by %s', (_name, text) => {
    expect(check(text)?.split(' ')[0]).toBe('yaml.too-deep');
  });

  it('stops at the limit instead of reading 100k levels', () => {
    const started = performance.now();
    expect(check('['.repeat(100_000))).toBe(`yaml.too-deep 1:${max + 1}`);
    expect(check('- '.repeat(100_000))).toBe(`yaml.too-deep 1:${2 * max + 1}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not count brackets that are text: in quotes, comments, plain and block scalars', () => {
    const text = [
      `a: "${'['.repeat(100)}"`,
      `b: '${'{'.repeat(100)}'`,
      `c: x${'['.repeat(100)}`,
      `# ${'['.repeat(100)}`,
      'd: |',
      `  ${'['.repeat(100)}`,
      `e: "multi ${'['.repeat(50)}`,
      `  line ${'['.repeat(50)}"`,
      '',
    ].join('\n');
    expect(check(text)).toBeUndefined();
  });

  it('passes every example policy', () => {
    const files = readdirSync(examplePolicies).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(check(readFileSync(join(examplePolicies, file), 'utf8')), file).toBeUndefined();
  });

  it('rejects a file over the size limit without looking at it', () => {
    expect(precheckText('a: 1\n', limits.maxFileBytes)).toBeUndefined();
    expect(precheckText('a: 1\n', limits.maxFileBytes + 1)).toEqual({
      code: 'file.too-large',
      message: `File is ${limits.maxFileBytes + 1} bytes; policy files may be at most ${limits.maxFileBytes} bytes.`,
      hint: 'Split the policy into several files, or check that this is really a policy file.',
      line: 0,
      column: 0,
    });
  });
});
