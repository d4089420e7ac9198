import { describe, expect, it } from 'vitest';
import { evaluatePipeline, prepareData } from '../../../src/core/engine/evaluate.js';
import type { Issue } from '../../../src/core/issue.js';
import { funnel, pipeline, policySet } from './helpers.js';

describe("the report's policies section", () => {
  it('is built by the engine from the policy set and the validation warnings, not left to the caller', () => {
    const set = policySet(funnel());
    const warning: Issue = {
      code: 'yaml.duplicate-key',
      severity: 'warning',
      message: 'a warning',
      file: 'f.yaml',
      path: '',
      line: 0,
      column: 0,
    };
    const error: Issue = { ...warning, severity: 'error', message: 'an error' };
    const report = evaluatePipeline(set, prepareData(pipeline({})), {
      asOf: Date.parse('2026-02-01T00:00Z'),
      calendars: new Map(),
      stamp: { engineVersion: 'test', policyHash: '', dataHash: '' },
      policyIssues: [warning, error],
    });
    expect(report.policies).toEqual({
      files: [{ file: 'policies/test-funnel.yaml', kind: 'Funnel', name: 'test-funnel' }],
      warnings: [warning],
    });
  });
});
