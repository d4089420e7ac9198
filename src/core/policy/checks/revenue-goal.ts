import { findReportingCalendar } from '../../engine/time-zone.js';
import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { findUnchecked, isValidDate, reportNotChecked, theFunnel } from './context.js';

const lowerIsBetter = new Set(['utilisation', 'median_time_in_stage_hours', 'p90_time_in_stage_hours', 'wip']);

/** One goal with one constraint: its period is real, its stage exists, and its target points the right way. */
export const revenueGoalValid: SemanticCheck = {
  name: 'revenueGoalValid',
  run(ctx) {
    const goals = ctx.set.RevenueGoal;
    // A goal in a file that failed is reported there; "no RevenueGoal" would send the reader elsewhere.
    const isGoalUnchecked = findUnchecked(ctx, 'RevenueGoal') !== undefined;
    if (
      !isGoalUnchecked &&
      goals.length === 0 &&
      ctx.set.Funnel.length + ctx.set.CompPlan.length + ctx.set.LeadDefinition.length > 0
    ) {
      const anchor = ctx.set.Funnel[0] ?? ctx.set.CompPlan[0] ?? ctx.set.LeadDefinition[0];
      if (anchor !== undefined) {
        ctx.report(anchor, ['kind'], {
          code: 'goal.missing',
          message: 'The policy set has no RevenueGoal.',
          hint: 'Add one RevenueGoal with the shared goal and its single constraint metric (see `revops init`).',
        });
      }
    }
    const funnel = theFunnel(ctx);
    const calendars = ctx.set.Calendar.map((c) => c.metadata.name);
    const reporting = findReportingCalendar(ctx.set);
    if (reporting !== null && 'ambiguous' in reporting) {
      const anchor = goals[0] ?? ctx.set.Calendar[0];
      if (anchor !== undefined)
        ctx.report(anchor, anchor.kind === 'RevenueGoal' ? ['spec'] : ['kind'], {
          code: 'goal.calendar-ambiguous',
          message: `The Calendars ${reporting.ambiguous.map((n) => `\`${n}\``).join(', ')} have different time zones and the RevenueGoal names none as the reporting calendar.`,
          hint: 'Add `calendar: <name>` to the RevenueGoal spec: days, weeks and periods begin in its time zone.',
        });
    }
    for (const goal of goals) {
      const named = goal.spec.calendar;
      const failedCalendar = named === undefined ? undefined : findUnchecked(ctx, 'Calendar', named);
      if (named !== undefined && !calendars.includes(named) && failedCalendar !== undefined) {
        reportNotChecked(ctx, goal, ['spec', 'calendar'], `Calendar \`${named}\``, failedCalendar);
      } else if (named !== undefined && !calendars.includes(named)) {
        ctx.report(goal, ['spec', 'calendar'], {
          code: 'ref.policy-missing',
          message: `Calendar \`${named}\` does not exist.`,
          hint: `${didYouMean(named, calendars)} Calendars: ${calendars.join(', ') || 'none'}.`.trim(),
        });
      }
      const { period } = goal.spec.goal;
      for (const end of ['start', 'end'] as const) {
        if (!isValidDate(period[end])) {
          ctx.report(goal, ['spec', 'goal', 'period', end], {
            code: 'date.invalid',
            message: `\`${period[end]}\` is not a real date.`,
            hint: 'Write a calendar date as YYYY-MM-DD.',
          });
        }
      }
      if (isValidDate(period.start) && isValidDate(period.end) && period.start > period.end) {
        ctx.report(goal, ['spec', 'goal', 'period', 'end'], {
          code: 'date.range',
          message: `The goal period ends (${period.end}) before it starts (${period.start}).`,
        });
      }
      const { constraint } = goal.spec;
      if (funnel !== undefined) {
        const stageIds = funnel.spec.stages.map((s) => s.id);
        const stage = funnel.spec.stages.find((s) => s.id === constraint.stage);
        if (stage === undefined) {
          ctx.report(goal, ['spec', 'constraint', 'stage'], {
            code: 'ref.stage-missing',
            message: `Constraint stage \`${constraint.stage}\` is not a stage of funnel \`${funnel.metadata.name}\`.`,
            hint: `${didYouMean(constraint.stage, stageIds)} Stages: ${stageIds.join(', ')}.`.trim(),
          });
        } else if (stage.terminal !== undefined) {
          ctx.report(goal, ['spec', 'constraint', 'stage'], {
            code: 'goal.constraint-terminal',
            message: `Constraint stage \`${stage.id}\` is a terminal stage; nothing queues there.`,
            hint: 'The constraint is a working stage where items wait for a team, e.g. the SDR first touch.',
          });
        }
      }
      const direction = constraint.target.max !== undefined ? 'max' : 'min';
      if (lowerIsBetter.has(constraint.metric) === (direction === 'min')) {
        ctx.report(goal, ['spec', 'constraint', 'target', direction], {
          code: 'goal.target-direction',
          severity: 'warning',
          message: `\`${constraint.metric}\` is usually kept ${lowerIsBetter.has(constraint.metric) ? 'low' : 'high'}, but the target gives a \`${direction}\`.`,
          hint: `Use \`${direction === 'min' ? 'max' : 'min'}\` unless you mean it.`,
        });
      }
    }
  },
};
