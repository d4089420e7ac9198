import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a Chromium for the browser tests is, or why the tests skip or fail without one. */
export type ChromiumLookup =
  { kind: 'found'; path: string } | { kind: 'skip'; note: string } | { kind: 'fail'; message: string };

/** Command names a system Chromium or Chrome goes by (Debian, Ubuntu, Google's package). */
const commandNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the browser: `CHROMIUM_PATH` when set (a path that is not an executable is a failure,
 * not a skip: someone asked for it), else the first of the command names on `PATH`, else
 * `/usr/bin/chromium` (off `PATH`). None found: a skip with a note saying what was looked for, or a failure
 * when `REVOPS_REQUIRE_BROWSER=1` (CI sets it, so the browser tests cannot silently not run).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, fallbacks = ['/usr/bin/chromium']): ChromiumLookup {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (isExecutable(explicit)) return { kind: 'found', path: explicit };
    return { kind: 'fail', message: `CHROMIUM_PATH=${JSON.stringify(explicit)} is not an executable file.` };
  }
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of commandNames) {
    for (const dir of dirs) {
      if (isExecutable(join(dir, name))) return { kind: 'found', path: join(dir, name) };
    }
  }
  const fallback = fallbacks.find(isExecutable);
  if (fallback !== undefined) return { kind: 'found', path: fallback };
  const places = ['PATH', ...fallbacks].join(', ');
  const looked = `no Chromium found (CHROMIUM_PATH is unset; looked for ${commandNames.join(', ')} in ${places})`;
  const remedy = 'install it (Debian: apt-get install chromium) or set CHROMIUM_PATH';
  if (env['REVOPS_REQUIRE_BROWSER'] === '1') {
    return {
      kind: 'fail',
      message: `The browser tests are required (REVOPS_REQUIRE_BROWSER=1) but ${looked}: ${remedy}.`,
    };
  }
  return {
    kind: 'skip',
    note: `browser tests skipped: ${looked}; ${remedy}, and REVOPS_REQUIRE_BROWSER=1 to make this a failure`,
  };
}
