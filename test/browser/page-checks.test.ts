/**
 * The browser checks on small synthetic pages (the real page shell, hand-written sections and
 * SVG): each check passes on a good page and names the fault on a page that has it, so a check
 * of the real reports (report-pages.test.ts) cannot pass by being unable to fail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HtmlSection } from '../../src/reporters/html/page.js';
import { renderHtmlPage } from '../../src/reporters/html/page.js';
import { browserTimeouts, expectCleanClose, useChromium } from '../helpers/browser.js';
import { countPdfPages, savePdf } from '../helpers/browser-artifacts.js';
import { findLayoutFaults, readPageLayout } from '../helpers/browser-checks.js';
import { makeTempDir } from '../helpers/paths.js';

const temp = makeTempDir('revops-browser-');
afterAll(() => temp.cleanup());

/** A page in the report's own shell (style, CSP) with these sections, written to a file. */
function writeShellPage(name: string, sections: HtmlSection[], headline = ['<strong>Constraint</strong> mql']): string {
  const path = join(temp.dir, `${name}.html`);
  mkdirSync(temp.dir, { recursive: true });
  writeFileSync(
    path,
    renderHtmlPage({ title: 'Synthetic', subtitle: 'a test page', headline, sections, stamp: 'stamp' }),
  );
  return path;
}

function writeRawPage(name: string, html: string): string {
  const path = join(temp.dir, `${name}.html`);
  writeFileSync(path, html);
  return path;
}

/** A figure as the chart builders make it: caption, SVG with axes, and whatever `marks` are. */
function chartFigure(id: string, marks: string, svgName = `aria-labelledby="${id}-title"`): string {
  const axes =
    '<line x1="40" y1="10" x2="40" y2="180" stroke="black"/><line x1="40" y1="180" x2="390" y2="180" stroke="black"/>';
  return (
    `<figure class="chart" id="${id}"><figcaption id="${id}-title">Utilisation per stage</figcaption>` +
    `<svg viewBox="0 0 400 200" role="img" ${svgName}>${axes}${marks}</svg></figure>`
  );
}

const bars = '<rect x="40" y="20" width="300" height="30"/><rect x="40" y="60" width="0" height="30"/>';
const flatLine = '<polyline points="40,100 390,100" fill="none" stroke="blue"/>';

describe('browser checks on synthetic pages', { timeout: browserTimeouts.testMs }, () => {
  const chromium = useChromium();

  it('finds nothing wrong with a good page at phone width, nor at A4 width in print', async (context) => {
    const path = writeShellPage('good', [
      { id: 'utilisation', title: 'Utilisation', body: chartFigure('bars', bars) + chartFigure('line', flatLine) },
    ]);
    for (const layout of ['phone', 'a4'] as const) {
      const watched = await chromium.open(layout, context);
      await watched.visit(path);
      const layoutRead = await readPageLayout(watched.page);
      expect(findLayoutFaults(layoutRead)).toEqual([]);
      expect(watched.problems).toEqual([]);
      expect(layoutRead.charts.map((c) => [c.id, c.marks, c.name])).toEqual([
        ['bars', 1, 'Utilisation per stage'], // the zero-width bar is no mark; the axes are none either
        ['line', 1, 'Utilisation per stage'],
      ]);
    }
    const pdf = await savePdf((await chromium.open('a4', context)).page, 'synthetic-good-a4');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPdfPages(pdf)).toBeGreaterThan(0);
  });

  it('names an element that makes the page scroll sideways on a phone', async (context) => {
    const wide = `<div class="table-wide"><table><tr><td>${'x'.repeat(300)}</td></tr></table></div>`;
    const path = writeShellPage('wide', [{ id: 'wide', title: 'Wide', body: wide }]);
    const watched = await chromium.open('phone', context);
    await watched.visit(path);
    const faults = findLayoutFaults(await readPageLayout(watched.page));
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatch(/^the page is \d+ px wide in a 390 px window \(scrolls sideways\): .*table/);
  });

  it('reports a script and a remote image refused by the page policy as console errors', async (context) => {
    const body = '<script>document.title = "ran"</script><img src="https://example.invalid/pixel.png" alt="">';
    const path = writeShellPage('script', [{ id: 'script', title: 'Script', body }]);
    const watched = await chromium.open('desktop', context);
    await watched.visit(path);
    expect(await watched.page.title()).toBe('Synthetic'); // the script did not run
    expect(watched.problems.some((p) => /^console error: .*script/i.test(p))).toBe(true);
    expect(watched.problems.some((p) => /^console error: .*example\.invalid/.test(p))).toBe(true);
  });

  it('reports, and stops, a fetch and a dialog from a page without the policy', async (context) => {
    const html = '<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png" alt=""><script>alert("hello")</script>';
    const watched = await chromium.open('desktop', context);
    await watched.visit(writeRawPage('fetch', html));
    expect(watched.problems).toContain('fetched http://127.0.0.1:9/pixel.png');
    expect(watched.problems).toContain('a script opened a dialog: hello');
  });

  it('finds charts that draw nothing: no SVG, an empty SVG, axes only, a background only, no name', async (context) => {
    const figures = [
      '<figure class="chart" id="none"><figcaption>No drawing</figcaption></figure>',
      chartFigure('empty', ''),
      chartFigure('axes', '<line x1="40" y1="60" x2="390" y2="60" stroke="red"/>'),
      chartFigure('background', '<rect x="0" y="0" width="400" height="200" fill="#eee"/>'),
      chartFigure('hidden', '<rect x="40" y="20" width="300" height="30" style="display:none"/>'),
      chartFigure('unnamed', bars, ''),
    ];
    const path = writeShellPage('empty-charts', [{ id: 'charts', title: 'Charts', body: figures.join('') }]);
    const watched = await chromium.open('desktop', context);
    await watched.visit(path);
    expect(findLayoutFaults(await readPageLayout(watched.page))).toEqual([
      'chart #none has no SVG drawing',
      'chart #empty draws no bar, line or point',
      'chart #axes draws no bar, line or point',
      'chart #background draws no bar, line or point',
      'chart #hidden draws no bar, line or point',
      'chart #unnamed has no accessible name',
    ]);
  });

  it('finds text below AA contrast, and lets large text have less', async (context) => {
    const body =
      '<p class="faint" style="color:#999">faint words</p><p style="background:rgba(0,0,0,0.6);color:#333">dark on dark</p>' +
      '<p style="color:#888;font-size:26px">large grey words</p><p style="color:#767676">just enough</p>';
    const watched = await chromium.open('desktop', context);
    await watched.visit(writeShellPage('contrast', [{ id: 'contrast', title: 'Contrast', body }]));
    expect(findLayoutFaults(await readPageLayout(watched.page))).toEqual([
      'low contrast: p.faint "faint words" 2.85:1', // #999 on white; #888 at 26 px has 3.54, #767676 4.54
      'low contrast: p "dark on dark" 2.20:1', // #333 on black at 60 % over white (#666),
    ]);
  });

  it('finds a headline that is empty or below the first screen', async (context) => {
    const watched = await chromium.open('desktop', context);
    await watched.visit(writeShellPage('no-headline', [], []));
    expect(findLayoutFaults(await readPageLayout(watched.page))).toEqual(['the headline is missing or empty']);
    await watched.visit(
      writeRawPage('low-headline', '<div style="height:2000px"></div><div class="headline">late</div>'),
    );
    expect(findLayoutFaults(await readPageLayout(watched.page))).toEqual([
      expect.stringMatching(/^the headline starts below the first screen \(\d+ px\)$/),
    ]);
  });

  it('closes Chromium and leaves none of its processes running', async (context) => {
    await chromium.open('desktop', context); // skips when there is no browser
    await expectCleanClose(chromium);
  });
});
