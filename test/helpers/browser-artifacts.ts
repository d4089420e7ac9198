import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './paths.js';

/** Where the browser tests leave what a reviewer (or CI, as artifacts) looks at; git-ignored. */
export const browserArtifactsDir = join(repoRoot, 'artifacts', 'browser');

/** A full-page PNG of what the page shows now, as `<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(browserArtifactsDir, { recursive: true });
  const path = join(browserArtifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page printed to an A4 PDF (its own `@page` margins), as `<name>.pdf`; returns the bytes. */
export async function savePdf(page: Page, name: string): Promise<Buffer> {
  mkdirSync(browserArtifactsDir, { recursive: true });
  const path = join(browserArtifactsDir, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  return readFileSync(path);
}

/** How many pages a PDF has (its `/Type /Page` objects; Chromium writes them uncompressed). */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
