import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { evaluatePipeline, evaluationSteps, prepareData } from '../../../src/core/engine/evaluate.js';
import { createBusinessCalendar } from '../../../src/core/logic/compile.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';

describe('evaluatePipeline progress', () => {
  it('announces every step once, in order, before doing it', async () => {
    const { set } = await loadPolicyDir('policies', nodeFileIo);
    const data = await loadPipelineData('examples/data', nodeFileIo);
    const seen: [string, number, number][] = [];
    evaluatePipeline(set, prepareData(data), {
      calendars: new Map(set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)])),
      stamp: { engineVersion: 'test', policyHash: '', dataHash: '' },
      onStep: (step, done, total) => seen.push([step, done, total]),
    });
    expect(seen).toEqual(evaluationSteps.map((step, i) => [step, i, evaluationSteps.length]));
  });
});
