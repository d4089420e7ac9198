// `npm run build:action`: bundles the GitHub Action (src/action/index.ts and everything it
// imports) into one ES module, dist-action/index.mjs, that Node 20 and 24 run with no install,
// and writes the licences of the bundled packages and their legal comments to
// dist-action/LICENSES.txt. The output is deterministic (no timestamps, no absolute paths, sorted),
// so CI can rebuild it and compare: `node scripts/build-action.mjs --outdir <dir>`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import process from 'node:process';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outIndex = process.argv.indexOf('--outdir');
const outdir = resolve(outIndex === -1 ? join(root, 'dist-action') : process.argv[outIndex + 1]);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Source modules the bundle replaces: what they read beside dist/ is not beside dist-action/. */
const replaced = {
  // The version and repository, fixed at build time (version.ts reads ../../package.json at run time).
  'src/cli/version.ts':
    `export const version: string = ${JSON.stringify(pkg.version)};\n` +
    `export const repositoryUrl: string | undefined = ${JSON.stringify(pkg.repository?.url ?? pkg.repository)};\n`,
  // The action's root (templates/, policies/, schemas/) is one level above dist-action/.
  'src/cli/package-root.ts':
    "import { fileURLToPath } from 'node:url';\n" +
    "export const packageRoot: string = fileURLToPath(new URL('../', import.meta.url)).replace(/\\/$/, '');\n",
};

const bundleFixes = {
  name: 'revops-bundle',
  setup(b) {
    // The ajv standalone validators exist only in dist/ (written by `npm run build`): the bundle
    // compiles the schemas on first use instead, to the same validators.
    b.onResolve({ filter: /-standalone\.js$/ }, (args) => ({ path: args.path, namespace: 'revops-absent' }));
    b.onLoad({ filter: /.*/, namespace: 'revops-absent' }, () => ({ contents: 'export {};\n', loader: 'js' }));
    b.onLoad({ filter: /\/src\/cli\/(version|package-root)\.ts$/ }, (args) => ({
      contents: replaced[relative(root, args.path)],
      loader: 'ts',
    }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/action/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  outfile: join(outdir, 'index.mjs'),
  write: false,
  metafile: true,
  legalComments: 'external',
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [bundleFixes],
  // CommonJS dependencies call require() for Node's own modules; an ES module has none.
  banner: {
    js: [
      `// revops-policy ${pkg.version} GitHub Action, bundled by \`npm run build:action\`: do not edit.`,
      '// Licences and legal comments of the bundled packages: LICENSES.txt beside this file.',
      "import { createRequire as __revopsCreateRequire } from 'node:module';",
      'const require = __revopsCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});

/** The package directory of a bundled file (`node_modules/@scope/name` or `node_modules/name`). */
function packageDir(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match === null ? undefined : match[1];
}

function licenceSection(dir) {
  const meta = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const files = readdirSync(join(root, dir))
    .filter((f) => /^(licen[cs]e|copying|notice)/i.test(f))
    .sort();
  const texts = files.map((f) => readFileSync(join(root, dir, f), 'utf8').trim());
  const licence = typeof meta.license === 'string' ? meta.license : 'see below';
  const body = texts.length === 0 ? '(no licence file in the package)' : texts.join('\n\n');
  return { name: meta.name, text: `${meta.name}@${meta.version} (${licence})\n\n${body}\n` };
}

const dirs = [
  ...new Set(
    Object.keys(result.metafile.inputs)
      .map(packageDir)
      .filter((d) => d !== undefined),
  ),
];
const sections = dirs.map(licenceSection).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const legal = result.outputFiles.find((f) => f.path.endsWith('.LEGAL.txt'))?.text.trim() ?? '';
const rule = `\n${'-'.repeat(78)}\n\n`;
const licences =
  `Packages bundled into index.mjs (revops-policy ${pkg.version}, MIT, see ../LICENSE), with their licences.\n` +
  rule +
  sections.map((s) => s.text).join(rule) +
  (legal === '' ? '' : `${rule}Legal comments found in the bundled code:\n\n${legal}\n`);

mkdirSync(outdir, { recursive: true });
const code = result.outputFiles.find((f) => f.path.endsWith('index.mjs'));
writeFileSync(join(outdir, 'index.mjs'), code.contents);
writeFileSync(join(outdir, 'LICENSES.txt'), licences);
