import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandIndex } from '../../src/cli/command-index.js';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { git } from '../helpers/git.js';
import { examplePolicies, makeTempDir } from '../helpers/paths.js';

/**
 * Flag > config > default, for every key on every command that has its option. Runs in a
 * directory of its own (a git repository with no commit, holding no policies and no data), so
 * each default is visible: each case makes the command fail or print in a way that names the
 * value it used.
 */
const { dir: root, cleanup } = makeTempDir('revops-config-');
const tiny = join(root, 'tiny');
const startDir = process.cwd();

beforeAll(async () => {
  git(root, 'init', '-q');
  const made = await runRevops([
    'sample-data',
    ...['--leads', '60', '--opportunities', '20', '--days', '30', '--seed', '1', '-o', tiny, '-q'],
    ...['--policies', examplePolicies],
  ]);
  expect(made.code).toBe(0);
  // The commands read the config from the working directory: each test file runs in a process of its own.
  process.chdir(root);
});
afterAll(() => {
  process.chdir(startDir);
  cleanup();
});

const policies = ['--policies', examplePolicies];
const bothSides = ['--base-dir', examplePolicies, '--head-dir', examplePolicies];
const match = (pattern: RegExp, otherwise: string) => (run: CliRun) => {
  const found = pattern.exec(run.stderr);
  return found?.[1] ?? found?.[2] ?? otherwise;
};
const policyDir = match(/Policy directory (\S+) does not exist|Cannot read policy directory (\S+):/, 'found');
const dataDir = match(/Data directory (\S+) does not exist/, 'found');
const mapping = match(/No FieldMapping named (\S+);/, 'none');
const asOf = (run: CliRun) => /"asOf": "([^"]+)"/.exec(run.stdout)?.[1] ?? `exit ${run.code}: ${run.stderr}`;
const isJson = (run: CliRun) => (run.stdout.trimStart().startsWith('{') ? 'json' : `not json (exit ${run.code})`);

interface Row {
  command: string;
  key: 'policies' | 'data' | 'mapping' | 'base' | 'timeZone' | 'format';
  args: string[];
  /** The value in the config, the flag that overrides it, and what the command shows for each. */
  config: string;
  flag: string[];
  seen: (run: CliRun) => string;
  expected: { flag: string; config: string; default: string };
}

const pol = { config: 'cfg-policies', flag: ['--policies', 'flag-policies'], seen: policyDir };
const polSeen = { flag: 'flag-policies', config: 'cfg-policies', default: 'policies' };
const data = { config: 'cfg-data', flag: ['--data', 'flag-data'], seen: dataDir };
const dataSeen = { flag: 'flag-data', config: 'cfg-data', default: 'data' };
const map = { config: 'cfg-map', flag: ['--mapping', 'flag-map'], seen: mapping };
const mapSeen = { flag: 'flag-map', config: 'cfg-map', default: 'none' };
// 2026-01-20 at midnight in Berlin (flag), Tokyo (config) and New York (the Calendar policy's zone).
const zone = { config: 'Asia/Tokyo', flag: ['--time-zone', 'Europe/Berlin'], seen: asOf };
const zoneSeen = {
  flag: '2026-01-19T23:00:00.000Z',
  config: '2026-01-19T15:00:00.000Z',
  default: '2026-01-20T05:00:00.000Z',
};
const json = { config: 'json', flag: ['--format', 'terminal'], seen: isJson };
const jsonSeen = { flag: 'not json (exit 0)', config: 'json', default: 'not json (exit 0)' };
const onTiny = () => [...policies, '--data', tiny, '-q'];

const rows: Row[] = [
  { command: 'validate', key: 'policies', args: [], ...pol, expected: polSeen },
  { command: 'fmt', key: 'policies', args: ['--check'], ...pol, expected: polSeen },
  { command: 'test', key: 'policies', args: [], ...pol, expected: polSeen },
  { command: 'evaluate', key: 'policies', args: [], ...pol, expected: polSeen },
  { command: 'explain', key: 'policies', args: ['--lead', 'L1'], ...pol, expected: polSeen },
  { command: 'impact', key: 'policies', args: ['--base-dir', examplePolicies], ...pol, expected: polSeen },
  {
    command: 'sample-data',
    key: 'policies',
    args: ['--leads', '5', '--seed', '1', '-o', 'out', '-q'],
    ...pol,
    expected: polSeen,
  },
  { command: 'evaluate', key: 'data', args: policies, ...data, expected: dataSeen },
  { command: 'explain', key: 'data', args: [...policies, '--lead', 'L1'], ...data, expected: dataSeen },
  { command: 'impact', key: 'data', args: bothSides, ...data, expected: dataSeen },
  { command: 'evaluate', key: 'mapping', args: policies, ...map, expected: mapSeen },
  { command: 'explain', key: 'mapping', args: [...policies, '--lead', 'L1'], ...map, expected: mapSeen },
  { command: 'impact', key: 'mapping', args: bothSides, ...map, expected: mapSeen },
  {
    command: 'evaluate',
    key: 'timeZone',
    args: [...onTiny(), '--format', 'json', '--as-of', '2026-01-20'],
    ...zone,
    expected: zoneSeen,
  },
  {
    command: 'explain',
    key: 'timeZone',
    args: [...onTiny(), '--lead', 'L0000001', '--format', 'json', '--as-of', '2026-01-20'],
    ...zone,
    expected: zoneSeen,
  },
  {
    command: 'impact',
    key: 'timeZone',
    args: [...bothSides, ...onTiny(), '--format', 'json', '--as-of', '2026-01-20'],
    ...zone,
    expected: zoneSeen,
  },
  {
    command: 'impact',
    key: 'base',
    args: [],
    config: 'cfg-base',
    flag: ['--base', 'flag-base'],
    seen: (run) => /(\S+) is not a commit/.exec(run.stderr)?.[1] ?? (/Give --base/.test(run.stderr) ? 'none' : ''),
    expected: { flag: 'flag-base', config: 'cfg-base', default: 'none' },
  },
  { command: 'validate', key: 'format', args: policies, ...json, expected: jsonSeen },
  { command: 'test', key: 'format', args: policies, ...json, expected: jsonSeen },
  { command: 'evaluate', key: 'format', args: onTiny(), ...json, expected: jsonSeen },
  { command: 'explain', key: 'format', args: [...onTiny(), '--lead', 'L0000001'], ...json, expected: jsonSeen },
  { command: 'impact', key: 'format', args: [...bothSides, ...onTiny()], ...json, expected: jsonSeen },
  {
    command: 'sample-data',
    key: 'format',
    args: [...policies, '--leads', '5', '--seed', '1', '-o', 'out', '--force', '-q'],
    config: 'ndjson',
    flag: ['--format', 'csv'],
    seen: (run) => {
      const written = ['csv', 'ndjson'].filter((ext) => existsSync(join(root, 'out', `leads.${ext}`)));
      rmSync(join(root, 'out'), { recursive: true, force: true });
      return `${written.join(',')} (exit ${run.code})`;
    },
    expected: { flag: 'csv (exit 0)', config: 'ndjson (exit 0)', default: 'csv (exit 0)' },
  },
];

function writeConfig(row: Row): void {
  const value = row.key === 'format' ? `\n  ${row.command}: ${row.config}` : ` ${row.config}`;
  writeFileSync(join(root, 'revops.config.yaml'), `${row.key}:${value}\n`);
}

describe('flag > project config > default', { timeout: 60_000 }, () => {
  it.each(rows.map((row) => [row.command, row.key, row] as const))('%s: %s', async (_command, _key, row) => {
    writeConfig(row);
    const seen = {
      flag: row.seen(await runRevops([row.command, ...row.args, ...row.flag])),
      config: row.seen(await runRevops([row.command, ...row.args])),
      default: row.seen(await runRevops([row.command, ...row.args, '--no-config'])),
    };
    expect(seen).toEqual(row.expected);
  });

  it('covers every key the config has, and every command that has its option', () => {
    const schema = JSON.parse(readFileSync(join(startDir, 'schemas', 'project-config.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect([...new Set(rows.map((r) => r.key))].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe('where a missing data directory came from', () => {
  it.each(
    ['evaluate', 'insights'].flatMap((command) =>
      [
        [['--data', 'flag-data'], '(from --data)'],
        [[], '(from `data` in revops.config.yaml)'],
        [['--no-config'], "(from --data's default)"],
      ].map(([extra, origin]) => [command, extra as string[], origin as string] as const),
    ),
  )('%s %j: names it, and the sample-data command that makes some there', async (command, extra, origin) => {
    writeFileSync(join(root, 'revops.config.yaml'), 'data: cfg-data\n');
    const run = await runRevops([command, ...policies, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`does not exist ${origin}.`);
    expect(run.stderr).toMatch(
      /revops sample-data --leads 5000 --seed 42 --policies \S+ -o (flag-data|cfg-data|data)\n$/,
    );
  });
});

describe('an invalid project config', () => {
  it('stops the command (exit 2) naming every problem with file:line:column and its fix', async () => {
    writeFileSync(
      join(root, 'revops.config.yaml'),
      'policies: policies\ndta: data\ntimeZone: Mars/Olympus\nformat:\n  evalute: json\nmapping: 42\n',
    );
    const run = await runRevops(['validate', ...policies]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        'revops: The project config revops.config.yaml is not valid; fix it, or pass --no-config to run without it:',
        '  revops.config.yaml:2:1: Unknown property `dta`. [schema.unknown-property]',
        '    fix: Did you mean `data`? Allowed here: policies, data, mapping, base, timeZone, format.',
        '  revops.config.yaml:3:11: `timeZone` is "Mars/Olympus", which is not an IANA time zone. [config.time-zone]',
        '    fix: Write a zone of the IANA database, e.g. `America/New_York`, `Europe/Berlin` or `UTC`.',
        '  revops.config.yaml:5:3: `format` names "evalute", which is not a revops command. [config.unknown-command]',
        `    fix: Did you mean \`evaluate\`? Commands: ${commandIndex.map((c) => c.name).join(', ')}.`,
        '  revops.config.yaml:6:10: `mapping` must be a string, but it is the number 42. [schema.type]',
        '    fix: Expected: FieldMapping the data is read through (`--mapping`): the `metadata.name` of one, e.g. `hubspot`.',
        '',
      ].join('\n'),
    );
    // --no-config runs without it.
    expect((await runRevops(['validate', ...policies, '--no-config', '-q'])).code).toBe(0);
  });

  it.each([
    ['policies: [policies\n', /revops\.config\.yaml:1:\d+: .*\[yaml\./],
    ['- policies\n', /revops\.config\.yaml:1:1: The file holds a list; .*\n {4}fix: Write keys at the top level/],
    ['a: 1\n---\nb: 2\n', /revops\.config\.yaml:2:1: File holds 2 YAML documents/],
    ['base: &b main\ndata: *b\n', /revops\.config\.yaml:1:7: .*\[yaml\.anchor\]/],
    [
      'format:\n  validate: markdown\n',
      /revops\.config\.yaml:2:13: `format\.validate` is "markdown"; revops validate --format takes terminal, json, github/,
    ],
  ])('%j', async (text, message) => {
    writeFileSync(join(root, 'revops.config.yaml'), text);
    const run = await runRevops(['validate', ...policies]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('shows hostile names and values inert: no workflow command at a line start, no bidi control', async () => {
    writeFileSync(
      join(root, 'revops.config.yaml'),
      'format:\n  "x\\n::error::pwned\\u202e": json\ntimeZone: "\\e[31m\\n::warning::tz"\n',
    );
    const run = await runRevops(['validate', ...policies]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[config.unknown-command]');
    expect(run.stderr).toContain('[config.time-zone]');
    expect(run.stderr.split('\n').filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
    expect(run.stderr).not.toContain('\u202e');
    expect(run.stderr).not.toContain('\u001b');
  });

  it('an empty config, or one of comments only, sets nothing', async () => {
    for (const text of ['', '# nothing yet\n']) {
      writeFileSync(join(root, 'revops.config.yaml'), text);
      expect(await runRevops(['validate', ...policies, '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });
});

describe('finding the config', () => {
  it('from a subdirectory, reads the nearest one up to the git root, with its paths relative to it', async () => {
    writeFileSync(join(root, 'revops.config.yaml'), 'data: cfg-data\n');
    mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
    process.chdir(join(root, 'sub', 'deeper'));
    try {
      const run = await runRevops(['evaluate', ...policies]);
      expect(run.stderr).toContain(
        `Data directory ${join(root, 'cfg-data')} does not exist (from \`data\` in ${join(root, 'revops.config.yaml')})`,
      );
    } finally {
      process.chdir(root);
    }
  });
});

describe('--config and --no-config', () => {
  it('--config names the file, whose paths are relative to it; a missing one is an error', async () => {
    rmSync(join(root, 'revops.config.yaml'), { force: true });
    mkdirSync(join(root, 'elsewhere'), { recursive: true });
    writeFileSync(join(root, 'elsewhere', 'team.yaml'), 'data: exports\n');
    const run = await runRevops(['evaluate', ...policies, '--config', 'elsewhere/team.yaml']);
    expect(run.stderr).toContain(
      'Data directory elsewhere/exports does not exist (from `data` in elsewhere/team.yaml)',
    );
    const missing = await runRevops(['evaluate', ...policies, '--config', 'nowhere.yaml']);
    expect(missing).toMatchObject({ code: 2, stderr: 'revops: --config nowhere.yaml does not exist.\n' });
  });

  it('are offered by the commands that read the config, and not by check, comment or init', async () => {
    for (const name of ['validate', 'fmt', 'test', 'evaluate', 'explain', 'impact', 'sample-data'])
      expect((await runRevops([name, '--help'])).stdout, name).toMatch(/--config <file>[\s\S]*--no-config/);
    for (const name of ['check', 'comment', 'init'])
      expect((await runRevops([name, '--help'])).stdout, name).not.toContain('--config');
  });
});

describe('init writes a project config', () => {
  it('that is valid, names its schema, and that the scaffold runs with', async () => {
    const target = join(root, 'scaffold');
    expect((await runRevops(['init', '-o', target, '-q'])).code).toBe(0);
    const text = readFileSync(join(target, 'revops.config.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/project-config.schema.json');
    expect(existsSync(join(target, 'schemas', 'project-config.schema.json'))).toBe(true);
    expect(parse(text)).toEqual({ policies: 'policies', data: 'data', base: 'main' });
    const config = ['--config', join(target, 'revops.config.yaml')];
    expect((await runRevops(['validate', ...config, '-q'])).code).toBe(0);
    const run = await runRevops(['evaluate', ...config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Data directory scaffold/data does not exist (from `data` in scaffold/revops.config.yaml)',
    );
  });
});

describe('a config that sits in the policy directory (policies: .)', () => {
  it('is not read as a policy', async () => {
    const dir = join(root, 'flat');
    cpSync(examplePolicies, dir, { recursive: true });
    writeFileSync(join(dir, 'revops.config.yaml'), 'policies: .\n');
    expect(await runRevops(['validate', '--config', join(dir, 'revops.config.yaml'), '-q'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});
