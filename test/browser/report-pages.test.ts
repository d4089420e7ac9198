/**
 * Both HTML reports of the bundled example, built by the CLI, in a real browser: on a laptop, a
 * phone and an A4 page in print. Each must load without a console or page error (a refused
 * script or fetch is one) and without fetching anything, never scroll sideways, show the
 * headline in the first screen, and draw every chart. Screenshots and the A4 PDFs go to
 * artifacts/browser/ for a reviewer (CI keeps them as artifacts). The example on data whose names
 * carry markup must run and fetch nothing either.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTimeouts, expectCleanClose, useChromium } from '../helpers/browser.js';
import type { LayoutName } from '../helpers/browser.js';
import { countPdfPages, savePdf, saveScreenshot } from '../helpers/browser-artifacts.js';
import { findLayoutFaults, readPageLayout } from '../helpers/browser-checks.js';
import { runRevops } from '../helpers/cli.js';
import { fixturesDir, makeTempDir } from '../helpers/paths.js';

const temp = makeTempDir('revops-browser-');
afterAll(() => temp.cleanup());

/** The README's command lines, each writing its page with `-o`; and the example on data with hostile names. */
const reports = {
  evaluate: ['evaluate', '-q', '--format', 'html'],
  impact: [
    'impact',
    '-q',
    '--base-dir',
    'policies',
    '--head-dir',
    'examples/proposed-change/policies',
    '--format',
    'html',
  ],
  hostile: [
    'evaluate',
    '-q',
    '--allow-partial-data',
    '--data',
    join(fixturesDir, 'evaluate', 'hostile-names'),
    '--format',
    'html',
  ],
} as const;
type ReportName = keyof typeof reports;

/** Three CLI runs in this process, on a machine that may be busy: the browser's bounds are not theirs. */
const buildMs = 180_000;

const cases = (['evaluate', 'impact'] as const).flatMap((report) =>
  (['desktop', 'phone', 'a4'] as const).map((layout): [ReportName, LayoutName] => [report, layout]),
);

describe('the HTML reports in Chromium', { timeout: browserTimeouts.testMs }, () => {
  const chromium = useChromium();
  const pages = new Map<ReportName, string>();

  beforeAll(async () => {
    if (chromium.lookup.kind === 'skip') return; // every test skips with the note
    for (const name of ['evaluate', 'impact', 'hostile'] as const) {
      const path = join(temp.dir, `${name}.html`);
      const run = await runRevops([...reports[name], '-o', path]);
      if (run.code !== 0) throw new Error(`revops ${name} --format html exited ${run.code}: ${run.stderr}`);
      pages.set(name, path);
    }
  }, buildMs);

  it.for(cases)(
    '%s report at %s width: no error, no fetch, no sideways scroll, charts drawn',
    async ([report, layout], context) => {
      const watched = await chromium.open(layout, context);
      await watched.visit(pages.get(report) ?? '');
      const read = await readPageLayout(watched.page);
      await saveScreenshot(watched.page, `${report}-${layout}`);
      if (layout === 'a4') {
        const pdf = await savePdf(watched.page, `${report}-a4`);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(countPdfPages(pdf)).toBeGreaterThan(0);
        // On paper nothing is collapsed or scrolled: every table of a closed section prints, none is cut.
        const print = (await watched.page.evaluate(`(() => ({
          hidden: [...document.querySelectorAll('details table')].filter((t) => !t.checkVisibility()).length,
          tables: document.querySelectorAll('details table').length,
          clipped: [...document.querySelectorAll('.table-scroll')].filter((d) => d.scrollWidth > d.clientWidth + 1).length,
        }))()`)) as { hidden: number; tables: number; clipped: number };
        expect(print.tables).toBeGreaterThan(0);
        expect(print).toMatchObject({ hidden: 0, clipped: 0 });
      }
      expect(watched.problems).toEqual([]);
      expect(findLayoutFaults(read)).toEqual([]);
      expect(read.headline.text).not.toBe('');
      // Both pages draw charts (utilisation, weekly arrivals, SLA, payout, goal): none may be missing.
      expect(read.charts.length).toBeGreaterThanOrEqual(4);
      // On a phone the 480-unit drawings keep their width (scrolling in their box): text stays ≥ 10 px.
      if (layout === 'phone')
        for (const chart of read.charts) expect(chart.width, chart.id).toBeGreaterThanOrEqual(480);
    },
  );

  it('runs and fetches nothing from names in the data (script, event handler, image, link, bidi), and wraps them', async (context) => {
    const watched = await chromium.open('phone', context);
    await watched.visit(pages.get('hostile') ?? '');
    expect(watched.problems).toEqual([]); // an injected <img src=x onerror=alert(1)> would fetch x and open a dialog
    const read = await readPageLayout(watched.page);
    expect(read.scrollWidth).toBeLessThanOrEqual(read.clientWidth);
  });

  it('closes Chromium and leaves none of its processes running', async (context) => {
    await chromium.open('desktop', context); // skips when there is no browser
    await expectCleanClose(chromium);
  });
});
