import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError } from '../core/errors.js';
import type { ActionInputs } from './action-inputs.js';
import { runRevops } from './run-revops.js';
import type { WorkflowIo } from './workflow-io.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What a mode did: `failed` fails the step. */
export interface ModeResult {
  failed: boolean;
}

/** The token for the commands that call GitHub, in their environment (never on a command line). */
export function tokenEnv(inputs: ActionInputs): Record<string, string> {
  return inputs.token === '' ? {} : { GITHUB_TOKEN: inputs.token };
}

/** Where the impact and replay modes write their reports: the runner's temporary directory. */
export async function makeReportDir(env: Env): Promise<string> {
  const temp = env['RUNNER_TEMP'];
  if (temp === undefined || temp === '')
    throw new IoError('RUNNER_TEMP is not set: run this as a step of a GitHub workflow.');
  const dir = join(temp, 'revops-impact');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** `validate --format github` (annotations on the diff), then `fmt --check`. */
export async function runValidateMode(inputs: ActionInputs, wio: WorkflowIo): Promise<ModeResult> {
  const valid = await runRevops(['validate', '--policies', inputs.policies, '--format', 'github']);
  const formatted = await runRevops(['fmt', '--policies', inputs.policies, '--check']);
  await wio.setOutput('valid', String(valid === 0));
  return { failed: valid !== 0 || formatted !== 0 };
}

/** The policy unit tests, with outcome coverage (and its floor when `min-coverage` is given). */
export async function runTestMode(inputs: ActionInputs): Promise<ModeResult> {
  const floor = inputs.minCoverage === '' ? [] : ['--min-coverage', inputs.minCoverage];
  return { failed: (await runRevops(['test', '--policies', inputs.policies, '--coverage', ...floor])) !== 0 };
}

/** The arguments both impact runs of a mode share. */
export function impactSides(inputs: ActionInputs, base: string, head: string, mask: boolean): string[] {
  const sides = ['--base', base, '--head', head, '--policies', inputs.policies, '--data', inputs.data];
  sides.push('--data-ref', 'base', '--quiet');
  if (mask) sides.push('--mask');
  if (inputs.mapping !== '') sides.push('--mapping', inputs.mapping);
  return sides;
}

/**
 * One replay into `dir`: `impact` writes impact.json (what `check` reads), and `render` turns
 * that same report into impact.md (the comment and the job summary). The first failing exit
 * code, else 0.
 */
export async function writeImpactReports(sides: readonly string[], dir: string): Promise<number> {
  const json = join(dir, 'impact.json');
  const replay = await runRevops(['impact', ...sides, '--format', 'json', '--output', json]);
  if (replay !== 0) return replay;
  return runRevops(['render', json, '--quiet', '--format', 'markdown', '--output', join(dir, 'impact.md')]);
}

/**
 * The same report as impact.html, the page for leaders. It decides nothing: a failure is a
 * warning in the log, never a failed replay or gate (the workflow's upload then finds no page).
 */
export async function writeImpactPage(dir: string, wio: WorkflowIo): Promise<void> {
  const args = ['render', join(dir, 'impact.json'), '--quiet', '--format', 'html'];
  const code = await runRevops([...args, '--output', join(dir, 'impact.html')]);
  if (code !== 0) wio.warning(`revops render --format html failed (exit ${code}): no impact.html this run.`);
}

/**
 * Stage one's feedback: validate (annotations), replay the base's data under the base and
 * head policies into impact.json, impact.md and impact.html, and show impact.md in the job summary.
 * Trusted for nothing: in a pull request's job, everything it reads is the pull request's.
 */
export async function runImpactMode(inputs: ActionInputs, wio: WorkflowIo, env: Env): Promise<ModeResult> {
  const dir = await makeReportDir(env);
  const valid = await runRevops(['validate', '--policies', inputs.policies, '--format', 'github']);
  if (valid !== 0) return { failed: true };
  const code = await writeImpactReports(impactSides(inputs, inputs.baseRef, inputs.headRef, inputs.mask), dir);
  if (code !== 0) return { failed: true };
  if (inputs.pr !== '') await writeFile(join(dir, 'pr-number'), `${inputs.pr}\n`);
  if (inputs.headSha !== '') await writeFile(join(dir, 'head-sha'), `${inputs.headSha}\n`);
  await writeImpactPage(dir, wio);
  await wio.appendSummary(await readFile(join(dir, 'impact.md'), 'utf8'));
  await wio.setOutput('report-path', dir);
  return { failed: false };
}

/** Posts or updates the one sticky comment. */
export async function runCommentMode(inputs: ActionInputs, bodyFile: string): Promise<ModeResult> {
  const run = inputs.runId === '' ? [] : ['--run-id', inputs.runId];
  const argv = ['comment', '--body-file', bodyFile, '--pr', inputs.pr, '--head-sha', inputs.headSha, ...run];
  return { failed: (await runRevops(argv, tokenEnv(inputs))) !== 0 };
}

/**
 * Sets the guardrail status. Approvals missing (exit 1) and GitHub refusing the status (exit 3:
 * none is set, so a required check stays pending) both block the merge without failing the
 * step; a usage or input error (exit 2) fails it.
 */
export async function runCheckMode(inputs: ActionInputs, wio: WorkflowIo, impactFile: string): Promise<ModeResult> {
  const argv = ['check', '--impact', impactFile, '--pr', inputs.pr, '--head-sha', inputs.headSha];
  const code = await runRevops(argv, tokenEnv(inputs));
  if (code === 2) return { failed: true };
  await wio.setOutput('blocked', String(code !== 0));
  return { failed: false };
}
