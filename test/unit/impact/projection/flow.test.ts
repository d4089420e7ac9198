import { describe, expect, it } from 'vitest';
import { projectFlow } from '../../../../src/core/impact/projection/flow.js';
import type { FlowInput, FlowStage, StageCounts } from '../../../../src/core/impact/projection/flow.js';

/** A stage both sides see alike unless a test says otherwise. */
function stage(id: string, arrivals: number, more: Partial<StageCounts> = {}): StageCounts {
  return {
    stage: id,
    name: id,
    arrivals,
    kept: arrivals,
    added: 0,
    worked: 0,
    advanced: 0,
    capacity: { base: null, head: null },
    cohort: null,
    band: null,
    ...more,
  };
}

function input(stages: StageCounts[], more: Partial<FlowInput> = {}): FlowInput {
  return { windowWeeks: 10, stages, minimumSample: 30, declared: {}, ...more };
}

const figures = (flow: FlowStage[], key: keyof Omit<FlowStage, 'capacity'>) => flow.map((s) => s[key].toNumber());

describe('projectFlow', () => {
  it('an unbounded funnel reproduces the observed arrivals per week, and an unchanged head equals it', () => {
    // 100 mql, 40 sal, 10 won over 10 weeks: 10, 4 and 1 a week; conversion 0.4 then 0.25.
    const flow = projectFlow(input([stage('mql', 100), stage('sal', 40), stage('won', 10)]));
    expect(figures(flow.base, 'demand')).toEqual([10, 4, 1]);
    expect(figures(flow.base, 'throughput')).toEqual([10, 4, 1]);
    expect(figures(flow.base, 'queue')).toEqual([0, 0, 0]);
    expect(figures(flow.head, 'demand')).toEqual([10, 4, 1]);
    expect(flow.marginal).toEqual([null, null, null]);
  });

  it('a capacity-bound stage works at most its capacity, queues the rest, and advances throughput × conversion', () => {
    // Base: mql capacity 8 a week against 10 arriving: 8 worked, 2 queue; 40 sal came of 80 worked,
    // so 0.5 per worked lead, 4 a week. Head hires to 12 a week: 10 worked × 0.5 = 5 sal; × 10/40 = 1.25 won.
    const flow = projectFlow(
      input([stage('mql', 100, { capacity: { base: 8, head: 12 } }), stage('sal', 40), stage('won', 10)]),
    );
    expect(figures(flow.base, 'throughput')).toEqual([8, 4, 1]);
    expect(figures(flow.base, 'queue')).toEqual([2, 0, 0]);
    expect(flow.conversion[0]?.base.toNumber()).toBe(0.5);
    expect(figures(flow.head, 'throughput')).toEqual([10, 5, 1.25]);
    expect(figures(flow.head, 'queue')).toEqual([0, 0, 0]);
  });

  it('a tightening change removes the lost leads with what they actually did', () => {
    // 20 of 100 mql leave; they made 5 of the 40 sal and 1 of the 10 won. Kept: 80 → 35 → 9,
    // so the head makes 8, 3.5 and 0.9 a week: exactly the lost leads' one won deal in 10 weeks less.
    const flow = projectFlow(
      input([stage('mql', 100, { kept: 80 }), stage('sal', 40, { kept: 35 }), stage('won', 10, { kept: 9 })]),
    );
    expect(figures(flow.base, 'demand')).toEqual([10, 4, 1]);
    expect(figures(flow.head, 'demand')).toEqual([8, 3.5, 0.9]);
    // No lead is added: nothing is estimated, so there is no range.
    expect(flow.marginal).toEqual([null, null, null]);
    expect(figures(flow.headLow, 'demand')).toEqual(figures(flow.head, 'demand'));
    expect(figures(flow.headHigh, 'demand')).toEqual(figures(flow.head, 'demand'));
  });

  it('loosened leads convert at their own worked history with a Wilson interval, or at the declared rate, and crowd a full stage', () => {
    // 50 more mql (5 a week); 40 of them were worked and 10 advanced: 0.25, Wilson 95 % 0.1419–0.4019.
    // Head mql demand 15 against capacity 12: 0.8 worked, 3 queue. Kept: 10 × 0.8 × 0.4 = 3.2 sal;
    // marginal: 5 × 0.8 × 0.25 = 1 sal. At sal the marginal rate is declared 0.25: won = 3.2 × 0.25 + 1 × 0.25 = 1.05.
    const flow = projectFlow(
      input(
        [
          stage('mql', 100, { added: 50, worked: 40, advanced: 10, capacity: { base: 12, head: 12 } }),
          stage('sal', 40),
          stage('won', 10),
        ],
        { declared: { sal: 0.25 } },
      ),
    );
    const [mql, sal] = flow.marginal;
    expect(mql).toMatchObject({ basis: 'history', worked: 40, advanced: 10, rate: 0.25 });
    expect(mql?.low).toBeCloseTo(0.1419, 4);
    expect(mql?.high).toBeCloseTo(0.4019, 4);
    expect(sal).toMatchObject({ basis: 'declared', worked: 0, rate: 0.25, low: 0.25, high: 0.25 });
    expect(figures(flow.base, 'demand')).toEqual([10, 4, 1]);
    expect(figures(flow.head, 'demand')).toEqual([15, 4.2, 1.05]);
    expect(figures(flow.head, 'throughput')).toEqual([12, 4.2, 1.05]);
    expect(figures(flow.head, 'queue')).toEqual([3, 0, 0]);
    // Low and high: the marginal mql rate at its bounds, 0.8 + 5 × 0.8 × bound × 0.25.
    expect(flow.headLow[2]?.demand.toNumber()).toBeCloseTo(0.8 + (mql?.low ?? 0), 10);
    expect(flow.headHigh[2]?.demand.toNumber()).toBeCloseTo(0.8 + (mql?.high ?? 0), 10);
  });

  it('without enough history or a declaration, loosened leads convert at the Wilson lower bound, up to the kept rate', () => {
    // 3 of 5 worked advanced: below the minimum of 30, so the lower bound (0.2307) is used;
    // the high end is the kept leads' 0.4, below the Wilson upper bound 0.8824.
    const flow = projectFlow(input([stage('mql', 100, { added: 20, worked: 5, advanced: 3 }), stage('won', 40)]));
    expect(flow.marginal[0]).toMatchObject({ basis: 'conservative', worked: 5, advanced: 3 });
    expect(flow.marginal[0]?.rate).toBeCloseTo(0.2307, 4);
    expect(flow.marginal[0]?.low).toBe(flow.marginal[0]?.rate);
    expect(flow.marginal[0]?.high).toBe(0.4);
    // Nobody worked: nothing is known, the rate is 0 and the range reaches the kept rate.
    const none = projectFlow(input([stage('mql', 100, { added: 20 }), stage('won', 40)]));
    expect(none.marginal[0]).toMatchObject({ basis: 'conservative', worked: 0, rate: 0, low: 0, high: 0.4 });
    expect(figures(none.head, 'demand')).toEqual([12, 4]);
  });

  it('measures conversion on the matured cohort: open items do not count as lost', () => {
    // 100 mql in 10 weeks, 30 reached sal by as-of (window ratio 0.3), but 40 of the mql entered in
    // the last lag and are mostly still open. Of the 60 that entered at least the lag before as-of,
    // 27 advanced: 0.45. Base sal demand is 10 × 0.45 = 4.5 a week, not the 3 the window shows.
    const cohort = {
      lagMs: 7 * 86_400_000,
      left: 70,
      items: 100,
      matured: 60,
      advanced: 27,
      keptMatured: 60,
      keptAdvanced: 27,
    };
    const flow = projectFlow(input([stage('mql', 100, { cohort }), stage('sal', 30), stage('won', 6)]));
    expect(flow.conversion.map((c) => c.basis)).toEqual(['matured', 'window', null]);
    expect(flow.conversion[0]?.base.toNumber()).toBe(0.45);
    // sal has no cohort (no item left it): its window ratio 6 ÷ 30 = 0.2 stays, and says so.
    expect(flow.conversion[1]?.base.toNumber()).toBe(0.2);
    expect(figures(flow.base, 'demand')).toEqual([10, 4.5, 0.9]);
    expect(figures(flow.head, 'demand')).toEqual([10, 4.5, 0.9]);
    // A cohort with nothing matured falls back to the window ratio.
    const young = projectFlow(
      input([stage('mql', 100, { cohort: { ...cohort, matured: 0, advanced: 0 } }), stage('won', 30)]),
    );
    expect(young.conversion[0]).toMatchObject({ basis: 'window' });
    expect(young.conversion[0]?.base.toNumber()).toBe(0.3);
  });

  it('the kept leads convert at their own matured rate; a stage over capacity divides by the share worked', () => {
    // 20 of the 60 matured belong to leads the head drops; the 40 kept made 20 advances: 0.5.
    // Base capacity 8 against 10 a week: 0.8 worked, so per worked item 27 ÷ (60 × 0.8) = 0.5625.
    const cohort = { lagMs: 1, left: 70, items: 100, matured: 60, advanced: 27, keptMatured: 40, keptAdvanced: 20 };
    const flow = projectFlow(
      input([stage('mql', 100, { kept: 70, cohort, capacity: { base: 8, head: 8 } }), stage('won', 30, { kept: 21 })]),
    );
    expect(flow.conversion[0]?.base.toNumber()).toBe(0.5625);
    expect(flow.conversion[0]?.head.toNumber()).toBe(0.625);
    // Base: 8 worked × 0.5625 = 4.5 won. Head: 7 a week under 8, all worked × 0.625 = 4.375.
    expect(figures(flow.base, 'demand')).toEqual([10, 4.5]);
    expect(figures(flow.head, 'demand')).toEqual([7, 4.375]);
  });

  it('loosened leads with no history of their own convert like the nearest score band, when it reaches the sample', () => {
    // minScore 65 → 60: the band 65 to under 70 holds 40 matured leads, 10 advanced: 0.25, Wilson 0.1419–0.4019.
    const band = { from: 65, to: 70, addedFrom: 60, widths: 1, items: 50, matured: 40, advanced: 10 };
    const flow = projectFlow(input([stage('mql', 100, { added: 20, band }), stage('won', 40)]));
    expect(flow.marginal[0]).toMatchObject({ basis: 'score-band', worked: 0, rate: 0.25 });
    expect(flow.marginal[0]?.scoreBand).toEqual({
      from: 65,
      to: 70,
      addedFrom: 60,
      widths: 1,
      items: 50,
      matured: 40,
      advanced: 10,
    });
    expect(flow.marginal[0]?.low).toBeCloseTo(0.1419, 4);
    expect(flow.marginal[0]?.high).toBeCloseTo(0.4019, 4);
    // Head: 10 + 2 a week; won 10 × 0.4 + 2 × 0.25 = 4.5.
    expect(figures(flow.head, 'demand')).toEqual([12, 4.5]);
    // Their own history, when it reaches the sample, comes first.
    const own = projectFlow(input([stage('mql', 100, { added: 20, worked: 30, advanced: 3, band }), stage('won', 40)]));
    expect(own.marginal[0]).toMatchObject({ basis: 'history', rate: 0.1 });
    // A band below the sample is shown but not used: the floor, unless a rate is declared.
    const thin = projectFlow(
      input([stage('mql', 100, { added: 20, band: { ...band, matured: 29 } }), stage('won', 40)]),
    );
    expect(thin.marginal[0]).toMatchObject({ basis: 'conservative', rate: 0, scoreBand: { matured: 29 } });
    const declared = projectFlow(
      input([stage('mql', 100, { added: 20, band: { ...band, matured: 29 } }), stage('won', 40)], {
        declared: { mql: 0.1 },
      }),
    );
    expect(declared.marginal[0]).toMatchObject({ basis: 'declared', rate: 0.1 });
  });
});
