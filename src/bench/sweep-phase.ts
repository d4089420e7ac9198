/**
 * The sweep phase of the data benchmark (run by data-phases.js in its own process): a 5-value
 * `impact --sweep` of the MQL threshold against 5 separate impact computations of the same heads
 * on the same data (each reading, preparing and evaluating base and head), in turn, 3 rounds,
 * as the ratio of the medians with its range.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeFileIo } from '../cli/cli-io.js';
import { packageRoot } from '../cli/package-root.js';
import { loadPipelineData } from '../core/data/load.js';
import { evaluateWithState, prepareData } from '../core/engine/evaluate.js';
import type { EvaluateOptions } from '../core/engine/evaluate.js';
import { selectFieldsRead } from '../core/engine/fields-read.js';
import { computeImpact } from '../core/impact/impact.js';
import { parseSweepSpec } from '../core/impact/sweep-path.js';
import { applySweepValue, resolveSweepTarget } from '../core/impact/sweep-target.js';
import { sweepImpact } from '../core/impact/sweep.js';
import { createBusinessCalendar } from '../core/logic/compile.js';
import { loadPolicyDir, loadPolicySources } from '../core/policy/load.js';
import type { PolicySet } from '../core/policy/types.js';

const ROUNDS = 3;
const SWEEP = 'spec.classes[id=mql].minScore=55..75:5';

function optionsFor(set: PolicySet): EvaluateOptions {
  return {
    calendars: new Map(set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)])),
    stamp: { engineVersion: 'bench', policyHash: '', dataHash: '' },
  };
}

const side = (set: PolicySet, evaluation: ReturnType<typeof evaluateWithState>) => ({
  ref: 'bench',
  sha: null,
  policyHash: '',
  set,
  evaluation,
});

function spreadOf(times: number[]): { median: number; min: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

export async function sweepPhase(dir: string): Promise<object> {
  const loaded = await loadPolicyDir(join(packageRoot, 'policies'), nodeFileIo);
  const base = loaded.set;
  const sources = [...loaded.parsed.values()].map((p) => ({ file: p.file, bytes: new TextEncoder().encode(p.text) }));
  const spec = parseSweepSpec(SWEEP);
  const target = resolveSweepTarget(base, spec);
  const heads = spec.values.map((v) => loadPolicySources(applySweepValue(sources, target, v)).set);
  const read = () => loadPipelineData(dir, nodeFileIo, { keep: selectFieldsRead([base]) });

  const separate = async (): Promise<void> => {
    for (const head of heads) {
      const data = await read();
      const prepared = prepareData(data);
      const b = evaluateWithState(base, prepared, optionsFor(base));
      const h = evaluateWithState(head, prepared, optionsFor(head));
      computeImpact(side(base, b), side(head, h), data.leads, { engineVersion: 'bench' });
    }
  };
  const sweep = async (): Promise<void> => {
    const data = await read();
    const prepared = prepareData(data);
    sweepImpact({
      base: side(base, evaluateWithState(base, prepared, optionsFor(base))),
      head: { ref: 'bench', sha: null, policyHash: '', set: base, sources },
      spec,
      target,
      leads: data.leads,
      evaluate: (set, calendars) => evaluateWithState(set, prepared, { ...optionsFor(set), calendars }),
      impactOptions: { engineVersion: 'bench' },
    });
  };
  const times: { separate: number[]; sweep: number[] } = { separate: [], sweep: [] };
  // In turn, so a slow moment of a shared machine hits both alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of [
      ['separate', separate],
      ['sweep', sweep],
    ] as const) {
      const start = performance.now();
      await run();
      times[name].push((performance.now() - start) / 1000);
    }
  }
  const s = spreadOf(times.sweep);
  const p = spreadOf(times.separate);
  return {
    values: spec.values.length,
    sweep: s,
    separate: p,
    ratio: s.median / p.median,
    ratioLow: s.min / p.max,
    ratioHigh: s.max / p.min,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
