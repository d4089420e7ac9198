import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RevopsError } from '../core/errors.js';
import type { RevopsErrorCode } from '../core/errors.js';
import type { EntityRead, EntityReadJob } from '../core/data/read-entity.js';
import type { LoadProgress } from '../core/data/types.js';

/** Sent to the reading thread. */
export interface ReadRequest {
  id: number;
  job: EntityReadJob;
  /** Hash the file as it is read (see `ReadElsewhereOptions.onHash`). */
  isHashed: boolean;
}

/** Sent back by the reading thread. */
export type ReadReply =
  | { id: number; kind: 'progress'; progress: LoadProgress }
  | { id: number; kind: 'done'; read: EntityRead; sha256: string | undefined }
  | { id: number; kind: 'failed'; code: RevopsErrorCode; message: string };

export interface ReadElsewhereOptions {
  /** The compiled worker script; default `read-worker.js` beside this file. */
  workerFile?: string;
  /** Files smaller than this are read on the main thread (starting a thread costs more). Default 8 MB. */
  minBytes?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Called with the sha256 of every file read on the second thread. */
  onHash?: (file: string, sha256: string) => void;
}

/**
 * Reads entity files on a second thread, while the main thread reads the leads (see
 * `LoadPipelineOptions.readElsewhere`).
 */
export interface ReadElsewhere {
  readElsewhere: (job: EntityReadJob) => Promise<EntityRead> | undefined;
  /** Stops the thread; call when loading is over, whatever its outcome. */
  close(): Promise<void>;
}

const defaultWorkerFile = fileURLToPath(new URL('./read-worker.js', import.meta.url));

/**
 * A second thread for reading pipeline data, started on the first file it takes. Every
 * entity but the leads goes there when its file is big enough, so on a machine with two
 * cores the leads and the rest are read at the same time. Undefined when there is no
 * compiled worker script (running from the TypeScript sources): everything is read here.
 */
export function createReadElsewhere(options: ReadElsewhereOptions = {}): ReadElsewhere | undefined {
  const workerFile = options.workerFile ?? defaultWorkerFile;
  if (!workerFile.endsWith('.js') || !existsSync(workerFile)) return undefined;
  const minBytes = options.minBytes ?? 8_000_000;
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (read: EntityRead) => void; reject: (error: Error) => void; file: string }
  >();

  const failAll = (error: Error): void => {
    for (const { reject, file } of pending.values())
      reject(new RevopsError('io', `Cannot read ${file} on a second thread: ${error.message}`, { cause: error }));
    pending.clear();
    // A thread that failed takes no more files; the next one starts a new thread.
    worker = undefined;
  };
  const start = (): Worker => {
    const started = new Worker(workerFile);
    started.on('message', (message: ReadReply) => {
      const waiting = pending.get(message.id);
      if (waiting === undefined) return;
      if (message.kind === 'progress') {
        options.onProgress?.(message.progress);
        return;
      }
      pending.delete(message.id);
      if (message.kind === 'failed') {
        waiting.reject(new RevopsError(message.code, message.message));
        return;
      }
      if (message.sha256 !== undefined) options.onHash?.(waiting.file, message.sha256);
      waiting.resolve(message.read);
    });
    started.on('error', failAll);
    started.on('exit', (code) => failAll(new Error(`the thread stopped (exit code ${code})`)));
    return started;
  };

  return {
    readElsewhere(job) {
      if (job.source.entity === 'leads' || job.bytes < minBytes) return undefined;
      worker ??= start();
      const id = nextId++;
      const request: ReadRequest = { id, job, isHashed: options.onHash !== undefined };
      const read = new Promise<EntityRead>((resolve, reject) =>
        pending.set(id, { resolve, reject, file: job.source.file }),
      );
      worker.postMessage(request);
      return read;
    },
    async close() {
      const running = worker;
      worker = undefined;
      pending.clear();
      if (running !== undefined) await running.terminate();
    },
  };
}
