/**
 * The GitHub Action's entry (bundled into dist-action/index.mjs by `npm run build:action`):
 * reads the inputs the runner passes as `INPUT_*` variables and runs one mode; a failed mode
 * or a bad input fails the step with an error annotation.
 */
import { RevopsError } from '../core/errors.js';
import { readActionInputs } from './action-inputs.js';
import type { ActionInputs } from './action-inputs.js';
import type { ModeResult } from './modes.js';
import { runCheckMode, runCommentMode, runImpactMode, runTestMode, runValidateMode } from './modes.js';
import { runReplayMode } from './replay.js';
import { createWorkflowIo } from './workflow-io.js';
import type { WorkflowIo } from './workflow-io.js';

type Env = Readonly<Record<string, string | undefined>>;

function runMode(inputs: ActionInputs, wio: WorkflowIo, env: Env): Promise<ModeResult> {
  switch (inputs.mode) {
    case 'validate':
      return runValidateMode(inputs, wio);
    case 'test':
      return runTestMode(inputs);
    case 'impact':
      return runImpactMode(inputs, wio, env);
    case 'comment':
      return runCommentMode(inputs, inputs.bodyFile);
    case 'check':
      return runCheckMode(inputs, wio, inputs.impactFile);
    case 'replay':
      return runReplayMode(inputs, wio, env);
  }
}

/** Runs the action; returns the process exit code (0 or 1, as the runner reads it). */
export async function runAction(env: Env, write: (text: string) => void): Promise<0 | 1> {
  const wio = createWorkflowIo(env, write);
  try {
    const inputs = readActionInputs(env);
    const result = await runMode(inputs, wio, env);
    if (result.failed) wio.error(`revops (mode ${inputs.mode}) failed; see the lines above.`);
    return result.failed ? 1 : 0;
  } catch (error) {
    const known = error instanceof RevopsError && error.code !== 'internal';
    const message = error instanceof Error ? error.message : String(error);
    wio.error(known ? message : `internal error: ${message}`);
    return 1;
  }
}
