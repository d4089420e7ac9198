import { mkdir, stat } from 'node:fs/promises';
import type { CliIo } from './cli-io.js';
import { nodeFileIo } from './cli-io.js';

/** The real process: files on disk, stdout/stderr, the environment. */
export function createNodeIo(): CliIo {
  return {
    ...nodeFileIo,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    isTty: process.stdout.isTTY === true,
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
}
