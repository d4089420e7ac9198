import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGoldenIn, goldenDir } from '../../helpers/golden.js';
import { useTempDirs } from '../../helpers/paths.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** A table as header cells and data rows of cells. */
interface Table {
  line: number;
  header: string[];
  rows: string[][];
}

/** GitHub markdown tables: a `|` header row, a `|---|` rule, then `|` rows. */
function markdownTables(text: string): Table[] {
  const lines = text.split('\n');
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  const tables: Table[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i] as string)) continue;
    const rows: string[][] = [];
    for (let j = i + 1; j < lines.length && (lines[j] as string).startsWith('|'); j++)
      rows.push(cells(lines[j] as string));
    tables.push({ line: i, header: cells(lines[i - 1] as string), rows });
  }
  return tables;
}

/** Terminal tables: a header line, a rule of `─` runs, rows up to the next blank line; cells by the runs' spans. */
function terminalTables(text: string): Table[] {
  const lines = text.split('\n');
  const tables: Table[] = [];
  for (let i = 1; i < lines.length; i++) {
    const rule = lines[i] as string;
    if (!/^\s*─+(\s+─+)*\s*$/.test(rule)) continue;
    const spans = [...rule.matchAll(/─+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const cut = (line: string): string[] => spans.map(([a, b]) => [...line].slice(a, b).join('').trim());
    const rows: string[][] = [];
    for (let j = i + 1; j < lines.length && (lines[j] as string).trim() !== ''; j++) rows.push(cut(lines[j] as string));
    tables.push({ line: i, header: cut(lines[i - 1] as string), rows });
  }
  return tables;
}

/** Columns with a heading whose every row is empty: where values belong and none were printed. */
function emptyColumns(tables: readonly Table[]): string[] {
  return tables.flatMap((t) =>
    t.header.flatMap((name, k) =>
      name !== '' && t.rows.length > 0 && t.rows.every((r) => (r[k] ?? '') === '')
        ? [`line ${t.line}: column "${name}"`]
        : [],
    ),
  );
}

describe('golden files', () => {
  const tempDir = useTempDirs();
  const goldens = listFiles(goldenDir);

  it('are never created silently: a missing golden fails and writes nothing', () => {
    const dir = tempDir();
    expect(() => expectGoldenIn(dir, 'new/output.txt', 'hello\n', {})).toThrow(
      /golden file new\/output\.txt is missing/,
    );
    expect(() => expectGoldenIn(dir, 'new/output.txt', 'hello\n', { CI: 'true' })).toThrow(/missing/);
    expect(existsSync(join(dir, 'new', 'output.txt'))).toBe(false);
  });

  it('are written only when asked with UPDATE_GOLDEN=1, and compared otherwise', () => {
    const dir = tempDir();
    expectGoldenIn(dir, 'a.txt', 'first\n', { UPDATE_GOLDEN: '1' });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('first\n');
    expectGoldenIn(dir, 'a.txt', 'first\n', {});
    expect(() => expectGoldenIn(dir, 'a.txt', 'second\n', {})).toThrow();
    writeFileSync(join(dir, 'a.txt'), 'edited\n');
    expect(() => expectGoldenIn(dir, 'a.txt', 'first\n', { UPDATE_GOLDEN: '0' })).toThrow();
  });

  it('finds a table column left empty, in markdown and terminal text', () => {
    const md = '| person | total |\n|---|---:|\n|  | 1.00 |\n|   | 2.00 |\n';
    expect(emptyColumns(markdownTables(md))).toEqual(['line 1: column "person"']);
    const txt = '  person  total\n  ──────  ─────\n           1.00\n           2.00\n';
    expect(emptyColumns(terminalTables(txt))).toEqual(['line 1: column "person"']);
    expect(emptyColumns(terminalTables(txt.replace('           1.00', '  U007     1.00')))).toEqual([]);
  });

  it('reads the tables of the whole-report goldens, person columns included', () => {
    const read = (name: string) => readFileSync(join(goldenDir, name), 'utf8');
    const md = markdownTables(read('evaluate/example.markdown.md'));
    const txt = terminalTables(read('evaluate/example.terminal.txt'));
    expect(md.length).toBeGreaterThanOrEqual(10);
    expect(txt.length).toBeGreaterThanOrEqual(10);
    for (const tables of [md, txt]) {
      const people = tables.filter((t) => t.header[0] === 'person');
      expect(people).toHaveLength(3); // one per comp plan
      for (const t of people) expect(t.rows.every((r) => r[0] !== '')).toBe(true);
    }
    const impact = markdownTables(read('impact/proposed-change.markdown.md'));
    expect(impact.find((t) => t.header[1] === 'person')?.rows.map((r) => r[1])).toEqual([
      'U007 Jordan Blake',
      'U008 Aisha Mensah',
      'U009 Tom Keller',
    ]);
  });

  it.each(goldens.map((file) => [relative(goldenDir, file)]))(
    '%s has no table column left empty where values belong',
    (name) => {
      const text = readFileSync(join(goldenDir, name), 'utf8');
      const tables = name.endsWith('.md') ? markdownTables(text) : terminalTables(text);
      expect(emptyColumns(tables)).toEqual([]);
    },
  );
});
