import cliProgress from 'cli-progress';
import { terminalText } from '../reporters/sanitize.js';

/** A progress bar that is a no-op when it should stay silent. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

/**
 * A bar on stderr, only when stderr is a terminal and the caller wants one: piped or
 * captured output (CI logs, tests) never gets control characters.
 */
export function startProgress(options: { total: number; label: string; enabled: boolean }): Progress {
  if (!options.enabled || process.stderr.isTTY !== true) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${terminalText(options.label)} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(options.total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}

/**
 * An `onProgress` for reading pipeline data: one bar over the bytes of every file begun so
 * far (files may be read two at a time, on two threads). Returns the callback and a `stop`
 * for when reading ends (also on failure).
 */
export function startReadProgress(enabled: boolean): {
  onProgress: (p: { file: string; bytesRead: number; totalBytes: number }) => void;
  stop: () => void;
} {
  const files = new Map<string, { read: number; total: number }>();
  let bar: Progress | undefined;
  let total = 0;
  let read = 0;
  return {
    onProgress(p) {
      const known = files.get(p.file);
      if (known === undefined) {
        files.set(p.file, { read: p.bytesRead, total: p.totalBytes });
        total += p.totalBytes;
        read += p.bytesRead;
        bar?.stop();
        bar = startProgress({ total, label: 'reading data', enabled });
      } else {
        read += p.bytesRead - known.read;
        known.read = p.bytesRead;
      }
      bar?.update(read);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * A bar over the steps of an evaluation (`revops evaluate`, twice for `revops impact`), on
 * stderr only when it is a terminal and the caller wants one.
 */
export function startStepProgress(
  label: string,
  enabled: boolean,
): { onStep: (step: string, done: number, total: number) => void; stop: () => void } {
  let bar: Progress | undefined;
  return {
    onStep(_step, done, total) {
      bar ??= startProgress({ total, label, enabled });
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
