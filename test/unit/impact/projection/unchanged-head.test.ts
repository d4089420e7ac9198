import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectFlow } from '../../../../src/core/impact/projection/flow.js';
import type { FlowStage, StageCounts } from '../../../../src/core/impact/projection/flow.js';

const text = (flow: FlowStage[]) =>
  flow.map((s) => [s.demand, s.throughput, s.queue, s.advanced, s.capacity].map((x) => x?.toFixed() ?? null));

const stages = fc.array(
  fc.record({
    arrivals: fc.integer({ min: 0, max: 5000 }),
    capacity: fc.option(fc.double({ min: 0.1, max: 500, noNaN: true }), { nil: null }),
    // The matured cohort the conversion is measured on (null: the window ratio).
    matured: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    advanced: fc.integer({ min: 0, max: 5000 }),
  }),
  { minLength: 2, maxLength: 7 },
);

describe('projectFlow with an unchanged head', () => {
  it('equals the base exactly, at every bound', () => {
    fc.assert(
      fc.property(stages, fc.double({ min: 1, max: 60, noNaN: true }), (list, windowWeeks) => {
        const counts: StageCounts[] = list.map((s, i) => ({
          stage: `s${i}`,
          name: `s${i}`,
          arrivals: s.arrivals,
          kept: s.arrivals,
          added: 0,
          worked: 0,
          advanced: 0,
          capacity: { base: s.capacity, head: s.capacity },
          cohort:
            s.matured === null
              ? null
              : {
                  lagMs: 1,
                  left: s.arrivals,
                  items: s.arrivals,
                  matured: Math.min(s.matured, s.arrivals),
                  advanced: Math.min(s.advanced, s.matured, s.arrivals),
                  keptMatured: Math.min(s.matured, s.arrivals),
                  keptAdvanced: Math.min(s.advanced, s.matured, s.arrivals),
                },
          band: null,
        }));
        const flow = projectFlow({ windowWeeks, stages: counts, minimumSample: 30, declared: {} });
        expect(text(flow.head)).toEqual(text(flow.base));
        expect(text(flow.headLow)).toEqual(text(flow.base));
        expect(text(flow.headHigh)).toEqual(text(flow.base));
        expect(flow.conversion.map((c) => c.head.toFixed())).toEqual(flow.conversion.map((c) => c.base.toFixed()));
      }),
      { numRuns: 300 },
    );
  });
});
