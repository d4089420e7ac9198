import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/paths.js';

/*
 * `revops render` turns a saved JSON report into the other formats without a second replay:
 * what it prints must be what the command that wrote the JSON prints in that format.
 */
const change = ['--base-dir', 'policies', '--head-dir', 'examples/proposed-change/policies', '-q'];

describe('revops render', { timeout: 120_000 }, () => {
  let dir = '';
  const written = { impactJson: '', impactMarkdown: '', impactHtml: '', reportJson: '', reportTerminal: '' };

  beforeAll(async () => {
    const temp = makeTempDir('revops-render-');
    dir = temp.dir;
    const impact = (format: string) => runRevops(['impact', ...change, '--format', format]);
    const evaluate = (format: string) => runRevops(['evaluate', '-q', '--format', format]);
    written.impactJson = (await impact('json')).stdout;
    written.impactMarkdown = (await impact('markdown')).stdout;
    written.impactHtml = (await impact('html')).stdout;
    written.reportJson = (await evaluate('json')).stdout;
    written.reportTerminal = (await evaluate('terminal')).stdout;
    writeFileSync(join(dir, 'impact.json'), written.impactJson);
    writeFileSync(join(dir, 'report.json'), written.reportJson);
    return temp.cleanup;
    // Five whole CLI runs: slower than a hook's default 10 s on a loaded machine.
  }, 120_000);

  it('renders an impact report as the markdown and the HTML page impact writes', async () => {
    const markdown = await runRevops(['render', join(dir, 'impact.json'), '--format', 'markdown']);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toBe(written.impactMarkdown);
    const html = await runRevops(['render', join(dir, 'impact.json'), '--format', 'html']);
    expect(html.stdout).toBe(written.impactHtml);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('renders an evaluation report as evaluate prints it, and writes a file with -o', async () => {
    const terminal = await runRevops(['render', join(dir, 'report.json')]);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout).toBe(written.reportTerminal);
    const out = join(dir, 'report.html');
    const toFile = await runRevops(['render', join(dir, 'report.json'), '--format', 'html', '-o', out]);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain('wrote the html report to');
  });

  it('refuses a report that breaks its schema, naming the path, with exit 2', async () => {
    const report = JSON.parse(written.impactJson) as { guardrails: { approvers: unknown }[] };
    report.guardrails[0]!.approvers = 'everyone';
    writeFileSync(join(dir, 'bent.json'), JSON.stringify(report));
    const run = await runRevops(['render', join(dir, 'bent.json'), '--format', 'markdown']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('guardrails[0].approvers must be an object');
  });

  it('refuses what is not a report of revops, and JSON that is not JSON', async () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ kind: 'impact-sweep' }));
    const other = await runRevops(['render', join(dir, 'other.json')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('is not a report of revops');
    writeFileSync(join(dir, 'broken.json'), '{"kind": "evaluation",');
    const broken = await runRevops(['render', join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not JSON');
    const missing = await runRevops(['render', join(dir, 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
  });

  it('has no json format: the input is the JSON', async () => {
    const run = await runRevops(['render', join(dir, 'report.json'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'json' is invalid");
  });

  it('checks a large broken report up to its first problem, and refuses an overlong list, with exit 2', async () => {
    // Over 1 MiB of wrong values: listing every error of such a file once took gigabytes.
    const report = JSON.parse(written.reportJson) as { data: { ignoredFiles: unknown[] } };
    report.data.ignoredFiles = new Array<number>(15_000).fill(1);
    const padded = JSON.stringify(report) + ' '.repeat(1024 * 1024);
    writeFileSync(join(dir, 'large.json'), padded);
    const large = await runRevops(['render', join(dir, 'large.json')]);
    expect(large.code).toBe(2);
    expect(large.stderr).toContain('data.ignoredFiles[0] must be a string');
    expect(large.stderr).toContain('checked up to its first problem');
    expect(large.stderr).not.toContain('data.ignoredFiles[1] ');
    // A list longer than any report holds: the tables would be built for nothing (or overflow the stack).
    report.data.ignoredFiles = new Array<string>(20_001).fill('x.csv');
    writeFileSync(join(dir, 'long.json'), JSON.stringify(report));
    const long = await runRevops(['render', join(dir, 'long.json')]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('data.ignoredFiles holds more than 20,000 entries');
  });

  it('shows escape sequences and line breaks of a report as visible stand-ins, never to the terminal', async () => {
    const report = JSON.parse(written.reportJson) as { stamp: { engineVersion: string } };
    report.stamp.engineVersion = '1.0\n::error::forged\u001b[8mhidden\u001b[0m';
    writeFileSync(join(dir, 'escapes.json'), JSON.stringify(report));
    const run = await runRevops(['render', join(dir, 'escapes.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('\u001b[8m');
    expect(run.stdout).not.toMatch(/^::error::/m);
    expect(run.stdout).toContain('1.0␊::error::forged␛[8mhidden');
  });

  it('refuses an empty file (a device or a pipe says 0 bytes and would never end)', async () => {
    writeFileSync(join(dir, 'empty.json'), '');
    const run = await runRevops(['render', join(dir, 'empty.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('empty, or not a regular file');
  });
});
