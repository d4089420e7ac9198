import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LeadExplanation } from '../../src/core/engine/explain.js';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

// The bundled data and change (MQL minScore 65 → 60): impact lists leads moving nurture → mql.
const head = join(repoRoot, 'examples', 'proposed-change', 'policies');

async function explain(policies: string, lead: string, ...more: string[]): Promise<string> {
  const run = await runRevops(['explain', '-q', '--policies', policies, '--lead', lead, ...more]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

describe('explain agrees with impact', () => {
  it('gives a lead impact moves nurture → mql the class the replay uses, and separately its decayed class at the as-of', async () => {
    const impact = await runRevops(['impact', '-q', '--base-dir', 'policies', '--head-dir', head, '--format', 'json']);
    const report = JSON.parse(impact.stdout) as ImpactReport;
    const moved = report.classTransitions.transitions.find((t) => t.from === 'nurture' && t.to === 'mql');
    const lead = moved?.examples[0] ?? '';
    expect(lead).toBe('L0000026');

    const onHead = JSON.parse(await explain(head, lead, '--format', 'json')) as LeadExplanation;
    expect(onHead.replay.classification.class).toBe('mql'); // what impact counts under the head
    expect(onHead.replay.reportedBy).toEqual(['evaluate', 'impact']);
    expect(onHead.replay.classification.decayFactor).toBe(1);
    expect(onHead.classification.class).toBe('nurture'); // decayed to the as-of
    expect(onHead.classification.decayFactor).toBeLessThan(1);
    expect(onHead.asOfReportedBy).toEqual(['explain', 'test']);
    expect(onHead.isSameClass).toBe(false);
    const onBase = JSON.parse(await explain('policies', lead, '--format', 'json')) as LeadExplanation;
    expect(onBase.replay.classification.class).toBe('nurture'); // what impact counts under the base

    const text = await explain(head, lead);
    const [, first, second] = text.split('\n');
    expect(first).toMatch(
      /^Lead L0000026 is mql in evaluate and impact — score 62 = fit 40 \+ engagement 22, at its last engagement with no decay/,
    );
    expect(second).toMatch(
      /^At the as-of it is nurture — score 45\.22 = fit 40 \+ engagement 5\.22, engagement decayed ×0\.24/,
    );
    expect(text).toMatch(/Classes as evaluate and impact replay them[^\n]*\n {2}✓ mql [^\n]*\n\s+score 62 ≥ 60/);
    expect(text).toMatch(/Classes at the as-of[^\n]*\n {2}✗ mql [^\n]*\n\s+score 45\.22 < 60/);
  });

  it('keeps both classes with --mask, the lead shown as its pseudonym', async () => {
    const text = await explain(head, 'L0000026', '--mask');
    expect(text).toMatch(/\nLead lead-[0-9a-f]{10} is mql in evaluate and impact — /);
    expect(text).toMatch(/\nAt the as-of it is nurture — /);
    expect(text).not.toContain('L0000026');
  });
});
