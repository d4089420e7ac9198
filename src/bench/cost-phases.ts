/**
 * Cost bounded by the input's size: `validate` on a mapping of 40k keys against the plain
 * parse of the same file, and `revops evaluate` with one far-future or far-past row against
 * the same data without it. Each is a ratio to its plain case (close to 1 when the cost
 * grows with the input, not with its shape); `npm run bench -- --only cost` runs them alone.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { packageRoot } from '../cli/package-root.js';
import { loadPolicySources } from '../core/policy/load.js';

const KEYS = 40_000;
const RUNS = 7;
const bin = join(packageRoot, 'dist', 'cli', 'bin.js');

interface Spread {
  median: number;
  min: number;
  max: number;
}

function spreadOf(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/**
 * Runs every case once per round, in turn (so a slow moment of a shared machine hits them alike),
 * after a warm-up round.
 */
function timeInTurn(cases: Record<string, () => void>, runs = RUNS): Record<string, Spread> {
  const times: Record<string, number[]> = {};
  for (let round = -1; round < runs; round++) {
    for (const [name, run] of Object.entries(cases)) {
      const start = performance.now();
      run();
      if (round >= 0) (times[name] ??= []).push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, spreadOf(t)]));
}

const show = (s: Spread): string => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;

/** The ratio of two medians, and its range over the runs (fastest over slowest plain run, slowest over fastest). */
function ratioOf(a: Spread, b: Spread): { ratio: number; low: number; high: number } {
  return { ratio: a.median / b.median, low: a.min / b.max, high: a.max / b.min };
}

function policyText(lines: (i: number) => string): string {
  return (
    'apiVersion: revops/v1\nkind: Calendar\nmetadata:\n  name: cal\n  owner: revops\n  description: A calendar.\nspec:\n  timeZone: UTC\n  workingHours: [{days: [mon], start: "09:00", end: "17:00"}]\n' +
    Array.from({ length: KEYS }, (_, i) => lines(i)).join('')
  );
}

function benchValidate(): Record<string, unknown> {
  const files = {
    'unknown keys': policyText((i) => `  k${i}: 1\n`),
    'repeated keys': policyText((i) => `  k${i % (KEYS / 2)}: 1\n`),
  };
  const out: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(files)) {
    const bytes = new TextEncoder().encode(text);
    let issues = 0;
    const t = timeInTurn({
      parse: () => parseDocument(text, { uniqueKeys: false }),
      validate: () => {
        issues = loadPolicySources([{ file: 'cal.yaml', bytes }]).issues.length;
      },
    });
    const r = ratioOf(t.validate as Spread, t.parse as Spread);
    process.stdout.write(
      `  validate, a mapping of ${KEYS.toLocaleString('en-US')} ${name} (${(bytes.byteLength / 1024).toFixed(0)} KiB, ${issues} issues shown): ${show(t.validate as Spread)}; plain yaml parse of the same file ${show(t.parse as Spread)}: ${r.ratio.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)})\n`,
    );
    out[name] = { bytes: bytes.byteLength, validateMs: t.validate, parseMs: t.parse, ...r };
  }
  return out;
}

function benchEvaluate(): Record<string, unknown> {
  const root = mkdtempSync(join(tmpdir(), 'revops-bench-cost-'));
  try {
    const dirs = { plain: join(root, 'plain'), 'far future': join(root, 'future'), 'far past': join(root, 'past') };
    for (const dir of Object.values(dirs)) cpSync(join(packageRoot, 'examples', 'data'), dir, { recursive: true });
    appendFileSync(
      join(dirs['far future'], 'activities.csv'),
      'ACT-FUTURE,L0000001,,email,outbound,9999-06-01T00:00:00Z,U009,sent,,\n',
    );
    appendFileSync(
      join(dirs['far past'], 'activities.csv'),
      'ACT-PAST,L0000001,,email,outbound,0001-06-01T00:00:00Z,U009,sent,,\n',
    );
    const codes: Record<string, number | null> = {};
    const cases = Object.fromEntries(
      Object.entries(dirs).map(([name, dir]) => [
        name,
        () => {
          const run = spawnSync(
            process.execPath,
            [
              bin,
              'evaluate',
              '--policies',
              join(packageRoot, 'policies'),
              '--data',
              dir,
              '--format',
              'json',
              '--quiet',
            ],
            { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
          );
          codes[name] = run.status;
        },
      ]),
    );
    const t = timeInTurn(cases, 5);
    const plain = t.plain as Spread;
    process.stdout.write(
      `  revops evaluate, the example data (${readFileSync(join(dirs.plain, 'leads.csv'), 'utf8').trimEnd().split('\n').length - 1} leads), the whole command: ${show(plain)}, exit ${codes.plain}\n`,
    );
    const out: Record<string, unknown> = { plainMs: plain };
    for (const name of ['far future', 'far past'] as const) {
      const r = ratioOf(t[name] as Spread, plain);
      process.stdout.write(
        `    with one activity dated in the ${name} (year ${name === 'far future' ? 9999 : 1}): ${show(t[name] as Spread)}, exit ${codes[name]}: ${r.ratio.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)})\n`,
      );
      out[name] = { ms: t[name], exitCode: codes[name], ...r };
    }
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function benchCost(): Record<string, unknown> {
  process.stdout.write('cost bounded by size (ratios to the plain case, median and range of the runs):\n');
  return { validate: benchValidate(), evaluate: benchEvaluate() };
}
