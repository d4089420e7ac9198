import { UsageError } from '../core/errors.js';

/** What the action does in one step; each mode is one step of the workflows (see action.yml). */
export type ActionMode = 'validate' | 'test' | 'impact' | 'comment' | 'check' | 'replay';

export const actionModes: readonly ActionMode[] = ['validate', 'test', 'impact', 'comment', 'check', 'replay'];

/** The action's inputs as the runner passes them (`INPUT_<NAME>`), checked. */
export interface ActionInputs {
  mode: ActionMode;
  policies: string;
  data: string;
  mapping: string;
  baseRef: string;
  headRef: string;
  /** A pull request number, digits only; empty when not given. */
  pr: string;
  /** A full commit SHA (40 hex digits, lower case); empty when not given. */
  headSha: string;
  bodyFile: string;
  impactFile: string;
  runId: string;
  mask: boolean;
  minCoverage: string;
  token: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The runner's variable for an input: `INPUT_` and the name in upper case, spaces as `_` (hyphens stay). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** One input, trimmed; `fallback` when unset or blank. */
export function readInput(env: Env, name: string, fallback = ''): string {
  const value = env[inputVariable(name)]?.trim() ?? '';
  return value === '' ? fallback : value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = readInput(env, name, String(fallback)).toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`Input ${name} must be true or false, not ${JSON.stringify(value.slice(0, 40))}.`);
}

/** Modes that act on one pull request and must be told which, and at which commit. */
const pullModes: readonly ActionMode[] = ['comment', 'check', 'replay'];

/**
 * Reads and checks every input: the mode is one of the six, `pr` a positive integer and
 * `head-sha` 40 hex digits (required by the modes that act on a pull request, checked whenever
 * given), `base-ref` given in impact mode. Nothing unchecked reaches a command line.
 */
export function readActionInputs(env: Env): ActionInputs {
  const mode = readInput(env, 'mode', 'impact');
  if (!(actionModes as readonly string[]).includes(mode))
    throw new UsageError(
      `Input mode must be one of ${actionModes.join(', ')}, not ${JSON.stringify(mode.slice(0, 40))}.`,
    );
  const inputs: ActionInputs = {
    mode: mode as ActionMode,
    policies: readInput(env, 'policies', 'policies'),
    data: readInput(env, 'data', 'data'),
    mapping: readInput(env, 'mapping'),
    baseRef: readInput(env, 'base-ref'),
    headRef: readInput(env, 'head-ref', 'HEAD'),
    pr: readInput(env, 'pr'),
    headSha: readInput(env, 'head-sha'),
    bodyFile: readInput(env, 'body-file'),
    impactFile: readInput(env, 'impact-file'),
    runId: readInput(env, 'run-id'),
    mask: readBoolean(env, 'mask', true),
    minCoverage: readInput(env, 'min-coverage'),
    token: readInput(env, 'token'),
  };
  const needsPull = pullModes.includes(inputs.mode);
  if ((needsPull || inputs.pr !== '') && !/^[1-9]\d{0,9}$/.test(inputs.pr))
    throw new UsageError(
      `Input pr must be a pull request number (digits only), not ${JSON.stringify(inputs.pr.slice(0, 40))}.`,
    );
  if ((needsPull || inputs.headSha !== '') && !/^[0-9a-f]{40}$/.test(inputs.headSha))
    throw new UsageError(
      `Input head-sha must be a full commit SHA (40 lower-case hexadecimal digits), not ${JSON.stringify(inputs.headSha.slice(0, 48))}.`,
    );
  if (inputs.mode === 'impact' && inputs.baseRef === '')
    throw new UsageError('Mode impact needs base-ref (e.g. origin/main).');
  if (inputs.mode === 'comment' && inputs.bodyFile === '') throw new UsageError('Mode comment needs body-file.');
  if (inputs.mode === 'check' && inputs.impactFile === '') throw new UsageError('Mode check needs impact-file.');
  if (inputs.minCoverage !== '' && !/^\d{1,3}(\.\d+)?$/.test(inputs.minCoverage))
    throw new UsageError(
      `Input min-coverage must be a percentage, not ${JSON.stringify(inputs.minCoverage.slice(0, 40))}.`,
    );
  return inputs;
}
