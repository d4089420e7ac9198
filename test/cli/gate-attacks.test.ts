import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import { runRevops } from '../helpers/cli.js';
import { buildExampleRepo, withProposedChange } from '../helpers/git.js';
import { expectValidImpactReport } from '../helpers/impact-schema.js';
import { makeTempDir } from '../helpers/paths.js';

/*
 * Pull requests that carry the honest change (MQL minScore 65 → 60) and try to bend the gate
 * that judges them. The judge runs what the workflow runs; the base holds the bundled policies
 * and data plus an MQL-volume guardrail.
 */
const honestCrossings = ['constraint-overload', 'mql-volume', 'sla-compliance-drop'];

function edit(repo: string, file: string, change: (text: string) => string): void {
  const path = join(repo, 'policies', file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the attack did not change ${file}`);
  writeFileSync(path, after);
}

/** Each attack, added to the honest change on a branch of its own. */
const attacks: Record<string, (repo: string) => void> = {
  'a second LeadDefinition for the funnel': (repo) =>
    writeFileSync(
      join(repo, 'policies', 'aaa-lead-definition.yaml'),
      readFileSync(join(repo, 'policies', 'lead-definition.yaml'), 'utf8').replace(
        'name: lumen-lead-definition',
        'name: aaa-lead-definition',
      ),
    ),
  'the SLA renamed': (repo) => {
    edit(repo, 'sla-speed-to-lead.yaml', (t) => t.replace('name: speed-to-lead\n', 'name: speed-to-lead-v2\n'));
    edit(repo, 'tests/sla-speed-to-lead.test.yaml', (t) => t.replace(/speed-to-lead\b/g, 'speed-to-lead-v2'));
  },
  'the SLA removed': (repo) => {
    rmSync(join(repo, 'policies', 'sla-speed-to-lead.yaml'));
    rmSync(join(repo, 'policies', 'tests', 'sla-speed-to-lead.test.yaml'));
  },
  'a Funnel event renamed': (repo) => {
    for (const file of ['funnel.yaml', 'sla-speed-to-lead.yaml'])
      edit(repo, file, (t) => t.replace(/\bmql_reached\b/g, 'mql_hit'));
  },
  "the constraint stage's capacity removed": (repo) =>
    edit(repo, 'funnel.yaml', (t) =>
      t.replace(
        /( {6}entry: mql_reached\n) {6}capacity:\n {8}headcount: 3\n {8}perPersonPerWeek: 25[^\n]*\n {8}unit: leads\n/,
        '$1',
      ),
    ),
  "a lead class at the funnel's first stage": (repo) =>
    edit(repo, 'lead-definition.yaml', (t) =>
      t.replace(
        '      minEngagement: 20\n',
        '      minEngagement: 20\n    - id: target-account\n      description: Named target accounts.\n      stage: lead\n      minScore: 1000\n',
      ),
    ),
  'a new CompPlan paid in CAD': (repo) =>
    writeFileSync(
      join(repo, 'policies', 'comp-plan-bonus.yaml'),
      [
        'apiVersion: revops/v1',
        'kind: CompPlan',
        'metadata: {name: marketing-bonus, owner: cfo, description: Bonus.}',
        'spec:',
        '  goal: fy2026-new-business',
        '  roles: [marketing]',
        '  team: marketing',
        '  currency: CAD',
        '  period: quarter',
        '  onTargetEarnings: "100000"',
        '  targetVariable: "50000"',
        '  components:',
        '    - {id: goal, metric: goal_attainment, weight: 1}',
        '',
      ].join('\n'),
    ),
  'an unreferenced Calendar': (repo) =>
    writeFileSync(
      join(repo, 'policies', 'calendar-apac.yaml'),
      [
        'apiVersion: revops/v1',
        'kind: Calendar',
        'metadata: {name: apac-support-hours, owner: revops, description: APAC partner desk.}',
        'spec:',
        '  timeZone: Pacific/Kiritimati',
        '  workingHours:',
        '    - {days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00"}',
        '',
      ].join('\n'),
    ),
};

describe('revops impact on a pull request that tries to bend its gate', { timeout: 120_000 }, () => {
  let repo = '';
  let cleanup = (): void => undefined;
  let heads = new Map<string, string>();

  beforeAll(() => {
    const temp = makeTempDir('revops-gate-attacks-');
    cleanup = temp.cleanup;
    repo = join(temp.dir, 'repo');
    const changes = withProposedChange(attacks);
    heads = buildExampleRepo(repo, changes, (r) =>
      appendFileSync(
        join(r, 'policies', 'guardrails.yaml'),
        '    - id: mql-volume\n      metric: mql_volume_change_pct\n      above: 10\n      approvers:\n        users: [vp-marketing]\n',
      ),
    );
  });
  afterAll(() => cleanup());

  /** The judge's command on one branch. */
  async function judge(name: string): Promise<{ code: number; report: ImpactReport | null; stderr: string }> {
    const head = heads.get(name) as string;
    const run = await runRevops([
      'impact',
      '-q',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      head,
      '--policies',
      'policies',
      '--data',
      join(repo, 'data'),
      '--data-ref',
      'base',
      '--mask',
      '--format',
      'json',
    ]);
    const report = run.code === 0 ? (JSON.parse(run.stdout) as ImpactReport) : null;
    if (report !== null) expectValidImpactReport(report);
    return { code: run.code, report, stderr: run.stderr };
  }
  const crossed = (report: ImpactReport | null): string[] =>
    (report?.guardrails ?? [])
      .filter((g) => g.isCrossed)
      .map((g) => g.id)
      .sort();

  it('crosses constraint-overload, mql-volume and sla-compliance-drop on the honest change', async () => {
    const { code, report } = await judge('honest change');
    expect(code).toBe(0);
    expect(crossed(report)).toEqual(honestCrossings);
  });

  it('refuses a second LeadDefinition for the funnel (the first file by name would win)', async () => {
    const { code, stderr } = await judge('a second LeadDefinition for the funnel');
    expect(code).toBe(2);
    expect(stderr).toContain('lead-definition.not-unique');
  });

  /** The guardrail's crossings on one branch, after checking the rest crosses as the honest change does. */
  async function crossingsOf(name: string, id: string, also: string[] = []): Promise<unknown> {
    const { code, report, stderr } = await judge(name);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(crossed(report)).toEqual([...honestCrossings, ...also].sort());
    return report?.guardrails.find((g) => g.id === id)?.crossings;
  }

  it.each([['the SLA renamed'], ['the SLA removed']])(
    'still crosses sla-compliance-drop, naming the SLA the head lacks: %s',
    async (name) => {
      expect(await crossingsOf(name, 'sla-compliance-drop')).toEqual([
        {
          code: 'unmeasurable',
          metric: 'sla_compliance_change_pts',
          reason: { code: 'sla-one-side', sla: 'speed-to-lead', side: 'base' },
        },
      ]);
    },
  );

  it('keeps the SLA drop when a Funnel event is renamed: an SLA model that does not apply is no change of 0', async () => {
    const honest = (await judge('honest change')).report?.guardrails.find((g) => g.id === 'sla-compliance-drop');
    expect(await crossingsOf('a Funnel event renamed', 'sla-compliance-drop')).toEqual(honest?.crossings);
  });

  it('crosses constraint-overload when the constraint stage loses its capacity: the head must not pick another stage', async () => {
    // Without its capacity the stage drops out of the head's measure; the constraint also moves, and
    // the comp plans gated on its utilisation count an unknown metric (payout-cost is unmeasurable).
    expect(
      await crossingsOf("the constraint stage's capacity removed", 'constraint-overload', [
        'constraint-moved',
        'payout-cost',
      ]),
    ).toEqual([
      {
        code: 'unmeasurable',
        metric: 'constraint_utilisation',
        reason: { code: 'stage-unmeasured', stage: 'mql', side: 'head' },
      },
    ]);
  });

  it("refuses a lead class at the funnel's first stage: it would erase every lead no class qualifies from it", async () => {
    const { code, stderr } = await judge("a lead class at the funnel's first stage");
    expect(code).toBe(2);
    expect(stderr).toContain('lead.class-first-stage');
  });

  it('crosses payout-cost when a currency is paid from 0: no percentage of 0 reads as no cost', async () => {
    expect(await crossingsOf('a new CompPlan paid in CAD', 'payout-cost', ['comp-change', 'payout-cost'])).toEqual([
      {
        code: 'unmeasurable',
        metric: 'payout_cost_change_pct',
        reason: { code: 'currency-from-zero', currency: 'CAD' },
      },
    ]);
  });

  it('changes nothing with a Calendar no policy refers to: the reporting zone is not the first Calendar by name', async () => {
    const honest = (await judge('honest change')).report;
    const { code, report } = await judge('an unreferenced Calendar');
    expect(code).toBe(0);
    expect(crossed(report)).toEqual(honestCrossings);
    expect(report?.stages).toEqual(honest?.stages);
    expect(report?.slas).toEqual(honest?.slas);
  });
});
