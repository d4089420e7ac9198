/**
 * `npm run bench`: measures this machine, reports ratios against a baseline run in the same
 * process, and writes bench-results/bench.json. Not a test: numbers vary by machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { nodeFileIo } from '../cli/cli-io.js';
import { packageRoot } from '../cli/package-root.js';
import { loadPolicyDir } from '../core/policy/load.js';
import { benchCost } from './cost-phases.js';
import { writePolicyCorpus } from './policy-corpus.js';
import { benchVersion } from './startup-phase.js';

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

const bin = join(packageRoot, 'dist', 'cli', 'bin.js');
const phases = join(packageRoot, 'dist', 'bench', 'data-phases.js');

/** Runs one data phase in its own process (its own peak RSS) and returns its JSON line. */
function runPhase(args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, [phases, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}

const PHASE_RUNS = 3;

/**
 * Runs a phase `PHASE_RUNS` times, each in its own process, and returns the run with the
 * median `key`, with every run's `key` under `runs` (times here vary by ±10 % run to run).
 */
function runPhaseMedian(args: string[], key: string): Record<string, unknown> {
  const results = Array.from({ length: PHASE_RUNS }, () => runPhase(args)).sort(
    (a, b) => Number(a[key]) - Number(b[key]),
  );
  return { ...results[Math.floor(PHASE_RUNS / 2)], runs: results.map((r) => r[key]) };
}

const range = (r: Record<string, unknown>, digits = 2): string => {
  const runs = (r.runs as number[]).map((v) => Number(v).toFixed(digits));
  return `median of ${runs.length}: ${runs.join(', ')}`;
};

/** Generates the pipeline data set (seeded) into `dir`. */
function generateData(dir: string, leads: number): number {
  const opportunities = Math.round(leads / 4);
  const start = performance.now();
  execFileSync(
    process.execPath,
    [
      bin,
      'sample-data',
      '--leads',
      String(leads),
      '--opportunities',
      String(opportunities),
      '--scale-capacity',
      String(Math.max(1, Math.round(leads / 20000))),
      '--seed',
      '7',
      '--output',
      dir,
      '--policies',
      join(packageRoot, 'policies'),
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  process.stdout.write(
    `data: generated ${leads} leads, ${opportunities} opportunities in ${((performance.now() - start) / 1000).toFixed(1)} s\n`,
  );
  return opportunities;
}

/** A 5-value `impact --sweep` against 5 separate impact computations on the same data (one process, in turn). */
function benchSweep(dir: string): Record<string, unknown> {
  const r = runPhase(['sweep', dir]);
  const s = (x: unknown) => {
    const v = x as { median: number; min: number; max: number };
    return `${v.median.toFixed(2)} s (${v.min.toFixed(2)}–${v.max.toFixed(2)})`;
  };
  process.stdout.write(
    `  impact --sweep of ${r.values} values: ${s(r.sweep)} against ${r.values} separate impacts ${s(r.separate)}: ${Number(r.ratio).toFixed(2)}× (${Number(r.ratioLow).toFixed(2)}–${Number(r.ratioHigh).toFixed(2)}), peak RSS ${Math.round(Number(r.peakRssMb))} MiB\n`,
  );
  return r;
}

/** Generates the pipeline data set (seeded) and measures reading, rule evaluation and classification. */
function benchData(leads: number): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'revops-bench-data-'));
  try {
    const opportunities = generateData(dir, leads);
    const reads: Record<string, unknown>[] = [];
    for (const entity of ['leads', 'opportunities', 'activities']) {
      const r = runPhase(['read', dir, entity]);
      reads.push(r);
      process.stdout.write(
        `  read ${entity.padEnd(14)} ${String(r.rows).padStart(9)} rows  ${Number(r.seconds).toFixed(2).padStart(6)} s  ${Math.round(Number(r.rowsPerSecond)).toLocaleString('en-US').padStart(9)} rows/s  ${Number(r.mbPerSecond).toFixed(1).padStart(5)} MB/s  peak RSS ${Math.round(Number(r.peakRssMb))} MiB\n`,
      );
    }
    const rules = runPhase(['rules', dir]);
    process.stdout.write(
      `  rules: the lead definition's ${rules.rules} rules × ${rules.rows} leads as classification evaluates them (one rule set) ${Number(rules.ruleSetSeconds).toFixed(2)} s (${Number(rules.ruleSetRatio).toFixed(1)}× json-logic-js), each rule called on its own ${Number(rules.compiledSeconds).toFixed(2)} s (${Number(rules.ratio).toFixed(1)}×), json-logic-js ${Number(rules.jsonLogicJsSeconds).toFixed(2)} s (same rows, same process)\n`,
    );
    const classify = runPhase(['classify', dir]);
    process.stdout.write(
      `  read + classify ${classify.leads} leads end to end: ${Number(classify.totalSeconds).toFixed(2)} s (read ${Number(classify.readSeconds).toFixed(2)} s, classify ${Number(classify.classifySeconds).toFixed(2)} s), peak RSS ${Math.round(Number(classify.peakRssMb))} MiB\n`,
    );
    const evaluate = runPhaseMedian(['evaluate', dir], 'totalSeconds');
    const share = Number(evaluate.evaluateSeconds) / Number(evaluate.totalSeconds);
    process.stdout.write(
      `  evaluate (read everything + compute): ${Number(evaluate.totalSeconds).toFixed(2)} s (read ${Number(evaluate.readSeconds).toFixed(2)} s, compute ${Number(evaluate.evaluateSeconds).toFixed(2)} s: ${(share * 100).toFixed(0)} % computing; ${range(evaluate)}), peak RSS ${Math.round(Number(evaluate.peakRssMb))} MiB\n`,
    );
    const cli = runPhaseMedian(['cli', dir], 'seconds');
    process.stdout.write(
      `  revops evaluate --format json, the whole command (validate policies, read and hash the data, compute, write the report): ${Number(cli.seconds).toFixed(2)} s (${range(cli)}), peak RSS ${Math.round(Number(cli.peakRssMb))} MiB\n`,
    );
    const impact = runPhaseMedian(['impact', dir], 'impactRatio');
    process.stdout.write(
      `  impact (read once, two evaluations + diff): ${Number(impact.impactTotalSeconds).toFixed(2)} s = ${Number(impact.impactRatio).toFixed(2)}× one evaluate in the same process (${Number(impact.totalSeconds).toFixed(2)} s; ${range(impact)}), peak RSS ${Math.round(Number(impact.peakRssMb))} MiB\n`,
    );
    const sweep = benchSweep(dir);
    return { leads, opportunities, reads, rules, classify, evaluate, cli, impact, sweep };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeResult(name: string, result: object): void {
  const outDir = join(packageRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, name), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`wrote ${join(outDir, name)}\n`);
}

async function main(): Promise<void> {
  // `--only cost`: the cost-bound phases alone (a minute, not ten); `--only version`: start-up.
  const only = process.argv.indexOf('--only');
  if (only > 0 && process.argv[only + 1] === 'cost') {
    writeResult('bench-cost.json', { machine: { node: process.version }, cost: benchCost() });
    return;
  }
  if (only > 0 && process.argv[only + 1] === 'version') {
    writeResult('bench-version.json', { machine: { node: process.version }, version: benchVersion() });
    return;
  }
  const leadsArg = process.argv.indexOf('--leads');
  const leads = leadsArg > 0 ? Number(process.argv[leadsArg + 1]) : 1_000_000;
  // `--only sweep`: the sweep phase alone, on generated data of --leads (minutes at 1M).
  if (only > 0 && process.argv[only + 1] === 'sweep') {
    const dir = mkdtempSync(join(tmpdir(), 'revops-bench-data-'));
    try {
      generateData(dir, leads);
      writeResult('bench-sweep.json', { machine: { node: process.version }, leads, sweep: benchSweep(dir) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const version = benchVersion();
  const data = benchData(leads);
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
    process.stdout.write(`  ratio to baseline: ${ratio.toFixed(2)}×; peak RSS ${rssMb.toFixed(0)} MiB\n`);

    const result = {
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      validate: {
        files: files.length,
        lines: totalLines,
        baselineMs: baseline,
        validateMs: full,
        ratioToBaseline: ratio,
      },
      peakRssMb: rssMb,
      version,
      data,
      cost: benchCost(),
    };
    writeResult('bench.json', result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
