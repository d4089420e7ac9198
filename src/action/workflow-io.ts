import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { IoError } from '../core/errors.js';
import { terminalLines, workflowCommandData } from '../reporters/sanitize.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What a step tells the runner: outputs, the job summary, annotations, masks. */
export interface WorkflowIo {
  setOutput(name: string, value: string): Promise<void>;
  appendSummary(markdown: string): Promise<void>;
  /** An error annotation (the text is escaped: it may quote a file or a value). */
  error(message: string): void;
  notice(message: string): void;
  /** A warning annotation (escaped as `error`'s). */
  warning(message: string): void;
  /** Asks the runner to hide `secret` in every later log line. */
  mask(secret: string): void;
  /** A log line (made safe: it can never start a workflow command). */
  log(line: string): void;
}

async function appendTo(env: Env, variable: string, text: string): Promise<void> {
  const file = env[variable];
  if (file === undefined || file === '')
    throw new IoError(`${variable} is not set: run this as a step of a GitHub workflow.`);
  await appendFile(file, text, 'utf8');
}

/**
 * The runner's file commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`) and workflow commands on
 * stdout, as GitHub documents them: a few lines instead of a dependency.
 */
export function createWorkflowIo(env: Env, write: (text: string) => void): WorkflowIo {
  return {
    async setOutput(name, value) {
      // The multi-line form, with a delimiter that cannot occur in the value.
      let delimiter = `revops_${randomUUID()}`;
      while (value.includes(delimiter)) delimiter = `revops_${randomUUID()}`;
      await appendTo(env, 'GITHUB_OUTPUT', `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
    },
    async appendSummary(markdown) {
      await appendTo(env, 'GITHUB_STEP_SUMMARY', markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    },
    error: (message) => write(`::error::${workflowCommandData(message)}\n`),
    notice: (message) => write(`::notice::${workflowCommandData(message)}\n`),
    warning: (message) => write(`::warning::${workflowCommandData(message)}\n`),
    mask: (secret) => write(`::add-mask::${workflowCommandData(secret)}\n`),
    log: (line) => write(`${terminalLines(line)}\n`),
  };
}
