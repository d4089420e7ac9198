/**
 * A browser that hangs on start or dies at once: the tests fail within the launch bound, with a
 * message that says so and what the browser said, instead of hanging or passing, and no process
 * of it is left behind.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { browserTimeouts, useChromium } from '../helpers/browser.js';
import { listDescendants } from '../helpers/browser-processes.js';
import { makeTempDir } from '../helpers/paths.js';

const temp = makeTempDir('revops-browser-');
afterAll(() => temp.cleanup());

function writeProgram(name: string, script: string): string {
  const path = join(temp.dir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

const hanging = writeProgram('hanging-chromium', 'exec sleep 67');
const dying = writeProgram('dying-chromium', 'echo "cannot open the display" >&2\nexit 1');
const quick = { ...browserTimeouts, launchMs: 1_500 };

describe('a browser that never starts', () => {
  const session = useChromium({ kind: 'found', path: hanging }, quick);

  it('fails the test after the launch bound, saying so, and leaves no process behind', async (context) => {
    await expect(session.open('desktop', context)).rejects.toThrow(
      /^Chromium \(.*hanging-chromium\) did not start \(stopped what it left running: \d+\): .*Timeout 1500ms exceeded/s,
    );
    for (let i = 0; i < 50 && listDescendants(/^sleep 67$/).length > 0; i++) await sleep(100);
    expect(listDescendants(/^sleep 67$/)).toEqual([]);
  });
});

describe('a browser that dies at once', () => {
  const session = useChromium({ kind: 'found', path: dying }, quick);

  it('fails the test with what the browser said', async (context) => {
    await expect(session.open('phone', context)).rejects.toThrow(
      /^Chromium \(.*dying-chromium\) did not start: .*cannot open the display/s,
    );
  });
});
