import { mkdir, stat } from 'node:fs/promises';
import { nodeFileIo } from '../../src/cli/cli-io.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/program.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `revops` in-process against the real file system, capturing its output; no colour. */
export async function runRevops(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...nodeFileIo,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { NO_COLOR: '1', ...env },
    isTty: false,
    async exists(path) {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    async mkdir(path) {
      await mkdir(path, { recursive: true });
    },
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
