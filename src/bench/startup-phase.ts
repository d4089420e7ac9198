import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../cli/package-root.js';

const RUNS = 15;

/** Median and range of a list of milliseconds. */
export interface Spread {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

function summarise(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, minMs: sorted[0] ?? 0, maxMs: sorted.at(-1) ?? 0 };
}

function timeProcess(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - start;
}

/**
 * `revops --version` against `node -e 0` (Node's own start-up), each run in a new process,
 * alternating so that a busy moment on the machine weighs on both alike.
 */
export function benchVersion(): { runs: number; baseline: Spread; version: Spread; extraMs: number; ratio: number } {
  const bin = join(packageRoot, 'dist', 'cli', 'bin.js');
  timeProcess(['-e', '0']); // warm-up: file cache
  timeProcess([bin, '--version']);
  const baseline: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(timeProcess(['-e', '0']));
    version.push(timeProcess([bin, '--version']));
  }
  const result = { runs: RUNS, baseline: summarise(baseline), version: summarise(version) };
  const extraMs = result.version.medianMs - result.baseline.medianMs;
  const ratio = result.version.medianMs / result.baseline.medianMs;
  const range = (s: Spread) => `median ${s.medianMs.toFixed(0)} ms (${s.minMs.toFixed(0)}–${s.maxMs.toFixed(0)})`;
  process.stdout.write(
    `version: revops --version ${range(result.version)}, node -e 0 ${range(result.baseline)}, ${RUNS} runs each: ` +
      `${ratio.toFixed(2)}× Node's start-up, +${extraMs.toFixed(0)} ms\n`,
  );
  return { ...result, extraMs, ratio };
}
