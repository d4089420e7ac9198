import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` with a fixed author and committer, so tests commit without a user config; returns stdout trimmed. */
export function git(cwd: string, ...args: string[]): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'a',
    GIT_AUTHOR_EMAIL: 'a@example.test',
    GIT_COMMITTER_NAME: 'a',
    GIT_COMMITTER_EMAIL: 'a@example.test',
  };
  return execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
}
