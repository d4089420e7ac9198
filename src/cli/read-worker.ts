/**
 * The second thread's entry: reads the entity files it is sent, one after another, and
 * posts back what it read — rows as columns, whose typed arrays are handed over rather
 * than copied — with each file's sha256 (see `read-elsewhere.ts`).
 */
import { parentPort } from 'node:worker_threads';
import { RevopsError } from '../core/errors.js';
import { readEntityFile } from '../core/data/read-entity.js';
import type { LoadProgress } from '../core/data/types.js';
import { nodeFileIo } from './cli-io.js';
import { createHashingIo } from './hashing-io.js';
import type { ReadReply, ReadRequest } from './read-elsewhere.js';

const port = parentPort;
if (port === null) throw new Error('read-worker.js runs as a worker thread only');

function reply(message: ReadReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** Progress is passed on at most this often (and at the end of a file). */
const PROGRESS_EVERY_MS = 100;

async function read({ id, job, isHashed }: ReadRequest): Promise<void> {
  const hashing = isHashed ? createHashingIo(nodeFileIo) : undefined;
  let last = 0;
  const onProgress = (progress: LoadProgress): void => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && progress.bytesRead < progress.totalBytes) return;
    last = now;
    reply({ id, kind: 'progress', progress });
  };
  try {
    const result = await readEntityFile(job, hashing?.io ?? nodeFileIo, onProgress);
    const buffers = Object.values(result.table.columns).map(
      (column) => (column.kind === 'text' ? column.codes.buffer : column.values.buffer) as ArrayBuffer,
    );
    reply({ id, kind: 'done', read: result, sha256: hashing?.fileHash(job.source.file) }, buffers);
  } catch (error) {
    reply({
      id,
      kind: 'failed',
      code: error instanceof RevopsError ? error.code : 'internal',
      message: (error as Error).message,
    });
  }
}

let queue = Promise.resolve();
port.on('message', (request: ReadRequest) => {
  queue = queue.then(() => read(request));
});
