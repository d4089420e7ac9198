import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';
import { allElements, attributeOf, parseHtmlPage, textOf } from '../helpers/html-tree.js';

/** The people of the example data, by name (`U001,Dana Whitfield,…`). */
const people = readFileSync(join(repoRoot, 'examples', 'data', 'users.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line !== '')
  .map((line) => line.split(',')[1]!);

describe('revops evaluate --format html', () => {
  const tempDir = useTempDirs();

  it('writes one self-contained page with -o, the same page as on stdout', async () => {
    const file = join(tempDir(), 'report.html');
    const written = await runRevops(['evaluate', '-q', '--format', 'html', '-o', file]);
    expect(written.code).toBe(0);
    expect(written.stdout).not.toContain('<html');
    const page = readFileSync(file, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    const printed = await runRevops(['evaluate', '-q', '--format', 'html']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(page);
    const doc = parseHtmlPage(page);
    expect(
      allElements(doc)
        .filter((el) => el.tagName === 'section')
        .map((el) => attributeOf(el, 'id')),
    ).toContain('funnel');
  });

  it('--mask: people and rejected values are pseudonyms or masked on the page too', async () => {
    const dir = join(tempDir(), 'data');
    cpSync(join(repoRoot, 'examples', 'data'), dir, { recursive: true });
    const leads = join(dir, 'leads.csv');
    const lines = readFileSync(leads, 'utf8').split('\n');
    const column = lines[0]!.split(',').indexOf('created_at');
    const cells = lines[2]!.split(',');
    cells[column] = 'jane.doe@acme.com-not-a-date';
    lines[2] = cells.join(',');
    writeFileSync(leads, lines.join('\n'));
    const plain = await runRevops(['evaluate', '-q', '--data', dir, '--format', 'html']);
    const masked = await runRevops(['evaluate', '-q', '--data', dir, '--format', 'html', '--mask']);
    expect(plain.code).toBe(0);
    expect(masked.code).toBe(0);
    // The unmasked page does show them (per person payouts, the rejected value), so the check can fail.
    expect(plain.stdout).toContain('jane.doe');
    expect(people.some((name) => plain.stdout.includes(name))).toBe(true);
    for (const secret of ['jane.doe', 'acme.com', ...people]) expect(masked.stdout).not.toContain(secret);
    expect(masked.stdout).toContain('People and leads are shown by pseudonym.');
    // The rejected row is still located: file, line and column.
    const doc = parseHtmlPage(masked.stdout);
    const line = allElements(doc).filter((el) => attributeOf(el, 'data-path') === 'data.issues[0].line')[0]!;
    expect(attributeOf(line, 'data-value')).toBe('3');
  });

  it('a partial run (--allow-partial-data) says so first, and counts the lost rows in the data section', async () => {
    const dir = join(tempDir(), 'data');
    const scenarios = join(fixturesDir, 'partial-data');
    cpSync(join(scenarios, 'base'), dir, { recursive: true });
    for (const name of readdirSync(join(scenarios, 'proto-header')))
      cpSync(join(scenarios, 'proto-header', name), join(dir, name));
    const run = await runRevops([
      'evaluate',
      '-q',
      '--now',
      '2026-12-01T00:00:00Z',
      '--data',
      dir,
      '--allow-partial-data',
      '--format',
      'html',
    ]);
    expect(run.code).toBe(0);
    const doc = parseHtmlPage(run.stdout);
    const headline = allElements(doc).filter((el) => attributeOf(el, 'class') === 'headline')[0]!;
    expect(textOf(allElements(headline).filter((el) => el.tagName === 'p')[0]!)).toMatch(
      /^Partial run\. Partial data — these figures leave out leads \(.*leads\.csv/,
    );
    const data = allElements(doc).filter((el) => attributeOf(el, 'id') === 'data')[0]!;
    const leadsRow = allElements(data).filter((el) => el.tagName === 'tr' && textOf(el).includes('leads.csv'))[0]!;
    expect(textOf(leadsRow)).toMatch(/leads\.csvleadsfailed40040/);
  });
});
