import type { Policy } from '../policy/types.js';
import type {
  ConstraintHistorySection,
  ConstraintMove,
  ConstraintPeriod,
  StageUtilisation,
} from '../report/constraint-history.js';
import { meetsTarget, MIN_RATE_WEEKS, rankByUtilisation, roundStageMetric } from './constraint.js';
import type { TimeWindow } from './context.js';
import { listPeriods } from './periods.js';

const WEEK_MS = 604_800_000;

/** What tracing the history needs from an evaluation: the same measure the window's constraint uses. */
export interface ConstraintHistoryInput {
  /** Stages with a capacity, in funnel order: the candidates for the constraint. */
  candidates: readonly string[];
  goal: Policy<'RevenueGoal'> | undefined;
  /** A stage metric over a window, exact (`measureStageMetric` with the evaluation's capacities). */
  measureMetric: (stage: string, metric: string, window: TimeWindow) => number | null;
  window: TimeWindow;
  timeZone: string;
}

/**
 * The constraint month by month: each candidate stage's utilisation over the month (clipped to
 * the window) measured as the window's is (arrivals per week ÷ weekly capacity), the stage with
 * the highest (earlier stage on a tie), the declared constraint metric against its target, the
 * moves between measured months with both stages' utilisations before and after, and the run
 * of months the latest constraint has held. A month with under a week in the window has no
 * weekly rate, so no constraint.
 */
export function traceConstraintHistory(input: ConstraintHistoryInput): ConstraintHistorySection {
  const { candidates, goal, measureMetric, window } = input;
  const declared = goal?.spec.constraint;
  // The window ends just after as-of (so the as-of instant counts): a month holding only that
  // instant is not a month of the history.
  const months = listPeriods('month', window, input.timeZone).filter(
    (p) => Math.min(p.end, window.end) - Math.max(p.start, window.start) > 1,
  );
  const periods: ConstraintPeriod[] = months.map((p) => {
    const clip = { start: Math.max(p.start, window.start), end: Math.min(p.end, window.end) };
    const stages = candidates.map((stage) => {
      const value = measureMetric(stage, 'utilisation', clip);
      return { stage, exact: value, utilisation: value === null ? null : roundStageMetric('utilisation', value) };
    });
    const constraint = rankByUtilisation(stages.map((s) => ({ stage: s.stage, utilisation: s.exact })))[0]?.stage;
    const isShort = (clip.end - clip.start) / WEEK_MS < MIN_RATE_WEEKS;
    let verdict: ConstraintPeriod['declared'] = null;
    if (declared !== undefined) {
      const value = measureMetric(declared.stage, declared.metric, clip);
      verdict = {
        value: value === null ? null : roundStageMetric(declared.metric, value),
        isMet: value === null ? null : meetsTarget(value, declared.target),
        agrees: constraint === undefined ? null : declared.stage === constraint,
      };
    }
    return {
      period: p.label,
      start: new Date(clip.start).toISOString(),
      end: new Date(clip.end).toISOString(),
      stages: stages.map((s): StageUtilisation => ({ stage: s.stage, utilisation: s.utilisation })),
      constraint: constraint ?? null,
      unknown:
        constraint !== undefined ? null : candidates.length === 0 ? 'no-capacity' : isShort ? 'period-too-short' : null,
      declared: verdict,
    };
  });
  const measured = periods.filter((p) => p.constraint !== null);
  const moves: ConstraintMove[] = [];
  for (let k = 1; k < measured.length; k++) {
    const before = measured[k - 1] as ConstraintPeriod;
    const after = measured[k] as ConstraintPeriod;
    const from = before.constraint as string;
    const to = after.constraint as string;
    if (from === to) continue;
    moves.push({
      from,
      to,
      before: { period: before.period, from: utilisationOf(before, from), to: utilisationOf(before, to) },
      after: { period: after.period, from: utilisationOf(after, from), to: utilisationOf(after, to) },
    });
  }
  const last = measured[measured.length - 1];
  let run = 0;
  while (run < measured.length && measured[measured.length - 1 - run]?.constraint === last?.constraint) run++;
  const verdicts = periods.map((p) => p.declared?.agrees);
  return {
    periodUnit: 'month',
    periods,
    moves,
    current:
      last === undefined
        ? null
        : {
            stage: last.constraint as string,
            periods: run,
            since: (measured[measured.length - run] as ConstraintPeriod).period,
          },
    declared:
      goal === undefined || declared === undefined
        ? null
        : { goal: goal.metadata.name, stage: declared.stage, metric: declared.metric, target: declared.target },
    agreement:
      declared === undefined
        ? { agreed: 0, disagreed: 0, unknown: 0 }
        : {
            agreed: verdicts.filter((v) => v === true).length,
            disagreed: verdicts.filter((v) => v === false).length,
            unknown: verdicts.filter((v) => v === null).length,
          },
  };
}

function utilisationOf(period: ConstraintPeriod, stage: string): number | null {
  return period.stages.find((s) => s.stage === stage)?.utilisation ?? null;
}
