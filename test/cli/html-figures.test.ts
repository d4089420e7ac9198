import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { checkFigures, findFiguresAsLabels, findStrayDigits } from '../helpers/html-figures.js';
import type { FigureProblem } from '../helpers/html-figures.js';
import { allElements, parseHtmlPage } from '../helpers/html-tree.js';
import { makeTempDir } from '../helpers/paths.js';

/**
 * Every figure of the HTML reports of the bundled example is the JSON report's of the same run
 * (same flags, `--format json`): its path exists, its value is the JSON value and its text is
 * that value rounded to the digits shown; no other digit is displayed outside a label or tick.
 */
const RUNS = [
  { name: 'evaluate', args: ['evaluate', '-q'] },
  { name: 'evaluate --mask', args: ['evaluate', '-q', '--mask'] },
  {
    name: 'impact',
    args: ['impact', '-q', '--base-dir', 'policies', '--head-dir', 'examples/proposed-change/policies'],
  },
];

/** The problems as one readable list (so a failure shows every element, path, value and text). */
function listed(problems: FigureProblem[]): string {
  return problems.map((p) => `[${p.kind}] ${p.message}`).join('\n');
}

describe.each(RUNS)('revops $name --format html', ({ args }) => {
  let html: string;
  let report: unknown;

  beforeAll(async () => {
    const temp = makeTempDir('revops-html-figures-');
    const file = join(temp.dir, 'report.html');
    const page = await runRevops([...args, '--format', 'html', '-o', file]);
    expect(page.code, page.stderr).toBe(0);
    html = readFileSync(file, 'utf8');
    const json = await runRevops([...args, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    report = JSON.parse(json.stdout) as unknown;
    return temp.cleanup;
  });

  it('shows every figure as the JSON report has it: the path exists, the value and the text agree', () => {
    expect(listed([...checkFigures(html, report), ...findFiguresAsLabels(html)])).toBe('');
  });

  it('displays no digit outside a figure, a label or a tick', () => {
    const sections = allElements(parseHtmlPage(html)).filter((e) => e.tagName === 'section');
    expect(sections.length).toBeGreaterThan(3);
    expect(listed(findStrayDigits(html))).toBe('');
  });
});
