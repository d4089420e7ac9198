import type { MetricDefinition } from './metric-types.js';
import { Dec, ONE, ZERO } from './money.js';

/**
 * `goal_attainment`: attainment of the shared RevenueGoal over the whole payout period, as
 * the evaluation computes it (goal metric in the period ÷ goal target prorated to the
 * period), exact, the same for everyone. A fraction already: it has no target of its own.
 * Unknown (no goal, or won deals without amounts) counts as 0, with a warning.
 */
export const goalAttainment: MetricDefinition = {
  kind: 'fraction',
  tally(input) {
    let isWarned = false;
    return input.periods.map((period) => {
      const value = input.ctx.goalAttainment(period.start, period.end);
      const isKnown = value !== null && value.isFinite();
      if (!isKnown && !isWarned) {
        input.warn({ code: 'comp.goal-unknown', period: input.ctx.goal === undefined ? null : period.label });
        isWarned = true;
      }
      return { byPerson: new Map(), shared: isKnown ? new Dec(value) : ZERO, isUnknown: !isKnown };
    });
  },
};

/**
 * `constraint_target_met`: 1 when the RevenueGoal's constraint metric met its target over
 * the payout period, else 0; the same for everyone. A fraction already (1 = 100 %). Unknown
 * counts as 0, with a warning per period.
 */
export const constraintTargetMet: MetricDefinition = {
  kind: 'fraction',
  tally(input) {
    return input.periods.map((period) => {
      const met = input.ctx.constraintMet(period.start, period.end);
      if (met === null) input.warn({ code: 'comp.constraint-unknown', period: period.label });
      return { byPerson: new Map(), shared: met === true ? ONE : ZERO, isUnknown: met === null };
    });
  },
};
