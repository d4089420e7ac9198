import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { buildExampleRepo } from '../helpers/git.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { makeTempDir } from '../helpers/paths.js';

/*
 * A CAC guardrail on the base (`cac_change_pct above 10` needs the CFO) and pull requests that
 * move sales cost, or try to make CAC unknown. Base CAC over the bundled quarter: 602,829.92 ÷ 11
 * new customers = 54,802.72 USD (sales heads: 3 SDRs × 90,000 + 3 AEs × 240,000 a year, × 90 ÷ 365).
 */
const guardrail =
  '    - id: cac-rise\n      metric: cac_change_pct\n      above: 10\n      approvers:\n        users: [cfo]\n';

function edit(repo: string, file: string, change: (text: string) => string): void {
  const path = join(repo, file);
  const after = change(readFileSync(path, 'utf8'));
  writeFileSync(path, after);
}

const branches: Record<string, (repo: string) => void> = {
  'nothing changed but a description': (repo) =>
    edit(repo, 'policies/guardrails.yaml', (t) => t.replace('description:', 'description: (edited)')),
  // Three more AEs: + 3 × 240,000 × 90 ÷ 365 = 177,534.25 of sales cost → 780,364.17 ÷ 11 = 70,942.20 (+29.4501 %).
  'three more AEs': (repo) =>
    edit(repo, 'policies/funnel.yaml', (t) =>
      t.replace(/headcount: 3(\n {8}perPersonPerWeek: [58] )/g, 'headcount: 6$1'),
    ),
  // The same hiring, with the AE team relabelled out of sales on the branch.
  'three more AEs, relabelled marketing': (repo) =>
    edit(repo, 'policies/funnel.yaml', (t) =>
      t
        .replace(/headcount: 3(\n {8}perPersonPerWeek: [58] )/g, 'headcount: 6$1')
        .replace(/(- id: ae\n {6}name: Account Executives\n {6})function: sales/, '$1function: marketing'),
    ),
  // The AE team renamed: its stages now belong to a team the base cannot price.
  'the AE team renamed': (repo) => {
    edit(repo, 'policies/funnel.yaml', (t) =>
      t.replace('- id: ae\n', '- id: closers\n').replace(/owner: ae\n/g, 'owner: closers\n'),
    );
    edit(repo, 'policies/comp-plan-ae.yaml', (t) => t.replace('team: ae\n', 'team: closers\n'));
    edit(repo, 'policies/sla-sal-acceptance.yaml', (t) => t.replace('owner: ae\n', 'owner: closers\n'));
  },
  'the spend file removed': (repo) => rmSync(join(repo, 'data', 'spend.csv')),
  'the guardrail removed': (repo) => edit(repo, 'policies/guardrails.yaml', (t) => t.replace(guardrail, '')),
};

describe('a CAC guardrail on a pull request', { timeout: 120_000 }, () => {
  let repo = '';
  let cleanup = (): void => undefined;
  let heads = new Map<string, string>();

  beforeAll(() => {
    const temp = makeTempDir('revops-gate-cac-');
    cleanup = temp.cleanup;
    repo = join(temp.dir, 'repo');
    heads = buildExampleRepo(repo, Object.entries(branches), (r) =>
      appendFileSync(join(r, 'policies', 'guardrails.yaml'), guardrail),
    );
  });
  afterAll(() => cleanup());

  async function judge(name: string, data = join(repo, 'data'), dataRef = 'base'): Promise<ImpactReport> {
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      heads.get(name) as string,
      '--policies',
      'policies',
      '--data',
      data,
      '--data-ref',
      dataRef,
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactReport;
    expectValidImpactReport(report);
    return report;
  }
  const rule = (r: ImpactReport) => r.guardrails.find((g) => g.id === 'cac-rise');

  it('passes a change that leaves CAC where it was', async () => {
    const r = await judge('nothing changed but a description');
    expect(r.cac?.blended.base.value).toBe('54802.72');
    expect(r.cac?.changePct).toBe(0);
    expect(rule(r)?.isCrossed).toBe(false);
  });

  it('needs the CFO when more heads raise sales cost and CAC by more than 10 %', async () => {
    const r = await judge('three more AEs');
    expect(r.cac?.salesCost).toEqual({ base: '244109.59', head: '421643.84' });
    expect(r.cac?.blended.head.value).toBe('70942.20');
    expect(r.cac?.changePct).toBe(29.45);
    expect(rule(r)).toMatchObject({ isCrossed: true, value: 29.4501, crossings: [{ code: 'above', limit: 10 }] });
  });

  it('prices the teams the base calls sales: relabelling the AEs on the branch does not hide their cost', async () => {
    const honest = await judge('three more AEs');
    const relabelled = await judge('three more AEs, relabelled marketing');
    expect(relabelled.cac?.salesCost).toEqual(honest.cac?.salesCost);
    expect(relabelled.cac?.changePct).toBe(29.45);
    expect(rule(relabelled)).toMatchObject({ isCrossed: true });
  });

  it('makes CAC unknown when a branch renames a sales team the base prices: the guardrail crosses', async () => {
    const r = await judge('the AE team renamed');
    expect(r.cac?.blended.head).toEqual({ value: null, unknown: 'sales-cost-unpriced' });
    expect(r.cac?.changePct).toBeNull();
    expect(rule(r)).toMatchObject({ isCrossed: true });
  });

  it('reads the guardrail from the base: removing it on the branch does not lift it', async () => {
    const r = await judge('the guardrail removed');
    expect(rule(r)).toBeDefined();
  });

  it('does not let a branch drop the spend to dodge the guardrail: the base data is replayed, the change is flagged', async () => {
    const r = await judge('the spend file removed');
    expect(r.cac?.blended.head.value).toBe('54802.72');
    expect(r.inputs.isChanged).toBe(true);
  });

  it('crosses, never passes, when CAC is unknown: data without spend gives "—" on both sides', async () => {
    const bare = join(repo, '..', 'no-spend');
    cpSync(join(repo, 'data'), bare, { recursive: true });
    rmSync(join(bare, 'spend.csv'));
    const r = await judge('nothing changed but a description', bare, 'worktree');
    expect(r.cac?.blended.base).toEqual({ value: null, unknown: 'no-spend' });
    expect(rule(r)).toMatchObject({
      isCrossed: true,
      crossings: [{ code: 'unmeasurable', reason: { code: 'no-figure' } }],
    });
  });
});
