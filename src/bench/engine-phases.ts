/**
 * Engine phases of the data benchmark (run by data-phases.js in their own process):
 * `evaluate` reads every entity and evaluates the example policies; `impact` additionally
 * evaluates the bundled proposed change on the same rows and compares, as `revops impact`
 * does, so its cost is measured against one evaluation in the same process.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeFileIo } from '../cli/cli-io.js';
import { packageRoot } from '../cli/package-root.js';
import { createReadElsewhere } from '../cli/read-elsewhere.js';
import { loadPipelineData } from '../core/data/load.js';
import { isFastPath } from '../core/fast-path.js';
import { evaluateWithState, prepareData } from '../core/engine/evaluate.js';
import { selectFieldsRead } from '../core/engine/fields-read.js';
import type { EvaluateOptions } from '../core/engine/evaluate.js';
import { computeImpact } from '../core/impact/impact.js';
import { createBusinessCalendar } from '../core/logic/compile.js';
import { loadPolicyDir } from '../core/policy/load.js';
import type { PolicySet } from '../core/policy/types.js';

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function loadSet(dir: string): Promise<PolicySet> {
  return (await loadPolicyDir(dir, nodeFileIo)).set;
}

function optionsFor(set: PolicySet): EvaluateOptions {
  return {
    calendars: new Map(set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)])),
    stamp: { engineVersion: 'bench', policyHash: '', dataHash: '' },
  };
}

export async function evaluatePhase(dir: string, withImpact: boolean): Promise<object> {
  const base = await loadSet(join(packageRoot, 'policies'));
  const head = await loadSet(join(packageRoot, 'examples', 'proposed-change', 'policies'));
  const start = performance.now();
  // Rows keep the fields the policies and the engine read, as `revops evaluate` / `impact` load them.
  const keep = selectFieldsRead(withImpact ? [base, head] : [base]);
  // As the CLI reads: big files other than the leads on a second thread (with the fast path on).
  const elsewhere = isFastPath() ? createReadElsewhere() : undefined;
  const data = await loadPipelineData(dir, nodeFileIo, {
    keep,
    ...(elsewhere === undefined ? {} : { readElsewhere: elsewhere.readElsewhere }),
  }).finally(() => elsewhere?.close());
  const read = performance.now();
  const prepared = prepareData(data);
  const evaluation = evaluateWithState(base, prepared, optionsFor(base));
  const evaluated = performance.now();
  const result: Record<string, unknown> = {
    rows: data.files.reduce((n, f) => n + f.rowsRead, 0),
    readSeconds: (read - start) / 1000,
    evaluateSeconds: (evaluated - read) / 1000,
    totalSeconds: (evaluated - start) / 1000,
    constraint: evaluation.report.constraint?.stage ?? null,
  };
  if (withImpact) {
    // A second, independent pair of evaluations on the same rows, as `revops impact` runs them.
    const fresh = prepareData(data);
    const sides = [
      {
        ref: 'base',
        sha: null,
        policyHash: '',
        set: base,
        evaluation: evaluateWithState(base, fresh, optionsFor(base)),
      },
      {
        ref: 'head',
        sha: null,
        policyHash: '',
        set: head,
        evaluation: evaluateWithState(head, fresh, optionsFor(head)),
      },
    ] as const;
    const impact = computeImpact(sides[0], sides[1], data.leads, { engineVersion: 'bench' });
    const done = performance.now();
    result.impactComputeSeconds = (done - evaluated) / 1000;
    result.impactTotalSeconds = (read - start + done - evaluated) / 1000;
    result.impactRatio = (result.impactTotalSeconds as number) / (result.totalSeconds as number);
    result.guardrailsCrossed = impact.guardrails.filter((g) => g.isCrossed).map((g) => g.id);
  }
  result.peakRssMb = peakRssMb();
  return result;
}
