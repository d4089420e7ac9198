import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGitHubClient } from '../github/client.js';
import { resolvePullRequestTarget } from '../github/context.js';
import { defaultStatusContext } from '../github/guardrail-check.js';
import { refuseToJudge } from '../github/guardrail-status.js';
import { version } from '../cli/version.js';
import type { ActionInputs } from './action-inputs.js';
import { fetchHeadObjects } from './fetch-head.js';
import type { ModeResult } from './modes.js';
import {
  impactSides,
  makeReportDir,
  runCheckMode,
  runCommentMode,
  writeImpactPage,
  writeImpactReports,
} from './modes.js';
import type { WorkflowIo } from './workflow-io.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Sets the failure status that says the change could not be replayed, so the merge stays blocked and says why. */
async function refuseStatus(inputs: ActionInputs, wio: WorkflowIo, env: Env): Promise<void> {
  const flags = { pr: inputs.pr, headSha: inputs.headSha, ...(inputs.token === '' ? {} : { token: inputs.token }) };
  const target = await resolvePullRequestTarget(flags, env, (path) => readFile(path, 'utf8'));
  const client = createGitHubClient({
    token: target.token,
    apiUrl: target.apiUrl,
    userAgent: `revops-policy/${version}`,
    warn: (m) => wio.log(`revops: ${m}`),
  });
  const status = refuseToJudge(
    'revops impact failed (invalid policies or unreadable data); see the revops comment run',
  );
  await client.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha: inputs.headSha,
    state: status.state,
    context: defaultStatusContext,
    description: status.description,
  });
}

/**
 * Stage two's judge, in a checkout of the BASE branch after the workflow checked `pr` and
 * `head-sha` against the API: fetch the head as git objects only, replay the base's data and
 * mapping under the base's and the head's policies (read from git objects; guardrails from
 * the base), post the comment and set the status. A replay that fails sets a failure status
 * saying so and fails the step.
 */
export async function runReplayMode(inputs: ActionInputs, wio: WorkflowIo, env: Env): Promise<ModeResult> {
  if (inputs.token !== '') wio.mask(inputs.token);
  await fetchHeadObjects({ pr: inputs.pr, headSha: inputs.headSha, token: inputs.token, mask: wio.mask }, env);
  const dir = await makeReportDir(env);
  const sides = impactSides(inputs, inputs.baseRef === '' ? 'HEAD' : inputs.baseRef, inputs.headSha, true);
  const code = await writeImpactReports(sides, dir);
  if (code !== 0) {
    wio.error(`revops impact failed (exit ${code}): the guardrail status is set to failure.`);
    await refuseStatus(inputs, wio, env);
    return { failed: true };
  }
  await wio.setOutput('report-path', dir);
  // The status is the gate: set it even when the comment could not be posted.
  const comment = await runCommentMode(inputs, join(dir, 'impact.md'));
  const check = await runCheckMode(inputs, wio, join(dir, 'impact.json'));
  // After the gate: the page is for reading, and its failure fails nothing.
  await writeImpactPage(dir, wio);
  return { failed: comment.failed || check.failed };
}
