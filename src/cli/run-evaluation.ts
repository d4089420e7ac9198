import { evaluateWithState, prepareData } from '../core/engine/evaluate.js';
import type { Evaluation } from '../core/engine/evaluate.js';
import type { PipelineData } from '../core/data/types.js';
import type { toRunOptions } from './evaluation-options.js';
import type { createHashingIo } from './hashing-io.js';
import type { LoadedPolicies } from './load-policies.js';
import { cleanPath } from './options.js';
import { startStepProgress } from './progress.js';
import { version } from './version.js';

/**
 * One evaluation of the loaded policies on the data, as `evaluate` and `insights` run it: a
 * progress bar on stderr (unless quiet), and the report stamped with the hashes of the policy
 * and data directories read.
 */
export function evaluateLoaded(input: {
  loaded: LoadedPolicies;
  data: PipelineData;
  hashing: ReturnType<typeof createHashingIo>;
  options: { policies: string; data: string; quiet?: boolean };
  run: Omit<ReturnType<typeof toRunOptions>, 'generatedAt'>;
  generatedAt: string | undefined;
}): Evaluation {
  const { loaded, hashing, options, generatedAt } = input;
  const progress = startStepProgress('evaluating', options.quiet !== true);
  try {
    return evaluateWithState(loaded.result.set, prepareData(input.data), {
      ...input.run,
      onStep: progress.onStep,
      calendars: loaded.calendars,
      policyIssues: loaded.result.issues,
      stamp: {
        engineVersion: version,
        policyHash: hashing.digest(cleanPath(options.policies)),
        dataHash: hashing.digest(cleanPath(options.data)),
        ...(generatedAt === undefined ? {} : { generatedAt }),
      },
    });
  } finally {
    progress.stop();
  }
}
