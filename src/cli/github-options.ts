import type { Command } from 'commander';

/** The options every command that talks to GitHub takes; each falls back to the variable an Action sets. */
export interface GitHubOptions {
  pr?: string;
  repo?: string;
  token?: string;
  apiUrl?: string;
  eventPath?: string;
}

/** Adds the shared GitHub options (`--pr`, `--repo`, `--token`, `--api-url`, `--event-path`) to a command. */
export function addGitHubOptions(command: Command): Command {
  return command
    .option('--pr <number>', 'pull request number (default: from the GITHUB_EVENT_PATH payload)')
    .option('--repo <owner/name>', 'repository (default: GITHUB_REPOSITORY)')
    .option(
      '--token <token>',
      'GitHub token (default: GITHUB_TOKEN; prefer the variable, a flag shows in process lists)',
    )
    .option('--api-url <url>', 'GitHub REST API URL (default: GITHUB_API_URL, else https://api.github.com)')
    .option('--event-path <file>', 'workflow event payload (default: GITHUB_EVENT_PATH)');
}
