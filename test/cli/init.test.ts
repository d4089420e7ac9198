import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubRepoOf } from '../../src/cli/action-reference.js';
import { repositoryUrl, version } from '../../src/cli/version.js';
import { runRevops } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/paths.js';

const workflowFiles = [
  '.github/workflows/revops-comment.yml',
  '.github/workflows/revops-impact.yml',
  '.github/workflows/revops-validate.yml',
];

describe('revops init', () => {
  const tempDir = useTempDirs();

  it('scaffolds a policy repository whose policies validate', async () => {
    const target = join(tempDir(), 'my-policies');
    const run = await runRevops(['init', '-o', target]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(18 policies, all valid)');
    for (const file of [
      'README.md',
      '.gitignore',
      ...workflowFiles,
      'policies/funnel.yaml',
      'schemas/funnel.schema.json',
    ]) {
      expect(existsSync(join(target, file)), file).toBe(true);
    }
    const validate = await runRevops(['validate', '--policies', join(target, 'policies')]);
    expect(validate.code).toBe(0);
  });

  it('points each policy at a schema file that exists in the scaffold', async () => {
    const target = join(tempDir(), 'repo');
    await runRevops(['init', '-o', target]);
    const funnel = readFileSync(join(target, 'policies', 'funnel.yaml'), 'utf8');
    const schemaRef = /^# yaml-language-server: \$schema=(\S+)$/m.exec(funnel)?.[1];
    expect(schemaRef).toBe('../schemas/funnel.schema.json');
    expect(existsSync(join(target, 'policies', schemaRef!))).toBe(true);
  });

  it("writes the --action reference into every workflow's uses: of the revops action", async () => {
    const target = join(tempDir(), 'repo');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const run = await runRevops(['init', '-o', target, '--action', `acme/revops-policy@${sha}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('pin it by its full commit SHA');
    const uses = workflowFiles.flatMap((file) =>
      readFileSync(join(target, file), 'utf8')
        .split('\n')
        .filter((line) => /^\s*(- )?uses: /.test(line) && !line.includes('actions/'))
        .map((line) => line.trim()),
    );
    expect(uses).toEqual(Array(4).fill(`uses: acme/revops-policy@${sha}`));
    for (const file of workflowFiles) {
      const workflow = readFileSync(join(target, file), 'utf8');
      expect(workflow, file).not.toContain('OWNER/REPO@REF');
      expect(workflow, file).not.toMatch(/\bnpm\b|\bnpx\b|REVOPS_VERSION/);
    }
  });

  it('tells how to install the CLI from the same source as the action, and commits data/ (the workflows replay it)', async () => {
    const target = join(tempDir(), 'repo');
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const run = await runRevops(['init', '-o', target, '--action', `acme/revops-policy@${sha}`]);
    expect(run.code).toBe(0);
    // revops-policy is not on the npm registry: `npx revops-policy` would fail with a 404.
    for (const text of [run.stdout, readFileSync(join(target, 'README.md'), 'utf8')]) {
      expect(text).not.toContain('npx revops-policy');
      expect(text).toContain(`npm install --save-dev github:acme/revops-policy#${sha}`);
      expect(text).toContain('npx revops validate');
    }
    const ignored = readFileSync(join(target, '.gitignore'), 'utf8').split('\n');
    expect(ignored.filter((line) => /^\/?data\/?$/.test(line.trim()))).toEqual([]);
  });

  it("defaults --action to package.json's repository at this version's tag, and says to pin it by SHA", async () => {
    const target = join(tempDir(), 'repo');
    const run = await runRevops(['init', '-o', target]);
    expect(run.code).toBe(0);
    const reference = `${githubRepoOf(repositoryUrl)}@v${version}`;
    expect(reference).toMatch(/^[\w.-]+\/[\w.-]+@v\d/);
    expect(readFileSync(join(target, workflowFiles[1]!), 'utf8')).toContain(`uses: ${reference}\n`);
    expect(run.stdout).toContain(`The workflows use the revops action ${reference}: pin it by its full commit SHA`);
  });

  it.each([
    ['no ref', 'acme/revops-policy'],
    ['a YAML comment', 'acme/revops-policy@v1 # x'],
    ['a line break', 'acme/revops-policy@v1\n  run: curl evil'],
    ['an expression', 'acme/revops-policy@${{ github.head_ref }}'],
    ['a path up', 'acme/revops-policy/../x@v1'],
  ])('refuses an --action with %s and writes nothing', async (_name, action) => {
    const target = join(tempDir(), 'repo');
    const run = await runRevops(['init', '-o', target, '--action', action]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--action must be owner/repo@ref');
    expect(existsSync(target)).toBe(false);
  });

  it('scaffolds the workflows and nothing else under .github/', async () => {
    const target = join(tempDir(), 'repo');
    await runRevops(['init', '-o', target]);
    expect(readdirSync(join(target, '.github'), { recursive: true }).sort()).toEqual([
      'workflows',
      ...workflowFiles.map((f) => f.slice('.github/'.length)),
    ]);
  });

  it('refuses a directory that is not empty unless --force is given', async () => {
    const target = tempDir();
    writeFileSync(join(target, 'notes.txt'), 'mine');
    const refused = await runRevops(['init', '-o', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists and is not empty');
    expect(existsSync(join(target, 'policies'))).toBe(false);

    const forced = await runRevops(['init', '-o', target, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
