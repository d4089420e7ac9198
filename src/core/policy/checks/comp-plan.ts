import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { findUnchecked, isValidDate, reportDuplicateIds, reportNotChecked, theFunnel } from './context.js';

/** Comp plans pay on the shared goal, name real teams, and their components and tiers add up. */
export const compPlanValid: SemanticCheck = {
  name: 'compPlanValid',
  run(ctx) {
    const goalNames = ctx.set.RevenueGoal.map((g) => g.metadata.name);
    const sharedGoal = goalNames.length === 1 ? goalNames[0] : undefined;
    const funnel = theFunnel(ctx);
    const teamIds = funnel?.spec.teams.map((t) => t.id) ?? [];
    for (const plan of ctx.set.CompPlan) {
      const { spec } = plan;
      const team = funnel?.spec.teams.find((t) => t.id === spec.team);
      if (funnel !== undefined && team === undefined) {
        ctx.report(plan, ['spec', 'team'], {
          code: 'ref.team-missing',
          message: `Team \`${spec.team}\` is not declared in funnel \`${funnel.metadata.name}\`.`,
          hint: `${didYouMean(spec.team, teamIds)} Teams: ${teamIds.join(', ')}.`.trim(),
        });
      }
      const failedGoal = spec.goal === undefined ? undefined : findUnchecked(ctx, 'RevenueGoal', spec.goal);
      if (spec.goal !== undefined && !goalNames.includes(spec.goal) && failedGoal !== undefined) {
        reportNotChecked(ctx, plan, ['spec', 'goal'], `RevenueGoal \`${spec.goal}\``, failedGoal);
      } else if (spec.goal !== undefined && !goalNames.includes(spec.goal)) {
        ctx.report(plan, ['spec', 'goal'], {
          code: 'ref.policy-missing',
          message: `RevenueGoal \`${spec.goal}\` does not exist.`,
          hint: `${didYouMean(spec.goal, goalNames)} Goals: ${goalNames.join(', ') || 'none'}.`.trim(),
        });
      }
      const isRevenueTeam = team === undefined || team.function === 'sales' || team.function === 'marketing';
      if (isRevenueTeam && sharedGoal !== undefined && spec.goal === undefined) {
        ctx.report(plan, ['spec'], {
          code: 'comp.shared-goal',
          severity: 'warning',
          message: `This ${team?.function ?? 'revenue'} plan does not name the shared goal \`${sharedGoal}\`.`,
          hint: `Add \`goal: ${sharedGoal}\` so the plan pays on the same outcome as every other team.`,
          at: 'key',
        });
      }
      reportDuplicateIds(ctx, plan, spec.components, ['spec', 'components'], 'Component');
      reportDuplicateIds(ctx, plan, spec.gates, ['spec', 'gates'], 'Gate');
      reportDuplicateIds(ctx, plan, spec.spiffs, ['spec', 'spiffs'], 'SPIF');
      const weight = spec.components.reduce((sum, c) => sum + c.weight, 0);
      if (Math.abs(weight - 1) > 1e-9) {
        ctx.report(plan, ['spec', 'components'], {
          code: 'comp.weights',
          message: `Component weights add up to ${Number(weight.toFixed(6))}, not 1.`,
          hint: 'Weights are shares of target variable pay; make them sum to exactly 1.',
          at: 'key',
        });
      }
      spec.components.forEach((component, i) => {
        const bands = component.tiers?.bands ?? [];
        bands.forEach((band, j) => {
          const path = ['spec', 'components', i, 'tiers', 'bands', j];
          if (band.to !== undefined && band.to <= band.from) {
            ctx.report(plan, [...path, 'to'], {
              code: 'comp.band-range',
              message: `Band ends (${band.to}) at or before it starts (${band.from}).`,
            });
          }
          const previous = bands[j - 1];
          if (j === 0 && band.from !== 0) {
            ctx.report(plan, [...path, 'from'], {
              code: 'comp.band-gap',
              message: `The first band starts at ${band.from}; attainment below that would pay nothing by accident.`,
              hint: 'Start the first band at 0 (use rate 0 for a threshold).',
            });
          }
          if (previous !== undefined && previous.to !== band.from) {
            ctx.report(plan, [...path, 'from'], {
              code: 'comp.band-gap',
              message: `Band starts at ${band.from} but the band before ends at ${previous.to ?? 'no upper bound'}.`,
              hint: 'Bands must be contiguous: each `from` equals the `to` of the band before.',
            });
          }
          if (j < bands.length - 1 && band.to === undefined) {
            ctx.report(plan, path, { code: 'comp.band-open', message: 'Only the last band may leave out `to`.' });
          }
        });
      });
      const componentIds = spec.components.map((c) => c.id);
      (spec.gates ?? []).forEach((gate, i) => {
        (gate.components ?? []).forEach((id, j) => {
          if (!componentIds.includes(id)) {
            ctx.report(plan, ['spec', 'gates', i, 'components', j], {
              code: 'ref.component-missing',
              message: `Gate \`${gate.id}\` holds back component \`${id}\`, which this plan does not have.`,
              hint: `${didYouMean(id, componentIds)} Components: ${componentIds.join(', ')}.`.trim(),
            });
          }
        });
      });
      (spec.spiffs ?? []).forEach((spiff, i) => {
        for (const end of ['from', 'to'] as const) {
          if (!isValidDate(spiff[end])) {
            ctx.report(plan, ['spec', 'spiffs', i, end], {
              code: 'date.invalid',
              message: `\`${spiff[end]}\` is not a real date.`,
            });
          }
        }
        if (isValidDate(spiff.from) && isValidDate(spiff.to) && spiff.from > spiff.to) {
          ctx.report(plan, ['spec', 'spiffs', i, 'to'], {
            code: 'date.range',
            message: `SPIF \`${spiff.id}\` ends before it starts.`,
          });
        }
      });
    }
  },
};
