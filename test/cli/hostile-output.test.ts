import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { copyExamplePolicies, examplePolicies, fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';

/** Names that try to run workflow commands, drive the terminal, hide text and link things. */
const HOSTILE =
  '\n::error file=x::pwned\n::add-mask::secret\r::warning::cr\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\u202e\u200b$x$ GH-123 https://evil.example @org/team <img src=x onerror=alert(1)> <!-- revops-policy --> ##[add-mask]Brooks';
/** The same without `/` (a file name) and starting a line by itself. */
const HOSTILE_FILE =
  '::error file=x::pwned\n::add-mask::secret\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\u202e\u200b$x$ GH-123 @org <img src=x onerror=alert(1)> ##[error]legacy';

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

/**
 * No line (as the Actions runner splits them: LF, CR) starts a workflow command after its
 * leading-space trim, except the `ours` lines we print on purpose, nor holds a legacy one
 * (`##[cmd]`, which the runner finds anywhere in a line); no ESC but our colours.
 */
function expectNeutral(text: string, ours: RegExp | undefined = undefined): void {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const plain = line.replace(SGR, '').trimStart();
    if (ours !== undefined && ours.test(plain)) continue;
    expect(plain, `a line that starts a workflow command: ${JSON.stringify(line)}`).not.toMatch(/^::/);
    expect(line, `a line that holds a legacy workflow command: ${JSON.stringify(line)}`).not.toContain('##[');
  }
  const bad = UNSAFE.exec(text.replace(SGR, ''));
  expect(bad, `a control or invisible character: ${JSON.stringify(bad?.[0])}`).toBeNull();
}

function expectNeutralRun(run: CliRun): void {
  expectNeutral(run.stdout);
  expectNeutral(run.stderr);
}

const colour = { NO_COLOR: '', FORCE_COLOR: '1' };

describe('hostile names in terminal and CI-log output', () => {
  const tempDir = useTempDirs();

  it('revops test: a case name cannot run a workflow command or drive the terminal; our colours stay', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'tests', 'lead-definition.test.yaml');
      const text = readFileSync(file, 'utf8')
        .replace('- name: a student is excluded', `- name: ${JSON.stringify(HOSTILE)}`)
        .replace(
          '- name: a competitor is excluded, even after asking for a demo',
          `- name: ${JSON.stringify(HOSTILE_FILE)}`,
        )
        .replace('expect: {class: excluded, rule: student}', 'expect: {class: mql, rule: student}');
      writeFileSync(file, text);
      const run = await runRevops(['test', '--policies', temp.dir, '--coverage'], colour);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('pwned');
      // eslint-disable-next-line no-control-regex
      expect(run.stdout).toMatch(/\u001b\[3\dm✗/);
      expectNeutralRun(run);

      const json = await runRevops(['test', '--policies', temp.dir, '--format', 'json']);
      expect(json.stdout).toContain('add-mask');
      expect(JSON.stringify(JSON.parse(json.stdout))).toContain('##[add-mask]Brooks');
      expectNeutralRun(json);
    } finally {
      temp.cleanup();
    }
  });

  it('revops fmt --check: a file name cannot start a workflow command, on stdout or stderr', async () => {
    const dir = tempDir();
    const calendar = readFileSync(join(examplePolicies, 'calendar-us.yaml'), 'utf8');
    const reordered =
      calendar.replace(/^kind: Calendar\n/m, '').replace(/^apiVersion: revops\/v1\n/m, 'apiVersion: revops/v1\n') +
      'kind: Calendar\n';
    expect(reordered).not.toBe(calendar);
    writeFileSync(join(dir, `${HOSTILE_FILE}.yaml`), reordered);
    writeFileSync(join(dir, `\n::error::bad${HOSTILE_FILE.slice(0, 40)}.yaml`), 'kind: [\n');
    const run = await runRevops(['fmt', '--policies', dir, '--check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('pwned');
    expect(run.stderr).toContain('bad');
    expectNeutralRun(run);
  });

  it('revops validate: a file name and a value in a message stay inert in the terminal and in --format github', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, `${HOSTILE_FILE}.yaml`),
      `apiVersion: revops/v1\nkind: ${JSON.stringify(HOSTILE)}\nmetadata: {name: x, owner: y, description: z}\nspec: {}\n`,
    );
    const terminal = await runRevops(['validate', '--policies', dir], colour);
    expect(terminal.code).toBe(1);
    expect(terminal.stdout).toContain('pwned');
    expectNeutralRun(terminal);

    const github = await runRevops(['validate', '--policies', dir, '--format', 'github']);
    expect(github.code).toBe(1);
    const ours = /^::error file=[^:\n\r]*,line=\d+,col=\d+,title=revops [\w.-]+::/;
    expect(github.stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
    expect(github.stdout).toMatch(ours);
    expectNeutral(github.stdout, ours);
  });

  it('an error message that names a hostile path stays inert', async () => {
    const run = await runRevops(['validate', '--policies', join(tempDir(), HOSTILE_FILE)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not exist');
    expectNeutralRun(run);
  });

  // The hostile fixtures hold only the entities they attack with: the others are allowed missing.
  it('revops evaluate: a user name from the data stays inert in the terminal report, the JSON and the markdown', async () => {
    const data = join(fixturesDir, 'evaluate', 'hostile-names');
    const run = await runRevops(['evaluate', '-q', '--allow-partial-data', '--data', data], colour);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('octocat');
    expect(run.stdout).toContain('pwned');
    expect(run.stdout).toContain('amount-pwned');
    expectNeutralRun(run);

    const json = await runRevops(['evaluate', '-q', '--allow-partial-data', '--data', data, '--format', 'json']);
    expect(json.stdout).toContain('pwned');
    expectNeutralRun(json);
    const markdown = await runRevops([
      'evaluate',
      '-q',
      '--allow-partial-data',
      '--data',
      data,
      '--format',
      'markdown',
    ]);
    expect(markdown.stdout).toContain('pwned');
    // The zero-width spaces are ours: they keep @ and # from mentioning or referencing.
    expectNeutral(markdown.stdout.replaceAll('\u200b', ''));
  });

  it('revops impact and explain: a lead id and a user name from the data stay inert in the terminal', async () => {
    const data = join(fixturesDir, 'impact', 'hostile-lead');
    const impact = await runRevops(
      [
        'impact',
        '-q',
        '--allow-partial-data',
        '--base-dir',
        'policies',
        '--head-dir',
        join(repoRoot, 'examples', 'proposed-change', 'policies'),
        '--data',
        data,
      ],
      colour,
    );
    expect(impact.code).toBe(0);
    expectNeutralRun(impact);

    const leadId = readFileSync(join(data, 'leads.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n')
      .match(/^"((?:[^"]|"")*)"/)![1]!
      .replaceAll('""', '"');
    expect(leadId).toContain('::error');
    const explain = await runRevops(
      ['explain', '-q', '--allow-partial-data', '--data', data, '--lead', leadId],
      colour,
    );
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain('octocat');
    expectNeutralRun(explain);
  });

  it('revops impact: a rule description changed by the head stays inert in the terminal and in markdown', async () => {
    const temp = copyExamplePolicies();
    try {
      const file = join(temp.dir, 'lead-definition.yaml');
      const text = readFileSync(file, 'utf8');
      const changed = text.replace(
        'description: Existing customers go to their account manager, not to new business.',
        `description: ${JSON.stringify(`${HOSTILE} fixed in a5c3785ed8d6a35868bc169f07e40e889087fd2e`)}`,
      );
      expect(changed).not.toBe(text);
      writeFileSync(file, changed);
      const terminal = await runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', temp.dir], colour);
      expect(terminal.code).toBe(0);
      expect(terminal.stdout).toContain('pwned');
      expectNeutralRun(terminal);

      const markdown = await runRevops([
        'impact',
        '-q',
        '--base-dir',
        'policies',
        '--head-dir',
        temp.dir,
        '--format',
        'markdown',
      ]);
      expect(markdown.stdout).toContain('pwned');
      expect(markdown.stdout).not.toMatch(/\$x\$|GH-123|https:\/\/evil|@org|<img|<!-- revops|a5c3785/);
      expectNeutral(markdown.stdout.replaceAll('\u200b', ''));
    } finally {
      temp.cleanup();
    }
  });
});
