import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** One `figure.chart` as the browser laid it out. */
export interface ChartLayout {
  id: string;
  hasSvg: boolean;
  width: number;
  height: number;
  /** Drawn data marks: painted shapes with an area, or stroked lines with a length (see the script). */
  marks: number;
  /** The SVG's accessible name (aria-label, aria-labelledby or its `<title>`). */
  name: string;
}

/** What the browser shows of a report page. */
export interface PageLayout {
  /** The width the reader sees (the viewport less a vertical scroll bar) and the width of the content. */
  clientWidth: number;
  scrollWidth: number;
  /** A few elements sticking out to the right or left, for the failure message. */
  sticking: string[];
  charts: ChartLayout[];
  /** Text (outside charts) below WCAG AA contrast: 4.5:1, or 3:1 for large text; at most five. */
  lowContrast: string[];
  headline: { text: string; top: number; width: number; height: number };
  viewportHeight: number;
}

/** The script that reads the layout in the page (plain JavaScript: see the file). */
const layoutScript = readFileSync(new URL('./browser-layout.js', import.meta.url), 'utf8');

/** Reads the layout of the page the browser shows (scrolled to the top first). */
export async function readPageLayout(page: Page): Promise<PageLayout> {
  await page.evaluate('window.scrollTo(0, 0)');
  return page.evaluate<PageLayout>(layoutScript);
}

/**
 * What is wrong with a laid-out report, in words: horizontal overflow, a chart with no drawing,
 * no size, no data mark or no accessible name, text below AA contrast, a headline that is empty
 * or not in the first screen.
 */
export function findLayoutFaults(layout: PageLayout): string[] {
  const faults: string[] = [];
  if (layout.scrollWidth > layout.clientWidth) {
    faults.push(
      `the page is ${layout.scrollWidth} px wide in a ${layout.clientWidth} px window (scrolls sideways): ${layout.sticking.join('; ')}`,
    );
  }
  for (const chart of layout.charts) {
    const name = `chart #${chart.id}`;
    if (!chart.hasSvg) faults.push(`${name} has no SVG drawing`);
    else if (chart.width <= 0 || chart.height <= 0) faults.push(`${name} has no size (${chart.width}×${chart.height})`);
    else if (chart.marks === 0) faults.push(`${name} draws no bar, line or point`);
    if (chart.hasSvg && chart.name === '') faults.push(`${name} has no accessible name`);
  }
  for (const text of layout.lowContrast) faults.push(`low contrast: ${text}`);
  const h = layout.headline;
  if (h.text === '' || h.width <= 0 || h.height <= 0) faults.push('the headline is missing or empty');
  else if (h.top >= layout.viewportHeight)
    faults.push(`the headline starts below the first screen (${Math.round(h.top)} px)`);
  return faults;
}
