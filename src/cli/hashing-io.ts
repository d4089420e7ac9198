import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { FileIo } from '../core/io.js';

/** A FileIo that hashes (sha256) every file it reads, as it reads it: no second pass over big data. */
export interface HashingIo {
  io: FileIo;
  /** One sha256 over `path\0sha256(content)\n` for every file read under `root`, in path order. */
  digest(root: string): string;
  /** The sha256 of a file read in full, if it was. */
  fileHash(file: string): string | undefined;
  /** Counts a file read elsewhere (another thread) by the sha256 found there. */
  note(file: string, sha256: string): void;
}

export function createHashingIo(inner: FileIo): HashingIo {
  const hashes = new Map<string, string>();
  const io: FileIo = {
    readDir: (dir) => inner.readDir(dir),
    fileSize: (file) => inner.fileSize(file),
    writeFile: (file, data) => inner.writeFile(file, data),
    async readFile(file) {
      const bytes = await inner.readFile(file);
      hashes.set(file, createHash('sha256').update(bytes).digest('hex'));
      return bytes;
    },
    readStream(file) {
      const source = inner.readStream(file);
      return {
        async *[Symbol.asyncIterator]() {
          const hash: Hash = createHash('sha256');
          for await (const chunk of source) {
            hash.update(chunk);
            yield chunk;
          }
          hashes.set(file, hash.digest('hex'));
        },
      };
    },
  };
  return {
    io,
    fileHash: (file) => hashes.get(file),
    note: (file, sha256) => void hashes.set(file, sha256),
    digest(root) {
      const prefix = root.endsWith('/') ? root : `${root}/`;
      const all = createHash('sha256');
      const files = [...hashes.keys()].filter((f) => f.startsWith(prefix) || root === '.').sort();
      for (const file of files)
        all.update(`${file.startsWith(prefix) ? file.slice(prefix.length) : file}\0${hashes.get(file)}\n`);
      return all.digest('hex');
    },
  };
}
