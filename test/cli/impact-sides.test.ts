import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot, useTempDirs } from '../helpers/paths.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/**
 * Base and head where the goal's declared target differs (≤ 0.85 → ≤ 0.7) and the funnel
 * calls its qualified stage "Hand-raisers", with the goal watching another stage (sal): each
 * side's verdict must sit next to its own target, and lead volume must be counted at the
 * stage the lead classes qualify into, named as the funnel names it.
 */
describe('revops impact: each side with its own target, volume under the funnel’s own name', () => {
  const tempDir = useTempDirs();

  async function impact(format: 'json' | 'markdown' | 'terminal'): Promise<string> {
    const base = tempDir();
    cpSync(join(repoRoot, 'policies'), base, { recursive: true });
    edit(base, 'funnel.yaml', 'name: Marketing qualified', 'name: Hand-raisers');
    edit(
      base,
      'revenue-goal.yaml',
      '    stage: mql\n    metric: utilisation',
      '    stage: sal\n    metric: utilisation',
    );
    const head = tempDir();
    cpSync(base, head, { recursive: true });
    edit(head, 'revenue-goal.yaml', 'max: 0.85', 'max: 0.5');
    edit(head, 'lead-definition.yaml', 'minScore: 65', 'minScore: 60');
    const run = await runRevops(['impact', '-q', '--base-dir', base, '--head-dir', head, '--format', format]);
    expect(run.stderr).toBe('');
    return run.stdout;
  }

  it('reports each side’s declared target with that side’s verdict, and volume at the qualified stage (JSON)', async () => {
    const report = JSON.parse(await impact('json')) as ImpactReport;
    expectValidImpactReport(report);
    const { base, head } = report.constraint.declared ?? { base: null, head: null };
    expect(base).toMatchObject({ stage: 'sal', metric: 'utilisation', target: { max: 0.85 } });
    expect(head).toMatchObject({ stage: 'sal', metric: 'utilisation', target: { max: 0.5 } });
    // sal runs at 0.54 under the base: met against ≤ 0.85 but missed against the head's ≤ 0.5.
    expect(base?.value).toBeLessThanOrEqual(0.85);
    expect(base?.isMet).toBe(true);
    expect(head?.value).toBeGreaterThan(0.5);
    expect(head?.isMet).toBe(false);
    // Volume: arrivals at mql (the class's stage), not at sal (the goal's stage).
    const mql = report.stages.find((s) => s.stage === 'mql');
    expect(report.mqlVolume).toEqual({
      stage: 'mql',
      stageName: 'Hand-raisers',
      base: mql?.arrivals.base,
      head: mql?.arrivals.head,
      delta: mql?.arrivals.delta,
    });
    expect(report.mqlVolume.delta).toBeGreaterThan(0);
  });

  it('shows both targets and the funnel’s name in the comment', async () => {
    const markdown = await impact('markdown');
    const row = markdown.split('\n').find((l) => l.startsWith('| sal utilisation |')) ?? '';
    expect(row).toMatch(
      /^\| sal utilisation \| 0\.\d\d \\\(target ≤ 0\.85, met\\\) \| 0\.\d\d \\\(target ≤ 0\.5, missed\\\) \| ±0, target ≤ 0\.85 → ≤ 0\.5 \|$/,
    );
    expect(markdown).toMatch(/^Hand-raisers arrivals \+\d+ /m);
    expect(markdown).toMatch(/^\| Hand-raisers arrivals \| /m);
    expect(markdown).not.toContain('MQLs');
  });

  it('shows both targets in the terminal', async () => {
    const text = await impact('terminal');
    expect(text).toMatch(/sal utilisation: 0\.\d\d \(target ≤ 0\.85, met\) → 0\.\d\d \(target ≤ 0\.5, missed\)/);
    expect(text).toMatch(/Hand-raisers arrivals \+\d+/);
  });
});
