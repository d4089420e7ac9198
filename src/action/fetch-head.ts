import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IoError, UsageError } from '../core/errors.js';

const run = promisify(execFile);

type Env = Readonly<Record<string, string | undefined>>;

export interface FetchHeadOptions {
  pr: string;
  headSha: string;
  token: string;
  /** Asks the runner to hide a secret in the log before it is used. */
  mask(secret: string): void;
}

/** The local ref the pull request's commit is fetched into. */
export const headRef = 'refs/revops/head';

/**
 * Fetches the pull request's commit (`refs/pull/<pr>/head`) into {@link headRef} of the
 * repository in the working directory as git objects only: nothing is checked out, installed
 * or run. The token goes to git in its environment (`GIT_CONFIG_*`, never on a command line)
 * as the header actions/checkout would set. Fails when the pull request's head has moved past
 * `headSha`: the run for the new head reports.
 */
export async function fetchHeadObjects(options: FetchHeadOptions, env: Env): Promise<void> {
  const server = (env['GITHUB_SERVER_URL'] ?? '').trim() || 'https://github.com';
  if (!/^https?:\/\/[^\s/]+$/.test(server.replace(/\/+$/, '')))
    throw new UsageError(`GITHUB_SERVER_URL must be an http(s) URL, not ${JSON.stringify(server.slice(0, 60))}.`);
  const gitEnv: Record<string, string | undefined> = { ...env, GIT_TERMINAL_PROMPT: '0' };
  if (options.token !== '') {
    const auth = Buffer.from(`x-access-token:${options.token}`).toString('base64');
    options.mask(auth);
    Object.assign(gitEnv, {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `http.${server.replace(/\/+$/, '')}/.extraheader`,
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${auth}`,
    });
  }
  const refspec = `+refs/pull/${options.pr}/head:${headRef}`;
  try {
    await run('git', ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', refspec], {
      env: gitEnv,
      maxBuffer: 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new IoError(`Cannot fetch refs/pull/${options.pr}/head: ${stderr.trim()}`, { cause: error });
  }
  const { stdout } = await run('git', ['rev-parse', '--verify', `${headRef}^{commit}`], { env: gitEnv });
  if (stdout.trim() !== options.headSha)
    throw new UsageError(
      `refs/pull/${options.pr}/head is no longer ${options.headSha.slice(0, 12)}; the run for the new head will report.`,
    );
}
