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
  headline: { text: string; top: number; width: number; height: number };
  viewportHeight: number;
}

/*
 * Runs in the page (the project's TypeScript has no DOM types, so this is plain JavaScript).
 * A mark is a rect, circle, ellipse, polygon, path or polyline outside <defs> and the like,
 * painted (fill or stroke not none, not hidden, not transparent), with an area — or, stroked, a
 * length (a flat line) — and not a background covering nearly the whole drawing. Plain <line>
 * elements are left out: axes, ticks and reference lines are drawn with them even on an empty chart.
 */
const layoutScript = `(() => {
  const root = document.documentElement;
  const label = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const sticking = [];
  if (root.scrollWidth > root.clientWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 0.5 || r.left < -0.5) sticking.push(label(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px');
      if (sticking.length >= 5) break;
    }
  }
  const painted = (el) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    return s.fill !== 'none' || s.stroke !== 'none';
  };
  const charts = [...document.querySelectorAll('figure.chart')].map((figure) => {
    const svg = figure.querySelector('svg');
    if (!svg) return { id: figure.id, hasSvg: false, width: 0, height: 0, marks: 0, name: '' };
    const box = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll('rect, circle, ellipse, polygon, path, polyline')].filter((el) => {
      if (el.closest('defs, clipPath, mask, marker, pattern, symbol') || !painted(el)) return false;
      const r = el.getBoundingClientRect();
      if (r.width * r.height >= 0.9 * box.width * box.height) return false;
      const area = r.width > 0 && r.height > 0;
      const line = /^(path|polyline)$/.test(el.tagName) && getComputedStyle(el).stroke !== 'none' && r.width + r.height > 0;
      return area || line;
    });
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const title = svg.querySelector(':scope > title');
    const name = (svg.getAttribute('aria-label') || ids.map((id) => (document.getElementById(id) || {}).textContent || '').join(' ') ||
      (title ? title.textContent : '') || '').trim();
    return { id: figure.id, hasSvg: true, width: box.width, height: box.height, marks: marks.length, name };
  });
  const headline = document.querySelector('.headline');
  const h = headline ? headline.getBoundingClientRect() : { top: 0, width: 0, height: 0 };
  return {
    clientWidth: root.clientWidth, scrollWidth: root.scrollWidth, sticking, charts,
    headline: { text: headline ? headline.textContent.trim() : '', top: h.top, width: h.width, height: h.height },
    viewportHeight: window.innerHeight,
  };
})()`;

/** Reads the layout of the page the browser shows (scrolled to the top first). */
export async function readPageLayout(page: Page): Promise<PageLayout> {
  await page.evaluate('window.scrollTo(0, 0)');
  return page.evaluate<PageLayout>(layoutScript);
}

/**
 * What is wrong with a laid-out report, in words: horizontal overflow, a chart with no drawing,
 * no size, no data mark or no accessible name, a headline that is empty or not in the first screen.
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
  const h = layout.headline;
  if (h.text === '' || h.width <= 0 || h.height <= 0) faults.push('the headline is missing or empty');
  else if (h.top >= layout.viewportHeight)
    faults.push(`the headline starts below the first screen (${Math.round(h.top)} px)`);
  return faults;
}
