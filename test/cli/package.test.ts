import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

// The package as a user gets it: built from the sources under test into a staging copy of the
// project (not the working dist/, which may hold files of deleted sources), packed with npm,
// unpacked into a fresh project and used from there as a library and as the `revops` binary.
// No network: npm cannot resolve the dependencies offline (the cache holds tarballs, not
// registry metadata), so the fresh project links the dependencies this checkout installed.

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const hasNpm = npm.status === 0;
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  main: string;
  types: string;
};

interface PackResult {
  filename: string;
  files: { path: string; mode: number }[];
}

let temp: { dir: string; cleanup: () => void };
let packed: PackResult;
let stage: string;

beforeAll(() => {
  if (!hasNpm) return;
  temp = makeTempDir('revops-package-');
  stage = join(temp.dir, 'stage');
  mkdirSync(stage);
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'schemas', 'policies', 'templates', 'examples']) {
    cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true });
  }
  // The build's own step (writing the validators) runs with the checkout's modules; npm never packs node_modules.
  symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(repoRoot, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')], {
    cwd: repoRoot,
  });
  execFileSync(process.execPath, [join(stage, 'dist', 'dev', 'write-validators.js')], { cwd: stage });
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp.dir], {
    cwd: stage,
    encoding: 'utf8',
  });
  packed = (JSON.parse(out) as PackResult[])[0]!;
}, 180_000);

afterAll(() => temp?.cleanup());

describe.skipIf(!hasNpm)('the packed tarball', () => {
  const paths = (): string[] => packed.files.map((f) => f.path);

  it('ships the library with its declarations, the binary, LICENSE, schemas, templates, policies and the example data', () => {
    const files = paths();
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      manifest.main,
      manifest.types,
      manifest.bin.revops!,
      'dist/core/policy/validators-standalone.js',
      'dist/core/impact/report-validator-standalone.js',
      'dist/cli/read-worker.js',
      'schemas/report.schema.json',
      'schemas/impact-report.schema.json',
      'schemas/funnel.schema.json',
      'policies/funnel.yaml',
      'templates/policy-repo/README.md',
      'examples/data/leads.csv',
      'examples/data/opportunities.csv',
      'examples/proposed-change/policies/lead-definition.yaml',
    ]) {
      expect(files, file).toContain(file.replace(/^\.\//, ''));
    }
    expect(readFileSync(join(stage, 'LICENSE'), 'utf8')).toContain('revops-policy contributors');
  });

  it('ships no bench or dev code, no source maps, no sources, tests or installed modules', () => {
    const files = paths();
    expect(files.filter((f) => f.startsWith('dist/bench/') || f.startsWith('dist/dev/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|node_modules|\.github)\//.test(f))).toEqual([]);
    const pointing = files.filter(
      (f) => f.endsWith('.js') && readFileSync(join(stage, f), 'utf8').includes('sourceMappingURL'),
    );
    expect(pointing).toEqual([]);
  });

  it('holds every file package.json points at', () => {
    const files = new Set(paths());
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin)];
    const dot = manifest.exports['.'] as Record<string, string>;
    targets.push(...Object.values(dot));
    for (const target of targets) expect(files.has(target.replace(/^\.\//, '')), target).toBe(true);
  });

  describe('installed into a fresh project', () => {
    let project: string;
    const run = (command: string, args: string[]): string =>
      execFileSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    beforeAll(() => {
      project = join(temp.dir, 'project');
      const installed = join(project, 'node_modules', manifest.name);
      mkdirSync(installed, { recursive: true });
      writeFileSync(
        join(project, 'package.json'),
        JSON.stringify({ name: 'uses-revops', private: true, type: 'module' }),
      );
      execFileSync('tar', ['-xzf', join(temp.dir, packed.filename), '-C', installed, '--strip-components=1']);
      // Only the package's own dependencies are there: a runtime import of a dev dependency fails.
      for (const name of Object.keys(manifest.dependencies)) {
        mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
        symlinkSync(join(repoRoot, 'node_modules', name), join(project, 'node_modules', name), 'dir');
      }
      // What npm does for a `bin` entry: link it into node_modules/.bin, executable.
      mkdirSync(join(project, 'node_modules', '.bin'));
      chmodSync(join(installed, manifest.bin.revops!), 0o755);
      symlinkSync(join('..', manifest.name, manifest.bin.revops!), join(project, 'node_modules', '.bin', 'revops'));
    });

    it('runs `npx revops --version`', () => {
      expect(run('npx', ['--no-install', 'revops', '--version']).trim()).toBe(manifest.version);
    });

    it('evaluates the bundled example from a plain ESM script, with the figures the CLI prints', () => {
      writeFileSync(
        join(project, 'use.mjs'),
        `import { loadPolicies, loadData, evaluate, renderReport } from 'revops-policy';
const root = 'node_modules/revops-policy';
const report = evaluate(await loadPolicies(root + '/policies'), await loadData(root + '/examples/data'));
process.stdout.write(renderReport(report, 'json'));
`,
      );
      const fromLibrary = JSON.parse(run(process.execPath, ['use.mjs'])) as {
        goal: { forecast: { projected: string } } | null;
      };
      const fromCli = JSON.parse(
        run('npx', [
          '--no-install',
          'revops',
          'evaluate',
          '--policies',
          'node_modules/revops-policy/policies',
          '--data',
          'node_modules/revops-policy/examples/data',
          '--format',
          'json',
          '-q',
        ]),
      ) as typeof fromLibrary;
      expect(fromLibrary.goal?.forecast.projected).toMatch(/^\d+\.\d\d$/);
      expect(fromLibrary.goal?.forecast.projected).toBe(fromCli.goal?.forecast.projected);
      expect(fromLibrary).toEqual(fromCli);
    });

    it('type-checks a TypeScript consumer against the shipped declarations', () => {
      writeFileSync(
        join(project, 'use.ts'),
        `import { evaluateImpact, loadData, loadPolicies, renderImpact, PolicyValidationError } from 'revops-policy';
import type { ImpactReport, Report } from 'revops-policy';
const root = 'node_modules/revops-policy';
const data = await loadData(root + '/examples/data');
const impact: ImpactReport = evaluateImpact(await loadPolicies(root + '/policies'), await loadPolicies(root + '/examples/proposed-change/policies'), data);
const stage: string | null = impact.mqlVolume.stage;
const forecast: Report['goal'] = null;
console.log(renderImpact(impact, 'markdown'), stage, forecast, PolicyValidationError.name);
`,
      );
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2023',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            types: [],
            skipLibCheck: false,
          },
          files: ['use.ts'],
        }),
      );
      const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    }, 60_000);
  });
});

if (!hasNpm) {
  describe('the packed tarball', () => {
    it.skip('needs npm on the PATH to pack and install the package', () => {});
  });
}
