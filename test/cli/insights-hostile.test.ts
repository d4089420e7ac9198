import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../src/core/insights/types.js';
import { runRevops } from '../helpers/cli.js';
import { expectValidInsightsReport } from '../helpers/insights-schema.js';
import { fixturesDir, makeTempDir } from '../helpers/paths.js';

/**
 * Attribute values come from the data: a segment that tries a workflow command on a new line, raw
 * HTML, a mention, an issue reference, a table pipe, emphasis, a bidi override and a legacy
 * command. It converts above the stage (the fixture's `ent`), so it is both in a table and in the
 * "add a rule" suggestion's sentence. (Short enough to be shown whole: longer values are cut.)
 */
const HOSTILE = 'e\u202E\n::error::x ##[w] <img> @octocat #12 | **b**';

describe('revops insights with hostile attribute values', () => {
  let dir: string;
  const run = (format: string) =>
    runRevops([
      'insights',
      '-q',
      '--policies',
      join(dir, 'policies'),
      '--data',
      join(dir, 'data'),
      '--as-of',
      '2026-03-01T00:00:00Z',
      '--from',
      '2026-01-01T00:00:00Z',
      '--band',
      '10',
      '--min-sample',
      '5',
      '--format',
      format,
    ]);

  beforeAll(() => {
    const temp = makeTempDir();
    dir = temp.dir;
    cpSync(join(fixturesDir, 'insights'), dir, { recursive: true });
    const leads = join(dir, 'data', 'leads.csv');
    writeFileSync(leads, readFileSync(leads, 'utf8').replaceAll(',ent,', `,"${HOSTILE}",`));
    return temp.cleanup;
  });

  it('keeps the value whole in JSON, with nothing raw a log would act on', async () => {
    const out = await run('json');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).not.toContain('\u202E');
    expect(out.stdout).not.toContain('##[');
    const report = JSON.parse(out.stdout) as InsightsReport;
    expectValidInsightsReport(report);
    const segment = report.stages[0]?.attributes.find((a) => a.attribute === 'segment');
    expect(segment?.groups.map((g) => g.value)).toContain(HOSTILE);
    expect(report.suggestions.find((s) => s.code === 'add-rule')).toMatchObject({ value: HOSTILE });
  });

  it('renders it inert in the terminal and a CI log', async () => {
    const out = await run('terminal');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('error::x');
    for (const line of out.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    // No bidi override, and no control character but the line breaks.
    expect([...out.stdout].filter((ch) => ch === '\u202E' || (ch < ' ' && ch !== '\n'))).toEqual([]);
    expect(out.stdout).toContain('<U+202E>');
    expect(out.stdout).not.toContain('##[');
  });

  it('renders it inert in markdown: no HTML, mention, reference, bidi or broken table', async () => {
    const out = await run('markdown');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('error::x');
    expect(out.stdout).not.toContain('<img');
    expect(out.stdout).toContain('&lt;img&gt;');
    expect(out.stdout).not.toContain('@octocat');
    expect(out.stdout).not.toMatch(/#12/);
    expect(out.stdout).not.toContain('\u202E');
    expect(out.stdout).not.toContain('**b**');
    for (const line of out.stdout.split('\n')) expect(line).not.toMatch(/^\s*::/);
    // Every table row keeps its 8 columns: 9 unescaped pipes.
    const rows = out.stdout.split('\n').filter((l) => l.startsWith('|') && l.includes('error::x'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.match(/(?<!\\)\|/g)?.length).toBe(9);
  });
});
