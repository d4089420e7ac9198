import { canonicalModel } from '../../model/canonical.js';
import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { reportDuplicateIds } from './context.js';

const entityFields = { lead: canonicalModel.leads, opportunity: canonicalModel.opportunities } as const;

/** Team, event and stage ids are unique; every stage names a declared team and event; events read real fields. */
export const funnelRefsExist: SemanticCheck = {
  name: 'funnelRefsExist',
  run(ctx) {
    for (const funnel of ctx.set.Funnel) {
      const { teams, events, stages } = funnel.spec;
      reportDuplicateIds(ctx, funnel, teams, ['spec', 'teams'], 'Team');
      reportDuplicateIds(ctx, funnel, events, ['spec', 'events'], 'Event');
      reportDuplicateIds(ctx, funnel, stages, ['spec', 'stages'], 'Stage');
      const teamIds = teams.map((t) => t.id);
      const eventIds = events.map((e) => e.id);
      stages.forEach((stage, i) => {
        if (!teamIds.includes(stage.owner)) {
          ctx.report(funnel, ['spec', 'stages', i, 'owner'], {
            code: 'ref.team-missing',
            message: `Stage \`${stage.id}\` is owned by team \`${stage.owner}\`, which is not declared in spec.teams.`,
            hint: `${didYouMean(stage.owner, teamIds)} Declared teams: ${teamIds.join(', ')}.`.trim(),
          });
        }
        if (!eventIds.includes(stage.entry)) {
          ctx.report(funnel, ['spec', 'stages', i, 'entry'], {
            code: 'ref.event-missing',
            message: `Stage \`${stage.id}\` is entered on event \`${stage.entry}\`, which is not declared in spec.events.`,
            hint: `${didYouMean(stage.entry, eventIds)} Declared events: ${eventIds.join(', ')}.`.trim(),
          });
        }
      });
      const firstTerminal = stages.findIndex((s) => s.terminal !== undefined);
      if (firstTerminal >= 0) {
        stages.slice(firstTerminal).forEach((stage, offset) => {
          if (stage.terminal === undefined) {
            ctx.report(funnel, ['spec', 'stages', firstTerminal + offset], {
              code: 'funnel.stage-order',
              message: `Working stage \`${stage.id}\` comes after a terminal stage.`,
              hint: 'List stages in funnel order, with the terminal stages (won, lost) last.',
            });
          }
        });
      }
      events.forEach((event, i) => {
        const hasField = event.field !== undefined;
        const hasActivity = event.activity !== undefined;
        if (hasField === hasActivity) {
          ctx.report(funnel, ['spec', 'events', i], {
            code: 'funnel.event-source',
            message: `Event \`${event.id}\` must give exactly one of \`field\` or \`activity\`${hasField ? ', not both' : ''}.`,
            hint: 'Use `field` for a timestamp column (e.g. `mql_at`) or `activity` for the first matching activity.',
          });
        }
        if (event.field !== undefined) {
          const fields = entityFields[event.entity];
          const spec = fields[event.field];
          if (spec === undefined || (spec.type !== 'datetime' && spec.type !== 'date')) {
            const timestamps = Object.keys(fields).filter((f) => fields[f]?.type === 'datetime');
            ctx.report(funnel, ['spec', 'events', i, 'field'], {
              code: 'model.unknown-field',
              message: `\`${event.field}\` is not a timestamp field of ${event.entity}s.`,
              hint: `${didYouMean(event.field, timestamps)} Timestamp fields: ${timestamps.join(', ')}.`.trim(),
            });
          }
        }
        const after = event.activity?.after;
        if (after !== undefined && !eventIds.includes(after)) {
          ctx.report(funnel, ['spec', 'events', i, 'activity', 'after'], {
            code: 'ref.event-missing',
            message: `Event \`${after}\` is not declared in spec.events.`,
            hint: didYouMean(after, eventIds).trim() || `Declared events: ${eventIds.join(', ')}.`,
          });
        }
      });
    }
  },
};
