import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { evaluatePipeline, prepareData } from '../../../src/core/engine/evaluate.js';
import type { PreparedData } from '../../../src/core/engine/evaluate.js';
import { createBusinessCalendar } from '../../../src/core/logic/compile.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';
import type { PolicySet } from '../../../src/core/policy/types.js';
import { repoRoot } from '../../helpers/paths.js';

function reportOf(set: PolicySet, prepared: PreparedData): string {
  const calendars = new Map(
    set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)]),
  );
  return JSON.stringify(
    evaluatePipeline(set, prepared, { calendars, stamp: { engineVersion: 'test', policyHash: '', dataHash: '' } }),
  );
}

describe('evaluations sharing one prepared data set', () => {
  it('give the reports each gives on data prepared for it alone, in any order', async () => {
    const base = (await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo)).set;
    const head = (await loadPolicyDir(join(repoRoot, 'examples', 'proposed-change', 'policies'), nodeFileIo)).set;
    const data = await loadPipelineData(join(repoRoot, 'examples', 'data'), nodeFileIo);
    const alone = { base: reportOf(base, prepareData(data)), head: reportOf(head, prepareData(data)) };
    expect(alone.base).not.toBe(alone.head);
    const shared = prepareData(data);
    expect(reportOf(head, shared)).toBe(alone.head);
    expect(reportOf(base, shared)).toBe(alone.base);
    expect(reportOf(head, shared)).toBe(alone.head);
  });

  it('keep apart policies that differ only in a name', async () => {
    const base = (await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo)).set;
    const goal = base.RevenueGoal[0]!;
    const renamed: PolicySet = {
      ...base,
      RevenueGoal: [{ ...goal, metadata: { ...goal.metadata, name: 'renamed-goal' } }],
    };
    const data = await loadPipelineData(join(repoRoot, 'examples', 'data'), nodeFileIo);
    const shared = prepareData(data);
    reportOf(base, shared);
    const report = JSON.parse(reportOf(renamed, shared)) as { goal: { name: string } };
    expect(report.goal.name).toBe('renamed-goal');
    expect(reportOf(renamed, shared)).toBe(reportOf(renamed, prepareData(data)));
  });
});
