import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseOutputFile, runActionBundle } from './action.js';
import { repoRoot } from './paths.js';

/**
 * Runs the one job of a workflow file step by step, as the runner would on ubuntu-latest: `run:`
 * steps in bash -e with their `env:`, the revops action from the committed bundle (with
 * action.yml's defaults), and stand-ins for actions/checkout and the artifact actions. `${{ }}`
 * expressions are looked up in `context` (flat names: `github.event.pull_request.number`),
 * `env.*`, `steps.*.outputs.*` and `runner.temp`; an unknown one throws, so a workflow that
 * reads something the test did not provide fails loudly.
 */

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface UsesHandlerArgs {
  with: Record<string, string>;
  workspace: string;
  runnerTemp: string;
}

export interface WorkflowRunOptions {
  /** The `uses:` reference that is the revops action (run from dist-action/). */
  action: string;
  workspace: string;
  home: string;
  context: Record<string, string>;
  /** Variables every process of the job sees (GITHUB_REPOSITORY, GITHUB_API_URL, PATH …). */
  env: Record<string, string>;
  /** Stand-ins for third-party actions, by name (`actions/checkout`). */
  uses: Record<string, (args: UsesHandlerArgs) => void>;
}

export interface StepRecord {
  name: string;
  skipped: boolean;
  code: number | null;
  log: string;
}

export interface WorkflowRun {
  steps: StepRecord[];
  outputs: Record<string, Record<string, string>>;
  summary: string;
}

const actionDefaults = (
  parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
).inputs;

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; log: string }> {
  const child = spawn('bash', ['-e', '-c', script], { cwd, env });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (log += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
}

export async function runWorkflowJob(file: string, options: WorkflowRunOptions): Promise<WorkflowRun> {
  const workflow = parse(readFileSync(file, 'utf8')) as {
    env?: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const [job] = Object.values(workflow.jobs);
  const runnerTemp = join(options.home, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const outputs: Record<string, Record<string, string>> = {};
  const workflowEnv: Record<string, string> = {};
  const lookup = (expr: string): string => {
    const name = expr.trim();
    if (name === 'runner.temp') return runnerTemp;
    if (name.startsWith('env.')) return workflowEnv[name.slice(4)] ?? '';
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(name);
    if (step !== null) return outputs[step[1] ?? '']?.[step[2] ?? ''] ?? '';
    const value = options.context[name];
    if (value === undefined) throw new Error(`${file}: no value for \${{ ${name} }}`);
    return value;
  };
  const expand = (text: string): string => text.replace(/\$\{\{([^}]*)\}\}/g, (_m, expr: string) => lookup(expr));
  /** The `if:` forms the workflows use: `a == 'x'`, `a != 'x'` and `!cancelled()`, joined by `&&`. */
  const isTrue = (condition: string): boolean => {
    const inner = /^\$\{\{(.*)\}\}$/s.exec(condition.trim())?.[1] ?? condition;
    return inner.split('&&').every((term) => {
      if (term.trim() === '!cancelled()') return true;
      const m = /^(.+?) (==|!=) '([^']*)'$/.exec(term.trim());
      if (m === null) throw new Error(`${file}: cannot evaluate if: ${condition}`);
      return (lookup(m[1] ?? '') === m[3]) === (m[2] === '==');
    });
  };
  /** A step whose `if:` calls a status function runs after a failed step too. */
  const runsAfterFailure = (condition: string | undefined): boolean => /cancelled\(\)|always\(\)/.test(condition ?? '');
  for (const [key, value] of Object.entries(workflow.env ?? {})) workflowEnv[key] = expand(String(value));

  const run: WorkflowRun = { steps: [], outputs, summary: '' };
  let failed = false;
  for (const step of job?.steps ?? []) {
    const name = step.name ?? step.uses ?? step.run ?? '';
    if ((failed && !runsAfterFailure(step.if)) || (step.if !== undefined && !isTrue(step.if))) {
      run.steps.push({ name, skipped: true, code: null, log: '' });
      continue;
    }
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]));
    const withInputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v))]));
    let record: StepRecord;
    if (step.run !== undefined) {
      const outputFile = join(options.home, 'step-output');
      const summaryFile = join(options.home, 'step-summary');
      writeFileSync(outputFile, '');
      writeFileSync(summaryFile, '');
      const env = {
        ...options.env,
        ...workflowEnv,
        ...stepEnv,
        RUNNER_TEMP: runnerTemp,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
      };
      // The runner creates the workspace before the first step, checkout or not.
      mkdirSync(options.workspace, { recursive: true });
      const result = await bash(step.run, options.workspace, env);
      if (step.id !== undefined) outputs[step.id] = parseOutputFile(readFileSync(outputFile, 'utf8'));
      run.summary += readFileSync(summaryFile, 'utf8');
      record = { name, skipped: false, ...result };
    } else if (step.uses === options.action) {
      const inputs: Record<string, string> = {};
      for (const [input, spec] of Object.entries(actionDefaults))
        if (spec.default !== undefined && spec.default !== '') inputs[input] = expand(spec.default);
      Object.assign(inputs, withInputs);
      mkdirSync(options.workspace, { recursive: true });
      const result = await runActionBundle(options.workspace, options.home, inputs, {
        ...options.env,
        ...workflowEnv,
        RUNNER_TEMP: runnerTemp,
      });
      if (step.id !== undefined) outputs[step.id] = result.outputs;
      run.summary += result.summary;
      record = { name, skipped: false, code: result.code, log: result.stdout + result.stderr };
    } else {
      const handler = options.uses[(step.uses ?? '').split('@')[0] ?? ''];
      if (handler === undefined) throw new Error(`${file}: no stand-in for ${step.uses}`);
      handler({ with: withInputs, workspace: options.workspace, runnerTemp });
      record = { name, skipped: false, code: 0, log: '' };
    }
    run.steps.push(record);
    failed ||= record.code !== 0;
  }
  return run;
}
