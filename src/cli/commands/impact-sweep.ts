import { evaluateWithState } from '../../core/engine/evaluate.js';
import type { EvaluateOptions } from '../../core/engine/evaluate.js';
import { MAX_SWEEP_VALUES } from '../../core/impact/sweep-path.js';
import { resolveSweepTarget } from '../../core/impact/sweep-target.js';
import type { SweepSpec } from '../../core/impact/sweep-path.js';
import { sweepImpact } from '../../core/impact/sweep.js';
import { maskImpactSweep } from '../../core/report/mask-impact-sweep.js';
import { renderOutput } from '../../reporters/registry.js';
import { terminalText } from '../../reporters/sanitize.js';
import { UsageError } from '../../core/errors.js';
import type { CliIo } from '../cli-io.js';
import { readImpactData } from '../impact-run.js';
import type { ImpactOptions, LoadedSide } from '../impact-run.js';
import { createMaskDigest } from '../mask-key.js';
import { version } from '../version.js';
import { isOutputColored, writeOutput } from '../write-output.js';

/** `impact --help`'s part on `--sweep`. */
export const sweepHelp = `
--sweep PATH=FROM..TO[:STEP] sets one number of the head's policies to each value from FROM to TO
(STEP 1 by default; exact decimals, at most ${MAX_SWEEP_VALUES} values) and prints one row per value: arrivals a
week at the qualified stage, the constraint and its utilisation, projected won revenue with its
range, SLA compliance, the payout change and the guardrails crossed, each against the base. The
data is read and prepared once. PATH names list items by a key (classes[id=mql]) or index
([0]); prefix Kind: or Kind/name: when more than one policy has the path. A value the policy
checks reject is a row with the error. JSON: kind "impact-sweep".
  revops impact --base-dir policies --sweep 'spec.classes[id=mql].minScore=50..70:5'
  revops impact --base main --sweep 'LeadDefinition/lumen-lead-definition:spec.classes[id=mql].minScore=55..65'
  revops impact --base-dir policies --sweep 'Funnel:spec.stages[id=mql].capacity.headcount=3..8' -f markdown`;

/**
 * `revops impact --sweep`: the base evaluated once, the head with each value of the path
 * evaluated on the same prepared data, one row per value.
 */
export async function runImpactSweep(
  io: CliIo,
  options: ImpactOptions,
  sides: { base: LoadedSide; head: LoadedSide; now: number },
  spec: SweepSpec,
  dataOrigin?: string,
): Promise<void> {
  const { format } = options;
  // A sweep is a table of many impacts; the HTML page shows one.
  if (format === 'html') throw new UsageError('--sweep writes terminal, markdown or json, not html.');
  const { base, head } = sides;
  // Resolved before the data is read: a path that matches nothing costs no read.
  const target = resolveSweepTarget(head.loaded.result.set, spec);
  const { data, prepared, basePrepared, dataHashing, plan, run, generatedAt } = await readImpactData(
    io,
    options,
    sides,
    dataOrigin,
  );
  const stamp = (policyHash: string) => ({
    engineVersion: version,
    policyHash,
    dataHash: dataHashing.digest(plan.dir),
  });
  const baseOptions: EvaluateOptions = { ...run, calendars: base.loaded.calendars, stamp: stamp(base.policyHash) };
  if (!options.quiet) io.stderr('sweep: evaluating the base\n');
  const baseSide = {
    ref: base.ref,
    sha: base.sha,
    policyHash: base.policyHash,
    set: base.loaded.result.set,
    evaluation: evaluateWithState(base.loaded.result.set, basePrepared, baseOptions),
  };
  const sources = [...head.loaded.result.parsed.values()].map((p) => ({
    file: p.file,
    bytes: new TextEncoder().encode(p.text),
  }));
  let report = sweepImpact({
    base: baseSide,
    head: { ref: head.ref, sha: head.sha, policyHash: head.policyHash, set: head.loaded.result.set, sources },
    spec,
    target,
    leads: data.leads,
    evaluate: (set, calendars) =>
      evaluateWithState(set, prepared, {
        ...run,
        calendars,
        stamp: stamp(head.policyHash),
        costSet: base.loaded.result.set,
      }),
    impactOptions: {
      engineVersion: version,
      inputs: plan.inputs,
      ...(generatedAt === undefined ? {} : { generatedAt }),
    },
    onValue: (i, total, value) => {
      if (!options.quiet) io.stderr(`sweep: value ${i + 1} of ${total}: ${terminalText(spec.path)} = ${value}\n`);
    },
  });
  if (options.mask) report = maskImpactSweep(report, createMaskDigest(dataHashing, data.files));
  await writeOutput(
    io,
    renderOutput('impact-sweep', format, report, { color: isOutputColored(io, options) }),
    options,
    'impact sweep',
  );
}
