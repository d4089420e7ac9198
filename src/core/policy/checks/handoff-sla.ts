import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { findUnchecked, reportDuplicateIds, reportNotChecked, theFunnel } from './context.js';

/** SLA clocks start and stop on funnel events, run on a declared calendar, and recycle into a real class. */
export const handoffSlaRefs: SemanticCheck = {
  name: 'handoffSlaRefs',
  run(ctx) {
    const funnel = theFunnel(ctx);
    const eventIds = funnel?.spec.events.map((e) => e.id) ?? [];
    const teamIds = funnel?.spec.teams.map((t) => t.id) ?? [];
    const calendars = ctx.set.Calendar.map((c) => c.metadata.name);
    const classIds = ctx.set.LeadDefinition.flatMap((d) => [d.spec.defaultClass, ...d.spec.classes.map((c) => c.id)]);
    for (const sla of ctx.set.HandoffSla) {
      const { spec } = sla;
      if (funnel !== undefined) {
        for (const end of ['from', 'to'] as const) {
          if (!eventIds.includes(spec[end])) {
            ctx.report(sla, ['spec', end], {
              code: 'ref.event-missing',
              message: `Event \`${spec[end]}\` is not declared in funnel \`${funnel.metadata.name}\`.`,
              hint: `${didYouMean(spec[end], eventIds)} Events: ${eventIds.join(', ')}.`.trim(),
            });
          }
        }
        if (spec.from === spec.to) {
          ctx.report(sla, ['spec', 'to'], {
            code: 'sla.same-event',
            message: 'The clock starts and stops on the same event.',
          });
        }
        if (spec.owner !== undefined && !teamIds.includes(spec.owner)) {
          ctx.report(sla, ['spec', 'owner'], {
            code: 'ref.team-missing',
            message: `Team \`${spec.owner}\` is not declared in funnel \`${funnel.metadata.name}\`.`,
            hint: `${didYouMean(spec.owner, teamIds)} Teams: ${teamIds.join(', ')}.`.trim(),
          });
        }
      }
      const failedCalendar = calendars.includes(spec.calendar)
        ? undefined
        : findUnchecked(ctx, 'Calendar', spec.calendar);
      if (failedCalendar !== undefined) {
        reportNotChecked(ctx, sla, ['spec', 'calendar'], `Calendar \`${spec.calendar}\``, failedCalendar);
      } else if (!calendars.includes(spec.calendar)) {
        ctx.report(sla, ['spec', 'calendar'], {
          code: 'ref.policy-missing',
          message: `Calendar \`${spec.calendar}\` does not exist.`,
          hint: `${didYouMean(spec.calendar, calendars)} Calendars: ${calendars.join(', ') || 'none'}.`.trim(),
        });
      }
      reportDuplicateIds(ctx, sla, spec.targets, ['spec', 'targets'], 'Target');
      spec.targets.forEach((target, i) => {
        if (target.when === undefined && i < spec.targets.length - 1) {
          ctx.report(sla, ['spec', 'targets', i + 1], {
            code: 'sla.unreachable-target',
            severity: 'warning',
            message: `Target \`${spec.targets[i + 1]?.id ?? ''}\` can never apply: target \`${target.id}\` before it has no \`when\` and matches every lead.`,
            hint: 'Put the catch-all target last.',
          });
        }
      });
      const recycle = spec.recycle;
      if (recycle !== undefined && classIds.length > 0 && !classIds.includes(recycle.toClass)) {
        ctx.report(sla, ['spec', 'recycle', 'toClass'], {
          code: 'ref.class-missing',
          message: `Lead class \`${recycle.toClass}\` is not defined by the LeadDefinition.`,
          hint: `${didYouMean(recycle.toClass, classIds)} Classes: ${classIds.join(', ')}.`.trim(),
        });
      }
    }
  },
};
