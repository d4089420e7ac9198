import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { loadPolicyDir } from '../../core/policy/load.js';
import type { CliIo } from '../cli-io.js';
import { cleanPath, quietOption, takePositionalDir } from '../options.js';
import { packageRoot } from '../package-root.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { repositoryUrl, version } from '../version.js';
import { actionPlaceholder, githubRepoOf, isPinnedBySha, parseActionReference } from '../action-reference.js';
import { terminalText } from '../../reporters/sanitize.js';

interface InitOptions {
  output?: string;
  action?: string;
  force: boolean;
  quiet: boolean;
}

interface PlannedFile {
  from: string;
  to: string;
}

/** Template files whose names npm would not ship as they are. */
const renamed: Record<string, string> = { gitignore: '.gitignore' };

async function listTree(io: CliIo, root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await io.readDir(prefix === '' ? root : `${root}/${prefix}`);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory) out.push(...(await listTree(io, root, rel)));
    else if (entry.isFile) out.push(rel);
  }
  return out;
}

async function planFiles(io: CliIo, target: string): Promise<PlannedFile[]> {
  const plan: PlannedFile[] = [];
  for (const rel of await listTree(io, `${packageRoot}/templates/policy-repo`)) {
    const base = rel.split('/').pop() ?? rel;
    const to = rel.slice(0, rel.length - base.length) + (renamed[base] ?? base);
    plan.push({ from: `${packageRoot}/templates/policy-repo/${rel}`, to: `${target}/${to}` });
  }
  for (const rel of await listTree(io, `${packageRoot}/policies`)) {
    if (/\.ya?ml$/.test(rel)) plan.push({ from: `${packageRoot}/policies/${rel}`, to: `${target}/policies/${rel}` });
  }
  for (const rel of await listTree(io, `${packageRoot}/schemas`)) {
    if (rel.endsWith('.json')) plan.push({ from: `${packageRoot}/schemas/${rel}`, to: `${target}/schemas/${rel}` });
  }
  return plan;
}

/** This package's repository at the tag of this version: `owner/repo@v<version>`. */
function defaultActionReference(): string | undefined {
  const repo = githubRepoOf(repositoryUrl);
  return repo === undefined ? undefined : `${repo}@v${version}`;
}

/** Where the scaffolded README says to install the CLI from: `github:owner/repo#ref`. */
const installPlaceholder = '{{install}}';

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description(describeCommand('init'))
    // The old positional directory, hidden: -o/--output replaces it.
    .argument('[dir]')
    .usage('[options]')
    .option('-o, --output <dir>', 'directory to create the policy repository in')
    .addOption(quietOption('print nothing when it succeeds: no summary, no next steps'))
    .option('--force', 'write into a directory that is not empty, replacing files of the same name', false)
    .option(
      '--action <owner/repo@ref>',
      `the revops GitHub Action the workflows use, pinned by commit SHA (default: ${defaultActionReference() ?? 'none: package.json names no GitHub repository'})`,
    )
    .addHelpText(
      'after',
      `
Examples:
  revops init -o my-policies         create ./my-policies with a complete, valid example
  revops init -o . --force           scaffold into the current repository
  revops init -o my-policies --action acme/revops-policy@<40-hex commit sha>

The example describes a B2B SaaS funnel (lead → mql → sal → sql → opportunity → won/lost),
its lead definition, one revenue goal with its constraint, AE/SDR/marketing comp plans,
speed-to-lead SLAs on a business-hours calendar, HubSpot and Salesforce mappings and guardrails.

The workflows in .github/workflows/ use the revops action named by --action (pin it by the
full commit SHA of a release; a tag can be moved): revops-validate.yml annotates
invalid policies; revops-impact.yml (read-only, fork-safe) shows the impact in the job summary;
revops-comment.yml replays it again on the base branch (its data, mapping and guardrails; the
head's policies read from git objects), posts that report and sets the guardrail status.`,
    )
    .action(async (dirArg: string | undefined, options: InitOptions, command: Command) => {
      const { io } = ctx;
      const dir = takePositionalDir(io, command, dirArg, { name: '-o', attribute: 'output' });
      if (dir === undefined) throw new UsageError('Give the directory to create: revops init -o <dir>.');
      const action = options.action === undefined ? defaultActionReference() : parseActionReference(options.action);
      if (action === undefined)
        throw new UsageError('Give the revops action the workflows use: --action <owner/repo@commit-sha>.');
      // The CLI comes from the same repository and ref as the action (it is not on the npm registry yet).
      const install = `github:${action.replace('@', '#')}`;
      const target = cleanPath(dir);
      if ((await io.exists(target)) && (await io.readDir(target)).length > 0 && !options.force) {
        throw new UsageError(
          `${target} exists and is not empty; choose a new directory or pass --force to write into it.`,
        );
      }
      const plan = await planFiles(io, target);
      for (const file of plan) {
        const dir = file.to.slice(0, file.to.lastIndexOf('/'));
        await io.mkdir(dir);
        const text = new TextDecoder().decode(await io.readFile(file.from));
        await io.writeFile(
          file.to,
          text
            .replace(/\{\{version\}\}/g, version)
            .replaceAll(actionPlaceholder, action)
            .replaceAll(installPlaceholder, install),
        );
      }
      const check = await loadPolicyDir(`${target}/policies`, io);
      const errors = check.issues.filter((i) => i.severity === 'error').length;
      ctx.setExitCode(errors === 0 ? 0 : 1);
      if (options.quiet) return;
      io.stdout(
        `Created ${plan.length} files in ${terminalText(target)}/ (${check.files.length} policies, ${errors === 0 ? 'all valid' : `${errors} errors`}).\n`,
      );
      io.stdout(
        `\nNext steps:\n  cd ${terminalText(target)}\n` +
          `  npm install --save-dev ${terminalText(install)}\n` +
          `                                        the revops CLI, from the action's repository\n` +
          `  npx revops validate                   check the policies\n` +
          `  edit policies/*.yaml                  your editor completes fields from schemas/\n` +
          `  revops.config.yaml                    the defaults every command reads (policies, data, base)\n` +
          `  add your CRM export under data/       the pull-request impact workflows replay it (README.md)\n`,
      );
      // A tag can be moved to other code; a commit SHA cannot.
      if (!isPinnedBySha(action))
        io.stdout(
          `\nThe workflows use the revops action ${terminalText(action)}: pin it by its full commit SHA\n` +
            `(revops init --action owner/repo@<sha>, or edit the uses: lines).\n`,
        );
    });
}
