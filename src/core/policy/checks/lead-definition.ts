import { canonicalModel } from '../../model/canonical.js';
import { didYouMean } from '../did-you-mean.js';
import type { SemanticCheck } from './context.js';
import { findUnchecked, reportDuplicateIds, reportNotChecked } from './context.js';

/** The lead definition names a real funnel, its classes map to that funnel's stages, and rule ids are unique. */
export const leadDefinitionRefs: SemanticCheck = {
  name: 'leadDefinitionRefs',
  run(ctx) {
    for (const def of ctx.set.LeadDefinition) {
      const { spec } = def;
      const funnel = ctx.set.Funnel.find((f) => f.metadata.name === spec.funnel);
      const failedFunnel = funnel !== undefined ? undefined : findUnchecked(ctx, 'Funnel', spec.funnel);
      if (funnel === undefined && failedFunnel !== undefined) {
        reportNotChecked(ctx, def, ['spec', 'funnel'], `Funnel \`${spec.funnel}\``, failedFunnel);
      } else if (funnel === undefined) {
        const names = ctx.set.Funnel.map((f) => f.metadata.name);
        ctx.report(def, ['spec', 'funnel'], {
          code: 'ref.policy-missing',
          message: `Funnel \`${spec.funnel}\` does not exist.`,
          hint: `${didYouMean(spec.funnel, names)} Funnels: ${names.join(', ') || 'none'}.`.trim(),
        });
      }
      const stageIds = funnel?.spec.stages.map((s) => s.id) ?? [];
      const classIds = spec.classes.map((c) => c.id);
      reportDuplicateIds(ctx, def, spec.classes, ['spec', 'classes'], 'Class');
      const ruleLists = [
        { items: spec.exclusions, path: ['spec', 'exclusions'] },
        { items: spec.handRaisers, path: ['spec', 'handRaisers'] },
        { items: spec.scoring?.fit?.rules, path: ['spec', 'scoring', 'fit', 'rules'] },
        { items: spec.scoring?.engagement?.rules, path: ['spec', 'scoring', 'engagement', 'rules'] },
      ];
      const seen = new Map<string, string>();
      for (const { items, path } of ruleLists) {
        (items ?? []).forEach((rule, i) => {
          const where = `${path.slice(1).join('.')}[${i}]`;
          const first = seen.get(rule.id);
          if (first !== undefined) {
            ctx.report(def, [...path, i, 'id'], {
              code: 'id.duplicate',
              message: `Rule id \`${rule.id}\` is used twice (first at ${first}).`,
              hint: 'Rule ids name clauses in explanations and coverage; make each unique in the policy.',
            });
          } else {
            seen.set(rule.id, where);
          }
        });
      }
      if (funnel !== undefined) {
        spec.classes.forEach((cls, i) => {
          // Every lead enters the first stage: gating it on a class would erase the leads no class qualifies.
          if (cls.stage === stageIds[0]) {
            ctx.report(def, ['spec', 'classes', i, 'stage'], {
              code: 'lead.class-first-stage',
              message: `Class \`${cls.id}\` maps to \`${cls.stage}\`, the first stage of funnel \`${funnel.metadata.name}\`, which every lead enters.`,
              hint: `A class qualifies leads into a later stage (${stageIds.slice(1, 3).join(', ')}, …); leads it does not qualify would vanish from \`${cls.stage}\`.`,
            });
          }
          if (!stageIds.includes(cls.stage)) {
            ctx.report(def, ['spec', 'classes', i, 'stage'], {
              code: 'ref.stage-missing',
              message: `Class \`${cls.id}\` maps to stage \`${cls.stage}\`, which funnel \`${funnel.metadata.name}\` does not have.`,
              hint: `${didYouMean(cls.stage, stageIds)} Stages: ${stageIds.join(', ')}.`.trim(),
            });
          }
        });
      }
      (spec.handRaisers ?? []).forEach((rule, i) => {
        if (!classIds.includes(rule.classifyAs)) {
          ctx.report(def, ['spec', 'handRaisers', i, 'classifyAs'], {
            code: 'ref.class-missing',
            message: `Hand-raiser \`${rule.id}\` classifies as \`${rule.classifyAs}\`, which is not one of spec.classes.`,
            hint: `${didYouMean(rule.classifyAs, classIds)} Classes: ${classIds.join(', ')}.`.trim(),
          });
        }
      });
      for (const reserved of ['excluded', spec.defaultClass]) {
        const index = classIds.indexOf(reserved);
        if (index >= 0) {
          ctx.report(def, ['spec', 'classes', index, 'id'], {
            code: 'lead.class-reserved',
            message: `Class id \`${reserved}\` is reserved (${reserved === 'excluded' ? 'leads matching an exclusion' : 'the default class'}).`,
            hint: 'Qualified classes are the ones a lead earns; name this class differently.',
          });
        }
      }
      const decayFrom = spec.scoring?.engagement?.decay?.from;
      if (decayFrom !== undefined && canonicalModel.leads[decayFrom]?.type !== 'datetime') {
        const timestamps = Object.keys(canonicalModel.leads).filter(
          (f) => canonicalModel.leads[f]?.type === 'datetime',
        );
        ctx.report(def, ['spec', 'scoring', 'engagement', 'decay', 'from'], {
          code: 'model.unknown-field',
          message: `\`${decayFrom}\` is not a timestamp field of leads.`,
          hint: `${didYouMean(decayFrom, timestamps)} Timestamp fields: ${timestamps.join(', ')}.`.trim(),
        });
      }
    }
  },
};
