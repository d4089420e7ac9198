import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { IoError } from '../core/errors.js';
import type { FileIo } from '../core/io.js';

/** Everything a command touches outside the core: files, output streams, environment. */
export interface CliIo extends FileIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is an interactive terminal (for colour). */
  isTty: boolean;
  /** Copy a directory tree (used by `init`). */
  exists(path: string): Promise<boolean>;
  mkdir(path: string): Promise<void>;
}

export const nodeFileIo: FileIo = {
  async readDir(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      isFile: e.isFile(),
      isDirectory: e.isDirectory(),
      isSymbolicLink: e.isSymbolicLink(),
    }));
  },
  async fileSize(file) {
    return (await stat(file)).size;
  },
  async readFile(file) {
    return readFile(file);
  },
  readStream(file) {
    // Chunks under V8's large-object size keep the decoded text in the young generation.
    return createReadStream(file, { highWaterMark: 64 * 1024 });
  },
  async writeFile(file, data) {
    try {
      await writeFile(file, data, 'utf8');
    } catch (cause) {
      // An unwritable target (`-o` a directory, a missing directory) is the user's to fix: exit 2, no stack trace.
      throw new IoError((cause as Error).message, { cause });
    }
  },
};
