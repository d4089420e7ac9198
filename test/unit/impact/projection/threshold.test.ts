import { describe, expect, it } from 'vitest';
import { classifyLeads } from '../../../../src/core/engine/replay-classes.js';
import { findLoweredThreshold } from '../../../../src/core/impact/projection/cohorts.js';
import { leadDefinition, pipeline, policySet } from '../../engine/helpers.js';

describe('findLoweredThreshold', () => {
  const withMinScore = (minScore: number | undefined, when?: object) =>
    policySet(
      leadDefinition({
        classes: [
          { id: 'mql', stage: 'mql', ...(minScore === undefined ? {} : { minScore }), ...(when ? { when } : {}) },
        ],
      }),
    );

  it('finds a lowered minScore of the class that qualifies into the entry stage', () => {
    expect(findLoweredThreshold(withMinScore(65), withMinScore(60), 'mql')).toEqual({ from: 65, addedFrom: 60 });
  });

  it('is null for a raised or unchanged threshold, another stage, or a change that is not a threshold', () => {
    expect(findLoweredThreshold(withMinScore(60), withMinScore(65), 'mql')).toBeNull();
    expect(findLoweredThreshold(withMinScore(60), withMinScore(60), 'mql')).toBeNull();
    expect(findLoweredThreshold(withMinScore(65), withMinScore(60), 'sal')).toBeNull();
    expect(findLoweredThreshold(withMinScore(65), withMinScore(undefined), 'mql')).toBeNull();
  });
});

describe('LeadClasses.scoreOf', () => {
  it('holds the score a lead was classed on, and NaN where the score did not decide: excluded, hand-raiser', () => {
    // Fit 30 for 200+ employees, engagement 40 for a trial; a demo request is a hand-raiser.
    const definition = leadDefinition({
      handRaisers: [{ id: 'demo', when: { '==': [{ var: 'demo_requested' }, true] }, classifyAs: 'mql' }],
    });
    const data = pipeline({
      leads: [
        { id: 'A', created_at: '2026-01-02T00:00Z', employee_count: 500, trial_signup: true }, // 70: mql by threshold
        { id: 'B', created_at: '2026-01-02T00:00Z', employee_count: 500 }, // 30: nurture by default
        { id: 'C', created_at: '2026-01-02T00:00Z', employee_count: 500, demo_requested: true }, // hand-raiser
        { id: 'D', created_at: '2026-01-02T00:00Z', is_competitor: true, employee_count: 500 }, // excluded
      ],
    });
    const classes = classifyLeads(definition, new Map([['mql', 1]]), data.leads, {
      asOf: Date.parse('2026-02-01T00:00Z'),
      calendars: new Map(),
    });
    expect(Array.from(classes.scoreOf)).toEqual([70, 30, NaN, NaN]);
  });
});
