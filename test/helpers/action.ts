import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputVariable } from '../../src/action/action-inputs.js';
import { repoRoot } from './paths.js';

/** The committed bundle a workflow's `uses:` runs. */
export const actionBundle = join(repoRoot, 'dist-action', 'index.mjs');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the step wrote to `GITHUB_OUTPUT`, by name. */
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

/** The outputs of a `GITHUB_OUTPUT` file: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block !== null) {
      const end = lines.indexOf(block[2] ?? '', i + 1);
      outputs[block[1] ?? ''] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return outputs;
}

/**
 * Runs the bundled action with `node` as the runner does: inputs as `INPUT_*` variables, the
 * runner's files in `home`, the working directory the workspace. Asynchronous, so a loopback
 * GitHub in this process keeps answering.
 */
export async function runActionBundle(
  cwd: string,
  home: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const runnerTemp = join(home, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  writeFileSync(join(home, 'output'), '');
  writeFileSync(join(home, 'summary'), '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]));
  const child = spawn(process.execPath, [actionBundle], {
    cwd,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      NO_COLOR: '1',
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: join(home, 'output'),
      GITHUB_STEP_SUMMARY: join(home, 'summary'),
      ...inputEnv,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(join(home, 'output'), 'utf8')),
    summary: readFileSync(join(home, 'summary'), 'utf8'),
    runnerTemp,
  };
}
