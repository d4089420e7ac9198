import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../src/cli/cli-io.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/program.js';
import { examplePolicies } from '../helpers/paths.js';

/** A run whose stdout fails with an error revops does not know: a stand-in for a bug. */
async function runWithBrokenStdout(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = {
    ...nodeFileIo,
    stdout: () => {
      throw new TypeError('stdout broke');
    },
    stderr: (t) => void (stderr += t),
    env: { NO_COLOR: '1' },
    isTty: false,
    exists: () => Promise.resolve(true),
    mkdir: () => Promise.resolve(),
  };
  const code = await runCli(args, io);
  return { code, stderr };
}

describe('an unexpected error', () => {
  it('exits 2 saying "internal error", without a stack', async () => {
    const run = await runWithBrokenStdout(['validate', '--policies', examplePolicies]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('revops: internal error: stdout broke\n(run with --debug for the stack)\n');
  });

  it.each([
    ['before the command', ['--debug', 'validate', '--policies', examplePolicies]],
    ['after the command', ['validate', '--policies', examplePolicies, '--debug']],
  ])('prints its stack with --debug %s', async (_where, args) => {
    const run = await runWithBrokenStdout(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^revops: internal error: TypeError: stdout broke\n {4}at /);
  });
});
