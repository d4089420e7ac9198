/**
 * One phase of the data benchmark, run in its own process so each reports its own peak RSS:
 *   node dist/bench/data-phases.js read <dir> <entity>    read one entity file
 *   node dist/bench/data-phases.js rules <dir>             compiled rules vs json-logic-js on the same leads
 *   node dist/bench/data-phases.js classify <dir>          read + classify every lead, end to end
 *   node dist/bench/data-phases.js evaluate <dir>          read everything + revops evaluate's computation
 *   node dist/bench/data-phases.js impact <dir>            the same, then revops impact's on the same rows
 *   node dist/bench/data-phases.js cli <dir>               `revops evaluate --format json`, in this process
 *   node dist/bench/data-phases.js sweep <dir>             a 5-value `impact --sweep` against 5 separate impacts
 * Prints one JSON line. `REVOPS_FAST_PATH=0` measures the general paths alone (see `core/fast-path.ts`).
 */
import { linkSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import jsonLogic from 'json-logic-js';
import { nodeFileIo } from '../cli/cli-io.js';
import { createNodeIo } from '../cli/node-io.js';
import { packageRoot } from '../cli/package-root.js';
import { runCli } from '../cli/program.js';
import { loadPipelineData } from '../core/data/load.js';
import { readFastPathSwitch, setFastPath } from '../core/fast-path.js';
import { findLatestTimestamp } from '../core/engine/as-of.js';
import { compileLeadDefinition } from '../core/engine/classify.js';
import { selectFieldsRead } from '../core/engine/fields-read.js';
import { compileRule, compileRuleSet } from '../core/logic/compile.js';
import { canonicalModel } from '../core/model/canonical.js';
import { loadPolicyDir } from '../core/policy/load.js';
import { evaluatePhase } from './engine-phases.js';
import { sweepPhase } from './sweep-phase.js';
import type { Policy } from '../core/policy/types.js';

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Every rule of a lead definition, as written. */
function leadRules(def: Policy<'LeadDefinition'>): unknown[] {
  const s = def.spec;
  return [
    ...(s.exclusions ?? []).map((r) => r.when),
    ...(s.handRaisers ?? []).map((r) => r.when),
    ...(['fit', 'engagement'] as const).flatMap((c) =>
      (s.scoring?.[c]?.rules ?? []).flatMap((r) => [r.when, typeof r.points === 'number' ? undefined : r.points]),
    ),
    ...s.classes.map((c) => c.when),
  ].filter((r) => r !== undefined);
}

async function loadDefinition(): Promise<Policy<'LeadDefinition'>> {
  const { set } = await loadPolicyDir(join(packageRoot, 'policies'), nodeFileIo);
  const def = set.LeadDefinition[0];
  if (def === undefined) throw new Error('the example policies have no LeadDefinition');
  return def;
}

/** A directory holding only `file` (a hard link), so one entity is read alone. */
function isolate(dir: string, file: string): { dir: string; cleanup: () => void } {
  const only = mkdtempSync(join(tmpdir(), 'revops-bench-entity-'));
  linkSync(join(dir, file), join(only, file));
  return { dir: only, cleanup: () => rmSync(only, { recursive: true, force: true }) };
}

async function readPhase(dir: string, entity: string): Promise<object> {
  const file = `${entity}.csv`;
  const bytes = statSync(join(dir, file)).size;
  const only = isolate(dir, file);
  try {
    const start = performance.now();
    const data = await loadPipelineData(only.dir, nodeFileIo);
    const seconds = (performance.now() - start) / 1000;
    const accounting = data.files[0];
    return {
      entity,
      rows: accounting?.rowsRead ?? 0,
      rejected: accounting?.rowsRejected ?? 0,
      seconds,
      rowsPerSecond: (accounting?.rowsRead ?? 0) / seconds,
      mbPerSecond: bytes / 1e6 / seconds,
      peakRssMb: peakRssMb(),
    };
  } finally {
    only.cleanup();
  }
}

async function rulesPhase(dir: string): Promise<object> {
  const def = await loadDefinition();
  const only = isolate(dir, 'leads.csv');
  const data = await loadPipelineData(only.dir, nodeFileIo);
  only.cleanup();
  const rows = data.leads;
  const asOf = findLatestTimestamp(data) ?? 0;
  const fieldTypes = Object.fromEntries(Object.entries(canonicalModel.leads).map(([n, s]) => [n, s.type]));
  const rules = leadRules(def);
  const compiled = rules.map((rule) => compileRule(rule, { asOf, fieldTypes }));
  // json-logic-js reads plain objects; give it the same rows as such (not timed).
  const plain = rows.map((row) => ({ ...row }));
  let sink = 0;
  const time = (fn: () => void): number => {
    const start = performance.now();
    fn();
    return (performance.now() - start) / 1000;
  };
  const set = compileRuleSet(rules, { asOf, fieldTypes });
  const results = new Array<unknown>(rules.length);
  // Warm-up, the same for every side: the first 10,000 rows (or all, if fewer).
  const warm = Math.min(rows.length, 10_000);
  time(() => {
    for (let i = 0; i < warm; i++) for (const rule of compiled) if (rule(rows[i]!)) sink++;
  });
  time(() => {
    for (let i = 0; i < warm; i++) for (const r of set.evaluate(rows[i]!, results)) if (r) sink++;
  });
  time(() => {
    for (let i = 0; i < warm; i++) for (const rule of rules) if (jsonLogic.apply(rule as never, plain[i])) sink++;
  });
  const ours = time(() => {
    for (const row of rows) for (const rule of compiled) if (rule(row)) sink++;
  });
  const ruleSet = time(() => {
    for (const row of rows) for (const r of set.evaluate(row, results)) if (r) sink++;
  });
  const reference = time(() => {
    for (const row of plain) for (const rule of rules) if (jsonLogic.apply(rule as never, row)) sink++;
  });
  return {
    rows: rows.length,
    rules: rules.length,
    compiledSeconds: ours,
    ruleSetSeconds: ruleSet,
    jsonLogicJsSeconds: reference,
    ratio: reference / ours,
    ruleSetRatio: reference / ruleSet,
    evaluationsPerSecond: (rows.length * rules.length) / ours,
    sink,
    peakRssMb: peakRssMb(),
  };
}

async function classifyPhase(dir: string): Promise<object> {
  const { set } = await loadPolicyDir(join(packageRoot, 'policies'), nodeFileIo);
  const def = await loadDefinition();
  // Rows keep the fields the example policies and the engine read, as `revops evaluate` loads them.
  const keep = selectFieldsRead([set]);
  const start = performance.now();
  const only = isolate(dir, 'leads.csv');
  const data = await loadPipelineData(only.dir, nodeFileIo, { keep });
  only.cleanup();
  const read = performance.now();
  const classifier = compileLeadDefinition(def, { asOf: findLatestTimestamp(data) ?? 0 });
  const counts: Record<string, number> = {};
  for (const lead of data.leads) {
    const c = classifier.classify(lead).class;
    counts[c] = (counts[c] ?? 0) + 1;
  }
  const end = performance.now();
  return {
    leads: data.leads.length,
    readSeconds: (read - start) / 1000,
    classifySeconds: (end - read) / 1000,
    totalSeconds: (end - start) / 1000,
    classes: counts,
    peakRssMb: peakRssMb(),
  };
}

/**
 * `revops evaluate` as a user runs it — policies loaded and validated, data read and hashed,
 * every section computed, the JSON report written — timed from the call (Node's own start-up,
 * about 0.05 s, is not in it).
 */
async function cliPhase(dir: string): Promise<object> {
  const out = mkdtempSync(join(tmpdir(), 'revops-bench-report-'));
  try {
    const start = performance.now();
    const code = await runCli(
      [
        'evaluate',
        '--policies',
        join(packageRoot, 'policies'),
        '--data',
        dir,
        '--quiet',
        '--format',
        'json',
        '--output',
        join(out, 'report.json'),
      ],
      createNodeIo(),
    );
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(`revops evaluate exited with ${code}`);
    return { seconds, peakRssMb: peakRssMb() };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

setFastPath(readFastPathSwitch(process.env.REVOPS_FAST_PATH));
const [phase, dir, entity] = process.argv.slice(2);
if (dir === undefined)
  throw new Error('usage: data-phases.js read|rules|classify|evaluate|impact|cli|sweep <dir> [entity]');
const phasesByName: Record<string, () => Promise<object>> = {
  read: () => readPhase(dir, entity ?? 'leads'),
  rules: () => rulesPhase(dir),
  classify: () => classifyPhase(dir),
  evaluate: () => evaluatePhase(dir, false),
  impact: () => evaluatePhase(dir, true),
  cli: () => cliPhase(dir),
  sweep: () => sweepPhase(dir),
};
const run = phasesByName[phase ?? ''];
if (run === undefined) throw new Error(`unknown phase ${phase}`);
const result = await run();
process.stdout.write(JSON.stringify(result) + '\n');
