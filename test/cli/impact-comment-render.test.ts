import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { renderGithubMarkdown, summariesOf, tableCellsOf } from '../helpers/github-markdown.js';
import { renderMarkdownDetails } from '../../src/reporters/markdown-escape.js';

const proposed = 'examples/proposed-change/policies';
const scenarios = ['examples/scenarios/cut-ae/policies', 'examples/scenarios/hire-sdrs/policies'];

async function commentHtml(head: string): Promise<{ markdown: string; html: string }> {
  const run = await runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', head, '--format', 'markdown']);
  expect(run.code, run.stderr).toBe(0);
  return { markdown: run.stdout, html: renderGithubMarkdown(run.stdout) };
}

/** The rendered page's visible text outside code blocks (tags dropped). */
function visibleText(html: string): string {
  return html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<[^>]+>/g, ' ');
}

describe('the impact comment as GitHub renders it', () => {
  it.each([proposed, ...scenarios])(
    '%s: summaries show no stray backslash, every change cell is filled',
    async (head) => {
      const { html } = await commentHtml(head);
      const summaries = summariesOf(html);
      expect(summaries.length).toBeGreaterThan(3);
      for (const s of summaries) expect(s, s).not.toContain('\\');
      // An empty cell reads as "no change" or as a rendering fault; a figure that cannot be computed is "—".
      const cells = tableCellsOf(html);
      expect(cells.length).toBeGreaterThan(20);
      expect(cells.filter((c) => c === '')).toEqual([]);
    },
  );

  it.each([proposed, ...scenarios])('%s: one minus sign for every figure', async (head) => {
    const { html } = await commentHtml(head);
    // An ASCII hyphen before a digit, not inside a word, a date or a range: a negative figure typed the other way.
    expect(visibleText(html)).not.toMatch(/(?<![\w.:/-])-\d/);
  });

  it('shows the utilisation chart in view, from 0, with the 1.0 line and the declared target', async () => {
    const { html, markdown } = await commentHtml(proposed);
    const chart = html.indexOf('<pre><code class="language-mermaid">');
    expect(chart).toBeGreaterThan(0);
    // Before any collapsed section, so a reader sees it without a click.
    expect(chart).toBeLessThan(html.indexOf('<details>'));
    const source = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    expect(source).toMatch(/^ {2}y-axis "utilisation" 0 --> \d+(\.\d)?$/m);
    const top = Number(/--> ([\d.]+)/.exec(source)?.[1]);
    const lines = [...source.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) => (m[1] ?? '').split(', ').map(Number));
    const bars = (/^ {2}bar \[(.*)\]$/m.exec(source)?.[1] ?? '').split(', ').map(Number);
    // Head, full capacity, the goal's target (mql ≤ 0.85 in the bundled RevenueGoal).
    expect(lines).toHaveLength(3);
    expect(lines[1]?.every((v) => v === 1)).toBe(true);
    expect(lines[2]?.every((v) => v === 0.85)).toBe(true);
    expect(Math.max(...bars, ...(lines[0] ?? []))).toBeLessThanOrEqual(top);
    expect(top).toBeGreaterThan(1);
    // The chart's text alternative names each stage's figures.
    expect(html).toContain('mql 0.87 → 1.02');
  });
});

describe('the evaluate report as GitHub renders it', () => {
  it('shows no stray backslash in any summary (CAC, constraint history, attribution included)', async () => {
    const run = await runRevops(['evaluate', '-q', '--format', 'markdown']);
    expect(run.code, run.stderr).toBe(0);
    const summaries = summariesOf(renderGithubMarkdown(run.stdout));
    expect(summaries.some((s) => s.startsWith('Constraint history'))).toBe(true);
    expect(summaries.some((s) => s.startsWith('Customer acquisition cost'))).toBe(true);
    for (const s of summaries) expect(s, s).not.toContain('\\');
  });
});

describe('renderMarkdownDetails', () => {
  it('keeps a hostile summary as text in the rendered HTML, with no backslash escapes', () => {
    const hostile = 'Funnel (<img src=x onerror=alert(1)>) *x* `y` "q" \'s\' @org #1';
    const html = renderGithubMarkdown(renderMarkdownDetails(hostile, ['body']).join('\n'));
    const [summary] = summariesOf(html);
    expect(summary).not.toContain('<img');
    expect(summary).not.toContain('\\');
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Markdown punctuation stays as typed: GitHub does not read markdown inside the HTML block.
    expect(summary).toContain('*x* `y`');
    // Mentions and references are still broken by a zero-width space.
    expect(summary).toContain('@\u200Borg #\u200B1');
    expect(html).toContain('<p>body</p>');
  });
});
