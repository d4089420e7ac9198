import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { PipelineData } from '../../../src/core/data/types.js';
import { evaluatePipeline, prepareData } from '../../../src/core/engine/evaluate.js';
import { LOGIC_MAX_STEPS } from '../../../src/core/logic/budget.js';
import { createBusinessCalendar, RuleEvaluationError } from '../../../src/core/logic/compile.js';
import { RuleCostError } from '../../../src/core/logic/errors.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';
import type { PolicySet } from '../../../src/core/policy/types.js';
import { repoRoot } from '../../helpers/paths.js';

// The per-row budget bounds one loop by its size, but a policy of several costly loops (each
// outermost loop had a fresh budget) or of `business_hours_between` calls spanning a century
// (not budgeted at all) ran for minutes on the bundled data. An evaluation now has one budget
// over all its rows; past it the run fails with an error naming the rule, never a wrong report.

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** An outermost loop of 200 × 200 element visits: within the per-row budget on its own. */
const loop = { map: [{ merge: [range(200), { var: 'page_views' }] }, { map: [range(200), 1] }] };

let bundled: PolicySet | undefined;
async function setWithExclusion(when: unknown): Promise<PolicySet> {
  const set = (bundled ??= (await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo)).set);
  const definition = set.LeadDefinition[0]!;
  const spec = { ...definition.spec, exclusions: [...(definition.spec.exclusions ?? []), { id: 'costly', when }] };
  return { ...set, LeadDefinition: [{ ...definition, spec }] };
}

let data: PipelineData | undefined;
async function evaluate(set: PolicySet, maxRuleSteps?: number) {
  data ??= await loadPipelineData(join(repoRoot, 'examples', 'data'), nodeFileIo);
  const calendars = new Map(
    set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)]),
  );
  return evaluatePipeline(set, prepareData(data), {
    calendars,
    stamp: { engineVersion: 'test', policyHash: '', dataHash: '' },
    ...(maxRuleSteps === undefined ? {} : { maxRuleSteps }),
  });
}

describe('the rules of one evaluation share one budget over all rows', () => {
  it('fails the run, naming the rule, when loops together go past it', async () => {
    const set = await setWithExclusion({ '==': [{ and: [loop, loop, loop] }, 42] });
    const run = evaluate(set, 3 * LOGIC_MAX_STEPS * 20);
    await expect(run).rejects.toBeInstanceOf(RuleCostError);
    await expect(run).rejects.toThrow(/first past it at spec\.exclusions\[4\]\.when.*`map`.*Simplify that rule/s);
    await expect(run).rejects.not.toBeInstanceOf(RuleEvaluationError);
  });

  it('counts the days business_hours_between walks', async () => {
    const calendar = (await setWithExclusion(true)).Calendar[0]!.metadata.name;
    const century = { business_hours_between: [-1_320_000_000_000, { var: 'created_at' }, calendar] };
    const set = await setWithExclusion({ '>': [{ '+': [century, century, century] }, 1e12] });
    await expect(evaluate(set, 5_000_000)).rejects.toThrow(/`business_hours_between`/);
  });

  it('leaves an honest evaluation alone, and starts afresh for the next one', async () => {
    const honest = (bundled ??= (await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo)).set);
    const costly = await setWithExclusion({ '==': [{ and: [loop, loop, loop] }, 42] });
    await expect(evaluate(costly, 3 * LOGIC_MAX_STEPS * 20)).rejects.toBeInstanceOf(RuleCostError);
    const report = await evaluate(honest);
    expect(report.warnings.filter((w) => w.code === 'classify.rule-failed')).toEqual([]);
    expect(report.classification?.classes.length).toBeGreaterThan(0);
  });
});
