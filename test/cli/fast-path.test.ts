import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeFileIo } from '../../src/cli/cli-io.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { loadCommandData } from '../../src/cli/load-data.js';
import { isFastPath, setFastPath } from '../../src/core/fast-path.js';
import { RuleGenerator } from '../../src/core/logic/generate.js';
import { loadPolicyDir } from '../../src/core/policy/load.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

/** Runs `revops` and counts the rule functions it generates (none with the fast path off). */
async function runCounting(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string; generated: number }> {
  const build = vi.spyOn(RuleGenerator.prototype, 'build');
  try {
    const run = await runRevops(args, env);
    return { ...run, generated: build.mock.calls.length };
  } finally {
    build.mockRestore();
  }
}

const evaluateJson = ['evaluate', '-q', '--format', 'json'];

describe('REVOPS_FAST_PATH and --slow-path', () => {
  const tempDir = useTempDirs();
  const outer = isFastPath();
  afterEach(() => {
    setFastPath(outer);
  });

  it('give the same report with the speed-only paths off, and leave the setting as it was', async () => {
    const fast = await runCounting(evaluateJson, { REVOPS_FAST_PATH: '1' });
    expect(fast.code).toBe(0);
    expect(fast.generated).toBeGreaterThan(0);
    for (const [args, env] of [
      [evaluateJson, { REVOPS_FAST_PATH: '0' }],
      [['--slow-path', ...evaluateJson], { REVOPS_FAST_PATH: '1' }],
      [[...evaluateJson, '--slow-path'], {}],
    ] as const) {
      const slow = await runCounting([...args], env);
      expect(slow.generated, args.join(' ')).toBe(0);
      expect(slow.code).toBe(0);
      expect(slow.stdout).toBe(fast.stdout);
      expect(isFastPath()).toBe(outer);
    }
  });

  it('refuses a value that is neither 0 nor 1, before running the command', async () => {
    const run = await runCounting(evaluateJson, { REVOPS_FAST_PATH: 'off' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('REVOPS_FAST_PATH must be 0');
    expect(run.generated).toBe(0);
    expect(isFastPath()).toBe(outer);
  });

  it('keeps every file on this thread with the fast path off', async () => {
    // A "worker" that fails as soon as it starts: any file sent to it fails the read.
    const workerFile = join(tempDir(), 'failing-worker.js');
    writeFileSync(workerFile, "throw new Error('this thread must not be used');\n");
    const { set } = await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo);
    const io: CliIo = {
      ...nodeFileIo,
      stdout: () => {},
      stderr: () => {},
      env: {},
      isTty: false,
      exists: async () => true,
      mkdir: async () => {},
    };
    const load = () =>
      loadCommandData(io, {
        data: join(repoRoot, 'examples', 'data'),
        quiet: true,
        set,
        thread: { workerFile, minBytes: 0 },
        now: Date.parse('2026-12-01T00:00:00Z'),
        allowPartialData: false,
      });
    setFastPath(true);
    await expect(load()).rejects.toThrow(/on a second thread/);
    setFastPath(false);
    const data = await load();
    expect(data.files.length).toBeGreaterThan(1);
    expect(data.files.every((f) => f.rowsRead === f.rowsEvaluated + f.rowsRejected)).toBe(true);
  });
});
