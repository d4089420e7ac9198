import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { commandIndex } from '../../../src/cli/command-index.js';
import { buildProgram } from '../../../src/cli/program.js';

interface Row {
  argv: string[];
  options: Record<string, unknown>;
  args?: string[];
  stderr?: string;
}

const evaluationDefaults = {
  policies: 'policies',
  data: 'data',
  period: 'week',
  format: 'terminal',
  mask: false,
  timestamp: false,
  quiet: false,
  allowPartialData: false,
};
const evaluationFlags = {
  argv: [
    ...['--data', 'd', '--mapping', 'hubspot', '--as-of', '2026-03-31', '--from', '2026-01-01', '--period', 'month'],
    ...['--time-zone', 'UTC', '-f', 'json', '-o', 'r.json', '--mask', '--timestamp', '-q', '--allow-partial-data'],
    ...['--now', '2026-04-01T00:00:00Z'],
  ],
  options: {
    data: 'd',
    mapping: 'hubspot',
    asOf: '2026-03-31',
    from: '2026-01-01',
    period: 'month',
    timeZone: 'UTC',
    format: 'json',
    output: 'r.json',
    mask: true,
    timestamp: true,
    quiet: true,
    allowPartialData: true,
    now: '2026-04-01T00:00:00Z',
  },
};
const gitHubFlags = [
  '--pr',
  '3',
  '--repo',
  'o/r',
  '--token',
  't',
  '--api-url',
  'http://127.0.0.1:1',
  '--event-path',
  'e',
];
const gitHubOptions = { pr: '3', repo: 'o/r', token: 't', apiUrl: 'http://127.0.0.1:1', eventPath: 'e' };
const deprecatedNote = (old: string, now: string) =>
  `revops: ${old} is deprecated; write ${now} (the old spelling goes in the next version).\n`;

/** argv → the options commander hands the command's action: every flag, default and alias of every command. */
const table: Record<string, Row[]> = {
  validate: [
    { argv: [], options: { policies: 'policies', format: 'terminal', quiet: false, failOn: 'error', summary: false } },
    {
      argv: [
        '--policies',
        'p',
        '-f',
        'json',
        '-o',
        'v.json',
        '-q',
        '--fail-on',
        'warning',
        '--summary',
        '--config',
        'c',
        '--now',
        '2027-01-01',
      ],
      options: {
        policies: 'p',
        format: 'json',
        output: 'v.json',
        quiet: true,
        failOn: 'warning',
        summary: true,
        config: 'c',
        now: '2027-01-01',
      },
    },
    {
      argv: ['--format', 'github', '--output', 'v.txt', '--quiet', '--no-config'],
      options: {
        config: false,
        policies: 'policies',
        format: 'github',
        output: 'v.txt',
        quiet: true,
        failOn: 'error',
        summary: false,
      },
    },
    // The old positional directory: an argument the action reads (with a note), the flag keeps its default.
    {
      argv: ['old-dir'],
      args: ['old-dir'],
      options: { policies: 'policies', format: 'terminal', quiet: false, failOn: 'error', summary: false },
    },
  ],
  fmt: [
    { argv: [], options: { policies: 'policies', quiet: false } },
    {
      argv: ['--policies', 'p', '-q', '--check', '--config', 'c'],
      options: { policies: 'p', quiet: true, check: true, config: 'c' },
    },
    {
      argv: ['--quiet', 'old-dir', '--no-config'],
      args: ['old-dir'],
      options: { policies: 'policies', quiet: true, config: false },
    },
  ],
  test: [
    { argv: [], options: { policies: 'policies', format: 'terminal', quiet: false, coverage: false } },
    {
      argv: ['--policies', 'p', '-f', 'json', '-o', 't.json', '-q', '--coverage', '--min-coverage', '90.5'],
      options: { policies: 'p', format: 'json', output: 't.json', quiet: true, coverage: true, minCoverage: 90.5 },
    },
    {
      argv: ['--config', 'c'],
      options: { policies: 'policies', format: 'terminal', quiet: false, coverage: false, config: 'c' },
    },
    {
      argv: ['--no-config'],
      options: { policies: 'policies', format: 'terminal', quiet: false, coverage: false, config: false },
    },
    {
      argv: ['--format', 'json', '--output', 't.json', '--quiet', 'old-dir'],
      args: ['old-dir'],
      options: { policies: 'policies', format: 'json', output: 't.json', quiet: true, coverage: false },
    },
  ],
  init: [
    { argv: [], options: { quiet: false, force: false } },
    { argv: ['-o', 'repo', '-q', '--force'], options: { output: 'repo', quiet: true, force: true } },
    { argv: ['--output', 'repo', '--quiet'], options: { output: 'repo', quiet: true, force: false } },
    { argv: ['old-dir'], args: ['old-dir'], options: { quiet: false, force: false } },
    {
      argv: ['-o', 'repo', '--action', 'acme/revops-policy@v1'],
      options: { output: 'repo', action: 'acme/revops-policy@v1', quiet: false, force: false },
    },
  ],
  evaluate: [
    { argv: [], options: evaluationDefaults },
    {
      argv: ['--policies', 'p', ...evaluationFlags.argv, '--config', 'c'],
      options: { ...evaluationDefaults, ...evaluationFlags.options, policies: 'p', config: 'c' },
    },
    {
      argv: ['--format', 'markdown', '--output', 'r.md', '--quiet', '--no-config'],
      options: { ...evaluationDefaults, format: 'markdown', output: 'r.md', quiet: true, config: false },
    },
  ],
  explain: [
    {
      argv: ['--lead', 'L1'],
      options: {
        lead: 'L1',
        policies: 'policies',
        data: 'data',
        format: 'terminal',
        quiet: false,
        mask: false,
        allowPartialData: false,
      },
    },
    {
      argv: [
        ...['--lead', 'L1', '--policies', 'p', '--data', 'd', '--as-of', '2026-03-31', '--mapping', 'hubspot'],
        ...['-f', 'json', '-o', 'e.json', '-q', '--mask', '--allow-partial-data', '--now', '2026-04-01'],
        ...['--time-zone', 'UTC', '--config', 'c'],
      ],
      options: {
        lead: 'L1',
        policies: 'p',
        data: 'd',
        timeZone: 'UTC',
        config: 'c',
        asOf: '2026-03-31',
        mapping: 'hubspot',
        format: 'json',
        output: 'e.json',
        quiet: true,
        mask: true,
        allowPartialData: true,
        now: '2026-04-01',
      },
    },
    {
      argv: ['--lead', 'L1', '--format', 'json', '--output', 'e.json', '--quiet', '--no-config'],
      options: {
        config: false,
        lead: 'L1',
        policies: 'policies',
        data: 'data',
        format: 'json',
        output: 'e.json',
        quiet: true,
        mask: false,
        allowPartialData: false,
      },
    },
  ],
  insights: [
    { argv: [], options: { ...evaluationDefaults, minSample: '30', maxGroups: '20', band: '5' } },
    {
      argv: [
        ...['--policies', 'p', '--stage', 'sal', '--min-sample', '50', '--max-groups', '10', '--band', '10'],
        ...evaluationFlags.argv,
        '--config',
        'c',
      ],
      options: {
        ...evaluationFlags.options,
        config: 'c',
        policies: 'p',
        stage: 'sal',
        minSample: '50',
        maxGroups: '10',
        band: '10',
      },
    },
    {
      argv: ['--format', 'markdown', '--output', 'i.md', '--quiet', '--no-config'],
      options: {
        ...evaluationDefaults,
        format: 'markdown',
        output: 'i.md',
        quiet: true,
        config: false,
        minSample: '30',
        maxGroups: '20',
        band: '5',
      },
    },
  ],
  impact: [
    { argv: [], options: { ...evaluationDefaults, repo: '.' } },
    {
      argv: [
        ...['--base', 'main', '--head', 'HEAD', '--base-dir', 'a', '--head-dir', 'b', '--policies', 'p'],
        ...['--repo', 'r', '--data-ref', 'head', ...evaluationFlags.argv, '--config', 'c'],
      ],
      options: {
        config: 'c',
        ...evaluationDefaults,
        ...evaluationFlags.options,
        base: 'main',
        head: 'HEAD',
        baseDir: 'a',
        headDir: 'b',
        policies: 'p',
        repo: 'r',
        dataRef: 'head',
      },
    },
    {
      argv: ['--base', 'main', '--format', 'markdown', '--output', 'i.md', '--quiet', '--no-config'],
      options: {
        ...evaluationDefaults,
        repo: '.',
        base: 'main',
        format: 'markdown',
        output: 'i.md',
        quiet: true,
        config: false,
      },
    },
    {
      argv: ['--base', 'main', '--sweep', 'spec.classes[id=mql].minScore=50..70:5'],
      options: { ...evaluationDefaults, repo: '.', base: 'main', sweep: 'spec.classes[id=mql].minScore=50..70:5' },
    },
  ],
  render: [
    { argv: ['impact.json'], args: ['impact.json'], options: { format: 'terminal', quiet: false } },
    {
      argv: ['impact.json', '-f', 'html', '-o', 'impact.html', '-q'],
      args: ['impact.json'],
      options: { format: 'html', output: 'impact.html', quiet: true },
    },
    {
      argv: ['report.json', '--format', 'markdown', '--output', 'r.md', '--quiet', '--config', 'c.yaml'],
      args: ['report.json'],
      options: { format: 'markdown', output: 'r.md', quiet: true, config: 'c.yaml' },
    },
    {
      argv: ['report.json', '--no-config'],
      args: ['report.json'],
      options: { format: 'terminal', quiet: false, config: false },
    },
  ],
  'sample-data': [
    {
      argv: ['--leads', '10', '--seed', '2', '-o', 'd'],
      options: {
        leads: '10',
        seed: '2',
        output: 'd',
        start: '2026-01-01',
        days: '365',
        policies: 'policies',
        opportunities: '0',
        scaleCapacity: '1',
        format: 'csv',
        force: false,
        quiet: false,
      },
    },
    {
      argv: [
        ...['--leads', '10', '--seed', '2', '--output', 'd', '--start', '2026-02-01', '--days', '30'],
        ...['--policies', 'p', '--opportunities', '5', '--scale-capacity', '2.5', '-f', 'ndjson', '--force', '-q'],
        ...['--config', 'c'],
      ],
      options: {
        config: 'c',
        leads: '10',
        seed: '2',
        output: 'd',
        start: '2026-02-01',
        days: '30',
        policies: 'p',
        opportunities: '5',
        scaleCapacity: '2.5',
        format: 'ndjson',
        force: true,
        quiet: true,
      },
    },
    {
      argv: ['--leads', '10', '--seed', '2', '--out', 'd', '--format', 'csv', '--quiet', '--no-config'],
      options: {
        config: false,
        leads: '10',
        seed: '2',
        out: 'd',
        output: 'd',
        start: '2026-01-01',
        days: '365',
        policies: 'policies',
        opportunities: '0',
        scaleCapacity: '1',
        format: 'csv',
        force: false,
        quiet: true,
      },
      stderr: deprecatedNote('--out', '-o/--output'),
    },
  ],
  comment: [
    {
      argv: ['--body-file', 'b'],
      options: { bodyFile: 'b', mode: 'update', dryRun: false, marker: 'revops-policy:impact' },
    },
    {
      argv: [
        ...['--body-file', 'b', '--mode', 'delete-and-new', '--dry-run', '--head-sha', 'abc', '--run-id', '7.2'],
        ...['--summary-file', 's', '--marker', 'm', '--author', 'me', ...gitHubFlags],
      ],
      options: {
        bodyFile: 'b',
        mode: 'delete-and-new',
        dryRun: true,
        headSha: 'abc',
        runId: '7.2',
        summaryFile: 's',
        marker: 'm',
        author: 'me',
        ...gitHubOptions,
      },
    },
  ],
  check: [
    {
      argv: ['--impact', 'i'],
      options: { impact: 'i', context: 'revops-policy/guardrails', dryRun: false, requestReviewers: true },
    },
    {
      argv: ['--impact', 'i', '--head-sha', 'abc', '--context', 'c', '--dry-run', ...gitHubFlags],
      options: { impact: 'i', headSha: 'abc', context: 'c', dryRun: true, requestReviewers: true, ...gitHubOptions },
    },
    {
      argv: ['--impact', 'i', '--dry-run', '--no-request-reviewers', '--approved-by', 'a,o/t'],
      options: {
        impact: 'i',
        context: 'revops-policy/guardrails',
        dryRun: true,
        requestReviewers: false,
        approvedBy: 'a,o/t',
      },
    },
  ],
  pr: [
    {
      argv: ['--base', 'main', '--format', 'json', '--output', 'pr.json', '--quiet', '--no-config'],
      options: {
        ...evaluationDefaults,
        config: false,
        base: 'main',
        repo: '.',
        dataRef: 'base',
        context: 'revops-policy/guardrails',
        marker: 'revops-policy:impact',
        format: 'json',
        output: 'pr.json',
        quiet: true,
      },
    },
    {
      argv: [
        ...['--base', 'main', '--head', 'HEAD', '--policies', 'p', '--repo', 'r', '--data-ref', 'worktree'],
        ...['--approved-by', 'vp-sales', '--context', 'c', '--marker', 'm', ...evaluationFlags.argv],
        ...['--config', 'c.yaml'],
      ],
      options: {
        ...evaluationDefaults,
        ...evaluationFlags.options,
        config: 'c.yaml',
        base: 'main',
        head: 'HEAD',
        policies: 'p',
        repo: 'r',
        dataRef: 'worktree',
        approvedBy: 'vp-sales',
        context: 'c',
        marker: 'm',
      },
    },
  ],
};

class Captured extends Error {}

/** Parses `revops <name> ...argv` up to the action, which does not run; returns what it would get. */
async function parse(name: string, argv: string[]) {
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t), env: {}, isTty: false };
  const program = await buildProgram({ io: io as unknown as CliIo, setExitCode: () => undefined });
  let seen: { options: Record<string, unknown>; args: string[] } | undefined;
  program.hook('preAction', (_program, command) => {
    seen = { options: command.opts(), args: command.args };
    throw new Captured();
  });
  await expect(program.parseAsync([name, ...argv], { from: 'user' })).rejects.toBeInstanceOf(Captured);
  return { ...seen, stderr, program };
}

describe('argv → options, every command', () => {
  for (const [name, rows] of Object.entries(table)) {
    it.each(rows)(`${name} %j`, async (row) => {
      const got = await parse(name, row.argv);
      expect(got.options).toEqual(row.options);
      expect(got.args).toEqual(row.args ?? []);
      expect(got.stderr).toBe(row.stderr ?? '');
    });
  }

  it('has rows for every command, and uses every flag and alias of each', async () => {
    expect(Object.keys(table).sort()).toEqual(commandIndex.map((e) => e.name).sort());
    const program = await buildProgram({ io: {} as CliIo, setExitCode: () => undefined });
    for (const command of program.commands as Command[]) {
      const used = new Set((table[command.name()] ?? []).flatMap((row) => row.argv));
      for (const option of command.options) {
        for (const flag of [option.long, option.short]) {
          if (flag !== undefined) expect(used.has(flag), `${command.name()} ${flag}`).toBe(true);
        }
      }
    }
  });
});
