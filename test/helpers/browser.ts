import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestContext } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findChromium } from './browser-find.js';
import type { ChromiumLookup } from './browser-find.js';
import { listDescendants, reapProcesses } from './browser-processes.js';
import type { ProcessStamp } from './browser-processes.js';

/** Bounds on the browser's steps, in milliseconds; each fails with a message naming what took too long. */
export interface BrowserTimeouts {
  launchMs: number;
  actionMs: number;
  closeMs: number;
  testMs: number;
  hookMs: number;
}

/** The bounds on a loaded 2-core machine. */
export const browserTimeouts: BrowserTimeouts = {
  launchMs: 60_000,
  actionMs: 20_000,
  closeMs: 15_000,
  testMs: 60_000,
  hookMs: 90_000,
};

/** The widths the report is read at: a laptop, a phone, and an A4 page's printable width (210 mm − 2 × 12 mm at 96 px an inch). */
export const layouts = {
  desktop: { width: 1280, height: 800, mobile: false, print: false },
  phone: { width: 390, height: 844, mobile: true, print: false },
  a4: { width: 703, height: 1000, mobile: false, print: true },
} as const;
export type LayoutName = keyof typeof layouts;

/** A page and what it did wrong while loaded: console errors (CSP violations are ones), page errors, fetches. */
export interface WatchedPage {
  page: Page;
  problems: string[];
  /** Opens a local file in the page and waits for it to load; the file is the one request let through. */
  visit(path: string): Promise<void>;
}

/** What closing the browser found: processes that outlived it (killed by id, then reported). */
export interface CloseResult {
  tracked: ProcessStamp[];
  leftover: ProcessStamp[];
  /** Why closing failed, if it did. */
  error: string | null;
}

/** The one browser of a test file, its two reused pages (desktop/print and phone), and its closing. */
export interface ChromiumSession {
  /** Whether there is a browser to test in, or why the tests skip or fail. */
  lookup: ChromiumLookup;
  /** The page for a layout, sized and with its media set; skips the test when there is no browser (see `findChromium`). */
  open(layout: LayoutName, context: TestContext): Promise<WatchedPage>;
  /** Closes the browser and checks that none of its processes is left. */
  close(): Promise<CloseResult>;
}

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Chromium: ${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Watches a page: every console error, uncaught page error, crash and dialog is a problem; so is any request but the page's own file. */
async function watchPage(context: BrowserContext, actionMs: number): Promise<WatchedPage> {
  const page = await context.newPage();
  page.setDefaultTimeout(actionMs);
  page.setDefaultNavigationTimeout(actionMs);
  const allowed = new Set<string>();
  const watched: WatchedPage = {
    page,
    problems: [],
    async visit(path) {
      const url = pathToFileURL(path).href;
      allowed.add(url);
      await page.goto(url, { waitUntil: 'load' });
    },
  };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  page.on('crash', () => watched.problems.push('the page crashed'));
  page.on('dialog', (dialog) => {
    watched.problems.push(`a script opened a dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // The report is one self-contained file: nothing else may be fetched, so nothing else is let out.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (allowed.has(url)) return route.continue();
    watched.problems.push(`fetched ${url}`);
    return route.abort();
  });
  return watched;
}

/**
 * Registers, in the calling `describe`, one Chromium launch for the file (`beforeAll`) and its
 * closing (`afterAll`, a safety net: a test should call `close` and assert on it). A launch
 * failure is kept and thrown by every `open`, so each test fails with it (and is counted).
 */
export function useChromium(
  lookup: ChromiumLookup = findChromium(),
  timeouts: BrowserTimeouts = browserTimeouts,
): ChromiumSession {
  let browser: Browser | null = null;
  let failure: Error | null = lookup.kind === 'fail' ? new Error(lookup.message) : null;
  const pages = new Map<'wide' | 'phone', WatchedPage>();
  let closed: CloseResult | null = null;
  if (lookup.kind === 'skip') console.warn(lookup.note);

  beforeAll(async () => {
    if (lookup.kind !== 'found') return;
    const before = new Set(listDescendants(/(?:)/).map((p) => p.pid));
    try {
      browser = await chromium.launch({
        executablePath: lookup.path,
        headless: true,
        timeout: timeouts.launchMs,
      });
    } catch (error) {
      // A launch that timed out leaves the process running: stop what this launch started.
      const strays = listDescendants(/(?:)/).filter((p) => !before.has(p.pid));
      const stopped = await reapProcesses(strays, 0);
      const note =
        stopped.length === 0 ? '' : ` (stopped what it left running: ${stopped.map((p) => p.pid).join(', ')})`;
      failure = new Error(`Chromium (${lookup.path}) did not start${note}: ${(error as Error).message}`);
    }
  }, timeouts.hookMs);

  const session: ChromiumSession = {
    lookup,
    async open(layoutName, context) {
      if (lookup.kind === 'skip') return context.skip(lookup.note);
      if (failure !== null) throw failure;
      if (browser === null || closed !== null) throw new Error('Chromium is not running (closed already?)');
      const layout = layouts[layoutName];
      const key = layout.mobile ? 'phone' : 'wide';
      let watched = pages.get(key);
      if (watched === undefined) {
        const options = { viewport: { width: layout.width, height: layout.height }, isMobile: layout.mobile };
        const browserContext = await within(timeouts.actionMs, 'opening a page', browser.newContext(options));
        watched = await within(timeouts.actionMs, 'opening a page', watchPage(browserContext, timeouts.actionMs));
        pages.set(key, watched);
      }
      watched.problems.length = 0;
      await watched.page.setViewportSize({ width: layout.width, height: layout.height });
      await watched.page.emulateMedia({ media: layout.print ? 'print' : 'screen' });
      return watched;
    },
    async close() {
      if (closed !== null) return closed;
      const tracked = listDescendants();
      const running = browser;
      browser = null;
      let error: string | null = null;
      if (running !== null) {
        await within(timeouts.closeMs, 'closing', running.close()).catch((e: Error) => (error = e.message));
      }
      closed = { tracked, leftover: await reapProcesses(tracked, timeouts.closeMs), error };
      return closed;
    },
  };
  afterAll(async () => void (await session.close()), timeouts.hookMs);
  return session;
}

/** Closes the session's browser; asserts it closed without error and left none of its processes running. */
export async function expectCleanClose(session: ChromiumSession): Promise<void> {
  const closed = await session.close();
  expect(closed.error, 'closing Chromium failed').toBeNull();
  if (process.platform === 'linux') {
    expect(closed.tracked.length, 'no Chromium process seen in /proc, so none could be checked').toBeGreaterThan(0);
  }
  expect(closed.leftover, 'Chromium processes still running after the close (now killed)').toEqual([]);
}
