import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/browser-find.js';
import { useTempDirs } from '../helpers/paths.js';

/** An executable file (or, with `mode` 0o644, a plain one) named `name` in `dir`. */
function writeProgram(dir: string, name: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

describe('findChromium', () => {
  const tempDir = useTempDirs();

  it('takes CHROMIUM_PATH first, and fails (not skips) when it names no executable', () => {
    const dir = tempDir();
    const chosen = writeProgram(dir, 'my-chrome');
    writeProgram(dir, 'chromium');
    expect(findChromium({ CHROMIUM_PATH: chosen, PATH: dir }, [])).toEqual({ kind: 'found', path: chosen });
    const plain = writeProgram(dir, 'not-a-program', 0o644);
    expect(findChromium({ CHROMIUM_PATH: plain, PATH: dir }, [])).toEqual({
      kind: 'fail',
      message: `CHROMIUM_PATH=${JSON.stringify(plain)} is not an executable file.`,
    });
  });

  it('looks for chromium, then chromium-browser and google-chrome on PATH, then the fallbacks', () => {
    const [first, second] = [tempDir(), tempDir()];
    const chrome = writeProgram(first, 'google-chrome');
    const browser = writeProgram(second, 'chromium-browser');
    expect(findChromium({ PATH: `${first}:${second}` }, [])).toEqual({ kind: 'found', path: browser });
    expect(findChromium({ PATH: first }, [])).toEqual({ kind: 'found', path: chrome });
    const fallback = writeProgram(second, 'elsewhere');
    expect(findChromium({ PATH: tempDir() }, [join(second, 'missing'), fallback])).toEqual({
      kind: 'found',
      path: fallback,
    });
  });

  it('skips with a note saying what it looked for, and fails instead when REVOPS_REQUIRE_BROWSER=1', () => {
    const empty = tempDir();
    const skipped = findChromium({ PATH: empty }, ['/nonexistent/chromium']);
    expect(skipped.kind).toBe('skip');
    const note = skipped.kind === 'skip' ? skipped.note : '';
    expect(note).toMatch(/^browser tests skipped: no Chromium found .*chromium-browser.*\/nonexistent\/chromium/);
    expect(note).toContain('REVOPS_REQUIRE_BROWSER=1');
    const required = findChromium({ PATH: empty, REVOPS_REQUIRE_BROWSER: '1' }, ['/nonexistent/chromium']);
    expect(required).toEqual({ kind: 'fail', message: expect.stringMatching(/^The browser tests are required/) });
  });
});
