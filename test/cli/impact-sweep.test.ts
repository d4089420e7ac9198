import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/core/report/impact.js';
import type { ImpactSweepReport, SweepFigures } from '../../src/core/report/impact-sweep.js';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';

const base = join(repoRoot, 'policies');
const head = join(repoRoot, 'examples', 'proposed-change', 'policies');
const sides = ['--base-dir', base, '--head-dir', head];

// The raw characters no output may carry: BEL, ESC, and the right-to-left override.
// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = new RegExp('[\\u0007\\u001b\\u202e]');

/** schemas/impact-sweep-report.schema.json, as published, closed everywhere. */
function sweepSchemaErrors(report: unknown): string[] {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, 'schemas', 'impact-sweep-report.schema.json'), 'utf8'),
  ) as object;
  const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The figures `revops impact` reports, picked out of its JSON by hand (not by the code under test). */
function figuresOfImpact(impact: ImpactReport): SweepFigures {
  const entry = impact.projection.stages.find((s) => s.stage === impact.projection.entryStage);
  return {
    entryPerWeek: entry?.demandPerWeek ?? { base: null, head: null, delta: null },
    entryArrivals: { base: impact.mqlVolume.base, head: impact.mqlVolume.head, delta: impact.mqlVolume.delta },
    constraint: {
      stage: impact.constraint.stage,
      isMoved: impact.constraint.isMoved,
      utilisation: impact.constraint.utilisation,
      crossesCapacity: impact.constraint.crossesCapacity,
    },
    wonPerWeek: impact.projection.wonPerWeek,
    wonRevenue: impact.projection.wonRevenue,
    currency: impact.projection.currency,
    goalAttainment: impact.projection.goalForecast.attainment,
    headcountCost: { total: impact.projection.totalCost, teams: impact.projection.costs.length },
    slas: impact.slas.map((s) => ({
      name: s.name,
      replayed: s.replayed,
      modelled: s.modelled,
      modelledChangePts: s.modelledChangePts,
    })),
    payout: impact.comp.total,
    guardrails: impact.guardrails.filter((g) => g.isCrossed).map((g) => ({ id: g.id, crossings: g.crossings })),
  };
}

describe('revops impact --sweep on the bundled data', () => {
  let sweep: CliRun;
  let impact: CliRun;
  beforeAll(async () => {
    sweep = await runRevops([
      'impact',
      ...sides,
      '--sweep',
      'spec.classes[id=mql].minScore=55..65:5',
      '--format',
      'json',
    ]);
    impact = await runRevops(['impact', '-q', ...sides, '--format', 'json']);
  }, 120_000);

  it('writes one row per value, meeting its schema, with the base and head values marked', () => {
    expect(sweep.code, sweep.stderr).toBe(0);
    const report = JSON.parse(sweep.stdout) as ImpactSweepReport;
    expect(sweepSchemaErrors(report)).toEqual([]);
    expect(report.kind).toBe('impact-sweep');
    expect(report.sweep).toMatchObject({
      policy: { kind: 'LeadDefinition', name: 'lumen-lead-definition' },
      path: 'spec.classes[id=mql].minScore',
      baseValue: '65',
      headValue: '60',
    });
    expect(report.rows.map((r) => [r.value, r.isBase, r.isHead])).toEqual([
      ['55', false, false],
      ['60', false, true],
      ['65', true, false],
    ]);
    expect(report.entryStage).toEqual({ stage: 'mql', name: 'Marketing qualified' });
  });

  it("gives, for the head's own value, every figure revops impact gives on that head", () => {
    const report = JSON.parse(sweep.stdout) as ImpactSweepReport;
    const own = JSON.parse(impact.stdout) as ImpactReport;
    // The comparison can fail: the change moves revenue and crosses guardrails.
    expect(Number(own.projection.wonRevenue.delta)).not.toBe(0);
    expect(own.guardrails.some((g) => g.isCrossed)).toBe(true);
    expect(report.rows[1]?.figures).toEqual(figuresOfImpact(own));
    expect(report.stamp).toEqual(own.stamp);
    expect(report.data).toEqual(own.data);
  });

  it('gives, for the base value, no change at all', () => {
    const f = (JSON.parse(sweep.stdout) as ImpactSweepReport).rows[2]?.figures;
    expect(f?.entryArrivals.delta).toBe(0);
    expect(f?.wonRevenue.delta).toBe('0.00');
    expect(f?.guardrails).toEqual([]);
    // Looser than the head (55 < 60): more MQLs a week than at 60.
    const rows = (JSON.parse(sweep.stdout) as ImpactSweepReport).rows;
    expect(rows[0]?.figures?.entryPerWeek.head).toBeGreaterThan(rows[1]?.figures?.entryPerWeek.head ?? Infinity);
  });

  it('says on stderr which value it evaluates, one line each', () => {
    expect(sweep.stderr).toContain('sweep: value 1 of 3: spec.classes[id=mql].minScore = 55\n');
    expect(sweep.stderr).toContain('sweep: value 3 of 3: spec.classes[id=mql].minScore = 65\n');
  });
});

describe('revops impact --sweep: terminal and markdown', () => {
  it('prints the table with the marks and the crossed guardrails; -q prints no progress', async () => {
    const run = await runRevops(['impact', '-q', ...sides, '--sweep', 'spec.classes[id=mql].minScore=60..65:5']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'LeadDefinition lumen-lead-definition: spec.classes[id=mql].minScore from 60 to 65 in steps of 5',
    );
    const row = run.stdout.split('\n').find((l) => l.trimStart().startsWith('60 (head)'));
    expect(row).toMatch(/60 \(head\)\s+76\.80 \(\+11\.59\)\s+mql 1\.02 \(over\)\s+932,831\.33\s+−22,418\.06/);
    expect(run.stdout).toContain('Guardrail constraint-overload is crossed at 60.');
    const markdown = await runRevops([
      'impact',
      '-q',
      ...sides,
      '--sweep',
      'spec.classes[id=mql].minScore=60..60',
      '-f',
      'markdown',
    ]);
    expect(markdown.stdout).toContain(
      '| 60 \\(head\\) | 76.80 \\(+11.59\\) | mql 1.02 \\(over\\) | 932,831.33 | −22,418.06 |',
    );
  }, 120_000);
});

describe('revops impact --sweep over a capacity', () => {
  it("prices each headcount: the SDR team's growth × the plan's OTE × the weeks left ÷ 52", async () => {
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      base,
      '--sweep',
      'Funnel:spec.stages[id=mql].capacity.headcount=4..5',
      '-f',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const rows = (JSON.parse(run.stdout) as ImpactSweepReport).rows;
    // Two more SDRs is the hire-sdrs scenario's +136,009.73 USD (README); one more is half of it, to the cent.
    expect(rows.map((r) => r.figures?.headcountCost)).toEqual([
      { total: '68004.86', teams: 1 },
      { total: '136009.73', teams: 1 },
    ]);
    expect(rows[1]?.figures?.constraint.isMoved).toBe(true);
  }, 120_000);
});

describe('revops impact --sweep: bad input', () => {
  it('makes a value the policy checks reject a row with the error, located, and goes on', async () => {
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      base,
      '--sweep',
      'spec.classes[id=mql].minScore=9999.5..10000.5:0.5',
      '-f',
      'json',
      '--mask',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactSweepReport;
    expect(sweepSchemaErrors(report)).toEqual([]);
    expect(report.isMasked).toBe(true);
    expect(report.rows.map((r) => [r.value, r.figures === null])).toEqual([
      ['9999.5', false],
      ['10000', false],
      ['10000.5', true],
    ]);
    const issue = report.rows[2]?.issues[0];
    expect(issue).toMatchObject({ code: 'schema.maximum', path: '/spec/classes/0/minScore' });
    expect(issue?.file).toMatch(/lead-definition\.yaml$/);
    // The line of mql's minScore in the file (the sweep re-writes only that value).
    const lines = readFileSync(join(base, 'lead-definition.yaml'), 'utf8').split('\n');
    const mql = lines.findIndex((l) => l.includes('id: mql'));
    expect(issue?.line).toBe(lines.findIndex((l, i) => i > mql && l.includes('minScore:')) + 1);
  }, 120_000);

  it.each([
    ['spec.classes[id=xql].minScore=1..2', 'matches no policy document of the head'],
    ['spec.classes[id=mql].minScore=1..51', 'a sweep takes at most 50'],
    ['spec.classes[id=mql].minScore=5..1', 'FROM 5 is above TO 1'],
    ['spec.classes[id=mql].minScore=1..2:0', 'STEP must be above 0'],
  ])('refuses %s with exit 2 before reading data', async (flag, message) => {
    const run = await runRevops(['impact', '-q', '--base-dir', base, '--data', '/nonexistent', '--sweep', flag]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('revops impact --sweep: hostile text', () => {
  const tempDir = useTempDirs();
  // A file name from a pull request's tree: an escape sequence, a bell, a mention, HTML and a table pipe.
  const hostile = 'ld-\u001b]0;pwn\u0007-@everyone-<img src=x>-|-\u202e.yaml';

  it('escapes a hostile policy file name in the terminal and in markdown', async () => {
    const head = tempDir();
    cpSync(base, head, { recursive: true });
    renameSync(join(head, 'lead-definition.yaml'), join(head, hostile));
    const args = ['impact', '-q', '--base-dir', base, '--head-dir', head];
    const flag = ['--sweep', 'spec.classes[id=mql].minScore=10001..10001'];
    const terminal = await runRevops([...args, ...flag]);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout).toContain('10,001 is rejected by the policy checks');
    expect(terminal.stdout).not.toMatch(RAW_CONTROLS);
    const markdown = await runRevops([...args, ...flag, '-f', 'markdown']);
    expect(markdown.stdout).toContain('is rejected by the policy checks');
    expect(markdown.stdout).not.toMatch(RAW_CONTROLS);
    expect(markdown.stdout).not.toMatch(/<img|@everyone/);
    expect(markdown.stdout).toContain('&lt;img src=x&gt;');
  }, 120_000);

  it('escapes a hostile path in the usage error', async () => {
    const run = await runRevops([
      'impact',
      '-q',
      '--base-dir',
      base,
      '--sweep',
      'spec.classes[id=\u001b[2J\u0007x].minScore=1..2',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('matches no policy document of the head');
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
  });
});

describe('revops impact --sweep on the Maven export (--mapping maven)', () => {
  const tempDir = useTempDirs();
  const maven = join(fixturesDir, 'maven');

  it("sweeps the goal's target (a decimal text): the head's row is impact's, and attainment follows the target", async () => {
    const head = tempDir();
    cpSync(join(maven, 'policies'), head, { recursive: true });
    const goal = join(head, 'revenue-goal.yaml');
    writeFileSync(goal, readFileSync(goal, 'utf8').replace('target: "10000000"', 'target: "8000000"'));
    const common = [
      '-q',
      '--base-dir',
      join(maven, 'policies'),
      '--head-dir',
      head,
      '--data',
      join(maven, 'export'),
      '--mapping',
      'maven',
      '--as-of',
      '2017-10-01T00:00:00Z',
      '--format',
      'json',
    ];
    const run = await runRevops(['impact', ...common, '--sweep', 'spec.goal.target=8000000..10000000:1000000']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ImpactSweepReport;
    expect(sweepSchemaErrors(report)).toEqual([]);
    expect(report.sweep).toMatchObject({
      policy: { kind: 'RevenueGoal', name: 'fy2017-won-amount' },
      baseValue: '10000000',
      headValue: '8000000',
    });
    expect(report.rows.map((r) => [r.value, r.isBase, r.isHead])).toEqual([
      ['8000000', false, true],
      ['9000000', false, false],
      ['10000000', true, false],
    ]);
    const impact = await runRevops(['impact', ...common]);
    const own = JSON.parse(impact.stdout) as ImpactReport;
    expect(own.projection.goalForecast.attainment.delta).not.toBe(0);
    expect(report.rows[0]?.figures).toEqual(figuresOfImpact(own));
    // The same forecast over 8M, 9M and 10M: attainments in the ratio 1 : 8/9 : 8/10 (4 dp each).
    const [a8, a9, a10] = report.rows.map((r) => r.figures?.goalAttainment.head ?? NaN);
    expect(a9).toBeCloseTo(((a8 ?? NaN) * 8) / 9, 3);
    expect(a10).toBeCloseTo(((a8 ?? NaN) * 8) / 10, 3);
    expect(report.rows[2]?.figures?.goalAttainment.delta).toBe(0);
  }, 120_000);
});
