/**
 * `npm run bench`: measures this machine, reports ratios against a baseline run in the same
 * process, and writes bench-results/bench.json. Not a test: numbers vary by machine.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { nodeFileIo } from '../cli/cli-io.js';
import { packageRoot } from '../cli/package-root.js';
import { loadPolicyDir } from '../core/policy/load.js';
import { writePolicyCorpus } from './policy-corpus.js';

const FILES = 200;
const LINES = 500;
const RUNS = 7;

async function timeMedian(label: string, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn(); // warm-up: JIT and ajv compilation
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  process.stdout.write(`  ${label.padEnd(44)} ${median.toFixed(1).padStart(8)} ms (median of ${RUNS})\n`);
  return median;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'revops-bench-'));
  try {
    writePolicyCorpus(dir, join(packageRoot, 'policies'), FILES, LINES);
    const files = readdirSync(dir).map((f) => join(dir, f));
    const totalLines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length - 1, 0);
    process.stdout.write(`validate: ${files.length} policy files, ${totalLines} lines\n`);

    const baseline = await timeMedian('baseline: read + yaml.parse (no checks)', () => {
      for (const file of files) parse(readFileSync(file, 'utf8'));
    });
    let issues = 0;
    const full = await timeMedian('revops validate: safe parse + schema + semantic', async () => {
      const result = await loadPolicyDir(dir, nodeFileIo);
      issues = result.issues.length;
    });
    if (issues !== 0) throw new Error(`the benchmark corpus should be valid, found ${issues} issues`);
    const ratio = full / baseline;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    process.stdout.write(`  ratio to baseline: ${ratio.toFixed(2)}×; peak RSS ${rssMb.toFixed(0)} MB\n`);

    const result = {
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      validate: { files: files.length, lines: totalLines, baselineMs: baseline, validateMs: full, ratioToBaseline: ratio },
      peakRssMb: rssMb,
    };
    const outDir = join(packageRoot, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`wrote ${join(outDir, 'bench.json')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
