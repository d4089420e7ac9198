import { describe, expect, it } from 'vitest';
import { SLA_FLAG, SLA_STATUS } from '../../../src/core/engine/sla/index.js';
import type { SlaRowOutcomes } from '../../../src/core/engine/sla/index.js';
import { projectCompliance } from '../../../src/core/engine/sla-projection.js';
import { modelSla } from '../../../src/core/impact/sla-model.js';
import type { Report } from '../../../src/core/report/index.js';

const HOUR = 3_600_000;

/** Four decided items with a 4 h target: answered after 1 h, 2 h and 3 h, and one still open past its deadline. */
function outcomes(): SlaRowOutcomes {
  return {
    thresholds: { workingDayHours: 8, withinMs: [4 * HOUR], escalationMs: [], recycleMs: undefined },
    status: Uint8Array.from([SLA_STATUS.met, SLA_STATUS.met, SLA_STATUS.met, SLA_STATUS.breached, SLA_STATUS.pending]),
    target: Int32Array.from([0, 0, 0, 0, 0]),
    waitMs: Float64Array.from([1 * HOUR, 2 * HOUR, 3 * HOUR, 9 * HOUR, 1 * HOUR]),
    flags: Uint8Array.from([SLA_FLAG.stopped, SLA_FLAG.stopped, SLA_FLAG.stopped, 0, 0]),
    ruleErrors: { count: 0, first: null },
  };
}

describe('projectCompliance', () => {
  it.each([
    // factor 1: 3 of 4 decided are met (the pending item is not decided)
    [1, 0.75],
    // factor 1.5: waits 1.5, 3, 4.5 h → two within 4 h
    [1.5, 0.5],
    // factor 4: 4 h is exactly the deadline (met), 8 and 12 h are not
    [4, 0.25],
    // factor 0.5: the open breached item stays breached
    [0.5, 0.75],
  ])('scales every observed wait by %s', (factor, expected) => {
    expect(projectCompliance(outcomes(), factor)).toBe(expected);
  });
});

function report(utilisation: number, compliance: number, median: number): Report {
  return {
    constraint: { stages: [{ stage: 'mql', utilisation }] },
    slas: [{ name: 'speed-to-lead', compliance, response: { medianHours: median } }],
  } as unknown as Report;
}

describe('modelSla', () => {
  it('multiplies waits by [ρh/(1−ρh)] ÷ [ρb/(1−ρb)] below saturation', () => {
    // ρb 0.5 → 1; ρh 0.75 → 3: factor 3; median 2 h → 6 h
    const result = modelSla('speed-to-lead', 'mql', report(0.5, 0.8, 2), report(0.75, 0.7, 2), (f) =>
      f === 3 ? 0.6 : null,
    );
    expect(result.waitFactor).toBe(3);
    expect(result.modelled).toBe(0.6);
    expect(result.modelledChangePts).toBe(-20);
    expect(result.medianResponseHours).toEqual({ base: 2, modelled: 6 });
    expect(result.utilisation).toEqual({ base: 0.5, head: 0.75, delta: 0.25 });
    expect(result.assumption).toEqual({
      code: 'wait-scaling',
      baseUtilisation: 0.5,
      headUtilisation: 0.75,
      waitFactor: 3,
    });
  });

  it('projects nothing when the head saturates the stage (ρ ≥ 1), and says why', () => {
    const result = modelSla('speed-to-lead', 'mql', report(0.87, 0.32, 6), report(1.02, 0.25, 6), () => 0.1);
    expect(result.waitFactor).toBeNull();
    expect(result.modelled).toBeNull();
    expect(result.assumption).toEqual({ code: 'no-steady-state', headUtilisation: 1.02 });
    expect(result.replayed).toEqual({ base: 0.32, head: 0.25, delta: -0.07 });
  });

  it('models nothing at a stage without capacity: an unknown model is no change of 0', () => {
    const result = modelSla('speed-to-lead', null, report(0.5, 0.8, 2), report(0.9, 0.8, 2), (f) =>
      f === 1 ? 0.8 : null,
    );
    expect(result.waitFactor).toBeNull();
    expect(result.modelled).toBeNull();
    expect(result.modelledChangePts).toBeNull();
    expect(result.assumption).toEqual({ code: 'no-capacity' });
  });
});
