import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../src/cli/version.js';
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
    expect(run.stdout).toContain('(15 policies, all valid)');
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

  it('pins the installed revops version in every workflow', async () => {
    const target = join(tempDir(), 'repo');
    await runRevops(['init', '-o', target]);
    for (const file of workflowFiles) {
      const workflow = readFileSync(join(target, file), 'utf8');
      expect(workflow, file).toContain(`REVOPS_VERSION: '${version}'`);
      expect(workflow, file).not.toContain('{{version}}');
    }
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
